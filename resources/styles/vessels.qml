<!DOCTYPE qgis PUBLIC 'http://mrcc.com/qgis.dtd' 'SYSTEM'>
<qgis simplifyDrawingTol="1" labelsEnabled="1" simplifyLocal="1" simplifyDrawingHints="1" simplifyAlgorithm="0" simplifyMaxScale="1" symbologyReferenceScale="-1" minScale="100000000" version="3.22.16-Białowieża" styleCategories="AllStyleCategories" hasScaleBasedVisibilityFlag="0" maxScale="0" readOnly="0">
 <flags>
  <Identifiable>1</Identifiable>
  <Removable>1</Removable>
  <Searchable>1</Searchable>
  <Private>0</Private>
 </flags>
 <temporal limitMode="0" startField="observed_utc" durationField="" enabled="1" endExpression="" startExpression="" durationUnit="d" fixedDuration="1" accumulate="0" mode="1" endField="">
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
      <Option type="QString" name="color" value="0,120,220,60"/>
      <Option type="QString" name="joinstyle" value="bevel"/>
      <Option type="QString" name="offset" value="0,0"/>
      <Option type="QString" name="offset_map_unit_scale" value="3x:0,0,0,0,0,0"/>
      <Option type="QString" name="offset_unit" value="MM"/>
      <Option type="QString" name="outline_color" value="0,170,255,255"/>
      <Option type="QString" name="outline_style" value="solid"/>
      <Option type="QString" name="outline_width" value="0.6"/>
      <Option type="QString" name="outline_width_unit" value="MM"/>
      <Option type="QString" name="style" value="solid"/>
     </Option>
     <prop k="border_width_map_unit_scale" v="3x:0,0,0,0,0,0"/>
     <prop k="color" v="0,120,220,60"/>
     <prop k="joinstyle" v="bevel"/>
     <prop k="offset" v="0,0"/>
     <prop k="offset_map_unit_scale" v="3x:0,0,0,0,0,0"/>
     <prop k="offset_unit" v="MM"/>
     <prop k="outline_color" v="0,170,255,255"/>
     <prop k="outline_style" v="solid"/>
     <prop k="outline_width" v="0.6"/>
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
 <labeling type="simple">
  <settings calloutType="simple">
   <text-style fieldName="coalesce(&quot;vessel_class&quot;, 'no class') || ' ' || format_number(&quot;loa_m&quot;, 0) || ' m' || if(&quot;state&quot; = 'loading', ' loading', '')" fontWeight="50" useSubstitutions="0" capitalization="0" fontSizeMapUnitScale="3x:0,0,0,0,0,0" textOrientation="horizontal" legendString="Aa" textColor="255,255,255,255" fontSize="9" fontUnderline="0" fontStrikeout="0" fontLetterSpacing="0" textOpacity="1" blendMode="0" fontItalic="0" fontWordSpacing="0" fontSizeUnit="Point" previewBkgrdColor="255,255,255,255" fontKerning="1" allowHtml="0" isExpression="1" multilineHeight="1">
    <families/>
    <text-buffer bufferJoinStyle="128" bufferSize="0.80000000000000004" bufferSizeMapUnitScale="3x:0,0,0,0,0,0" bufferDraw="1" bufferBlendMode="0" bufferNoFill="1" bufferColor="20,20,20,255" bufferOpacity="1" bufferSizeUnits="MM"/>
    <text-mask maskOpacity="1" maskedSymbolLayers="" maskSizeUnits="MM" maskJoinStyle="128" maskType="0" maskSizeMapUnitScale="3x:0,0,0,0,0,0" maskEnabled="0" maskSize="1.5"/>
    <background shapeDraw="0" shapeRadiiX="0" shapeOpacity="1" shapeRadiiY="0" shapeOffsetMapUnitScale="3x:0,0,0,0,0,0" shapeFillColor="255,255,255,255" shapeBorderWidth="0" shapeSizeMapUnitScale="3x:0,0,0,0,0,0" shapeRadiiMapUnitScale="3x:0,0,0,0,0,0" shapeBorderWidthUnit="MM" shapeRotationType="0" shapeSVGFile="" shapeJoinStyle="64" shapeBorderColor="128,128,128,255" shapeBorderWidthMapUnitScale="3x:0,0,0,0,0,0" shapeRotation="0" shapeType="0" shapeOffsetUnit="MM" shapeRadiiUnit="MM" shapeOffsetX="0" shapeSizeX="0" shapeOffsetY="0" shapeSizeY="0" shapeBlendMode="0" shapeSizeUnit="MM" shapeSizeType="0">
     <symbol type="fill" force_rhr="0" clip_to_extent="1" alpha="1" name="fillSymbol">
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
        <Option type="QString" name="color" value="255,255,255,255"/>
        <Option type="QString" name="joinstyle" value="bevel"/>
        <Option type="QString" name="offset" value="0,0"/>
        <Option type="QString" name="offset_map_unit_scale" value="3x:0,0,0,0,0,0"/>
        <Option type="QString" name="offset_unit" value="MM"/>
        <Option type="QString" name="outline_color" value="128,128,128,255"/>
        <Option type="QString" name="outline_style" value="no"/>
        <Option type="QString" name="outline_width" value="0"/>
        <Option type="QString" name="outline_width_unit" value="MM"/>
        <Option type="QString" name="style" value="solid"/>
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
         <Option type="QString" name="name" value=""/>
         <Option name="properties"/>
         <Option type="QString" name="type" value="collection"/>
        </Option>
       </data_defined_properties>
      </layer>
     </symbol>
    </background>
    <shadow shadowRadiusMapUnitScale="3x:0,0,0,0,0,0" shadowRadiusAlphaOnly="0" shadowOffsetUnit="MM" shadowOffsetGlobal="1" shadowUnder="0" shadowOpacity="0.69999999999999996" shadowColor="0,0,0,255" shadowDraw="0" shadowOffsetMapUnitScale="3x:0,0,0,0,0,0" shadowRadius="1.5" shadowScale="100" shadowOffsetAngle="135" shadowBlendMode="6" shadowOffsetDist="1" shadowRadiusUnit="MM"/>
    <dd_properties>
     <Option type="Map">
      <Option type="QString" name="name" value=""/>
      <Option name="properties"/>
      <Option type="QString" name="type" value="collection"/>
     </Option>
    </dd_properties>
    <substitutions/>
   </text-style>
   <text-format placeDirectionSymbol="0" plussign="0" formatNumbers="0" rightDirectionSymbol=">" multilineAlign="3" reverseDirectionSymbol="0" useMaxLineLengthForAutoWrap="1" decimals="3" wrapChar="" autoWrapLength="0" leftDirectionSymbol="&lt;" addDirectionSymbol="0"/>
   <placement placementFlags="10" rotationUnit="AngleDegrees" rotationAngle="0" yOffset="0" xOffset="0" overrunDistanceMapUnitScale="3x:0,0,0,0,0,0" overrunDistance="0" geometryGeneratorEnabled="0" layerType="UnknownGeometry" labelOffsetMapUnitScale="3x:0,0,0,0,0,0" lineAnchorClipping="0" placement="0" repeatDistanceMapUnitScale="3x:0,0,0,0,0,0" lineAnchorPercent="0.5" geometryGenerator="" maxCurvedCharAngleIn="25" geometryGeneratorType="PointGeometry" preserveRotation="1" distMapUnitScale="3x:0,0,0,0,0,0" quadOffset="4" centroidInside="0" maxCurvedCharAngleOut="-25" overrunDistanceUnit="MM" polygonPlacementFlags="2" distUnits="MM" predefinedPositionOrder="TR,TL,BR,BL,R,L,TSR,BSR" lineAnchorType="0" offsetType="0" repeatDistanceUnits="MM" repeatDistance="0" fitInPolygonOnly="0" centroidWhole="0" dist="0" offsetUnits="MM" priority="5"/>
   <rendering upsidedownLabels="0" unplacedVisibility="0" obstacleType="1" displayAll="0" scaleMin="0" zIndex="0" scaleVisibility="0" minFeatureSize="0" fontLimitPixelSize="0" drawLabels="1" limitNumLabels="0" labelPerPart="0" maxNumLabels="2000" obstacle="1" fontMaxPixelSize="10000" scaleMax="0" obstacleFactor="1" fontMinPixelSize="0" mergeLines="0"/>
   <dd_properties>
    <Option type="Map">
     <Option type="QString" name="name" value=""/>
     <Option name="properties"/>
     <Option type="QString" name="type" value="collection"/>
    </Option>
   </dd_properties>
   <callout type="simple">
    <Option type="Map">
     <Option type="QString" name="anchorPoint" value="pole_of_inaccessibility"/>
     <Option type="int" name="blendMode" value="0"/>
     <Option type="Map" name="ddProperties">
      <Option type="QString" name="name" value=""/>
      <Option name="properties"/>
      <Option type="QString" name="type" value="collection"/>
     </Option>
     <Option type="bool" name="drawToAllParts" value="false"/>
     <Option type="QString" name="enabled" value="0"/>
     <Option type="QString" name="labelAnchorPoint" value="point_on_exterior"/>
     <Option type="QString" name="lineSymbol" value="&lt;symbol type=&quot;line&quot; force_rhr=&quot;0&quot; clip_to_extent=&quot;1&quot; alpha=&quot;1&quot; name=&quot;symbol&quot;>&lt;data_defined_properties>&lt;Option type=&quot;Map&quot;>&lt;Option type=&quot;QString&quot; name=&quot;name&quot; value=&quot;&quot;/>&lt;Option name=&quot;properties&quot;/>&lt;Option type=&quot;QString&quot; name=&quot;type&quot; value=&quot;collection&quot;/>&lt;/Option>&lt;/data_defined_properties>&lt;layer class=&quot;SimpleLine&quot; enabled=&quot;1&quot; locked=&quot;0&quot; pass=&quot;0&quot;>&lt;Option type=&quot;Map&quot;>&lt;Option type=&quot;QString&quot; name=&quot;align_dash_pattern&quot; value=&quot;0&quot;/>&lt;Option type=&quot;QString&quot; name=&quot;capstyle&quot; value=&quot;square&quot;/>&lt;Option type=&quot;QString&quot; name=&quot;customdash&quot; value=&quot;5;2&quot;/>&lt;Option type=&quot;QString&quot; name=&quot;customdash_map_unit_scale&quot; value=&quot;3x:0,0,0,0,0,0&quot;/>&lt;Option type=&quot;QString&quot; name=&quot;customdash_unit&quot; value=&quot;MM&quot;/>&lt;Option type=&quot;QString&quot; name=&quot;dash_pattern_offset&quot; value=&quot;0&quot;/>&lt;Option type=&quot;QString&quot; name=&quot;dash_pattern_offset_map_unit_scale&quot; value=&quot;3x:0,0,0,0,0,0&quot;/>&lt;Option type=&quot;QString&quot; name=&quot;dash_pattern_offset_unit&quot; value=&quot;MM&quot;/>&lt;Option type=&quot;QString&quot; name=&quot;draw_inside_polygon&quot; value=&quot;0&quot;/>&lt;Option type=&quot;QString&quot; name=&quot;joinstyle&quot; value=&quot;bevel&quot;/>&lt;Option type=&quot;QString&quot; name=&quot;line_color&quot; value=&quot;60,60,60,255&quot;/>&lt;Option type=&quot;QString&quot; name=&quot;line_style&quot; value=&quot;solid&quot;/>&lt;Option type=&quot;QString&quot; name=&quot;line_width&quot; value=&quot;0.3&quot;/>&lt;Option type=&quot;QString&quot; name=&quot;line_width_unit&quot; value=&quot;MM&quot;/>&lt;Option type=&quot;QString&quot; name=&quot;offset&quot; value=&quot;0&quot;/>&lt;Option type=&quot;QString&quot; name=&quot;offset_map_unit_scale&quot; value=&quot;3x:0,0,0,0,0,0&quot;/>&lt;Option type=&quot;QString&quot; name=&quot;offset_unit&quot; value=&quot;MM&quot;/>&lt;Option type=&quot;QString&quot; name=&quot;ring_filter&quot; value=&quot;0&quot;/>&lt;Option type=&quot;QString&quot; name=&quot;trim_distance_end&quot; value=&quot;0&quot;/>&lt;Option type=&quot;QString&quot; name=&quot;trim_distance_end_map_unit_scale&quot; value=&quot;3x:0,0,0,0,0,0&quot;/>&lt;Option type=&quot;QString&quot; name=&quot;trim_distance_end_unit&quot; value=&quot;MM&quot;/>&lt;Option type=&quot;QString&quot; name=&quot;trim_distance_start&quot; value=&quot;0&quot;/>&lt;Option type=&quot;QString&quot; name=&quot;trim_distance_start_map_unit_scale&quot; value=&quot;3x:0,0,0,0,0,0&quot;/>&lt;Option type=&quot;QString&quot; name=&quot;trim_distance_start_unit&quot; value=&quot;MM&quot;/>&lt;Option type=&quot;QString&quot; name=&quot;tweak_dash_pattern_on_corners&quot; value=&quot;0&quot;/>&lt;Option type=&quot;QString&quot; name=&quot;use_custom_dash&quot; value=&quot;0&quot;/>&lt;Option type=&quot;QString&quot; name=&quot;width_map_unit_scale&quot; value=&quot;3x:0,0,0,0,0,0&quot;/>&lt;/Option>&lt;prop k=&quot;align_dash_pattern&quot; v=&quot;0&quot;/>&lt;prop k=&quot;capstyle&quot; v=&quot;square&quot;/>&lt;prop k=&quot;customdash&quot; v=&quot;5;2&quot;/>&lt;prop k=&quot;customdash_map_unit_scale&quot; v=&quot;3x:0,0,0,0,0,0&quot;/>&lt;prop k=&quot;customdash_unit&quot; v=&quot;MM&quot;/>&lt;prop k=&quot;dash_pattern_offset&quot; v=&quot;0&quot;/>&lt;prop k=&quot;dash_pattern_offset_map_unit_scale&quot; v=&quot;3x:0,0,0,0,0,0&quot;/>&lt;prop k=&quot;dash_pattern_offset_unit&quot; v=&quot;MM&quot;/>&lt;prop k=&quot;draw_inside_polygon&quot; v=&quot;0&quot;/>&lt;prop k=&quot;joinstyle&quot; v=&quot;bevel&quot;/>&lt;prop k=&quot;line_color&quot; v=&quot;60,60,60,255&quot;/>&lt;prop k=&quot;line_style&quot; v=&quot;solid&quot;/>&lt;prop k=&quot;line_width&quot; v=&quot;0.3&quot;/>&lt;prop k=&quot;line_width_unit&quot; v=&quot;MM&quot;/>&lt;prop k=&quot;offset&quot; v=&quot;0&quot;/>&lt;prop k=&quot;offset_map_unit_scale&quot; v=&quot;3x:0,0,0,0,0,0&quot;/>&lt;prop k=&quot;offset_unit&quot; v=&quot;MM&quot;/>&lt;prop k=&quot;ring_filter&quot; v=&quot;0&quot;/>&lt;prop k=&quot;trim_distance_end&quot; v=&quot;0&quot;/>&lt;prop k=&quot;trim_distance_end_map_unit_scale&quot; v=&quot;3x:0,0,0,0,0,0&quot;/>&lt;prop k=&quot;trim_distance_end_unit&quot; v=&quot;MM&quot;/>&lt;prop k=&quot;trim_distance_start&quot; v=&quot;0&quot;/>&lt;prop k=&quot;trim_distance_start_map_unit_scale&quot; v=&quot;3x:0,0,0,0,0,0&quot;/>&lt;prop k=&quot;trim_distance_start_unit&quot; v=&quot;MM&quot;/>&lt;prop k=&quot;tweak_dash_pattern_on_corners&quot; v=&quot;0&quot;/>&lt;prop k=&quot;use_custom_dash&quot; v=&quot;0&quot;/>&lt;prop k=&quot;width_map_unit_scale&quot; v=&quot;3x:0,0,0,0,0,0&quot;/>&lt;data_defined_properties>&lt;Option type=&quot;Map&quot;>&lt;Option type=&quot;QString&quot; name=&quot;name&quot; value=&quot;&quot;/>&lt;Option name=&quot;properties&quot;/>&lt;Option type=&quot;QString&quot; name=&quot;type&quot; value=&quot;collection&quot;/>&lt;/Option>&lt;/data_defined_properties>&lt;/layer>&lt;/symbol>"/>
     <Option type="double" name="minLength" value="0"/>
     <Option type="QString" name="minLengthMapUnitScale" value="3x:0,0,0,0,0,0"/>
     <Option type="QString" name="minLengthUnit" value="MM"/>
     <Option type="double" name="offsetFromAnchor" value="0"/>
     <Option type="QString" name="offsetFromAnchorMapUnitScale" value="3x:0,0,0,0,0,0"/>
     <Option type="QString" name="offsetFromAnchorUnit" value="MM"/>
     <Option type="double" name="offsetFromLabel" value="0"/>
     <Option type="QString" name="offsetFromLabelMapUnitScale" value="3x:0,0,0,0,0,0"/>
     <Option type="QString" name="offsetFromLabelUnit" value="MM"/>
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
   <Option type="QString" value=""/>
  </activeChecks>
  <checkConfiguration/>
 </geometryOptions>
 <legend type="default-vector" showLabelLegend="0"/>
 <referencedLayers/>
 <fieldConfiguration>
  <field name="vessel_uid" configurationFlags="None">
   <editWidget type="TextEdit">
    <config>
     <Option type="Map">
      <Option type="bool" name="IsMultiline" value="false"/>
      <Option type="bool" name="UseHtml" value="false"/>
     </Option>
    </config>
   </editWidget>
  </field>
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
  <field name="observed_utc" configurationFlags="None">
   <editWidget type="DateTime">
    <config>
     <Option type="Map">
      <Option type="bool" name="allow_null" value="false"/>
      <Option type="bool" name="calendar_popup" value="true"/>
      <Option type="QString" name="display_format" value="yyyy-MM-dd HH:mm:ss"/>
      <Option type="QString" name="field_format" value="yyyy-MM-ddTHH:mm:ss.zzzZ"/>
     </Option>
    </config>
   </editWidget>
  </field>
  <field name="pier" configurationFlags="None">
   <editWidget type="TextEdit">
    <config>
     <Option type="Map">
      <Option type="bool" name="IsMultiline" value="false"/>
      <Option type="bool" name="UseHtml" value="false"/>
     </Option>
    </config>
   </editWidget>
  </field>
  <field name="loa_m" configurationFlags="None">
   <editWidget type="TextEdit">
    <config>
     <Option type="Map">
      <Option type="bool" name="IsMultiline" value="false"/>
      <Option type="bool" name="UseHtml" value="false"/>
     </Option>
    </config>
   </editWidget>
  </field>
  <field name="beam_m" configurationFlags="None">
   <editWidget type="TextEdit">
    <config>
     <Option type="Map">
      <Option type="bool" name="IsMultiline" value="false"/>
      <Option type="bool" name="UseHtml" value="false"/>
     </Option>
    </config>
   </editWidget>
  </field>
  <field name="vessel_class" configurationFlags="None">
   <editWidget type="TextEdit">
    <config>
     <Option type="Map">
      <Option type="bool" name="IsMultiline" value="false"/>
      <Option type="bool" name="UseHtml" value="false"/>
     </Option>
    </config>
   </editWidget>
  </field>
  <field name="dwt_lo_t" configurationFlags="None">
   <editWidget type="TextEdit">
    <config>
     <Option type="Map">
      <Option type="bool" name="IsMultiline" value="false"/>
      <Option type="bool" name="UseHtml" value="false"/>
     </Option>
    </config>
   </editWidget>
  </field>
  <field name="dwt_hi_t" configurationFlags="None">
   <editWidget type="TextEdit">
    <config>
     <Option type="Map">
      <Option type="bool" name="IsMultiline" value="false"/>
      <Option type="bool" name="UseHtml" value="false"/>
     </Option>
    </config>
   </editWidget>
  </field>
  <field name="cargo_lo_t" configurationFlags="None">
   <editWidget type="TextEdit">
    <config>
     <Option type="Map">
      <Option type="bool" name="IsMultiline" value="false"/>
      <Option type="bool" name="UseHtml" value="false"/>
     </Option>
    </config>
   </editWidget>
  </field>
  <field name="cargo_hi_t" configurationFlags="None">
   <editWidget type="TextEdit">
    <config>
     <Option type="Map">
      <Option type="bool" name="IsMultiline" value="false"/>
      <Option type="bool" name="UseHtml" value="false"/>
     </Option>
    </config>
   </editWidget>
  </field>
  <field name="state" configurationFlags="None">
   <editWidget type="ValueMap">
    <config>
     <Option type="Map">
      <Option type="List" name="map">
       <Option type="Map">
        <Option type="QString" name="loading" value="loading"/>
       </Option>
       <Option type="Map">
        <Option type="QString" name="moored" value="moored"/>
       </Option>
       <Option type="Map">
        <Option type="QString" name="at_anchor" value="at_anchor"/>
       </Option>
       <Option type="Map">
        <Option type="QString" name="underway" value="underway"/>
       </Option>
       <Option type="Map">
        <Option type="QString" name="unknown" value="unknown"/>
       </Option>
      </Option>
     </Option>
    </config>
   </editWidget>
  </field>
  <field name="hatches_open" configurationFlags="None">
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
  <field name="cargo_visible" configurationFlags="None">
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
  <field name="name" configurationFlags="None">
   <editWidget type="TextEdit">
    <config>
     <Option type="Map">
      <Option type="bool" name="IsMultiline" value="false"/>
      <Option type="bool" name="UseHtml" value="false"/>
     </Option>
    </config>
   </editWidget>
  </field>
  <field name="imo" configurationFlags="None">
   <editWidget type="TextEdit">
    <config>
     <Option type="Map">
      <Option type="bool" name="IsMultiline" value="false"/>
      <Option type="bool" name="UseHtml" value="false"/>
     </Option>
    </config>
   </editWidget>
  </field>
  <field name="identification" configurationFlags="None">
   <editWidget type="ValueMap">
    <config>
     <Option type="Map">
      <Option type="List" name="map">
       <Option type="Map">
        <Option type="QString" name="confirmed" value="confirmed"/>
       </Option>
       <Option type="Map">
        <Option type="QString" name="probable" value="probable"/>
       </Option>
       <Option type="Map">
        <Option type="QString" name="possible" value="possible"/>
       </Option>
      </Option>
     </Option>
    </config>
   </editWidget>
  </field>
  <field name="confidence" configurationFlags="None">
   <editWidget type="ValueMap">
    <config>
     <Option type="Map">
      <Option type="List" name="map">
       <Option type="Map">
        <Option type="QString" name="high" value="high"/>
       </Option>
       <Option type="Map">
        <Option type="QString" name="moderate" value="moderate"/>
       </Option>
       <Option type="Map">
        <Option type="QString" name="low" value="low"/>
       </Option>
      </Option>
     </Option>
    </config>
   </editWidget>
  </field>
  <field name="analyst" configurationFlags="None">
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
  <field name="created_utc" configurationFlags="None">
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
  <field name="modified_utc" configurationFlags="None">
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
 </fieldConfiguration>
 <aliases>
  <alias name="Vessel UID" field="vessel_uid" index="0"/>
  <alias name="Scene" field="scene_id" index="1"/>
  <alias name="Observed (UTC)" field="observed_utc" index="2"/>
  <alias name="Pier" field="pier" index="3"/>
  <alias name="LOA (m)" field="loa_m" index="4"/>
  <alias name="Beam (m)" field="beam_m" index="5"/>
  <alias name="Class" field="vessel_class" index="6"/>
  <alias name="Deadweight low (t)" field="dwt_lo_t" index="7"/>
  <alias name="Deadweight high (t)" field="dwt_hi_t" index="8"/>
  <alias name="Cargo low (t)" field="cargo_lo_t" index="9"/>
  <alias name="Cargo high (t)" field="cargo_hi_t" index="10"/>
  <alias name="State" field="state" index="11"/>
  <alias name="Hatches open" field="hatches_open" index="12"/>
  <alias name="Cargo visible" field="cargo_visible" index="13"/>
  <alias name="Name" field="name" index="14"/>
  <alias name="IMO" field="imo" index="15"/>
  <alias name="Identification" field="identification" index="16"/>
  <alias name="Confidence" field="confidence" index="17"/>
  <alias name="Analyst" field="analyst" index="18"/>
  <alias name="Notes" field="notes" index="19"/>
  <alias name="Created (UTC)" field="created_utc" index="20"/>
  <alias name="Modified (UTC)" field="modified_utc" index="21"/>
 </aliases>
 <defaults>
  <default expression="uuid('WithoutBraces')" field="vessel_uid" applyOnUpdate="0"/>
  <default expression="" field="scene_id" applyOnUpdate="0"/>
  <default expression="" field="observed_utc" applyOnUpdate="0"/>
  <default expression="" field="pier" applyOnUpdate="0"/>
  <default expression="" field="loa_m" applyOnUpdate="0"/>
  <default expression="" field="beam_m" applyOnUpdate="0"/>
  <default expression="" field="vessel_class" applyOnUpdate="0"/>
  <default expression="" field="dwt_lo_t" applyOnUpdate="0"/>
  <default expression="" field="dwt_hi_t" applyOnUpdate="0"/>
  <default expression="" field="cargo_lo_t" applyOnUpdate="0"/>
  <default expression="" field="cargo_hi_t" applyOnUpdate="0"/>
  <default expression="" field="state" applyOnUpdate="0"/>
  <default expression="" field="hatches_open" applyOnUpdate="0"/>
  <default expression="" field="cargo_visible" applyOnUpdate="0"/>
  <default expression="" field="name" applyOnUpdate="0"/>
  <default expression="" field="imo" applyOnUpdate="0"/>
  <default expression="" field="identification" applyOnUpdate="0"/>
  <default expression="" field="confidence" applyOnUpdate="0"/>
  <default expression="" field="analyst" applyOnUpdate="0"/>
  <default expression="" field="notes" applyOnUpdate="0"/>
  <default expression="" field="created_utc" applyOnUpdate="0"/>
  <default expression="" field="modified_utc" applyOnUpdate="0"/>
 </defaults>
 <constraints>
  <constraint unique_strength="1" exp_strength="0" field="vessel_uid" notnull_strength="1" constraints="3"/>
  <constraint unique_strength="0" exp_strength="0" field="scene_id" notnull_strength="0" constraints="0"/>
  <constraint unique_strength="0" exp_strength="0" field="observed_utc" notnull_strength="1" constraints="1"/>
  <constraint unique_strength="0" exp_strength="0" field="pier" notnull_strength="0" constraints="0"/>
  <constraint unique_strength="0" exp_strength="0" field="loa_m" notnull_strength="0" constraints="0"/>
  <constraint unique_strength="0" exp_strength="0" field="beam_m" notnull_strength="0" constraints="0"/>
  <constraint unique_strength="0" exp_strength="0" field="vessel_class" notnull_strength="0" constraints="0"/>
  <constraint unique_strength="0" exp_strength="0" field="dwt_lo_t" notnull_strength="0" constraints="0"/>
  <constraint unique_strength="0" exp_strength="0" field="dwt_hi_t" notnull_strength="0" constraints="0"/>
  <constraint unique_strength="0" exp_strength="0" field="cargo_lo_t" notnull_strength="0" constraints="0"/>
  <constraint unique_strength="0" exp_strength="0" field="cargo_hi_t" notnull_strength="0" constraints="0"/>
  <constraint unique_strength="0" exp_strength="1" field="state" notnull_strength="1" constraints="5"/>
  <constraint unique_strength="0" exp_strength="0" field="hatches_open" notnull_strength="0" constraints="0"/>
  <constraint unique_strength="0" exp_strength="0" field="cargo_visible" notnull_strength="0" constraints="0"/>
  <constraint unique_strength="0" exp_strength="0" field="name" notnull_strength="0" constraints="0"/>
  <constraint unique_strength="0" exp_strength="0" field="imo" notnull_strength="0" constraints="0"/>
  <constraint unique_strength="0" exp_strength="1" field="identification" notnull_strength="0" constraints="4"/>
  <constraint unique_strength="0" exp_strength="1" field="confidence" notnull_strength="0" constraints="4"/>
  <constraint unique_strength="0" exp_strength="0" field="analyst" notnull_strength="0" constraints="0"/>
  <constraint unique_strength="0" exp_strength="0" field="notes" notnull_strength="0" constraints="0"/>
  <constraint unique_strength="0" exp_strength="0" field="created_utc" notnull_strength="0" constraints="0"/>
  <constraint unique_strength="0" exp_strength="0" field="modified_utc" notnull_strength="0" constraints="0"/>
 </constraints>
 <constraintExpressions>
  <constraint desc="" field="vessel_uid" exp=""/>
  <constraint desc="" field="scene_id" exp=""/>
  <constraint desc="" field="observed_utc" exp=""/>
  <constraint desc="" field="pier" exp=""/>
  <constraint desc="" field="loa_m" exp=""/>
  <constraint desc="" field="beam_m" exp=""/>
  <constraint desc="" field="vessel_class" exp=""/>
  <constraint desc="" field="dwt_lo_t" exp=""/>
  <constraint desc="" field="dwt_hi_t" exp=""/>
  <constraint desc="" field="cargo_lo_t" exp=""/>
  <constraint desc="" field="cargo_hi_t" exp=""/>
  <constraint desc="State: one of loading, moored, at_anchor, underway, unknown" field="state" exp="&quot;state&quot; IN ('loading', 'moored', 'at_anchor', 'underway', 'unknown')"/>
  <constraint desc="" field="hatches_open" exp=""/>
  <constraint desc="" field="cargo_visible" exp=""/>
  <constraint desc="" field="name" exp=""/>
  <constraint desc="" field="imo" exp=""/>
  <constraint desc="Identification: one of confirmed, probable, possible" field="identification" exp="&quot;identification&quot; IS NULL OR (&quot;identification&quot; IN ('confirmed', 'probable', 'possible'))"/>
  <constraint desc="Confidence: one of high, moderate, low" field="confidence" exp="&quot;confidence&quot; IS NULL OR (&quot;confidence&quot; IN ('high', 'moderate', 'low'))"/>
  <constraint desc="" field="analyst" exp=""/>
  <constraint desc="" field="notes" exp=""/>
  <constraint desc="" field="created_utc" exp=""/>
  <constraint desc="" field="modified_utc" exp=""/>
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
  <field editable="1" name="analyst"/>
  <field editable="0" name="beam_m"/>
  <field editable="0" name="cargo_hi_t"/>
  <field editable="0" name="cargo_lo_t"/>
  <field editable="1" name="cargo_visible"/>
  <field editable="1" name="confidence"/>
  <field editable="1" name="created_utc"/>
  <field editable="0" name="dwt_hi_t"/>
  <field editable="0" name="dwt_lo_t"/>
  <field editable="1" name="hatches_open"/>
  <field editable="1" name="identification"/>
  <field editable="1" name="imo"/>
  <field editable="0" name="loa_m"/>
  <field editable="1" name="modified_utc"/>
  <field editable="1" name="name"/>
  <field editable="1" name="notes"/>
  <field editable="1" name="observed_utc"/>
  <field editable="1" name="pier"/>
  <field editable="1" name="scene_id"/>
  <field editable="1" name="state"/>
  <field editable="0" name="vessel_class"/>
  <field editable="1" name="vessel_uid"/>
 </editable>
 <labelOnTop/>
 <reuseLastValue/>
 <dataDefinedFieldProperties/>
 <widgets/>
 <previewExpression>coalesce("name", "vessel_class", "vessel_uid")</previewExpression>
 <mapTip></mapTip>
 <layerGeometryType>2</layerGeometryType>
</qgis>
