<!DOCTYPE qgis PUBLIC 'http://mrcc.com/qgis.dtd' 'SYSTEM'>
<qgis minScale="1e+08" version="3.22.16-Białowieża" styleCategories="AllStyleCategories" hasScaleBasedVisibilityFlag="0" maxScale="0" readOnly="0">
 <flags>
  <Identifiable>1</Identifiable>
  <Removable>1</Removable>
  <Searchable>1</Searchable>
  <Private>0</Private>
 </flags>
 <temporal limitMode="0" startField="" durationField="" enabled="0" endExpression="" startExpression="" durationUnit="min" fixedDuration="0" accumulate="0" mode="0" endField="">
  <fixedRange>
   <start></start>
   <end></end>
  </fixedRange>
 </temporal>
 <customproperties>
  <Option/>
 </customproperties>
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
 <layerGeometryType>4</layerGeometryType>
</qgis>
