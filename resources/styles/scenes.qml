<!DOCTYPE qgis PUBLIC 'http://mrcc.com/qgis.dtd' 'SYSTEM'>
<qgis minScale="1e+08" version="3.22.16-Białowieża" readOnly="0" hasScaleBasedVisibilityFlag="0" maxScale="0" styleCategories="AllStyleCategories">
 <flags>
  <Identifiable>1</Identifiable>
  <Removable>1</Removable>
  <Searchable>1</Searchable>
  <Private>0</Private>
 </flags>
 <temporal durationField="" fixedDuration="0" durationUnit="min" enabled="0" endExpression="" limitMode="0" startField="" startExpression="" endField="" mode="0" accumulate="0">
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
   <Option value="" type="QString"/>
  </activeChecks>
  <checkConfiguration/>
 </geometryOptions>
 <legend showLabelLegend="0" type="default-vector"/>
 <referencedLayers/>
 <fieldConfiguration>
  <field configurationFlags="None" name="scene_id">
   <editWidget type="TextEdit">
    <config>
     <Option type="Map">
      <Option name="IsMultiline" value="false" type="bool"/>
      <Option name="UseHtml" value="false" type="bool"/>
     </Option>
    </config>
   </editWidget>
  </field>
  <field configurationFlags="None" name="sensor">
   <editWidget type="TextEdit">
    <config>
     <Option type="Map">
      <Option name="IsMultiline" value="false" type="bool"/>
      <Option name="UseHtml" value="false" type="bool"/>
     </Option>
    </config>
   </editWidget>
  </field>
  <field configurationFlags="None" name="acquired_utc">
   <editWidget type="DateTime">
    <config>
     <Option type="Map">
      <Option name="allow_null" value="true" type="bool"/>
      <Option name="calendar_popup" value="true" type="bool"/>
      <Option name="display_format" value="yyyy-MM-dd HH:mm:ss" type="QString"/>
      <Option name="field_format" value="yyyy-MM-ddTHH:mm:ss.zzzZ" type="QString"/>
     </Option>
    </config>
   </editWidget>
  </field>
  <field configurationFlags="None" name="gsd_m">
   <editWidget type="Range">
    <config>
     <Option type="Map">
      <Option name="AllowNull" value="true" type="bool"/>
      <Option name="Max" value="100" type="double"/>
      <Option name="Min" value="0" type="double"/>
      <Option name="Precision" value="2" type="int"/>
      <Option name="Step" value="1" type="double"/>
      <Option name="Style" value="SpinBox" type="QString"/>
     </Option>
    </config>
   </editWidget>
  </field>
  <field configurationFlags="None" name="sun_elevation_deg">
   <editWidget type="Range">
    <config>
     <Option type="Map">
      <Option name="AllowNull" value="true" type="bool"/>
      <Option name="Max" value="90" type="double"/>
      <Option name="Min" value="-90" type="double"/>
      <Option name="Precision" value="2" type="int"/>
      <Option name="Step" value="1" type="double"/>
      <Option name="Style" value="SpinBox" type="QString"/>
     </Option>
    </config>
   </editWidget>
  </field>
  <field configurationFlags="None" name="sun_azimuth_deg">
   <editWidget type="Range">
    <config>
     <Option type="Map">
      <Option name="AllowNull" value="true" type="bool"/>
      <Option name="Max" value="360" type="double"/>
      <Option name="Min" value="0" type="double"/>
      <Option name="Precision" value="2" type="int"/>
      <Option name="Step" value="1" type="double"/>
      <Option name="Style" value="SpinBox" type="QString"/>
     </Option>
    </config>
   </editWidget>
  </field>
  <field configurationFlags="None" name="off_nadir_deg">
   <editWidget type="Range">
    <config>
     <Option type="Map">
      <Option name="AllowNull" value="true" type="bool"/>
      <Option name="Max" value="90" type="double"/>
      <Option name="Min" value="0" type="double"/>
      <Option name="Precision" value="2" type="int"/>
      <Option name="Step" value="1" type="double"/>
      <Option name="Style" value="SpinBox" type="QString"/>
     </Option>
    </config>
   </editWidget>
  </field>
  <field configurationFlags="None" name="incidence_deg">
   <editWidget type="Range">
    <config>
     <Option type="Map">
      <Option name="AllowNull" value="true" type="bool"/>
      <Option name="Max" value="90" type="double"/>
      <Option name="Min" value="0" type="double"/>
      <Option name="Precision" value="2" type="int"/>
      <Option name="Step" value="1" type="double"/>
      <Option name="Style" value="SpinBox" type="QString"/>
     </Option>
    </config>
   </editWidget>
  </field>
  <field configurationFlags="None" name="view_azimuth_deg">
   <editWidget type="Range">
    <config>
     <Option type="Map">
      <Option name="AllowNull" value="true" type="bool"/>
      <Option name="Max" value="360" type="double"/>
      <Option name="Min" value="0" type="double"/>
      <Option name="Precision" value="2" type="int"/>
      <Option name="Step" value="1" type="double"/>
      <Option name="Style" value="SpinBox" type="QString"/>
     </Option>
    </config>
   </editWidget>
  </field>
  <field configurationFlags="None" name="source">
   <editWidget type="TextEdit">
    <config>
     <Option type="Map">
      <Option name="IsMultiline" value="false" type="bool"/>
      <Option name="UseHtml" value="false" type="bool"/>
     </Option>
    </config>
   </editWidget>
  </field>
  <field configurationFlags="None" name="raster_path">
   <editWidget type="TextEdit">
    <config>
     <Option type="Map">
      <Option name="IsMultiline" value="false" type="bool"/>
      <Option name="UseHtml" value="false" type="bool"/>
     </Option>
    </config>
   </editWidget>
  </field>
  <field configurationFlags="None" name="notes">
   <editWidget type="TextEdit">
    <config>
     <Option type="Map">
      <Option name="IsMultiline" value="true" type="bool"/>
      <Option name="UseHtml" value="false" type="bool"/>
     </Option>
    </config>
   </editWidget>
  </field>
 </fieldConfiguration>
 <aliases>
  <alias index="0" name="Scene" field="scene_id"/>
  <alias index="1" name="Sensor" field="sensor"/>
  <alias index="2" name="Acquired (UTC)" field="acquired_utc"/>
  <alias index="3" name="GSD (m)" field="gsd_m"/>
  <alias index="4" name="Sun elevation (deg)" field="sun_elevation_deg"/>
  <alias index="5" name="Sun azimuth (deg)" field="sun_azimuth_deg"/>
  <alias index="6" name="Off-nadir (deg)" field="off_nadir_deg"/>
  <alias index="7" name="Incidence (deg)" field="incidence_deg"/>
  <alias index="8" name="View azimuth (deg)" field="view_azimuth_deg"/>
  <alias index="9" name="Source" field="source"/>
  <alias index="10" name="Raster path" field="raster_path"/>
  <alias index="11" name="Notes" field="notes"/>
 </aliases>
 <defaults>
  <default applyOnUpdate="0" field="scene_id" expression=""/>
  <default applyOnUpdate="0" field="sensor" expression=""/>
  <default applyOnUpdate="0" field="acquired_utc" expression=""/>
  <default applyOnUpdate="0" field="gsd_m" expression=""/>
  <default applyOnUpdate="0" field="sun_elevation_deg" expression=""/>
  <default applyOnUpdate="0" field="sun_azimuth_deg" expression=""/>
  <default applyOnUpdate="0" field="off_nadir_deg" expression=""/>
  <default applyOnUpdate="0" field="incidence_deg" expression=""/>
  <default applyOnUpdate="0" field="view_azimuth_deg" expression=""/>
  <default applyOnUpdate="0" field="source" expression=""/>
  <default applyOnUpdate="0" field="raster_path" expression=""/>
  <default applyOnUpdate="0" field="notes" expression=""/>
 </defaults>
 <constraints>
  <constraint exp_strength="0" field="scene_id" constraints="3" unique_strength="1" notnull_strength="1"/>
  <constraint exp_strength="0" field="sensor" constraints="0" unique_strength="0" notnull_strength="0"/>
  <constraint exp_strength="0" field="acquired_utc" constraints="0" unique_strength="0" notnull_strength="0"/>
  <constraint exp_strength="1" field="gsd_m" constraints="4" unique_strength="0" notnull_strength="0"/>
  <constraint exp_strength="1" field="sun_elevation_deg" constraints="4" unique_strength="0" notnull_strength="0"/>
  <constraint exp_strength="1" field="sun_azimuth_deg" constraints="4" unique_strength="0" notnull_strength="0"/>
  <constraint exp_strength="1" field="off_nadir_deg" constraints="4" unique_strength="0" notnull_strength="0"/>
  <constraint exp_strength="1" field="incidence_deg" constraints="4" unique_strength="0" notnull_strength="0"/>
  <constraint exp_strength="1" field="view_azimuth_deg" constraints="4" unique_strength="0" notnull_strength="0"/>
  <constraint exp_strength="0" field="source" constraints="0" unique_strength="0" notnull_strength="0"/>
  <constraint exp_strength="0" field="raster_path" constraints="0" unique_strength="0" notnull_strength="0"/>
  <constraint exp_strength="0" field="notes" constraints="0" unique_strength="0" notnull_strength="0"/>
 </constraints>
 <constraintExpressions>
  <constraint exp="" field="scene_id" desc=""/>
  <constraint exp="" field="sensor" desc=""/>
  <constraint exp="" field="acquired_utc" desc=""/>
  <constraint exp="&quot;gsd_m&quot; IS NULL OR (&quot;gsd_m&quot; > 0 AND &quot;gsd_m&quot; &lt;= 100)" field="gsd_m" desc="GSD (m): above 0 to 100"/>
  <constraint exp="&quot;sun_elevation_deg&quot; IS NULL OR (&quot;sun_elevation_deg&quot; >= -90 AND &quot;sun_elevation_deg&quot; &lt;= 90)" field="sun_elevation_deg" desc="Sun elevation (deg): from -90 to 90"/>
  <constraint exp="&quot;sun_azimuth_deg&quot; IS NULL OR (&quot;sun_azimuth_deg&quot; >= 0 AND &quot;sun_azimuth_deg&quot; &lt;= 360)" field="sun_azimuth_deg" desc="Sun azimuth (deg): from 0 to 360"/>
  <constraint exp="&quot;off_nadir_deg&quot; IS NULL OR (&quot;off_nadir_deg&quot; >= 0 AND &quot;off_nadir_deg&quot; &lt;= 90)" field="off_nadir_deg" desc="Off-nadir (deg): from 0 to 90"/>
  <constraint exp="&quot;incidence_deg&quot; IS NULL OR (&quot;incidence_deg&quot; >= 0 AND &quot;incidence_deg&quot; &lt;= 90)" field="incidence_deg" desc="Incidence (deg): from 0 to 90"/>
  <constraint exp="&quot;view_azimuth_deg&quot; IS NULL OR (&quot;view_azimuth_deg&quot; >= 0 AND &quot;view_azimuth_deg&quot; &lt;= 360)" field="view_azimuth_deg" desc="View azimuth (deg): from 0 to 360"/>
  <constraint exp="" field="source" desc=""/>
  <constraint exp="" field="raster_path" desc=""/>
  <constraint exp="" field="notes" desc=""/>
 </constraintExpressions>
 <expressionfields/>
 <attributeactions/>
 <attributetableconfig actionWidgetStyle="dropDown" sortExpression="" sortOrder="0">
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
  <field name="acquired_utc" editable="1"/>
  <field name="gsd_m" editable="1"/>
  <field name="incidence_deg" editable="1"/>
  <field name="notes" editable="1"/>
  <field name="off_nadir_deg" editable="1"/>
  <field name="raster_path" editable="1"/>
  <field name="scene_id" editable="1"/>
  <field name="sensor" editable="1"/>
  <field name="source" editable="1"/>
  <field name="sun_azimuth_deg" editable="1"/>
  <field name="sun_elevation_deg" editable="1"/>
  <field name="view_azimuth_deg" editable="1"/>
 </editable>
 <labelOnTop/>
 <reuseLastValue/>
 <dataDefinedFieldProperties/>
 <widgets/>
 <previewExpression>"scene_id"</previewExpression>
 <mapTip></mapTip>
 <layerGeometryType>4</layerGeometryType>
</qgis>
