<!DOCTYPE qgis PUBLIC 'http://mrcc.com/qgis.dtd' 'SYSTEM'>
<qgis simplifyDrawingTol="1" labelsEnabled="0" simplifyLocal="1" simplifyDrawingHints="1" simplifyAlgorithm="0" simplifyMaxScale="1" symbologyReferenceScale="-1" minScale="100000000" version="3.22.16-Białowieża" styleCategories="AllStyleCategories" hasScaleBasedVisibilityFlag="0" maxScale="0" readOnly="0">
 <flags>
  <Identifiable>1</Identifiable>
  <Removable>1</Removable>
  <Searchable>1</Searchable>
  <Private>0</Private>
 </flags>
 <temporal limitMode="0" startField="acquired_utc" durationField="" enabled="1" endExpression="" startExpression="" durationUnit="d" fixedDuration="1" accumulate="0" mode="1" endField="">
  <fixedRange>
   <start></start>
   <end></end>
  </fixedRange>
 </temporal>
 <renderer-v2 type="singleSymbol" referencescale="-1" enableorderby="0" forceraster="0" symbollevels="0">
  <symbols>
   <symbol type="fill" force_rhr="0" clip_to_extent="1" alpha="1" name="0">
    <data_defined_properties>
     <Option type="Map">
      <Option type="QString" name="name" value=""/>
      <Option name="properties"/>
      <Option type="QString" name="type" value="collection"/>
     </Option>
    </data_defined_properties>
    <layer class="SimpleFill" enabled="1" locked="0" pass="0">
     <Option type="Map">
      <Option type="QString" name="border_width_map_unit_scale" value="3x:0,0,0,0,0,0"/>
      <Option type="QString" name="color" value="0,0,0,0"/>
      <Option type="QString" name="joinstyle" value="bevel"/>
      <Option type="QString" name="offset" value="0,0"/>
      <Option type="QString" name="offset_map_unit_scale" value="3x:0,0,0,0,0,0"/>
      <Option type="QString" name="offset_unit" value="MM"/>
      <Option type="QString" name="outline_color" value="120,220,120,255"/>
      <Option type="QString" name="outline_style" value="dash"/>
      <Option type="QString" name="outline_width" value="0.4"/>
      <Option type="QString" name="outline_width_unit" value="MM"/>
      <Option type="QString" name="style" value="solid"/>
     </Option>
     <prop k="border_width_map_unit_scale" v="3x:0,0,0,0,0,0"/>
     <prop k="color" v="0,0,0,0"/>
     <prop k="joinstyle" v="bevel"/>
     <prop k="offset" v="0,0"/>
     <prop k="offset_map_unit_scale" v="3x:0,0,0,0,0,0"/>
     <prop k="offset_unit" v="MM"/>
     <prop k="outline_color" v="120,220,120,255"/>
     <prop k="outline_style" v="dash"/>
     <prop k="outline_width" v="0.4"/>
     <prop k="outline_width_unit" v="MM"/>
     <prop k="style" v="solid"/>
     <data_defined_properties>
      <Option type="Map">
       <Option type="QString" name="name" value=""/>
       <Option name="properties"/>
       <Option type="QString" name="type" value="collection"/>
      </Option>
     </data_defined_properties>
    </layer>
   </symbol>
  </symbols>
  <rotation/>
  <sizescale/>
 </renderer-v2>
 <customproperties>
  <Option/>
 </customproperties>
 <blendMode>0</blendMode>
 <featureBlendMode>0</featureBlendMode>
 <layerOpacity>1</layerOpacity>
 <geometryOptions geometryPrecision="0" removeDuplicateNodes="0">
  <activeChecks type="StringList">
   <Option type="QString" value=""/>
  </activeChecks>
  <checkConfiguration/>
 </geometryOptions>
 <legend type="default-vector" showLabelLegend="0"/>
 <referencedLayers/>
 <fieldConfiguration>
  <field name="scene_id" configurationFlags="None">
   <editWidget type="TextEdit">
    <config>
     <Option type="Map">
      <Option type="bool" name="IsMultiline" value="false"/>
      <Option type="bool" name="UseHtml" value="false"/>
     </Option>
    </config>
   </editWidget>
  </field>
  <field name="sensor" configurationFlags="None">
   <editWidget type="TextEdit">
    <config>
     <Option type="Map">
      <Option type="bool" name="IsMultiline" value="false"/>
      <Option type="bool" name="UseHtml" value="false"/>
     </Option>
    </config>
   </editWidget>
  </field>
  <field name="acquired_utc" configurationFlags="None">
   <editWidget type="DateTime">
    <config>
     <Option type="Map">
      <Option type="bool" name="allow_null" value="true"/>
      <Option type="bool" name="calendar_popup" value="true"/>
      <Option type="QString" name="display_format" value="yyyy-MM-dd HH:mm:ss"/>
      <Option type="QString" name="field_format" value="yyyy-MM-ddTHH:mm:ss.zzzZ"/>
     </Option>
    </config>
   </editWidget>
  </field>
  <field name="gsd_m" configurationFlags="None">
   <editWidget type="Range">
    <config>
     <Option type="Map">
      <Option type="bool" name="AllowNull" value="true"/>
      <Option type="double" name="Max" value="100"/>
      <Option type="double" name="Min" value="0"/>
      <Option type="int" name="Precision" value="2"/>
      <Option type="double" name="Step" value="1"/>
      <Option type="QString" name="Style" value="SpinBox"/>
     </Option>
    </config>
   </editWidget>
  </field>
  <field name="sun_elevation_deg" configurationFlags="None">
   <editWidget type="Range">
    <config>
     <Option type="Map">
      <Option type="bool" name="AllowNull" value="true"/>
      <Option type="double" name="Max" value="90"/>
      <Option type="double" name="Min" value="-90"/>
      <Option type="int" name="Precision" value="2"/>
      <Option type="double" name="Step" value="1"/>
      <Option type="QString" name="Style" value="SpinBox"/>
     </Option>
    </config>
   </editWidget>
  </field>
  <field name="sun_azimuth_deg" configurationFlags="None">
   <editWidget type="Range">
    <config>
     <Option type="Map">
      <Option type="bool" name="AllowNull" value="true"/>
      <Option type="double" name="Max" value="360"/>
      <Option type="double" name="Min" value="0"/>
      <Option type="int" name="Precision" value="2"/>
      <Option type="double" name="Step" value="1"/>
      <Option type="QString" name="Style" value="SpinBox"/>
     </Option>
    </config>
   </editWidget>
  </field>
  <field name="off_nadir_deg" configurationFlags="None">
   <editWidget type="Range">
    <config>
     <Option type="Map">
      <Option type="bool" name="AllowNull" value="true"/>
      <Option type="double" name="Max" value="90"/>
      <Option type="double" name="Min" value="0"/>
      <Option type="int" name="Precision" value="2"/>
      <Option type="double" name="Step" value="1"/>
      <Option type="QString" name="Style" value="SpinBox"/>
     </Option>
    </config>
   </editWidget>
  </field>
  <field name="incidence_deg" configurationFlags="None">
   <editWidget type="Range">
    <config>
     <Option type="Map">
      <Option type="bool" name="AllowNull" value="true"/>
      <Option type="double" name="Max" value="90"/>
      <Option type="double" name="Min" value="0"/>
      <Option type="int" name="Precision" value="2"/>
      <Option type="double" name="Step" value="1"/>
      <Option type="QString" name="Style" value="SpinBox"/>
     </Option>
    </config>
   </editWidget>
  </field>
  <field name="view_azimuth_deg" configurationFlags="None">
   <editWidget type="Range">
    <config>
     <Option type="Map">
      <Option type="bool" name="AllowNull" value="true"/>
      <Option type="double" name="Max" value="360"/>
      <Option type="double" name="Min" value="0"/>
      <Option type="int" name="Precision" value="2"/>
      <Option type="double" name="Step" value="1"/>
      <Option type="QString" name="Style" value="SpinBox"/>
     </Option>
    </config>
   </editWidget>
  </field>
  <field name="source" configurationFlags="None">
   <editWidget type="TextEdit">
    <config>
     <Option type="Map">
      <Option type="bool" name="IsMultiline" value="false"/>
      <Option type="bool" name="UseHtml" value="false"/>
     </Option>
    </config>
   </editWidget>
  </field>
  <field name="raster_path" configurationFlags="None">
   <editWidget type="TextEdit">
    <config>
     <Option type="Map">
      <Option type="bool" name="IsMultiline" value="false"/>
      <Option type="bool" name="UseHtml" value="false"/>
     </Option>
    </config>
   </editWidget>
  </field>
  <field name="notes" configurationFlags="None">
   <editWidget type="TextEdit">
    <config>
     <Option type="Map">
      <Option type="bool" name="IsMultiline" value="true"/>
      <Option type="bool" name="UseHtml" value="false"/>
     </Option>
    </config>
   </editWidget>
  </field>
  <field name="examined" configurationFlags="None">
   <editWidget type="CheckBox">
    <config>
     <Option type="Map">
      <Option type="QString" name="CheckedState" value=""/>
      <Option type="int" name="TextDisplayMethod" value="0"/>
      <Option type="QString" name="UncheckedState" value=""/>
     </Option>
    </config>
   </editWidget>
  </field>
  <field name="examined_note" configurationFlags="None">
   <editWidget type="TextEdit">
    <config>
     <Option type="Map">
      <Option type="bool" name="IsMultiline" value="false"/>
      <Option type="bool" name="UseHtml" value="false"/>
     </Option>
    </config>
   </editWidget>
  </field>
 </fieldConfiguration>
 <aliases>
  <alias name="Scene" field="scene_id" index="0"/>
  <alias name="Sensor" field="sensor" index="1"/>
  <alias name="Acquired (UTC)" field="acquired_utc" index="2"/>
  <alias name="GSD (m)" field="gsd_m" index="3"/>
  <alias name="Sun elevation (deg)" field="sun_elevation_deg" index="4"/>
  <alias name="Sun azimuth (deg)" field="sun_azimuth_deg" index="5"/>
  <alias name="Off-nadir (deg)" field="off_nadir_deg" index="6"/>
  <alias name="Incidence (deg)" field="incidence_deg" index="7"/>
  <alias name="View azimuth (deg)" field="view_azimuth_deg" index="8"/>
  <alias name="Source" field="source" index="9"/>
  <alias name="Raster path" field="raster_path" index="10"/>
  <alias name="Notes" field="notes" index="11"/>
  <alias name="Examined" field="examined" index="12"/>
  <alias name="Examined note" field="examined_note" index="13"/>
 </aliases>
 <defaults>
  <default expression="" field="scene_id" applyOnUpdate="0"/>
  <default expression="" field="sensor" applyOnUpdate="0"/>
  <default expression="" field="acquired_utc" applyOnUpdate="0"/>
  <default expression="" field="gsd_m" applyOnUpdate="0"/>
  <default expression="" field="sun_elevation_deg" applyOnUpdate="0"/>
  <default expression="" field="sun_azimuth_deg" applyOnUpdate="0"/>
  <default expression="" field="off_nadir_deg" applyOnUpdate="0"/>
  <default expression="" field="incidence_deg" applyOnUpdate="0"/>
  <default expression="" field="view_azimuth_deg" applyOnUpdate="0"/>
  <default expression="" field="source" applyOnUpdate="0"/>
  <default expression="" field="raster_path" applyOnUpdate="0"/>
  <default expression="" field="notes" applyOnUpdate="0"/>
  <default expression="" field="examined" applyOnUpdate="0"/>
  <default expression="" field="examined_note" applyOnUpdate="0"/>
 </defaults>
 <constraints>
  <constraint unique_strength="1" exp_strength="0" field="scene_id" notnull_strength="1" constraints="3"/>
  <constraint unique_strength="0" exp_strength="0" field="sensor" notnull_strength="0" constraints="0"/>
  <constraint unique_strength="0" exp_strength="0" field="acquired_utc" notnull_strength="0" constraints="0"/>
  <constraint unique_strength="0" exp_strength="1" field="gsd_m" notnull_strength="0" constraints="4"/>
  <constraint unique_strength="0" exp_strength="1" field="sun_elevation_deg" notnull_strength="0" constraints="4"/>
  <constraint unique_strength="0" exp_strength="1" field="sun_azimuth_deg" notnull_strength="0" constraints="4"/>
  <constraint unique_strength="0" exp_strength="1" field="off_nadir_deg" notnull_strength="0" constraints="4"/>
  <constraint unique_strength="0" exp_strength="1" field="incidence_deg" notnull_strength="0" constraints="4"/>
  <constraint unique_strength="0" exp_strength="1" field="view_azimuth_deg" notnull_strength="0" constraints="4"/>
  <constraint unique_strength="0" exp_strength="0" field="source" notnull_strength="0" constraints="0"/>
  <constraint unique_strength="0" exp_strength="0" field="raster_path" notnull_strength="0" constraints="0"/>
  <constraint unique_strength="0" exp_strength="0" field="notes" notnull_strength="0" constraints="0"/>
  <constraint unique_strength="0" exp_strength="0" field="examined" notnull_strength="0" constraints="0"/>
  <constraint unique_strength="0" exp_strength="0" field="examined_note" notnull_strength="0" constraints="0"/>
 </constraints>
 <constraintExpressions>
  <constraint desc="" field="scene_id" exp=""/>
  <constraint desc="" field="sensor" exp=""/>
  <constraint desc="" field="acquired_utc" exp=""/>
  <constraint desc="GSD (m): above 0 to 100" field="gsd_m" exp="&quot;gsd_m&quot; IS NULL OR (&quot;gsd_m&quot; > 0 AND &quot;gsd_m&quot; &lt;= 100)"/>
  <constraint desc="Sun elevation (deg): from -90 to 90" field="sun_elevation_deg" exp="&quot;sun_elevation_deg&quot; IS NULL OR (&quot;sun_elevation_deg&quot; >= -90 AND &quot;sun_elevation_deg&quot; &lt;= 90)"/>
  <constraint desc="Sun azimuth (deg): from 0 to 360" field="sun_azimuth_deg" exp="&quot;sun_azimuth_deg&quot; IS NULL OR (&quot;sun_azimuth_deg&quot; >= 0 AND &quot;sun_azimuth_deg&quot; &lt;= 360)"/>
  <constraint desc="Off-nadir (deg): from 0 to 90" field="off_nadir_deg" exp="&quot;off_nadir_deg&quot; IS NULL OR (&quot;off_nadir_deg&quot; >= 0 AND &quot;off_nadir_deg&quot; &lt;= 90)"/>
  <constraint desc="Incidence (deg): from 0 to 90" field="incidence_deg" exp="&quot;incidence_deg&quot; IS NULL OR (&quot;incidence_deg&quot; >= 0 AND &quot;incidence_deg&quot; &lt;= 90)"/>
  <constraint desc="View azimuth (deg): from 0 to 360" field="view_azimuth_deg" exp="&quot;view_azimuth_deg&quot; IS NULL OR (&quot;view_azimuth_deg&quot; >= 0 AND &quot;view_azimuth_deg&quot; &lt;= 360)"/>
  <constraint desc="" field="source" exp=""/>
  <constraint desc="" field="raster_path" exp=""/>
  <constraint desc="" field="notes" exp=""/>
  <constraint desc="" field="examined" exp=""/>
  <constraint desc="" field="examined_note" exp=""/>
 </constraintExpressions>
 <expressionfields/>
 <attributeactions/>
 <attributetableconfig sortOrder="0" sortExpression="" actionWidgetStyle="dropDown">
  <columns/>
 </attributetableconfig>
 <conditionalstyles>
  <rowstyles/>
  <fieldstyles/>
 </conditionalstyles>
 <storedexpressions/>
 <editform tolerant="1"></editform>
 <editforminit/>
 <editforminitcodesource>0</editforminitcodesource>
 <editforminitfilepath></editforminitfilepath>
 <editforminitcode><![CDATA[]]></editforminitcode>
 <featformsuppress>0</featformsuppress>
 <editorlayout>generatedlayout</editorlayout>
 <editable>
  <field editable="1" name="acquired_utc"/>
  <field editable="1" name="examined"/>
  <field editable="1" name="examined_note"/>
  <field editable="1" name="gsd_m"/>
  <field editable="1" name="incidence_deg"/>
  <field editable="1" name="notes"/>
  <field editable="1" name="off_nadir_deg"/>
  <field editable="1" name="raster_path"/>
  <field editable="1" name="scene_id"/>
  <field editable="1" name="sensor"/>
  <field editable="1" name="source"/>
  <field editable="1" name="sun_azimuth_deg"/>
  <field editable="1" name="sun_elevation_deg"/>
  <field editable="1" name="view_azimuth_deg"/>
 </editable>
 <labelOnTop/>
 <reuseLastValue/>
 <dataDefinedFieldProperties/>
 <widgets/>
 <previewExpression>"scene_id"</previewExpression>
 <mapTip></mapTip>
 <layerGeometryType>2</layerGeometryType>
</qgis>
