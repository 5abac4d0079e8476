<!DOCTYPE qgis PUBLIC 'http://mrcc.com/qgis.dtd' 'SYSTEM'>
<qgis simplifyMaxScale="1" minScale="100000000" simplifyDrawingHints="1" simplifyAlgorithm="0" labelsEnabled="1" version="3.22.16-Białowieża" readOnly="0" hasScaleBasedVisibilityFlag="0" simplifyDrawingTol="1" maxScale="0" symbologyReferenceScale="-1" styleCategories="AllStyleCategories" simplifyLocal="1">
 <flags>
  <Identifiable>1</Identifiable>
  <Removable>1</Removable>
  <Searchable>1</Searchable>
  <Private>0</Private>
 </flags>
 <temporal durationField="" fixedDuration="1" durationUnit="d" enabled="1" endExpression="" limitMode="0" startField="observed_utc" startExpression="" endField="" mode="1" accumulate="0">
  <fixedRange>
   <start></start>
   <end></end>
  </fixedRange>
 </temporal>
 <renderer-v2 referencescale="-1" enableorderby="0" type="singleSymbol" forceraster="0" symbollevels="0">
  <symbols>
   <symbol clip_to_extent="1" name="0" force_rhr="0" type="fill" alpha="1">
    <data_defined_properties>
     <Option type="Map">
      <Option name="name" value="" type="QString"/>
      <Option name="properties"/>
      <Option name="type" value="collection" type="QString"/>
     </Option>
    </data_defined_properties>
    <layer pass="0" enabled="1" class="SimpleFill" locked="0">
     <Option type="Map">
      <Option name="border_width_map_unit_scale" value="3x:0,0,0,0,0,0" type="QString"/>
      <Option name="color" value="45,45,45,150" type="QString"/>
      <Option name="joinstyle" value="bevel" type="QString"/>
      <Option name="offset" value="0,0" type="QString"/>
      <Option name="offset_map_unit_scale" value="3x:0,0,0,0,0,0" type="QString"/>
      <Option name="offset_unit" value="MM" type="QString"/>
      <Option name="outline_color" value="255,160,0,255" type="QString"/>
      <Option name="outline_style" value="solid" type="QString"/>
      <Option name="outline_width" value="0.6" type="QString"/>
      <Option name="outline_width_unit" value="MM" type="QString"/>
      <Option name="style" value="solid" type="QString"/>
     </Option>
     <prop k="border_width_map_unit_scale" v="3x:0,0,0,0,0,0"/>
     <prop k="color" v="45,45,45,150"/>
     <prop k="joinstyle" v="bevel"/>
     <prop k="offset" v="0,0"/>
     <prop k="offset_map_unit_scale" v="3x:0,0,0,0,0,0"/>
     <prop k="offset_unit" v="MM"/>
     <prop k="outline_color" v="255,160,0,255"/>
     <prop k="outline_style" v="solid"/>
     <prop k="outline_width" v="0.6"/>
     <prop k="outline_width_unit" v="MM"/>
     <prop k="style" v="solid"/>
     <data_defined_properties>
      <Option type="Map">
       <Option name="name" value="" type="QString"/>
       <Option name="properties"/>
       <Option name="type" value="collection" type="QString"/>
      </Option>
     </data_defined_properties>
    </layer>
   </symbol>
  </symbols>
  <rotation/>
  <sizescale/>
 </renderer-v2>
 <labeling type="simple">
  <settings calloutType="simple">
   <text-style multilineHeight="1" useSubstitutions="0" fontFamily="DejaVu LGC Sans" capitalization="0" fontItalic="0" fontWeight="50" allowHtml="0" textOrientation="horizontal" previewBkgrdColor="255,255,255,255" fontWordSpacing="0" fontUnderline="0" namedStyle="" blendMode="0" fontLetterSpacing="0" textOpacity="1" fontKerning="1" fontSize="9" fontSizeUnit="Point" fontStrikeout="0" isExpression="1" fontSizeMapUnitScale="3x:0,0,0,0,0,0" fieldName="format_number(&quot;tonnage_t&quot;, 0) || ' t'" legendString="Aa" textColor="255,255,255,255">
    <families/>
    <text-buffer bufferJoinStyle="128" bufferSize="0.80000000000000004" bufferSizeMapUnitScale="3x:0,0,0,0,0,0" bufferBlendMode="0" bufferOpacity="1" bufferColor="20,20,20,255" bufferDraw="1" bufferSizeUnits="MM" bufferNoFill="1"/>
    <text-mask maskSize="1.5" maskedSymbolLayers="" maskSizeMapUnitScale="3x:0,0,0,0,0,0" maskEnabled="0" maskOpacity="1" maskJoinStyle="128" maskType="0" maskSizeUnits="MM"/>
    <background shapeSVGFile="" shapeJoinStyle="64" shapeSizeY="0" shapeDraw="0" shapeSizeX="0" shapeBlendMode="0" shapeOpacity="1" shapeBorderWidthMapUnitScale="3x:0,0,0,0,0,0" shapeOffsetX="0" shapeBorderColor="128,128,128,255" shapeBorderWidthUnit="MM" shapeOffsetMapUnitScale="3x:0,0,0,0,0,0" shapeOffsetY="0" shapeRadiiMapUnitScale="3x:0,0,0,0,0,0" shapeFillColor="255,255,255,255" shapeRotationType="0" shapeSizeMapUnitScale="3x:0,0,0,0,0,0" shapeRadiiX="0" shapeRadiiUnit="MM" shapeType="0" shapeOffsetUnit="MM" shapeRadiiY="0" shapeBorderWidth="0" shapeSizeType="0" shapeSizeUnit="MM" shapeRotation="0">
     <symbol clip_to_extent="1" name="fillSymbol" force_rhr="0" type="fill" alpha="1">
      <data_defined_properties>
       <Option type="Map">
        <Option name="name" value="" type="QString"/>
        <Option name="properties"/>
        <Option name="type" value="collection" type="QString"/>
       </Option>
      </data_defined_properties>
      <layer pass="0" enabled="1" class="SimpleFill" locked="0">
       <Option type="Map">
        <Option name="border_width_map_unit_scale" value="3x:0,0,0,0,0,0" type="QString"/>
        <Option name="color" value="255,255,255,255" type="QString"/>
        <Option name="joinstyle" value="bevel" type="QString"/>
        <Option name="offset" value="0,0" type="QString"/>
        <Option name="offset_map_unit_scale" value="3x:0,0,0,0,0,0" type="QString"/>
        <Option name="offset_unit" value="MM" type="QString"/>
        <Option name="outline_color" value="128,128,128,255" type="QString"/>
        <Option name="outline_style" value="no" type="QString"/>
        <Option name="outline_width" value="0" type="QString"/>
        <Option name="outline_width_unit" value="MM" type="QString"/>
        <Option name="style" value="solid" type="QString"/>
       </Option>
       <prop k="border_width_map_unit_scale" v="3x:0,0,0,0,0,0"/>
       <prop k="color" v="255,255,255,255"/>
       <prop k="joinstyle" v="bevel"/>
       <prop k="offset" v="0,0"/>
       <prop k="offset_map_unit_scale" v="3x:0,0,0,0,0,0"/>
       <prop k="offset_unit" v="MM"/>
       <prop k="outline_color" v="128,128,128,255"/>
       <prop k="outline_style" v="no"/>
       <prop k="outline_width" v="0"/>
       <prop k="outline_width_unit" v="MM"/>
       <prop k="style" v="solid"/>
       <data_defined_properties>
        <Option type="Map">
         <Option name="name" value="" type="QString"/>
         <Option name="properties"/>
         <Option name="type" value="collection" type="QString"/>
        </Option>
       </data_defined_properties>
      </layer>
     </symbol>
    </background>
    <shadow shadowOpacity="0.69999999999999996" shadowUnder="0" shadowBlendMode="6" shadowDraw="0" shadowColor="0,0,0,255" shadowRadius="1.5" shadowScale="100" shadowOffsetDist="1" shadowOffsetMapUnitScale="3x:0,0,0,0,0,0" shadowOffsetGlobal="1" shadowRadiusUnit="MM" shadowRadiusAlphaOnly="0" shadowRadiusMapUnitScale="3x:0,0,0,0,0,0" shadowOffsetAngle="135" shadowOffsetUnit="MM"/>
    <dd_properties>
     <Option type="Map">
      <Option name="name" value="" type="QString"/>
      <Option name="properties"/>
      <Option name="type" value="collection" type="QString"/>
     </Option>
    </dd_properties>
    <substitutions/>
   </text-style>
   <text-format leftDirectionSymbol="&lt;" multilineAlign="3" addDirectionSymbol="0" rightDirectionSymbol=">" formatNumbers="0" useMaxLineLengthForAutoWrap="1" placeDirectionSymbol="0" reverseDirectionSymbol="0" plussign="0" autoWrapLength="0" wrapChar="" decimals="3"/>
   <placement centroidInside="0" centroidWhole="0" geometryGenerator="" placement="0" overrunDistanceUnit="MM" predefinedPositionOrder="TR,TL,BR,BL,R,L,TSR,BSR" xOffset="0" overrunDistance="0" rotationAngle="0" rotationUnit="AngleDegrees" lineAnchorClipping="0" distMapUnitScale="3x:0,0,0,0,0,0" polygonPlacementFlags="2" overrunDistanceMapUnitScale="3x:0,0,0,0,0,0" repeatDistanceUnits="MM" labelOffsetMapUnitScale="3x:0,0,0,0,0,0" geometryGeneratorEnabled="0" dist="0" yOffset="0" priority="5" lineAnchorPercent="0.5" repeatDistance="0" geometryGeneratorType="PointGeometry" layerType="UnknownGeometry" fitInPolygonOnly="0" preserveRotation="1" maxCurvedCharAngleIn="25" offsetType="0" offsetUnits="MM" lineAnchorType="0" maxCurvedCharAngleOut="-25" repeatDistanceMapUnitScale="3x:0,0,0,0,0,0" placementFlags="10" distUnits="MM" quadOffset="4"/>
   <rendering minFeatureSize="0" fontLimitPixelSize="0" obstacleFactor="1" scaleVisibility="0" obstacle="1" drawLabels="1" labelPerPart="0" limitNumLabels="0" obstacleType="1" scaleMin="0" fontMaxPixelSize="10000" maxNumLabels="2000" unplacedVisibility="0" zIndex="0" scaleMax="0" upsidedownLabels="0" fontMinPixelSize="0" displayAll="0" mergeLines="0"/>
   <dd_properties>
    <Option type="Map">
     <Option name="name" value="" type="QString"/>
     <Option name="properties"/>
     <Option name="type" value="collection" type="QString"/>
    </Option>
   </dd_properties>
   <callout type="simple">
    <Option type="Map">
     <Option name="anchorPoint" value="pole_of_inaccessibility" type="QString"/>
     <Option name="blendMode" value="0" type="int"/>
     <Option name="ddProperties" type="Map">
      <Option name="name" value="" type="QString"/>
      <Option name="properties"/>
      <Option name="type" value="collection" type="QString"/>
     </Option>
     <Option name="drawToAllParts" value="false" type="bool"/>
     <Option name="enabled" value="0" type="QString"/>
     <Option name="labelAnchorPoint" value="point_on_exterior" type="QString"/>
     <Option name="lineSymbol" value="&lt;symbol clip_to_extent=&quot;1&quot; name=&quot;symbol&quot; force_rhr=&quot;0&quot; type=&quot;line&quot; alpha=&quot;1&quot;>&lt;data_defined_properties>&lt;Option type=&quot;Map&quot;>&lt;Option name=&quot;name&quot; value=&quot;&quot; type=&quot;QString&quot;/>&lt;Option name=&quot;properties&quot;/>&lt;Option name=&quot;type&quot; value=&quot;collection&quot; type=&quot;QString&quot;/>&lt;/Option>&lt;/data_defined_properties>&lt;layer pass=&quot;0&quot; enabled=&quot;1&quot; class=&quot;SimpleLine&quot; locked=&quot;0&quot;>&lt;Option type=&quot;Map&quot;>&lt;Option name=&quot;align_dash_pattern&quot; value=&quot;0&quot; type=&quot;QString&quot;/>&lt;Option name=&quot;capstyle&quot; value=&quot;square&quot; type=&quot;QString&quot;/>&lt;Option name=&quot;customdash&quot; value=&quot;5;2&quot; type=&quot;QString&quot;/>&lt;Option name=&quot;customdash_map_unit_scale&quot; value=&quot;3x:0,0,0,0,0,0&quot; type=&quot;QString&quot;/>&lt;Option name=&quot;customdash_unit&quot; value=&quot;MM&quot; type=&quot;QString&quot;/>&lt;Option name=&quot;dash_pattern_offset&quot; value=&quot;0&quot; type=&quot;QString&quot;/>&lt;Option name=&quot;dash_pattern_offset_map_unit_scale&quot; value=&quot;3x:0,0,0,0,0,0&quot; type=&quot;QString&quot;/>&lt;Option name=&quot;dash_pattern_offset_unit&quot; value=&quot;MM&quot; type=&quot;QString&quot;/>&lt;Option name=&quot;draw_inside_polygon&quot; value=&quot;0&quot; type=&quot;QString&quot;/>&lt;Option name=&quot;joinstyle&quot; value=&quot;bevel&quot; type=&quot;QString&quot;/>&lt;Option name=&quot;line_color&quot; value=&quot;60,60,60,255&quot; type=&quot;QString&quot;/>&lt;Option name=&quot;line_style&quot; value=&quot;solid&quot; type=&quot;QString&quot;/>&lt;Option name=&quot;line_width&quot; value=&quot;0.3&quot; type=&quot;QString&quot;/>&lt;Option name=&quot;line_width_unit&quot; value=&quot;MM&quot; type=&quot;QString&quot;/>&lt;Option name=&quot;offset&quot; value=&quot;0&quot; type=&quot;QString&quot;/>&lt;Option name=&quot;offset_map_unit_scale&quot; value=&quot;3x:0,0,0,0,0,0&quot; type=&quot;QString&quot;/>&lt;Option name=&quot;offset_unit&quot; value=&quot;MM&quot; type=&quot;QString&quot;/>&lt;Option name=&quot;ring_filter&quot; value=&quot;0&quot; type=&quot;QString&quot;/>&lt;Option name=&quot;trim_distance_end&quot; value=&quot;0&quot; type=&quot;QString&quot;/>&lt;Option name=&quot;trim_distance_end_map_unit_scale&quot; value=&quot;3x:0,0,0,0,0,0&quot; type=&quot;QString&quot;/>&lt;Option name=&quot;trim_distance_end_unit&quot; value=&quot;MM&quot; type=&quot;QString&quot;/>&lt;Option name=&quot;trim_distance_start&quot; value=&quot;0&quot; type=&quot;QString&quot;/>&lt;Option name=&quot;trim_distance_start_map_unit_scale&quot; value=&quot;3x:0,0,0,0,0,0&quot; type=&quot;QString&quot;/>&lt;Option name=&quot;trim_distance_start_unit&quot; value=&quot;MM&quot; type=&quot;QString&quot;/>&lt;Option name=&quot;tweak_dash_pattern_on_corners&quot; value=&quot;0&quot; type=&quot;QString&quot;/>&lt;Option name=&quot;use_custom_dash&quot; value=&quot;0&quot; type=&quot;QString&quot;/>&lt;Option name=&quot;width_map_unit_scale&quot; value=&quot;3x:0,0,0,0,0,0&quot; type=&quot;QString&quot;/>&lt;/Option>&lt;prop k=&quot;align_dash_pattern&quot; v=&quot;0&quot;/>&lt;prop k=&quot;capstyle&quot; v=&quot;square&quot;/>&lt;prop k=&quot;customdash&quot; v=&quot;5;2&quot;/>&lt;prop k=&quot;customdash_map_unit_scale&quot; v=&quot;3x:0,0,0,0,0,0&quot;/>&lt;prop k=&quot;customdash_unit&quot; v=&quot;MM&quot;/>&lt;prop k=&quot;dash_pattern_offset&quot; v=&quot;0&quot;/>&lt;prop k=&quot;dash_pattern_offset_map_unit_scale&quot; v=&quot;3x:0,0,0,0,0,0&quot;/>&lt;prop k=&quot;dash_pattern_offset_unit&quot; v=&quot;MM&quot;/>&lt;prop k=&quot;draw_inside_polygon&quot; v=&quot;0&quot;/>&lt;prop k=&quot;joinstyle&quot; v=&quot;bevel&quot;/>&lt;prop k=&quot;line_color&quot; v=&quot;60,60,60,255&quot;/>&lt;prop k=&quot;line_style&quot; v=&quot;solid&quot;/>&lt;prop k=&quot;line_width&quot; v=&quot;0.3&quot;/>&lt;prop k=&quot;line_width_unit&quot; v=&quot;MM&quot;/>&lt;prop k=&quot;offset&quot; v=&quot;0&quot;/>&lt;prop k=&quot;offset_map_unit_scale&quot; v=&quot;3x:0,0,0,0,0,0&quot;/>&lt;prop k=&quot;offset_unit&quot; v=&quot;MM&quot;/>&lt;prop k=&quot;ring_filter&quot; v=&quot;0&quot;/>&lt;prop k=&quot;trim_distance_end&quot; v=&quot;0&quot;/>&lt;prop k=&quot;trim_distance_end_map_unit_scale&quot; v=&quot;3x:0,0,0,0,0,0&quot;/>&lt;prop k=&quot;trim_distance_end_unit&quot; v=&quot;MM&quot;/>&lt;prop k=&quot;trim_distance_start&quot; v=&quot;0&quot;/>&lt;prop k=&quot;trim_distance_start_map_unit_scale&quot; v=&quot;3x:0,0,0,0,0,0&quot;/>&lt;prop k=&quot;trim_distance_start_unit&quot; v=&quot;MM&quot;/>&lt;prop k=&quot;tweak_dash_pattern_on_corners&quot; v=&quot;0&quot;/>&lt;prop k=&quot;use_custom_dash&quot; v=&quot;0&quot;/>&lt;prop k=&quot;width_map_unit_scale&quot; v=&quot;3x:0,0,0,0,0,0&quot;/>&lt;data_defined_properties>&lt;Option type=&quot;Map&quot;>&lt;Option name=&quot;name&quot; value=&quot;&quot; type=&quot;QString&quot;/>&lt;Option name=&quot;properties&quot;/>&lt;Option name=&quot;type&quot; value=&quot;collection&quot; type=&quot;QString&quot;/>&lt;/Option>&lt;/data_defined_properties>&lt;/layer>&lt;/symbol>" type="QString"/>
     <Option name="minLength" value="0" type="double"/>
     <Option name="minLengthMapUnitScale" value="3x:0,0,0,0,0,0" type="QString"/>
     <Option name="minLengthUnit" value="MM" type="QString"/>
     <Option name="offsetFromAnchor" value="0" type="double"/>
     <Option name="offsetFromAnchorMapUnitScale" value="3x:0,0,0,0,0,0" type="QString"/>
     <Option name="offsetFromAnchorUnit" value="MM" type="QString"/>
     <Option name="offsetFromLabel" value="0" type="double"/>
     <Option name="offsetFromLabelMapUnitScale" value="3x:0,0,0,0,0,0" type="QString"/>
     <Option name="offsetFromLabelUnit" value="MM" type="QString"/>
    </Option>
   </callout>
  </settings>
 </labeling>
 <customproperties>
  <Option/>
 </customproperties>
 <blendMode>0</blendMode>
 <featureBlendMode>0</featureBlendMode>
 <layerOpacity>1</layerOpacity>
 <geometryOptions geometryPrecision="0" removeDuplicateNodes="0">
  <activeChecks type="StringList">
   <Option value="" type="QString"/>
  </activeChecks>
  <checkConfiguration/>
 </geometryOptions>
 <legend showLabelLegend="0" type="default-vector"/>
 <referencedLayers/>
 <fieldConfiguration>
  <field configurationFlags="None" name="heap_uid">
   <editWidget type="TextEdit">
    <config>
     <Option type="Map">
      <Option name="IsMultiline" value="false" type="bool"/>
      <Option name="UseHtml" value="false" type="bool"/>
     </Option>
    </config>
   </editWidget>
  </field>
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
  <field configurationFlags="None" name="observed_utc">
   <editWidget type="DateTime">
    <config>
     <Option type="Map">
      <Option name="allow_null" value="false" type="bool"/>
      <Option name="calendar_popup" value="true" type="bool"/>
      <Option name="display_format" value="yyyy-MM-dd HH:mm:ss" type="QString"/>
      <Option name="field_format" value="yyyy-MM-ddTHH:mm:ss.zzzZ" type="QString"/>
     </Option>
    </config>
   </editWidget>
  </field>
  <field configurationFlags="None" name="pier">
   <editWidget type="TextEdit">
    <config>
     <Option type="Map">
      <Option name="IsMultiline" value="false" type="bool"/>
      <Option name="UseHtml" value="false" type="bool"/>
     </Option>
    </config>
   </editWidget>
  </field>
  <field configurationFlags="None" name="label">
   <editWidget type="TextEdit">
    <config>
     <Option type="Map">
      <Option name="IsMultiline" value="false" type="bool"/>
      <Option name="UseHtml" value="false" type="bool"/>
     </Option>
    </config>
   </editWidget>
  </field>
  <field configurationFlags="None" name="identification">
   <editWidget type="ValueMap">
    <config>
     <Option type="Map">
      <Option name="map" type="List">
       <Option type="Map">
        <Option name="confirmed" value="confirmed" type="QString"/>
       </Option>
       <Option type="Map">
        <Option name="probable" value="probable" type="QString"/>
       </Option>
       <Option type="Map">
        <Option name="possible" value="possible" type="QString"/>
       </Option>
      </Option>
     </Option>
    </config>
   </editWidget>
  </field>
  <field configurationFlags="None" name="confidence">
   <editWidget type="ValueMap">
    <config>
     <Option type="Map">
      <Option name="map" type="List">
       <Option type="Map">
        <Option name="high" value="high" type="QString"/>
       </Option>
       <Option type="Map">
        <Option name="moderate" value="moderate" type="QString"/>
       </Option>
       <Option type="Map">
        <Option name="low" value="low" type="QString"/>
       </Option>
      </Option>
     </Option>
    </config>
   </editWidget>
  </field>
  <field configurationFlags="None" name="height_m">
   <editWidget type="Range">
    <config>
     <Option type="Map">
      <Option name="AllowNull" value="true" type="bool"/>
      <Option name="Max" value="60" type="double"/>
      <Option name="Min" value="0" type="double"/>
      <Option name="Precision" value="2" type="int"/>
      <Option name="Step" value="1" type="double"/>
      <Option name="Style" value="SpinBox" type="QString"/>
     </Option>
    </config>
   </editWidget>
  </field>
  <field configurationFlags="None" name="height_sigma_m">
   <editWidget type="Range">
    <config>
     <Option type="Map">
      <Option name="AllowNull" value="true" type="bool"/>
      <Option name="Max" value="60" type="double"/>
      <Option name="Min" value="0" type="double"/>
      <Option name="Precision" value="2" type="int"/>
      <Option name="Step" value="1" type="double"/>
      <Option name="Style" value="SpinBox" type="QString"/>
     </Option>
    </config>
   </editWidget>
  </field>
  <field configurationFlags="None" name="height_method">
   <editWidget type="ValueMap">
    <config>
     <Option type="Map">
      <Option name="map" type="List">
       <Option type="Map">
        <Option name="manual" value="manual" type="QString"/>
       </Option>
       <Option type="Map">
        <Option name="shadow" value="shadow" type="QString"/>
       </Option>
       <Option type="Map">
        <Option name="dem" value="dem" type="QString"/>
       </Option>
       <Option type="Map">
        <Option name="imported" value="imported" type="QString"/>
       </Option>
      </Option>
     </Option>
    </config>
   </editWidget>
  </field>
  <field configurationFlags="None" name="model">
   <editWidget type="ValueMap">
    <config>
     <Option type="Map">
      <Option name="map" type="List">
       <Option type="Map">
        <Option name="repose" value="repose" type="QString"/>
       </Option>
       <Option type="Map">
        <Option name="prism" value="prism" type="QString"/>
       </Option>
       <Option type="Map">
        <Option name="cone" value="cone" type="QString"/>
       </Option>
      </Option>
     </Option>
    </config>
   </editWidget>
  </field>
  <field configurationFlags="None" name="repose_deg">
   <editWidget type="Range">
    <config>
     <Option type="Map">
      <Option name="AllowNull" value="true" type="bool"/>
      <Option name="Max" value="60" type="double"/>
      <Option name="Min" value="20" type="double"/>
      <Option name="Precision" value="2" type="int"/>
      <Option name="Step" value="1" type="double"/>
      <Option name="Style" value="SpinBox" type="QString"/>
     </Option>
    </config>
   </editWidget>
  </field>
  <field configurationFlags="None" name="density_t_m3">
   <editWidget type="Range">
    <config>
     <Option type="Map">
      <Option name="AllowNull" value="true" type="bool"/>
      <Option name="Max" value="1.6" type="double"/>
      <Option name="Min" value="0.4" type="double"/>
      <Option name="Precision" value="2" type="int"/>
      <Option name="Step" value="0.05" type="double"/>
      <Option name="Style" value="SpinBox" type="QString"/>
     </Option>
    </config>
   </editWidget>
  </field>
  <field configurationFlags="None" name="area_m2">
   <editWidget type="TextEdit">
    <config>
     <Option type="Map">
      <Option name="IsMultiline" value="false" type="bool"/>
      <Option name="UseHtml" value="false" type="bool"/>
     </Option>
    </config>
   </editWidget>
  </field>
  <field configurationFlags="None" name="height_max_m">
   <editWidget type="TextEdit">
    <config>
     <Option type="Map">
      <Option name="IsMultiline" value="false" type="bool"/>
      <Option name="UseHtml" value="false" type="bool"/>
     </Option>
    </config>
   </editWidget>
  </field>
  <field configurationFlags="None" name="volume_m3">
   <editWidget type="TextEdit">
    <config>
     <Option type="Map">
      <Option name="IsMultiline" value="false" type="bool"/>
      <Option name="UseHtml" value="false" type="bool"/>
     </Option>
    </config>
   </editWidget>
  </field>
  <field configurationFlags="None" name="volume_lo_m3">
   <editWidget type="TextEdit">
    <config>
     <Option type="Map">
      <Option name="IsMultiline" value="false" type="bool"/>
      <Option name="UseHtml" value="false" type="bool"/>
     </Option>
    </config>
   </editWidget>
  </field>
  <field configurationFlags="None" name="volume_hi_m3">
   <editWidget type="TextEdit">
    <config>
     <Option type="Map">
      <Option name="IsMultiline" value="false" type="bool"/>
      <Option name="UseHtml" value="false" type="bool"/>
     </Option>
    </config>
   </editWidget>
  </field>
  <field configurationFlags="None" name="tonnage_t">
   <editWidget type="TextEdit">
    <config>
     <Option type="Map">
      <Option name="IsMultiline" value="false" type="bool"/>
      <Option name="UseHtml" value="false" type="bool"/>
     </Option>
    </config>
   </editWidget>
  </field>
  <field configurationFlags="None" name="tonnage_lo_t">
   <editWidget type="TextEdit">
    <config>
     <Option type="Map">
      <Option name="IsMultiline" value="false" type="bool"/>
      <Option name="UseHtml" value="false" type="bool"/>
     </Option>
    </config>
   </editWidget>
  </field>
  <field configurationFlags="None" name="tonnage_hi_t">
   <editWidget type="TextEdit">
    <config>
     <Option type="Map">
      <Option name="IsMultiline" value="false" type="bool"/>
      <Option name="UseHtml" value="false" type="bool"/>
     </Option>
    </config>
   </editWidget>
  </field>
  <field configurationFlags="None" name="volume_note">
   <editWidget type="TextEdit">
    <config>
     <Option type="Map">
      <Option name="IsMultiline" value="false" type="bool"/>
      <Option name="UseHtml" value="false" type="bool"/>
     </Option>
    </config>
   </editWidget>
  </field>
  <field configurationFlags="None" name="analyst">
   <editWidget type="TextEdit">
    <config>
     <Option type="Map">
      <Option name="IsMultiline" value="false" type="bool"/>
      <Option name="UseHtml" value="false" type="bool"/>
     </Option>
    </config>
   </editWidget>
  </field>
  <field configurationFlags="None" name="created_utc">
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
  <field configurationFlags="None" name="modified_utc">
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
  <alias index="0" name="Heap UID" field="heap_uid"/>
  <alias index="1" name="Scene" field="scene_id"/>
  <alias index="2" name="Observed (UTC)" field="observed_utc"/>
  <alias index="3" name="Pier" field="pier"/>
  <alias index="4" name="Label" field="label"/>
  <alias index="5" name="Identification" field="identification"/>
  <alias index="6" name="Confidence" field="confidence"/>
  <alias index="7" name="Height (m)" field="height_m"/>
  <alias index="8" name="Height +- (m)" field="height_sigma_m"/>
  <alias index="9" name="Height method" field="height_method"/>
  <alias index="10" name="Pile model" field="model"/>
  <alias index="11" name="Angle of repose (deg)" field="repose_deg"/>
  <alias index="12" name="Bulk density (t/m3)" field="density_t_m3"/>
  <alias index="13" name="Area (m2)" field="area_m2"/>
  <alias index="14" name="Tallest pile (m)" field="height_max_m"/>
  <alias index="15" name="Volume (m3)" field="volume_m3"/>
  <alias index="16" name="Volume low (m3)" field="volume_lo_m3"/>
  <alias index="17" name="Volume high (m3)" field="volume_hi_m3"/>
  <alias index="18" name="Tonnage (t)" field="tonnage_t"/>
  <alias index="19" name="Tonnage low (t)" field="tonnage_lo_t"/>
  <alias index="20" name="Tonnage high (t)" field="tonnage_hi_t"/>
  <alias index="21" name="Volume note" field="volume_note"/>
  <alias index="22" name="Analyst" field="analyst"/>
  <alias index="23" name="Created (UTC)" field="created_utc"/>
  <alias index="24" name="Modified (UTC)" field="modified_utc"/>
  <alias index="25" name="Notes" field="notes"/>
 </aliases>
 <defaults>
  <default applyOnUpdate="0" field="heap_uid" expression="uuid('WithoutBraces')"/>
  <default applyOnUpdate="0" field="scene_id" expression=""/>
  <default applyOnUpdate="0" field="observed_utc" expression=""/>
  <default applyOnUpdate="0" field="pier" expression=""/>
  <default applyOnUpdate="0" field="label" expression=""/>
  <default applyOnUpdate="0" field="identification" expression=""/>
  <default applyOnUpdate="0" field="confidence" expression=""/>
  <default applyOnUpdate="0" field="height_m" expression=""/>
  <default applyOnUpdate="0" field="height_sigma_m" expression=""/>
  <default applyOnUpdate="0" field="height_method" expression=""/>
  <default applyOnUpdate="0" field="model" expression=""/>
  <default applyOnUpdate="0" field="repose_deg" expression=""/>
  <default applyOnUpdate="0" field="density_t_m3" expression=""/>
  <default applyOnUpdate="0" field="area_m2" expression=""/>
  <default applyOnUpdate="0" field="height_max_m" expression=""/>
  <default applyOnUpdate="0" field="volume_m3" expression=""/>
  <default applyOnUpdate="0" field="volume_lo_m3" expression=""/>
  <default applyOnUpdate="0" field="volume_hi_m3" expression=""/>
  <default applyOnUpdate="0" field="tonnage_t" expression=""/>
  <default applyOnUpdate="0" field="tonnage_lo_t" expression=""/>
  <default applyOnUpdate="0" field="tonnage_hi_t" expression=""/>
  <default applyOnUpdate="0" field="volume_note" expression=""/>
  <default applyOnUpdate="0" field="analyst" expression=""/>
  <default applyOnUpdate="0" field="created_utc" expression=""/>
  <default applyOnUpdate="0" field="modified_utc" expression=""/>
  <default applyOnUpdate="0" field="notes" expression=""/>
 </defaults>
 <constraints>
  <constraint exp_strength="0" field="heap_uid" constraints="3" unique_strength="1" notnull_strength="1"/>
  <constraint exp_strength="0" field="scene_id" constraints="0" unique_strength="0" notnull_strength="0"/>
  <constraint exp_strength="0" field="observed_utc" constraints="1" unique_strength="0" notnull_strength="1"/>
  <constraint exp_strength="0" field="pier" constraints="0" unique_strength="0" notnull_strength="0"/>
  <constraint exp_strength="0" field="label" constraints="0" unique_strength="0" notnull_strength="0"/>
  <constraint exp_strength="1" field="identification" constraints="4" unique_strength="0" notnull_strength="0"/>
  <constraint exp_strength="1" field="confidence" constraints="4" unique_strength="0" notnull_strength="0"/>
  <constraint exp_strength="1" field="height_m" constraints="5" unique_strength="0" notnull_strength="1"/>
  <constraint exp_strength="1" field="height_sigma_m" constraints="4" unique_strength="0" notnull_strength="0"/>
  <constraint exp_strength="1" field="height_method" constraints="4" unique_strength="0" notnull_strength="0"/>
  <constraint exp_strength="1" field="model" constraints="5" unique_strength="0" notnull_strength="1"/>
  <constraint exp_strength="1" field="repose_deg" constraints="5" unique_strength="0" notnull_strength="1"/>
  <constraint exp_strength="1" field="density_t_m3" constraints="5" unique_strength="0" notnull_strength="1"/>
  <constraint exp_strength="0" field="area_m2" constraints="0" unique_strength="0" notnull_strength="0"/>
  <constraint exp_strength="0" field="height_max_m" constraints="0" unique_strength="0" notnull_strength="0"/>
  <constraint exp_strength="0" field="volume_m3" constraints="0" unique_strength="0" notnull_strength="0"/>
  <constraint exp_strength="0" field="volume_lo_m3" constraints="0" unique_strength="0" notnull_strength="0"/>
  <constraint exp_strength="0" field="volume_hi_m3" constraints="0" unique_strength="0" notnull_strength="0"/>
  <constraint exp_strength="0" field="tonnage_t" constraints="0" unique_strength="0" notnull_strength="0"/>
  <constraint exp_strength="0" field="tonnage_lo_t" constraints="0" unique_strength="0" notnull_strength="0"/>
  <constraint exp_strength="0" field="tonnage_hi_t" constraints="0" unique_strength="0" notnull_strength="0"/>
  <constraint exp_strength="0" field="volume_note" constraints="0" unique_strength="0" notnull_strength="0"/>
  <constraint exp_strength="0" field="analyst" constraints="0" unique_strength="0" notnull_strength="0"/>
  <constraint exp_strength="0" field="created_utc" constraints="0" unique_strength="0" notnull_strength="0"/>
  <constraint exp_strength="0" field="modified_utc" constraints="0" unique_strength="0" notnull_strength="0"/>
  <constraint exp_strength="0" field="notes" constraints="0" unique_strength="0" notnull_strength="0"/>
 </constraints>
 <constraintExpressions>
  <constraint exp="" field="heap_uid" desc=""/>
  <constraint exp="" field="scene_id" desc=""/>
  <constraint exp="" field="observed_utc" desc=""/>
  <constraint exp="" field="pier" desc=""/>
  <constraint exp="" field="label" desc=""/>
  <constraint exp="&quot;identification&quot; IS NULL OR (&quot;identification&quot; IN ('confirmed', 'probable', 'possible'))" field="identification" desc="Identification: one of confirmed, probable, possible"/>
  <constraint exp="&quot;confidence&quot; IS NULL OR (&quot;confidence&quot; IN ('high', 'moderate', 'low'))" field="confidence" desc="Confidence: one of high, moderate, low"/>
  <constraint exp="&quot;height_m&quot; > 0 AND &quot;height_m&quot; &lt;= 60" field="height_m" desc="Height (m): above 0 to 60"/>
  <constraint exp="&quot;height_sigma_m&quot; IS NULL OR (&quot;height_sigma_m&quot; >= 0 AND &quot;height_sigma_m&quot; &lt;= 60)" field="height_sigma_m" desc="Height +- (m): from 0 to 60"/>
  <constraint exp="&quot;height_method&quot; IS NULL OR (&quot;height_method&quot; IN ('manual', 'shadow', 'dem', 'imported'))" field="height_method" desc="Height method: one of manual, shadow, dem, imported"/>
  <constraint exp="&quot;model&quot; IN ('repose', 'prism', 'cone')" field="model" desc="Pile model: one of repose, prism, cone"/>
  <constraint exp="&quot;repose_deg&quot; >= 20 AND &quot;repose_deg&quot; &lt;= 60" field="repose_deg" desc="Angle of repose (deg): from 20 to 60"/>
  <constraint exp="&quot;density_t_m3&quot; >= 0.4 AND &quot;density_t_m3&quot; &lt;= 1.6" field="density_t_m3" desc="Bulk density (t/m3): from 0.4 to 1.6"/>
  <constraint exp="" field="area_m2" desc=""/>
  <constraint exp="" field="height_max_m" desc=""/>
  <constraint exp="" field="volume_m3" desc=""/>
  <constraint exp="" field="volume_lo_m3" desc=""/>
  <constraint exp="" field="volume_hi_m3" desc=""/>
  <constraint exp="" field="tonnage_t" desc=""/>
  <constraint exp="" field="tonnage_lo_t" desc=""/>
  <constraint exp="" field="tonnage_hi_t" desc=""/>
  <constraint exp="" field="volume_note" desc=""/>
  <constraint exp="" field="analyst" desc=""/>
  <constraint exp="" field="created_utc" desc=""/>
  <constraint exp="" field="modified_utc" desc=""/>
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
  <field name="analyst" editable="1"/>
  <field name="area_m2" editable="0"/>
  <field name="confidence" editable="1"/>
  <field name="created_utc" editable="1"/>
  <field name="density_t_m3" editable="1"/>
  <field name="heap_uid" editable="1"/>
  <field name="height_m" editable="1"/>
  <field name="height_max_m" editable="0"/>
  <field name="height_method" editable="1"/>
  <field name="height_sigma_m" editable="1"/>
  <field name="identification" editable="1"/>
  <field name="label" editable="1"/>
  <field name="model" editable="1"/>
  <field name="modified_utc" editable="1"/>
  <field name="notes" editable="1"/>
  <field name="observed_utc" editable="1"/>
  <field name="pier" editable="1"/>
  <field name="repose_deg" editable="1"/>
  <field name="scene_id" editable="1"/>
  <field name="tonnage_hi_t" editable="0"/>
  <field name="tonnage_lo_t" editable="0"/>
  <field name="tonnage_t" editable="0"/>
  <field name="volume_hi_m3" editable="0"/>
  <field name="volume_lo_m3" editable="0"/>
  <field name="volume_m3" editable="0"/>
  <field name="volume_note" editable="0"/>
 </editable>
 <labelOnTop/>
 <reuseLastValue/>
 <dataDefinedFieldProperties/>
 <widgets/>
 <previewExpression>coalesce("label", "heap_uid")</previewExpression>
 <mapTip></mapTip>
 <layerGeometryType>2</layerGeometryType>
</qgis>
