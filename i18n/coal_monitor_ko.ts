<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ko">
  <context>
    <name>CoalMonitor</name>
    <message>
      <location filename="../coal_monitor/core/day_scenes.py" line="99" />
      <source>{others} set aside for {piles} pile also measured on {best} ({why}); each pile counts once.</source>
      <translation>{best}에서도 측정된 더미 {piles}개에 대해 {others}을(를) 제외했습니다({why}). 각 더미는 한 번만 셉니다.</translation>
    </message>
    <message>
      <location filename="../coal_monitor/core/day_scenes.py" line="99" />
      <source>{others} set aside for {piles} piles also measured on {best} ({why}); each pile counts once.</source>
      <translation>{best}에서도 측정된 더미 {piles}개에 대해 {others}을(를) 제외했습니다({why}). 각 더미는 한 번만 셉니다.</translation>
    </message>
    <message>
      <location filename="../coal_monitor/core/day_scenes.py" line="118" />
      <source>finer GSD {gsd_m:.2f} m</source>
      <translation>더 세밀한 GSD {gsd_m:.2f} m</translation>
    </message>
    <message>
      <location filename="../coal_monitor/core/day_scenes.py" line="119" />
      <source>acquired later</source>
      <translation>더 늦게 촬영됨</translation>
    </message>
    <message>
      <location filename="../coal_monitor/core/estimate.py" line="63" />
      <source>{name} is missing: enter it in {unit}</source>
      <translation>{name}이(가) 없습니다: {unit} 단위로 입력하십시오</translation>
    </message>
    <message>
      <location filename="../coal_monitor/core/estimate.py" line="65" />
      <source>{name} {value!r} is not a number: enter it in {unit}</source>
      <translation>{name} {value!r}은(는) 숫자가 아닙니다: {unit} 단위로 입력하십시오</translation>
    </message>
    <message>
      <location filename="../coal_monitor/core/estimate.py" line="69" />
      <source>{name} {value} is not a finite number: enter it in {unit}</source>
      <translation>{name} {value}은(는) 유한한 숫자가 아닙니다: {unit} 단위로 입력하십시오</translation>
    </message>
    <message>
      <location filename="../coal_monitor/core/estimate.py" line="73" />
      <source>above {low:g}{gap}{unit} up to {high:g}{gap}{unit}</source>
      <translation>{low:g}{gap}{unit} 초과 {high:g}{gap}{unit} 이하</translation>
    </message>
    <message>
      <location filename="../coal_monitor/core/estimate.py" line="73" />
      <source>from {low:g}{gap}{unit} up to {high:g}{gap}{unit}</source>
      <translation>{low:g}{gap}{unit} 이상 {high:g}{gap}{unit} 이하</translation>
    </message>
    <message>
      <location filename="../coal_monitor/core/estimate.py" line="76" />
      <source>{name} {value:g}{gap}{unit} is outside the believable range ({bounds}){fix}</source>
      <translation>{name} {value:g}{gap}{unit}은(는) 믿을 만한 범위({bounds})를 벗어납니다{fix}</translation>
    </message>
    <message>
      <location filename="../coal_monitor/core/estimate.py" line="104" />
      <source>model {model!r} is unknown: choose one of {models}</source>
      <translation>모델 {model!r}을(를) 알 수 없습니다: {models} 중 하나를 고르십시오</translation>
    </message>
    <message>
      <location filename="../coal_monitor/core/estimate.py" line="106" />
      <source>height</source>
      <translation>높이</translation>
    </message>
    <message>
      <location filename="../coal_monitor/core/estimate.py" line="106" />
      <source>: measure it again (shadow length or a stereo pair) or check the units</source>
      <translation>: 다시 재거나(그림자 길이 또는 입체 영상 쌍) 단위를 확인하십시오</translation>
    </message>
    <message>
      <location filename="../coal_monitor/core/estimate.py" line="108" />
      <source>height uncertainty</source>
      <translation>높이 불확도</translation>
    </message>
    <message>
      <location filename="../coal_monitor/core/estimate.py" line="108" />
      <source>: give the ± of the height in metres, 0 when unknown</source>
      <translation>: 높이의 ± 값을 미터로 입력하고, 모르면 0을 입력하십시오</translation>
    </message>
    <message>
      <location filename="../coal_monitor/core/estimate.py" line="110" />
      <source>angle of repose</source>
      <translation>안식각</translation>
    </message>
    <message>
      <location filename="../coal_monitor/core/estimate.py" line="110" />
      <source>: coal rests at 30-40°, use 35° when unsure</source>
      <translation>: 석탄은 30-40°에서 안정되므로, 확실하지 않으면 35°를 쓰십시오</translation>
    </message>
    <message>
      <location filename="../coal_monitor/core/estimate.py" line="112" />
      <source>angle of repose tolerance</source>
      <translation>안식각 허용치</translation>
    </message>
    <message>
      <location filename="../coal_monitor/core/estimate.py" line="112" />
      <source>: use {tolerance:g}° when unsure</source>
      <translation>: 확실하지 않으면 {tolerance:g}°를 쓰십시오</translation>
    </message>
    <message>
      <location filename="../coal_monitor/core/estimate.py" line="115" />
      <source>: use stockpiled coal's {low:g}-{high:g} t/m³ ({default:g} when unsure)</source>
      <translation>: 야적 석탄의 {low:g}-{high:g} t/m³를 쓰십시오(확실하지 않으면 {default:g})</translation>
    </message>
    <message>
      <location filename="../coal_monitor/core/estimate.py" line="119" />
      <source>low density</source>
      <translation>밀도 하한</translation>
    </message>
    <message>
      <location filename="../coal_monitor/core/estimate.py" line="119" />
      <source>high density</source>
      <translation>밀도 상한</translation>
    </message>
    <message>
      <location filename="../coal_monitor/core/estimate.py" line="123" />
      <source>density {density:g} t/m³ is not between its low {low:g} and high {high:g} t/m³: order them low &lt;= density &lt;= high</source>
      <translation>밀도 {density:g} t/m³이(가) 하한 {low:g}와(과) 상한 {high:g} t/m³ 사이에 있지 않습니다: 하한 &lt;= 밀도 &lt;= 상한 순서로 맞추십시오</translation>
    </message>
    <message>
      <location filename="../coal_monitor/core/estimate.py" line="165" />
      <source>{height_m:.{digits}f} m is taller than the {height_max_m:.{digits}f} m a {repose_deg:g}° pile on this footprint can reach; walls (prism model) or a steeper angle would explain it</source>
      <translation>{height_m:.{digits}f} m은(는) 이 바닥 윤곽에서 안식각 {repose_deg:g}°의 더미가 이를 수 있는 {height_max_m:.{digits}f} m보다 높습니다. 벽(각기둥 모델)이나 더 가파른 각도라야 설명됩니다</translation>
    </message>
    <message>
      <location filename="../coal_monitor/core/estimate.py" line="204" />
      <source>part {i}: {volume_m3:,.0f} m³</source>
      <translation>{i}번째 부분: {volume_m3:,.0f} m³</translation>
    </message>
    <message>
      <location filename="../coal_monitor/core/estimate.py" line="206" />
      <source>{count} parts, each computed as its own pile and summed ({listing})</source>
      <translation>{count}개 부분을 각각 별개의 더미로 계산해 합산했습니다({listing})</translation>
    </message>
    <message>
      <location filename="../coal_monitor/core/estimate.py" line="208" />
      <source>part {i}: {note}</source>
      <translation>{i}번째 부분: {note}</translation>
    </message>
    <message>
      <location filename="../coal_monitor/core/estimate.py" line="223" />
      <source>footprint</source>
      <translation>바닥 윤곽</translation>
    </message>
    <message>
      <location filename="../coal_monitor/core/estimate.py" line="229" />
      <source>footprint is missing (null geometry): draw the heap's outline as a polygon</source>
      <translation>바닥 윤곽이 없습니다(빈 지오메트리): 더미의 윤곽을 다각형으로 그리십시오</translation>
    </message>
    <message>
      <location filename="../coal_monitor/core/estimate.py" line="235" />
      <source>footprint WKT {shown!r} cannot be read ({exc}): give a POLYGON or MULTIPOLYGON</source>
      <translation>바닥 윤곽 WKT {shown!r}을(를) 읽을 수 없습니다({exc}): POLYGON 또는 MULTIPOLYGON을 주십시오</translation>
    </message>
    <message>
      <location filename="../coal_monitor/core/estimate.py" line="240" />
      <source>footprint {geometry!r} is not a geometry: give a shapely polygon or WKT text</source>
      <translation>바닥 윤곽 {geometry!r}은(는) 지오메트리가 아닙니다: shapely 다각형이나 WKT 텍스트를 주십시오</translation>
    </message>
    <message>
      <location filename="../coal_monitor/core/estimate.py" line="243" />
      <source>footprint is an empty {kind}: draw the heap's outline as a polygon</source>
      <translation>바닥 윤곽이 빈 {kind}입니다: 더미의 윤곽을 다각형으로 그리십시오</translation>
    </message>
    <message>
      <location filename="../coal_monitor/core/estimate.py" line="248" />
      <source>footprint is a {kind}{others}, not a polygon: a heap needs an outline enclosing its foot; close the line into a polygon</source>
      <translation>바닥 윤곽이 다각형이 아닌 {kind}{others}입니다: 더미에는 발치를 둘러싼 윤곽이 필요하니 선을 닫아 다각형으로 만드십시오</translation>
    </message>
    <message>
      <location filename="../coal_monitor/core/estimate.py" line="248" />
      <source> with {others}</source>
      <translation>({others} 포함)</translation>
    </message>
    <message>
      <location filename="../coal_monitor/core/estimate.py" line="294" />
      <source>footprint encloses no area ({reason}; {area_m2:.3g} m²): its vertices lie on a line or fold onto each other; redraw it around the heap's foot</source>
      <translation>바닥 윤곽이 면적을 둘러싸지 않습니다({reason}; {area_m2:.3g} m²): 꼭짓점이 한 직선 위에 있거나 서로 겹칩니다. 더미 발치를 따라 다시 그리십시오</translation>
    </message>
    <message>
      <location filename="../coal_monitor/core/estimate.py" line="300" />
      <source>footprint outline is invalid ({reason}) and can be read as {area_m2:,.0f} m² or {other_area_m2:,.0f} m²: redraw the outline so that its edges do not cross</source>
      <translation>바닥 윤곽이 올바르지 않으며({reason}) {area_m2:,.0f} m² 또는 {other_area_m2:,.0f} m²로 읽힐 수 있습니다: 변이 교차하지 않도록 윤곽을 다시 그리십시오</translation>
    </message>
    <message>
      <location filename="../coal_monitor/core/estimate.py" line="305" />
      <source>the outline was invalid ({reason}) and was repaired to its only reading, {area_m2:,.0f} m²</source>
      <translation>윤곽이 올바르지 않아({reason}) 유일하게 가능한 해석인 {area_m2:,.0f} m²로 고쳤습니다</translation>
    </message>
    <message>
      <location filename="../coal_monitor/core/estimate.py" line="328" />
      <source>{which} has a coordinate that is not a number (NaN or inf): redraw it</source>
      <translation>{which}에 숫자가 아닌 좌표(NaN 또는 inf)가 있습니다: 다시 그리십시오</translation>
    </message>
    <message>
      <location filename="../coal_monitor/core/estimate.py" line="332" />
      <source>{which} has {distinct} distinct vertices: a heap outline needs at least 3; redraw it</source>
      <translation>{which}의 서로 다른 꼭짓점은 {distinct}개입니다: 더미 윤곽에는 최소 3개가 필요하니 다시 그리십시오</translation>
    </message>
    <message>
      <location filename="../coal_monitor/core/estimate.py" line="343" />
      <source>ignored {slips} hole(s) smaller than {min_m2:g} m² (digitizing slips)</source>
      <translation>{min_m2:g} m²보다 작은 구멍 {slips}개를 무시했습니다(디지타이징 실수)</translation>
    </message>
    <message>
      <location filename="../coal_monitor/core/estimate.py" line="351" />
      <source>part {i} of the footprint</source>
      <translation>바닥 윤곽의 {i}번째 부분</translation>
    </message>
    <message>
      <location filename="../coal_monitor/core/estimate.py" line="352" />
      <source>{which} has an area of {area_m2:.3g} m², below {min_m2:g} m²: redraw it around the heap (not along a line), or check that the layer's CRS matches its coordinates</source>
      <translation>{which}의 면적 {area_m2:.3g} m²은(는) {min_m2:g} m²보다 작습니다: 선을 따라가지 말고 더미 둘레를 다시 그리거나, 레이어의 좌표계가 좌표와 맞는지 확인하십시오</translation>
    </message>
    <message>
      <location filename="../coal_monitor/core/estimate.py" line="359" />
      <source>footprint covers {total:,.0f} m², more than the {max_m2:,.0f} m² of a believable heap: draw one heap at a time, or check that the layer's CRS matches its coordinates</source>
      <translation>바닥 윤곽이 {total:,.0f} m²로, 믿을 만한 더미의 {max_m2:,.0f} m²보다 넓습니다: 더미를 하나씩 그리거나, 레이어의 좌표계가 좌표와 맞는지 확인하십시오</translation>
    </message>
    <message>
      <location filename="../coal_monitor/core/flows.py" line="37" />
      <source>Consistent: the pile's drop agrees, within the ranges, with the cargo of the ships seen loading.</source>
      <translation>일치: 더미의 감소량이 범위 안에서, 적재 중으로 보인 선박들의 화물과 맞습니다.</translation>
    </message>
    <message>
      <location filename="../coal_monitor/core/flows.py" line="37" />
      <source>The pile fell by more than the ships seen can carry: loadings were not seen (imagery is not daily), or coal left by rail or truck.</source>
      <translation>더미가 보인 선박들이 실을 수 있는 양보다 많이 줄었습니다: 적재를 보지 못했거나(영상이 매일 있지 않음) 석탄이 철도나 트럭으로 나갔습니다.</translation>
    </message>
    <message>
      <location filename="../coal_monitor/core/flows.py" line="37" />
      <source>The ships seen loading carried more than the pile lost: coal was delivered in between (rail or truck), or the ships left part-loaded or topped up elsewhere.</source>
      <translation>적재 중으로 보인 선박들이 더미가 줄어든 양보다 많이 실었습니다: 그 사이 석탄이 (철도나 트럭으로) 들어왔거나, 선박이 일부만 싣고 떠났거나 다른 곳에서 더 실었습니다.</translation>
    </message>
    <message>
      <location filename="../coal_monitor/core/flows.py" line="37" />
      <source>The pile grew: coal was delivered by rail or truck, more than any ships seen took.</source>
      <translation>더미가 늘었습니다: 보인 선박들이 실어 간 양보다 많은 석탄이 철도나 트럭으로 들어왔습니다.</translation>
    </message>
    <message>
      <location filename="../coal_monitor/core/flows.py" line="37" />
      <source>No change beyond the measurement range, and no ship seen loading.</source>
      <translation>측정 범위를 넘는 변화가 없고, 적재 중인 선박도 보이지 않았습니다.</translation>
    </message>
    <message>
      <location filename="../coal_monitor/core/flows.py" line="37" />
      <source>Partial comparison: the image of one of the dates covers only part of the port, so its tonnage is not the port's whole stock.</source>
      <translation>부분 비교: 한 날짜의 영상이 항구의 일부만 담고 있어, 그 톤수는 항구 전체 재고가 아닙니다.</translation>
    </message>
    <message>
      <location filename="../coal_monitor/core/flows.py" line="89" />
      <source>{what}: date {value!r} is not an ISO date (yyyy-mm-dd); give it as 2025-04-18.</source>
      <translation>{what}: 날짜 {value!r}은(는) ISO 날짜(yyyy-mm-dd)가 아닙니다. 2025-04-18처럼 주십시오.</translation>
    </message>
    <message>
      <location filename="../coal_monitor/core/flows.py" line="98" />
      <source>{what}: {key} {value!r} is not a number of tonnes; give a finite number.</source>
      <translation>{what}: {key} {value!r}은(는) 톤 단위 숫자가 아닙니다. 유한한 숫자를 주십시오.</translation>
    </message>
    <message>
      <location filename="../coal_monitor/core/flows.py" line="101" />
      <source>{what}: {key} is {value:g} t; tonnages cannot be negative. Check the estimate.</source>
      <translation>{what}: {key}이(가) {value:g} t입니다. 톤수는 음수일 수 없습니다. 추정치를 확인하십시오.</translation>
    </message>
    <message>
      <location filename="../coal_monitor/core/flows.py" line="110" />
      <source>{what}: give both {lo_key} and {hi_key}, or neither.</source>
      <translation>{what}: {lo_key}와(과) {hi_key}를 둘 다 주거나 둘 다 비우십시오.</translation>
    </message>
    <message>
      <location filename="../coal_monitor/core/flows.py" line="114" />
      <source>{what}: the range {lo:g}-{hi:g} t must hold its low end first and the estimate {point:g} t; check the numbers.</source>
      <translation>{what}: 범위 {lo:g}-{hi:g} t는 하한이 먼저 와야 하며 추정치 {point:g} t를 담아야 합니다. 숫자를 확인하십시오.</translation>
    </message>
    <message>
      <location filename="../coal_monitor/core/flows.py" line="114" />
      <source>{what}: the range {lo:g}-{hi:g} t must hold its low end first; check the numbers.</source>
      <translation>{what}: 범위 {lo:g}-{hi:g} t는 하한이 먼저 와야 합니다. 숫자를 확인하십시오.</translation>
    </message>
    <message>
      <location filename="../coal_monitor/core/flows.py" line="128" />
      <source>{what} {record!r} is not a record with date and {fields}.</source>
      <translation>{what} {record!r}은(는) 날짜와 {fields}이(가) 있는 레코드가 아닙니다.</translation>
    </message>
    <message>
      <location filename="../coal_monitor/core/flows.py" line="138" />
      <source>{what}: date {date} does not follow {previous}; give one observation per date, oldest first.</source>
      <translation>{what}: 날짜 {date}이(가) {previous} 뒤에 오지 않습니다. 날짜마다 관측 하나씩, 오래된 것부터 주십시오.</translation>
    </message>
    <message>
      <location filename="../coal_monitor/core/flows.py" line="218" />
      <source>Vessel {number} {record!r} is not a record with state and observed_utc.</source>
      <translation>선박 {number} {record!r}은(는) state와 observed_utc가 있는 레코드가 아닙니다.</translation>
    </message>
    <message>
      <location filename="../coal_monitor/core/geodesy.py" line="28" />
      <source>CRS {crs!r} is missing: give the layer a CRS (e.g. EPSG:4326 or its UTM zone)</source>
      <translation>좌표계 {crs!r}이(가) 없습니다: 레이어에 좌표계를 지정하십시오(예: EPSG:4326 또는 해당 UTM 구역)</translation>
    </message>
    <message>
      <location filename="../coal_monitor/core/geodesy.py" line="33" />
      <source>CRS {crs!r} is not understood ({exc}): give an EPSG code or WKT</source>
      <translation>좌표계 {crs!r}을(를) 이해할 수 없습니다({exc}): EPSG 코드나 WKT를 주십시오</translation>
    </message>
    <message>
      <location filename="../coal_monitor/core/geodesy.py" line="44" />
      <source>CRS {shown!r} is not understood by PROJ ({exc}); give an EPSG code or WKT</source>
      <translation>PROJ가 좌표계 {shown!r}을(를) 이해하지 못합니다({exc}). EPSG 코드나 WKT를 주십시오</translation>
    </message>
    <message>
      <location filename="../coal_monitor/core/geodesy.py" line="55" />
      <source>CRS {shown} has no place on the Earth (an engineering or unknown CRS), so metres and areas cannot be measured in it: set the layer's real CRS (e.g. EPSG:4326 or the port's UTM zone)</source>
      <translation>좌표계 {shown}은(는) 지구 위의 위치가 없는(공학용 또는 알 수 없는) 좌표계라서 미터와 면적을 잴 수 없습니다: 레이어의 실제 좌표계를 지정하십시오(예: EPSG:4326 또는 항구의 UTM 구역)</translation>
    </message>
    <message>
      <location filename="../coal_monitor/core/geodesy.py" line="108" />
      <source>coordinate ({x:.6g}, {y:.6g}) lies outside the Earth in CRS {crs_name!r}: check that the layer's CRS is the one its coordinates were drawn in</source>
      <translation>좌표 ({x:.6g}, {y:.6g})이(가) 좌표계 {crs_name!r}에서 지구 밖에 있습니다: 레이어의 좌표계가 좌표를 그린 좌표계인지 확인하십시오</translation>
    </message>
    <message>
      <location filename="../coal_monitor/core/messages.py" line="29" />
      <source>{first}. {then}</source>
      <translation>{first}. {then}</translation>
    </message>
    <message>
      <location filename="../coal_monitor/core/messages.py" line="30" />
      <source>{first}; {then}</source>
      <translation>{first}; {then}</translation>
    </message>
    <message>
      <location filename="../coal_monitor/core/messages.py" line="31" />
      <source>{first} {then}</source>
      <translation>{first} {then}</translation>
    </message>
    <message>
      <location filename="../coal_monitor/core/metadata/__init__.py" line="49" />
      <source>{name}: XML with root {tag!r} is not a supported metadata file (DIMAP v2 DIM_*.XML, Maxar .IMD or .XML).</source>
      <translation>{name}: 루트가 {tag!r}인 XML은 지원하는 메타데이터 파일(DIMAP v2 DIM_*.XML, Maxar .IMD 또는 .XML)이 아닙니다.</translation>
    </message>
    <message>
      <location filename="../coal_monitor/core/metadata/__init__.py" line="58" />
      <source>{name}: JSON that is neither a STAC item nor a Planet item (no stac_version, no properties.acquired).</source>
      <translation>{name}: STAC 항목도 Planet 항목도 아닌 JSON입니다(stac_version도 properties.acquired도 없음).</translation>
    </message>
    <message>
      <location filename="../coal_monitor/core/metadata/__init__.py" line="67" />
      <source>{name}: not a recognised metadata file (DIMAP v2 XML, Maxar IMD, Planet or STAC JSON).</source>
      <translation>{name}: 알 수 없는 메타데이터 파일입니다(DIMAP v2 XML, Maxar IMD, Planet 또는 STAC JSON이 아님).</translation>
    </message>
    <message>
      <location filename="../coal_monitor/core/metadata/dimap.py" line="41" />
      <source>{source}: no Geometric_Data/Use_Area/Located_Geometric_Values: this DIMAP file has no acquisition geometry.</source>
      <translation>{source}: Geometric_Data/Use_Area/Located_Geometric_Values가 없습니다: 이 DIMAP 파일에는 촬영 기하 정보가 없습니다.</translation>
    </message>
    <message>
      <location filename="../coal_monitor/core/metadata/dimap.py" line="46" />
      <source>No Located_Geometric_Values with LOCATION_TYPE Center; the first one ({location_type}) is used.</source>
      <translation>LOCATION_TYPE이 Center인 Located_Geometric_Values가 없어 첫 번째 것({location_type})을 씁니다.</translation>
    </message>
    <message>
      <location filename="../coal_monitor/core/metadata/dimap.py" line="83" />
      <source>{source}: an ephemeris LOCATION_XYZ is not three numbers.</source>
      <translation>{source}: 궤도력 LOCATION_XYZ가 숫자 세 개가 아닙니다.</translation>
    </message>
    <message>
      <location filename="../coal_monitor/core/metadata/dimap.py" line="118" />
      <source>AZIMUTH_ANGLE {view_azimuth_deg:.2f} deg is the look direction (the ephemeris puts the satellite at azimuth {sat_az:.2f} deg from the scene): converted to {converted_deg:.2f} deg, ground towards satellite.</source>
      <translation>AZIMUTH_ANGLE {view_azimuth_deg:.2f}도는 관측 방향입니다(궤도력상 위성은 장면에서 방위 {sat_az:.2f}도에 있음): 지면에서 위성 쪽 방향인 {converted_deg:.2f}도로 바꾸었습니다.</translation>
    </message>
    <message>
      <location filename="../coal_monitor/core/metadata/dimap.py" line="124" />
      <source>AZIMUTH_ANGLE {view_azimuth_deg:.2f} deg disagrees by {diff:.1f} deg with the satellite direction from the ephemeris ({sat_az:.2f} deg); the ephemeris value is used.</source>
      <translation>AZIMUTH_ANGLE {view_azimuth_deg:.2f}도가 궤도력의 위성 방향({sat_az:.2f}도)과 {diff:.1f}도 어긋납니다. 궤도력 값을 씁니다.</translation>
    </message>
    <message>
      <location filename="../coal_monitor/core/metadata/dimap.py" line="134" />
      <source>{source}: root element is {tag!r}, not Dimap_Document.</source>
      <translation>{source}: 루트 요소가 Dimap_Document가 아니라 {tag!r}입니다.</translation>
    </message>
    <message>
      <location filename="../coal_monitor/core/metadata/dimap.py" line="141" />
      <source>a DIMAP RPC model file (RPC_*.XML)</source>
      <translation>DIMAP RPC 모델 파일(RPC_*.XML)</translation>
    </message>
    <message>
      <location filename="../coal_monitor/core/metadata/dimap.py" line="145" />
      <source>a DIMAP v1 file (version {version})</source>
      <translation>DIMAP v1 파일(버전 {version})</translation>
    </message>
    <message>
      <location filename="../coal_monitor/core/metadata/dimap.py" line="147" />
      <source>{source}: DIMAP version {version}; only DIMAP v2 (Pleiades, Pleiades Neo, SPOT 6/7) is read.</source>
      <translation>{source}: DIMAP 버전 {version}입니다. DIMAP v2(Pleiades, Pleiades Neo, SPOT 6/7)만 읽습니다.</translation>
    </message>
    <message>
      <location filename="../coal_monitor/core/metadata/dimap.py" line="158" />
      <source>No TIME at the scene centre; Strip_Source IMAGING_DATE/IMAGING_TIME used.</source>
      <translation>장면 중심에 TIME이 없어 Strip_Source IMAGING_DATE/IMAGING_TIME을 썼습니다.</translation>
    </message>
    <message>
      <location filename="../coal_monitor/core/metadata/dimap.py" line="163" />
      <source>{source}: the centre's Located_Geometric_Values has no Solar_Incidences.</source>
      <translation>{source}: 중심의 Located_Geometric_Values에 Solar_Incidences가 없습니다.</translation>
    </message>
    <message>
      <location filename="../coal_monitor/core/metadata/dimap.py" line="185" />
      <source>No viewing angles (Acquisition_Angles): treat the scene as nadir only if you know it is.</source>
      <translation>관측각(Acquisition_Angles)이 없습니다: 장면이 수직 촬영임을 알 때만 그렇게 취급하십시오.</translation>
    </message>
    <message>
      <location filename="../coal_monitor/core/metadata/gdal_domains.py" line="46" />
      <source>No Located_Geometric_Values with LOCATION_TYPE Center; another one is used.</source>
      <translation>LOCATION_TYPE이 Center인 Located_Geometric_Values가 없어 다른 것을 씁니다.</translation>
    </message>
    <message>
      <location filename="../coal_monitor/core/metadata/gdal_domains.py" line="79" />
      <source>{source}: the {name} domain must map names to text values.</source>
      <translation>{source}: {name} 도메인은 이름을 텍스트 값에 대응시켜야 합니다.</translation>
    </message>
    <message>
      <location filename="../coal_monitor/core/metadata/gdal_domains.py" line="87" />
      <source>{source}: neither an IMD domain with angles nor an IMAGERY domain with ACQUISITIONDATETIME: choose the scene's metadata file instead.</source>
      <translation>{source}: 각도가 있는 IMD 도메인도, ACQUISITIONDATETIME이 있는 IMAGERY 도메인도 없습니다: 대신 장면의 메타데이터 파일을 고르십시오.</translation>
    </message>
    <message>
      <location filename="../coal_monitor/core/metadata/gdal_domains.py" line="90" />
      <source>The IMAGERY domain has no angles: the viewing geometry is unknown (nadir assumed only if you confirm it).</source>
      <translation>IMAGERY 도메인에 각도가 없습니다: 관측 기하를 알 수 없습니다(확인할 때만 수직 촬영으로 가정).</translation>
    </message>
    <message>
      <location filename="../coal_monitor/core/metadata/gdal_domains.py" line="98" />
      <source>No location given: pass the scene's latitude and longitude to compute the sun.</source>
      <translation>위치가 주어지지 않았습니다: 태양을 계산하려면 장면의 위도와 경도를 주십시오.</translation>
    </message>
    <message>
      <location filename="../coal_monitor/core/metadata/imd.py" line="40" />
      <source>{source}: line {lineno} is not IMD 'key = value;' syntax: {text!r}.</source>
      <translation>{source}: {lineno}번째 줄이 IMD 'key = value;' 구문이 아닙니다: {text!r}.</translation>
    </message>
    <message>
      <location filename="../coal_monitor/core/metadata/imd.py" line="47" />
      <source>{source}: line {lineno} closes group {value!r} that is not open.</source>
      <translation>{source}: {lineno}번째 줄이 열리지 않은 그룹 {value!r}을(를) 닫습니다.</translation>
    </message>
    <message>
      <location filename="../coal_monitor/core/metadata/imd.py" line="55" />
      <source>{source}: group {group!r} is never closed (END_GROUP); the file is cut short.</source>
      <translation>{source}: 그룹 {group!r}이(가) 닫히지 않습니다(END_GROUP). 파일이 중간에 잘렸습니다.</translation>
    </message>
    <message>
      <location filename="../coal_monitor/core/metadata/imd.py" line="64" />
      <source>{source}: Maxar XML without an &lt;IMD&gt; part: it holds no image description.</source>
      <translation>{source}: &lt;IMD&gt; 부분이 없는 Maxar XML입니다: 영상 설명이 들어 있지 않습니다.</translation>
    </message>
    <message>
      <location filename="../coal_monitor/core/metadata/imd.py" line="93" />
      <source>{source}: no IMAGE_1 group: not a Maxar IMD, or an incomplete one.</source>
      <translation>{source}: IMAGE_1 그룹이 없습니다: Maxar IMD가 아니거나 불완전한 IMD입니다.</translation>
    </message>
    <message>
      <location filename="../coal_monitor/core/metadata/imd.py" line="109" />
      <source>{source}: no sun angles (meanSunEl, meanSunAz) and no corner coordinates to compute them from: a stripped or incomplete IMD. Use the full delivery's .IMD or .XML, or enter the acquisition time when asked.</source>
      <translation>{source}: 태양각(meanSunEl, meanSunAz)도, 이를 계산할 모서리 좌표도 없습니다: 내용이 빠졌거나 불완전한 IMD입니다. 전체 납품본의 .IMD나 .XML을 쓰거나, 물을 때 촬영 시각을 입력하십시오.</translation>
    </message>
    <message>
      <location filename="../coal_monitor/core/metadata/items.py" line="50" />
      <source>{source}: the item's geometry is not a valid GeoJSON polygon.</source>
      <translation>{source}: 항목의 geometry가 올바른 GeoJSON 다각형이 아닙니다.</translation>
    </message>
    <message>
      <location filename="../coal_monitor/core/metadata/items.py" line="57" />
      <source>{source}: no 'properties' object: not a Planet or STAC item.</source>
      <translation>{source}: 'properties' 객체가 없습니다: Planet이나 STAC 항목이 아닙니다.</translation>
    </message>
    <message>
      <location filename="../coal_monitor/core/metadata/items.py" line="121" />
      <source>view:incidence_angle {incidence_deg:.2f} deg is the satellite elevation, not the incidence: off-nadir {off_nadir_deg:.2f} deg from the {sensor} orbit gives an incidence of {expected:.2f} deg; corrected to {as_elevation:.2f} deg (90 - value).</source>
      <translation>view:incidence_angle {incidence_deg:.2f}도는 입사각이 아니라 위성 고도각입니다: {sensor} 궤도에서 오프나디르 {off_nadir_deg:.2f}도이면 입사각은 {expected:.2f}도이므로 {as_elevation:.2f}도(90 - 값)로 바로잡았습니다.</translation>
    </message>
    <message>
      <location filename="../coal_monitor/core/metadata/items.py" line="138" />
      <source>view:azimuth {view_azimuth_deg:.1f} deg and pl:satellite_azimuth {planet:.1f} deg disagree: the satellite azimuth is unknown (a shadow height then needs a near-nadir view).</source>
      <translation>view:azimuth {view_azimuth_deg:.1f}도와 pl:satellite_azimuth {planet:.1f}도가 서로 다릅니다: 위성 방위각을 알 수 없습니다(그러면 그림자 높이에는 수직에 가까운 촬영이 필요합니다).</translation>
    </message>
    <message>
      <location filename="../coal_monitor/core/metadata/model.py" line="25" />
      <source>The place given</source>
      <translation>입력한 위치</translation>
    </message>
    <message>
      <location filename="../coal_monitor/core/metadata/model.py" line="59" />
      <source>{source}: the field {name} is missing; this file cannot describe the scene.</source>
      <translation>{source}: {name} 필드가 없습니다. 이 파일로는 장면을 기술할 수 없습니다.</translation>
    </message>
    <message>
      <location filename="../coal_monitor/core/metadata/model.py" line="68" />
      <source>{source}: {name} is {text!r}, not a number.</source>
      <translation>{source}: {name}은(는) 숫자가 아닌 {text!r}입니다.</translation>
    </message>
    <message>
      <location filename="../coal_monitor/core/metadata/model.py" line="71" />
      <source>{source}: {name} = {value:g} is outside {low:g}..{high:g}; the file is damaged or uses another unit.</source>
      <translation>{source}: {name} = {value:g}은(는) {low:g}..{high:g} 범위를 벗어납니다. 파일이 손상되었거나 다른 단위를 씁니다.</translation>
    </message>
    <message>
      <location filename="../coal_monitor/core/metadata/model.py" line="87" />
      <source>{source}: the acquisition time ({name}) is missing.</source>
      <translation>{source}: 촬영 시각({name})이 없습니다.</translation>
    </message>
    <message>
      <location filename="../coal_monitor/core/metadata/model.py" line="94" />
      <source>{source}: acquisition time {name} = {text!r} is not an ISO 8601 time (expected e.g. 2024-01-15T02:12:34.5Z).</source>
      <translation>{source}: 촬영 시각 {name} = {text!r}은(는) ISO 8601 시각이 아닙니다(예: 2024-01-15T02:12:34.5Z).</translation>
    </message>
    <message>
      <location filename="../coal_monitor/core/metadata/model.py" line="98" />
      <source>{name} = {raw} has no time zone; read as UTC, as the format defines it.</source>
      <translation>{name} = {raw}에 시간대가 없습니다. 형식이 정한 대로 UTC로 읽었습니다.</translation>
    </message>
    <message>
      <location filename="../coal_monitor/core/metadata/model.py" line="108" />
      <source>Off-nadir angle {off_nadir_deg:g} deg looks past the Earth's limb from {height_km:g} km: the value is wrong.</source>
      <translation>오프나디르 각 {off_nadir_deg:g}도는 {height_km:g} km 높이에서 지구 가장자리 너머를 보는 각도입니다: 값이 잘못되었습니다.</translation>
    </message>
    <message>
      <location filename="../coal_monitor/core/metadata/model.py" line="144" />
      <source>the file's sun azimuth is 180 deg off: it uses the opposite azimuth convention</source>
      <translation>파일의 태양 방위각이 180도 어긋납니다: 반대 방위각 규약을 씁니다</translation>
    </message>
    <message>
      <location filename="../coal_monitor/core/metadata/model.py" line="146" />
      <source>the file gives the sun zenith angle where the elevation belongs</source>
      <translation>파일이 고도각 자리에 태양 천정각을 적었습니다</translation>
    </message>
    <message>
      <location filename="../coal_monitor/core/metadata/model.py" line="151" />
      <source>the time looks like local time UTC{sign}{zone}, not UTC (the sun matches at {shifted} UTC)</source>
      <translation>시각이 UTC가 아니라 현지 시각 UTC{sign}{zone}로 보입니다({shifted} UTC에서 태양이 맞음)</translation>
    </message>
    <message>
      <location filename="../coal_monitor/core/metadata/model.py" line="158" />
      <source>the time is not the scene's: it looks like the start of a longer recording (datatake or strip); the sun matches {minutes} min later, at {shifted} UTC</source>
      <translation>시각이 장면의 것이 아닙니다: 더 긴 기록(데이터테이크 또는 스트립)의 시작으로 보입니다. 태양은 {minutes}분 뒤인 {shifted} UTC에서 맞습니다</translation>
    </message>
    <message>
      <location filename="../coal_monitor/core/metadata/model.py" line="158" />
      <source>the time is not the scene's: it looks like the end of a longer recording (datatake or strip); the sun matches {minutes} min earlier, at {shifted} UTC</source>
      <translation>시각이 장면의 것이 아닙니다: 더 긴 기록(데이터테이크 또는 스트립)의 끝으로 보입니다. 태양은 {minutes}분 앞인 {shifted} UTC에서 맞습니다</translation>
    </message>
    <message>
      <location filename="../coal_monitor/core/metadata/model.py" line="168" />
      <source>the file's date is off by {days} days: its sun matches {shifted} at the same time of day (or its sun angles were computed for that date); check the acquisition date against the vendor's catalogue</source>
      <translation>파일의 날짜가 {days}일 어긋납니다: 태양이 같은 시각의 {shifted}에 맞습니다(또는 태양각을 그 날짜로 계산했습니다). 촬영 날짜를 공급자 카탈로그와 대조하십시오</translation>
    </message>
    <message>
      <location filename="../coal_monitor/core/metadata/model.py" line="168" />
      <source>the file's date is off by {days} day: its sun matches {shifted} at the same time of day (or its sun angles were computed for that date); check the acquisition date against the vendor's catalogue</source>
      <translation>파일의 날짜가 {days}일 어긋납니다: 태양이 같은 시각의 {shifted}에 맞습니다(또는 태양각을 그 날짜로 계산했습니다). 촬영 날짜를 공급자 카탈로그와 대조하십시오</translation>
    </message>
    <message>
      <location filename="../coal_monitor/core/metadata/model.py" line="175" />
      <source>check the acquisition time and its time zone, the scene location and the angle conventions</source>
      <translation>촬영 시각과 시간대, 장면 위치, 각도 규약을 확인하십시오</translation>
    </message>
    <message>
      <location filename="../coal_monitor/core/metadata/model.py" line="187" />
      <source>No incidence angle and unknown orbit height for sensor {sensor!r}: incidence taken equal to the off-nadir angle {off_nadir_deg:.2f} deg (too small by about 10 %).</source>
      <translation>입사각이 없고 센서 {sensor!r}의 궤도 높이를 몰라 입사각을 오프나디르 각 {off_nadir_deg:.2f}도와 같다고 보았습니다(약 10 % 작음).</translation>
    </message>
    <message>
      <location filename="../coal_monitor/core/metadata/model.py" line="194" />
      <source>Incidence {inc:.2f} deg derived from off-nadir {off_nadir_deg:.2f} deg at an orbit height of {height:g} km.</source>
      <translation>입사각 {inc:.2f}도는 궤도 높이 {height:g} km에서 오프나디르 {off_nadir_deg:.2f}도로부터 구했습니다.</translation>
    </message>
    <message>
      <location filename="../coal_monitor/core/metadata/model.py" line="202" />
      <source>Incidence {incidence_deg:.2f} deg does not match off-nadir {off_nadir_deg:.2f} deg for {sensor} (expected {expected:.2f} deg): one of the viewing angles is wrong; the incidence is used.</source>
      <translation>입사각 {incidence_deg:.2f}도가 {sensor}의 오프나디르 {off_nadir_deg:.2f}도와 맞지 않습니다(예상 {expected:.2f}도): 관측각 중 하나가 틀렸습니다. 입사각을 씁니다.</translation>
    </message>
    <message>
      <location filename="../coal_monitor/core/metadata/model.py" line="210" />
      <source>Give both latitude and longitude for the sun check, not only one (got {lat_deg!r}, {lon_deg!r}).</source>
      <translation>태양 확인에는 위도와 경도를 둘 다 주십시오. 하나만 주면 안 됩니다(받은 값: {lat_deg!r}, {lon_deg!r}).</translation>
    </message>
    <message>
      <location filename="../coal_monitor/core/metadata/model.py" line="217" />
      <source>No scene location: the file's sun angles could not be checked against the computed sun position.</source>
      <translation>장면 위치가 없어 파일의 태양각을 계산한 태양 위치와 대조하지 못했습니다.</translation>
    </message>
    <message>
      <location filename="../coal_monitor/core/metadata/model.py" line="222" />
      <source>Sun angles computed from the time and place: elevation {elevation_deg:.2f} deg, azimuth {azimuth_deg:.2f} deg.</source>
      <translation>시각과 위치로 태양각을 계산했습니다: 고도 {elevation_deg:.2f}도, 방위 {azimuth_deg:.2f}도.</translation>
    </message>
    <message>
      <location filename="../coal_monitor/core/metadata/model.py" line="231" />
      <source>The file's sun (elevation {sun_elevation_deg:.2f} deg, azimuth {sun_azimuth_deg:.2f} deg) differs by {sep:.2f} deg from the sun computed for {acquired_utc} UTC at {lat:.4f}, {lon:.4f} (elevation {elevation_deg:.2f} deg, azimuth {azimuth_deg:.2f} deg): likely cause: {cause}.</source>
      <translation>파일의 태양(고도 {sun_elevation_deg:.2f}도, 방위 {sun_azimuth_deg:.2f}도)이 {acquired_utc} UTC에 {lat:.4f}, {lon:.4f}에서 계산한 태양(고도 {elevation_deg:.2f}도, 방위 {azimuth_deg:.2f}도)과 {sep:.2f}도 다릅니다: 가능한 원인: {cause}.</translation>
    </message>
    <message>
      <location filename="../coal_monitor/core/metadata/safe_io.py" line="26" />
      <source>{path}: not a regular file; choose the scene's metadata file.</source>
      <translation>{path}: 일반 파일이 아닙니다. 장면의 메타데이터 파일을 고르십시오.</translation>
    </message>
    <message>
      <location filename="../coal_monitor/core/metadata/safe_io.py" line="29" />
      <source>{name}: {size_mb:.1f} MB is too large for a metadata file (limit {limit_mb:.0f} MB); it is not one, or it is damaged.</source>
      <translation>{name}: {size_mb:.1f} MB는 메타데이터 파일로는 너무 큽니다(한도 {limit_mb:.0f} MB). 메타데이터 파일이 아니거나 손상되었습니다.</translation>
    </message>
    <message>
      <location filename="../coal_monitor/core/metadata/safe_io.py" line="35" />
      <source>{path}: cannot be read ({reason}).</source>
      <translation>{path}: 읽을 수 없습니다({reason}).</translation>
    </message>
    <message>
      <location filename="../coal_monitor/core/metadata/safe_io.py" line="38" />
      <source>{name}: grew past {limit_mb:.0f} MB while reading; not a metadata file.</source>
      <translation>{name}: 읽는 동안 {limit_mb:.0f} MB를 넘었습니다. 메타데이터 파일이 아닙니다.</translation>
    </message>
    <message>
      <location filename="../coal_monitor/core/metadata/safe_io.py" line="72" />
      <source>{name}: refused because it contains {exc}; scene metadata never needs one, and such files can expand without limit or read other files.</source>
      <translation>{name}: {exc}이(가) 들어 있어 거부했습니다. 장면 메타데이터에는 필요 없으며, 이런 파일은 끝없이 커지거나 다른 파일을 읽을 수 있습니다.</translation>
    </message>
    <message>
      <location filename="../coal_monitor/core/metadata/safe_io.py" line="76" />
      <source>{name}: not well-formed XML ({error} at line {line}).</source>
      <translation>{name}: 올바른 형식의 XML이 아닙니다({line}번째 줄의 {error}).</translation>
    </message>
    <message>
      <location filename="../coal_monitor/core/metadata/safe_io.py" line="80" />
      <source>{name}: the XML ends before its elements are closed.</source>
      <translation>{name}: 요소가 닫히기 전에 XML이 끝납니다.</translation>
    </message>
    <message>
      <location filename="../coal_monitor/core/metadata/safe_io.py" line="91" />
      <source>{name}: not UTF-8 text, so not a JSON metadata file.</source>
      <translation>{name}: UTF-8 텍스트가 아니므로 JSON 메타데이터 파일이 아닙니다.</translation>
    </message>
    <message>
      <location filename="../coal_monitor/core/metadata/safe_io.py" line="93" />
      <source>{name}: JSON nested too deeply to be scene metadata.</source>
      <translation>{name}: JSON이 너무 깊이 중첩되어 장면 메타데이터일 수 없습니다.</translation>
    </message>
    <message>
      <location filename="../coal_monitor/core/metadata/safe_io.py" line="95" />
      <source>{name}: not valid JSON ({exc}).</source>
      <translation>{name}: 올바른 JSON이 아닙니다({exc}).</translation>
    </message>
    <message>
      <location filename="../coal_monitor/core/metadata/unsupported.py" line="8" />
      <source>Planet product XML (*_metadata.xml)</source>
      <translation>Planet 제품 XML(*_metadata.xml)</translation>
    </message>
    <message>
      <location filename="../coal_monitor/core/metadata/unsupported.py" line="8" />
      <source>choose the item's JSON (&lt;item id&gt;_metadata.json or the STAC item) instead</source>
      <translation>대신 항목의 JSON(&lt;item id&gt;_metadata.json 또는 STAC 항목)을 고르십시오</translation>
    </message>
    <message>
      <location filename="../coal_monitor/core/metadata/unsupported.py" line="10" />
      <source>RapidEye product XML</source>
      <translation>RapidEye 제품 XML</translation>
    </message>
    <message>
      <location filename="../coal_monitor/core/metadata/unsupported.py" line="11" />
      <source>Resurs-DK1 passport</source>
      <translation>Resurs-DK1 패스포트</translation>
    </message>
    <message>
      <location filename="../coal_monitor/core/metadata/unsupported.py" line="14" />
      <source>enter the acquisition time when asked</source>
      <translation>물을 때 촬영 시각을 입력하십시오</translation>
    </message>
    <message>
      <location filename="../coal_monitor/core/metadata/unsupported.py" line="14" />
      <source>Landsat MTL text</source>
      <translation>Landsat MTL 텍스트</translation>
    </message>
    <message>
      <location filename="../coal_monitor/core/metadata/unsupported.py" line="14" />
      <source>choose the scene's STAC item (*_stac.json), which the readers take, or enter the acquisition time when asked</source>
      <translation>읽을 수 있는 장면의 STAC 항목(*_stac.json)을 고르거나, 물을 때 촬영 시각을 입력하십시오</translation>
    </message>
    <message>
      <location filename="../coal_monitor/core/metadata/unsupported.py" line="14" />
      <source>KOMPSAT aux text</source>
      <translation>KOMPSAT aux 텍스트</translation>
    </message>
    <message>
      <location filename="../coal_monitor/core/metadata/unsupported.py" line="14" />
      <source>EROS pass file</source>
      <translation>EROS 패스 파일</translation>
    </message>
    <message>
      <location filename="../coal_monitor/core/metadata/unsupported.py" line="14" />
      <source>OrbView PVL</source>
      <translation>OrbView PVL</translation>
    </message>
    <message>
      <location filename="../coal_monitor/core/metadata/unsupported.py" line="14" />
      <source>GeoEye/IKONOS metadata text</source>
      <translation>GeoEye/IKONOS 메타데이터 텍스트</translation>
    </message>
    <message>
      <location filename="../coal_monitor/core/metadata/unsupported.py" line="25" />
      <source>it describes the sensor's geometry, not the scene; choose the DIM_*.XML beside it</source>
      <translation>이 파일은 장면이 아니라 센서의 기하를 기술합니다. 옆에 있는 DIM_*.XML을 고르십시오</translation>
    </message>
    <message>
      <location filename="../coal_monitor/core/metadata/unsupported.py" line="26" />
      <source>only DIMAP v2 (Pleiades, Pleiades Neo, SPOT 6/7) is read. DIMAP v1 (SPOT 1-5, METADATA.DIM) has no centre values as DIMAP v2 has: enter the acquisition time when asked (the file's Scene_Source IMAGING_DATE and IMAGING_TIME), or use a DIMAP v2 product</source>
      <translation>DIMAP v2(Pleiades, Pleiades Neo, SPOT 6/7)만 읽습니다. DIMAP v1(SPOT 1-5, METADATA.DIM)에는 DIMAP v2와 같은 중심 값이 없으니, 물을 때 촬영 시각(파일의 Scene_Source IMAGING_DATE와 IMAGING_TIME)을 입력하거나 DIMAP v2 제품을 쓰십시오</translation>
    </message>
    <message>
      <location filename="../coal_monitor/core/metadata/unsupported.py" line="33" />
      <source>{name}: {what} is not supported; {advice}.</source>
      <translation>{name}: {what}은(는) 지원하지 않습니다. {advice}.</translation>
    </message>
    <message>
      <location filename="../coal_monitor/core/pile_models.py" line="26" />
      <source>Repose-capped pile</source>
      <translation>안식각 제한 더미</translation>
    </message>
    <message>
      <location filename="../coal_monitor/core/pile_models.py" line="26" />
      <source>repose-capped pile</source>
      <translation>안식각 제한 더미</translation>
    </message>
    <message>
      <location filename="../coal_monitor/core/pile_models.py" line="26" />
      <source>repose-capped pile (surface min(H, tan(repose) x distance to the footprint edge))</source>
      <translation>안식각 제한 더미(표면 높이 min(H, tan(안식각) × 윤곽 가장자리까지의 거리))</translation>
    </message>
    <message>
      <location filename="../coal_monitor/core/pile_models.py" line="26" />
      <source>Repose-capped pile: free-standing heap, slopes at the angle of repose, flat top where the outline is wide (any outline).</source>
      <translation>안식각 제한 더미: 홀로 선 더미로, 비탈이 안식각을 이루고 윤곽이 넓은 곳은 윗면이 평평합니다(모든 윤곽).</translation>
    </message>
    <message>
      <location filename="../coal_monitor/core/pile_models.py" line="26" />
      <source>Prism (walled bin)</source>
      <translation>각기둥(벽으로 둘러싼 저탄장)</translation>
    </message>
    <message>
      <location filename="../coal_monitor/core/pile_models.py" line="26" />
      <source>prism (vertical walls)</source>
      <translation>각기둥(수직 벽)</translation>
    </message>
    <message>
      <location filename="../coal_monitor/core/pile_models.py" line="26" />
      <source>prism (area x height: walled bins and bunkers)</source>
      <translation>각기둥(면적 × 높이: 벽으로 둘러싼 저탄장과 벙커)</translation>
    </message>
    <message>
      <location filename="../coal_monitor/core/pile_models.py" line="26" />
      <source>Prism: coal held by walls (bins, bunkers): area x height.</source>
      <translation>각기둥: 벽이 받치는 석탄(저탄장, 벙커): 면적 × 높이.</translation>
    </message>
    <message>
      <location filename="../coal_monitor/core/pile_models.py" line="26" />
      <source>Cone</source>
      <translation>원뿔</translation>
    </message>
    <message>
      <location filename="../coal_monitor/core/pile_models.py" line="26" />
      <source>cone (shape factor 1/3)</source>
      <translation>원뿔(형상 계수 1/3)</translation>
    </message>
    <message>
      <location filename="../coal_monitor/core/pile_models.py" line="26" />
      <source>Cone: a single conical pile.</source>
      <translation>원뿔: 원뿔 모양의 단일 더미.</translation>
    </message>
    <message>
      <location filename="../coal_monitor/core/ports.py" line="113" />
      <source>Latitude {lat_deg!r} is outside -90..90 degrees; give WGS84 degrees north.</source>
      <translation>위도 {lat_deg!r}은(는) -90..90도 범위를 벗어납니다. WGS84 북위 도 단위로 주십시오.</translation>
    </message>
    <message>
      <location filename="../coal_monitor/core/ports.py" line="116" />
      <source>Longitude {lon_deg!r} is outside -180..180 degrees; give WGS84 degrees east.</source>
      <translation>경도 {lon_deg!r}은(는) -180..180도 범위를 벗어납니다. WGS84 동경 도 단위로 주십시오.</translation>
    </message>
    <message>
      <location filename="../coal_monitor/core/ports.py" line="126" />
      <source>{name} = {value!r} is not a number.</source>
      <translation>{name} = {value!r}은(는) 숫자가 아닙니다.</translation>
    </message>
    <message>
      <location filename="../coal_monitor/core/ports.py" line="129" />
      <source>{name} = {value!r} is not a finite number.</source>
      <translation>{name} = {value!r}은(는) 유한한 숫자가 아닙니다.</translation>
    </message>
    <message>
      <location filename="../coal_monitor/core/ports.py" line="136" />
      <source>{name} = {value!r} is outside {low:g}..{high:g} {hint}.</source>
      <translation>{name} = {value!r}은(는) {low:g}..{high:g} {hint} 범위를 벗어납니다.</translation>
    </message>
    <message>
      <location filename="../coal_monitor/core/ports.py" line="147" />
      <source>crs_epsg = {epsg!r} is not an EPSG code such as 32651.</source>
      <translation>crs_epsg = {epsg!r}은(는) 32651 같은 EPSG 코드가 아닙니다.</translation>
    </message>
    <message>
      <location filename="../coal_monitor/core/ports.py" line="153" />
      <source>crs_epsg = {epsg!r} is not a known EPSG code.</source>
      <translation>crs_epsg = {epsg!r}은(는) 알려진 EPSG 코드가 아닙니다.</translation>
    </message>
    <message>
      <location filename="../coal_monitor/core/ports.py" line="156" />
      <source>EPSG:{epsg} ({crs_name}) is not a projected CRS in metres; areas in it would be wrong. Leave crs_epsg out to get the UTM zone of the port.</source>
      <translation>EPSG:{epsg}({crs_name})은(는) 미터 단위의 투영 좌표계가 아니어서 면적이 틀리게 됩니다. crs_epsg를 빼면 항구의 UTM 구역을 씁니다.</translation>
    </message>
    <message>
      <location filename="../coal_monitor/core/ports.py" line="165" />
      <source>EPSG:{epsg} ({crs_name}) scales areas by {areal_scale:.3g} at {lat:g}, {lon:g}, more than {tolerance:.0%} off; heap areas would be wrong. Leave crs_epsg out to get the UTM zone of the port.</source>
      <translation>EPSG:{epsg}({crs_name})은(는) {lat:g}, {lon:g}에서 면적을 {areal_scale:.3g}배로 늘려 {tolerance:.0%} 넘게 어긋나므로 더미 면적이 틀리게 됩니다. crs_epsg를 빼면 항구의 UTM 구역을 씁니다.</translation>
    </message>
    <message>
      <location filename="../coal_monitor/core/ports.py" line="182" />
      <source>{name} = {values!r} holds an empty entry; remove it.</source>
      <translation>{name} = {values!r}에 빈 항목이 있습니다. 지우십시오.</translation>
    </message>
    <message>
      <location filename="../coal_monitor/core/ports.py" line="193" />
      <source>aoi_lonlat = {value!r} must be [lon_min, lat_min, lon_max, lat_max] in degrees.</source>
      <translation>aoi_lonlat = {value!r}은(는) 도 단위의 [lon_min, lat_min, lon_max, lat_max]여야 합니다.</translation>
    </message>
    <message>
      <location filename="../coal_monitor/core/ports.py" line="200" />
      <source>aoi_lonlat = {values!r} is empty: minimums must be below maximums.</source>
      <translation>aoi_lonlat = {values!r}이(가) 비어 있습니다: 최솟값이 최댓값보다 작아야 합니다.</translation>
    </message>
    <message>
      <location filename="../coal_monitor/core/ports.py" line="213" />
      <source>Unknown port field(s) {unknown}; known fields are {known}.</source>
      <translation>알 수 없는 항구 필드 {unknown}입니다. 알려진 필드는 {known}입니다.</translation>
    </message>
    <message>
      <location filename="../coal_monitor/core/ports.py" line="218" />
      <source>Port name {name!r} is empty; give the port a name such as 'Nampho'.</source>
      <translation>항구 이름 {name!r}이(가) 비어 있습니다. 'Nampho'처럼 항구에 이름을 주십시오.</translation>
    </message>
    <message>
      <location filename="../coal_monitor/core/ports.py" line="242" />
      <source>degrees (coal piles stand at about 35)</source>
      <translation>도(석탄 더미는 약 35도로 섭니다)</translation>
    </message>
    <message>
      <location filename="../coal_monitor/core/ports.py" line="245" />
      <source>degrees (the repose band must stay within the repose limits)</source>
      <translation>도(안식각 범위는 안식각 한계 안에 있어야 합니다)</translation>
    </message>
    <message>
      <location filename="../coal_monitor/core/ports.py" line="250" />
      <source>t/m3 (stockpiled coal is about 0.85)</source>
      <translation>t/m3(야적 석탄은 약 0.85)</translation>
    </message>
    <message>
      <location filename="../coal_monitor/core/ports.py" line="253" />
      <source>Port {name!r}: density {density:g} t/m3 must lie within its band {low:g}..{high:g} t/m3; widen the band or change it.</source>
      <translation>항구 {name!r}: 밀도 {density:g} t/m3은(는) 범위 {low:g}..{high:g} t/m3 안에 있어야 합니다. 범위를 넓히거나 밀도를 바꾸십시오.</translation>
    </message>
    <message>
      <location filename="../coal_monitor/core/ports.py" line="259" />
      <source>default_model = {model!r} is not one of {models}.</source>
      <translation>default_model = {model!r}은(는) {models} 중 하나가 아닙니다.</translation>
    </message>
    <message>
      <location filename="../coal_monitor/core/ports.py" line="265" />
      <source>Port {name!r}: piers {piers!r} list a pier twice.</source>
      <translation>항구 {name!r}: 부두 목록 {piers!r}에 같은 부두가 두 번 있습니다.</translation>
    </message>
    <message>
      <location filename="../coal_monitor/core/ports.py" line="282" />
      <source>Port {name!r}: pier_depths_m = {depths!r} must map pier names to [shallowest, deepest] depths in metres, e.g. {{"coal terminal": [7, 9]}}.</source>
      <translation>항구 {name!r}: pier_depths_m = {depths!r}은(는) 부두 이름을 미터 단위 [가장 얕은, 가장 깊은] 수심에 대응시켜야 합니다(예: {{"coal terminal": [7, 9]}}).</translation>
    </message>
    <message>
      <location filename="../coal_monitor/core/ports.py" line="288" />
      <source>Port {name!r}: pier_depths_m names the pier {pier!r}, which is not one of its piers {piers!r}; add the pier first or correct the name.</source>
      <translation>항구 {name!r}: pier_depths_m에 부두 {pier!r}이(가) 있지만 항구의 부두 {piers!r}에 없습니다. 먼저 부두를 추가하거나 이름을 고치십시오.</translation>
    </message>
    <message>
      <location filename="../coal_monitor/core/ports.py" line="294" />
      <source>Port {name!r}: the depth of pier {pier!r} is {band!r}; give [shallowest, deepest] in metres, e.g. [7, 9].</source>
      <translation>항구 {name!r}: 부두 {pier!r}의 수심이 {band!r}입니다. 미터 단위 [가장 얕은, 가장 깊은] 값을 주십시오(예: [7, 9]).</translation>
    </message>
    <message>
      <location filename="../coal_monitor/core/ports.py" line="297" />
      <source>Port {name!r}: the depth of pier {pier!r} is {low:g}..{high:g} m; it must satisfy 0 &lt; shallowest &lt;= deepest &lt;= {BERTH_DEPTH_MAX_M:g} m.</source>
      <translation>항구 {name!r}: 부두 {pier!r}의 수심이 {low:g}..{high:g} m입니다. 0 &lt; 가장 얕은 &lt;= 가장 깊은 &lt;= {BERTH_DEPTH_MAX_M:g} m를 만족해야 합니다.</translation>
    </message>
    <message>
      <location filename="../coal_monitor/core/ports.py" line="308" />
      <source>Port entry {data!r} is not a JSON object.</source>
      <translation>항구 항목 {data!r}은(는) JSON 객체가 아닙니다.</translation>
    </message>
    <message>
      <location filename="../coal_monitor/core/ports.py" line="311" />
      <source>Port entry {entry!r} lacks {missing}.</source>
      <translation>항구 항목 {entry!r}에 {missing}이(가) 없습니다.</translation>
    </message>
    <message>
      <location filename="../coal_monitor/core/ports.py" line="324" />
      <source>{path} is not a Coal Monitor ports file; reinstall the plugin.</source>
      <translation>{path}은(는) Coal Monitor 항구 목록 파일이 아닙니다. 플러그인을 다시 설치하십시오.</translation>
    </message>
    <message>
      <location filename="../coal_monitor/core/ports.py" line="348" />
      <source>Cannot read the ports file {path}: {reason}.</source>
      <translation>항구 목록 파일 {path}을(를) 읽을 수 없습니다: {reason}.</translation>
    </message>
    <message>
      <location filename="../coal_monitor/core/ports.py" line="351" />
      <source>The ports file {path} is not valid JSON ({exc}); it was left untouched. Fix or remove it.</source>
      <translation>항구 목록 파일 {path}은(는) 올바른 JSON이 아닙니다({exc}). 파일은 건드리지 않았습니다. 고치거나 지우십시오.</translation>
    </message>
    <message>
      <location filename="../coal_monitor/core/ports.py" line="356" />
      <source>The ports file {path} does not hold a JSON object; it was left untouched.</source>
      <translation>항구 목록 파일 {path}에 JSON 객체가 없습니다. 파일은 건드리지 않았습니다.</translation>
    </message>
    <message>
      <location filename="../coal_monitor/core/ports.py" line="365" />
      <source>{where}: port {name!r} (slug {slug!r}) is listed twice.</source>
      <translation>{where}: 항구 {name!r}(슬러그 {slug!r})이(가) 두 번 나옵니다.</translation>
    </message>
    <message>
      <location filename="../coal_monitor/core/ports.py" line="400" />
      <source>No port called {name!r}; known ports: {known}. Add it first (name and reference point).</source>
      <translation>{name!r}(이)라는 항구가 없습니다. 알려진 항구: {known}. 먼저 추가하십시오(이름과 기준점).</translation>
    </message>
    <message>
      <location filename="../coal_monitor/core/ports.py" line="411" />
      <source>No port has the slug {slug!r}.</source>
      <translation>슬러그가 {slug!r}인 항구가 없습니다.</translation>
    </message>
    <message>
      <location filename="../coal_monitor/core/ports.py" line="432" />
      <source>Port {name!r}: {fixed} cannot be edited (the port file is named and projected by them); remove the port and add it again, or edit only {editable}.</source>
      <translation>항구 {name!r}: {fixed}은(는) 고칠 수 없습니다(항구 파일의 이름과 투영이 이에 따라 정해짐). 항구를 지우고 다시 추가하거나, {editable}만 고치십시오.</translation>
    </message>
    <message>
      <location filename="../coal_monitor/core/ports.py" line="456" />
      <source>Port {name!r} is not a built-in port; there are no shipped defaults.</source>
      <translation>항구 {name!r}은(는) 내장 항구가 아니어서 배포된 기본값이 없습니다.</translation>
    </message>
    <message>
      <location filename="../coal_monitor/core/ports.py" line="465" />
      <source>No port called {name!r} to remove.</source>
      <translation>지울 {name!r}(이)라는 항구가 없습니다.</translation>
    </message>
    <message>
      <location filename="../coal_monitor/core/ports.py" line="467" />
      <source>Port {key!r} is built in and cannot be removed; use reset to restore its defaults.</source>
      <translation>항구 {key!r}은(는) 내장 항구라 지울 수 없습니다. 초기화로 기본값을 되돌리십시오.</translation>
    </message>
    <message>
      <location filename="../coal_monitor/core/ports.py" line="494" />
      <source>A port called {other!r} already exists; choose another name.</source>
      <translation>{other!r}(이)라는 항구가 이미 있습니다. 다른 이름을 고르십시오.</translation>
    </message>
    <message>
      <location filename="../coal_monitor/core/ports.py" line="497" />
      <source>Port name {name!r} gives the file name '{slug}.gpkg', already used by port {other!r}; choose a more distinct name.</source>
      <translation>항구 이름 {name!r}은(는) 파일 이름 '{slug}.gpkg'가 되는데, 이미 항구 {other!r}이(가) 쓰고 있습니다. 더 구별되는 이름을 고르십시오.</translation>
    </message>
    <message>
      <location filename="../coal_monitor/core/ports.py" line="506" />
      <source>{path} is not a Coal Monitor ports file; it was left untouched.</source>
      <translation>{path}은(는) Coal Monitor 항구 목록 파일이 아닙니다. 파일은 건드리지 않았습니다.</translation>
    </message>
    <message>
      <location filename="../coal_monitor/core/ports.py" line="510" />
      <source>{path} has format version {version!r}, newer than this plugin reads ({supported}); update Coal Monitor. The file was left untouched.</source>
      <translation>{path}의 형식 버전 {version!r}은(는) 이 플러그인이 읽는 버전({supported})보다 새롭습니다. Coal Monitor를 업데이트하십시오. 파일은 건드리지 않았습니다.</translation>
    </message>
    <message>
      <location filename="../coal_monitor/core/ports.py" line="518" />
      <source>edited port {name!r} is not a built-in port</source>
      <translation>수정된 항구 {name!r}은(는) 내장 항구가 아닙니다</translation>
    </message>
    <message>
      <location filename="../coal_monitor/core/ports.py" line="521" />
      <source>edits of {name!r} touch fixed fields {unknown}</source>
      <translation>{name!r}의 수정 사항이 고정 필드 {unknown}을(를) 건드립니다</translation>
    </message>
    <message>
      <location filename="../coal_monitor/core/ports.py" line="530" />
      <source>{path}: {exc} The file was left untouched.</source>
      <translation>{path}: {exc} 파일은 건드리지 않았습니다.</translation>
    </message>
    <message>
      <location filename="../coal_monitor/core/scene_identity.py" line="33" />
      <source>{path}: cannot be read to identify the scene ({reason}).</source>
      <translation>{path}: 장면을 식별하려고 읽을 수 없습니다({reason}).</translation>
    </message>
    <message>
      <location filename="../coal_monitor/core/scene_identity.py" line="61" />
      <source>The capture date of {label} must be a time in UTC, not {acquired_utc!r}.</source>
      <translation>{label}의 촬영 날짜는 {acquired_utc!r}이(가) 아니라 UTC 시각이어야 합니다.</translation>
    </message>
    <message>
      <location filename="../coal_monitor/core/shadow.py" line="81" />
      <source>{name} {value!r} is not a number between {low:g} and {high:g} degrees.</source>
      <translation>{name} {value!r}은(는) {low:g}도와 {high:g}도 사이의 숫자가 아닙니다.</translation>
    </message>
    <message>
      <location filename="../coal_monitor/core/shadow.py" line="89" />
      <source>{name} {value!r} must be a positive number of metres.</source>
      <translation>{name} {value!r}은(는) 양수의 미터 값이어야 합니다.</translation>
    </message>
    <message>
      <location filename="../coal_monitor/core/shadow.py" line="111" />
      <source>Satellite elevation</source>
      <translation>위성 고도각</translation>
    </message>
    <message>
      <location filename="../coal_monitor/core/shadow.py" line="112" />
      <source>Satellite azimuth</source>
      <translation>위성 방위각</translation>
    </message>
    <message>
      <location filename="../coal_monitor/core/shadow.py" line="118" />
      <source>Sun elevation {sun_elevation_deg:.1f} deg is too close to or above the angle of repose {repose_deg:.1f} deg: a repose flank casts (almost) no shadow beyond its foot. Measure from the apparent top instead, use a wall's shadow, or enter the height by hand.</source>
      <translation>태양 고도 {sun_elevation_deg:.1f}도가 안식각 {repose_deg:.1f}도에 너무 가깝거나 그보다 높습니다: 안식각 사면은 발치 너머로 그림자를 (거의) 드리우지 않습니다. 대신 겉보기 꼭대기에서 재거나, 벽의 그림자를 쓰거나, 높이를 직접 입력하십시오.</translation>
    </message>
    <message>
      <location filename="../coal_monitor/core/shadow.py" line="123" />
      <source>With the sun at {sun_elevation_deg:.1f} deg elevation, azimuth {sun_azimuth_deg:.1f} deg and the satellite at {sat_elevation_deg:.1f} deg elevation, azimuth {sat_azimuth_deg:.1f} deg, the apparent top falls (almost) onto its own shadow tip: the shadow length says nothing about the height. Measure from the pile's foot or enter the height by hand.</source>
      <translation>태양이 고도 {sun_elevation_deg:.1f}도, 방위 {sun_azimuth_deg:.1f}도에 있고 위성이 고도 {sat_elevation_deg:.1f}도, 방위 {sat_azimuth_deg:.1f}도에 있으면, 겉보기 꼭대기가 자기 그림자 끝과 (거의) 겹쳐 그림자 길이로 높이를 알 수 없습니다. 더미 발치에서 재거나 높이를 직접 입력하십시오.</translation>
    </message>
    <message>
      <location filename="../coal_monitor/core/shadow.py" line="147" />
      <source>A {length:.1f} m shadow gives {height:.1f} m, taller than any coal heap (limit {limit_m:g} m): check that the second click is the tip of this heap's shadow.</source>
      <translation>그림자 {length:.1f} m는 높이 {height:.1f} m가 되어 어떤 석탄 더미보다도 높습니다(한도 {limit_m:g} m): 두 번째 클릭이 이 더미 그림자의 끝인지 확인하십시오.</translation>
    </message>
    <message>
      <location filename="../coal_monitor/core/shadow.py" line="167" />
      <source>Shadow length</source>
      <translation>그림자 길이</translation>
    </message>
    <message>
      <location filename="../coal_monitor/core/shadow.py" line="168" />
      <source>Pixel size (gsd_m)</source>
      <translation>화소 크기(gsd_m)</translation>
    </message>
    <message>
      <location filename="../coal_monitor/core/shadow.py" line="169" />
      <source>Click error</source>
      <translation>클릭 오차</translation>
    </message>
    <message>
      <location filename="../coal_monitor/core/shadow.py" line="169" />
      <source>Sun angle sigma</source>
      <translation>태양각 시그마</translation>
    </message>
    <message>
      <location filename="../coal_monitor/core/shadow.py" line="169" />
      <source>View angle sigma</source>
      <translation>관측각 시그마</translation>
    </message>
    <message>
      <location filename="../coal_monitor/core/shadow.py" line="169" />
      <source>Repose sigma</source>
      <translation>안식각 시그마</translation>
    </message>
    <message>
      <location filename="../coal_monitor/core/shadow.py" line="169" />
      <source>View azimuth sigma</source>
      <translation>관측 방위각 시그마</translation>
    </message>
    <message>
      <location filename="../coal_monitor/core/shadow.py" line="205" />
      <source>{source}: no sun angles and no location to compute them: give the scene's latitude and longitude, or choose its metadata file.</source>
      <translation>{source}: 태양각도, 이를 계산할 위치도 없습니다: 장면의 위도와 경도를 주거나 메타데이터 파일을 고르십시오.</translation>
    </message>
    <message>
      <location filename="../coal_monitor/core/shadow.py" line="212" />
      <source>Sun angle sigma {sun_sigma:.2f} deg: the file's sun disagrees with the computed one.</source>
      <translation>태양각 시그마 {sun_sigma:.2f}도: 파일의 태양이 계산한 태양과 다릅니다.</translation>
    </message>
    <message>
      <location filename="../coal_monitor/core/shadow.py" line="215" />
      <source>No viewing angles: nadir assumed, satellite elevation sigma {UNKNOWN_VIEW_SIGMA_DEG:g} deg.</source>
      <translation>관측각이 없습니다: 수직 촬영으로 가정하며 위성 고도각 시그마는 {UNKNOWN_VIEW_SIGMA_DEG:g}도입니다.</translation>
    </message>
    <message>
      <location filename="../coal_monitor/core/shadow.py" line="222" />
      <source>No satellite azimuth: no view correction applied; its possible size is in the sigma.</source>
      <translation>위성 방위각이 없습니다: 관측 보정을 하지 않았으며, 그 가능한 크기는 시그마에 들어 있습니다.</translation>
    </message>
    <message>
      <location filename="../coal_monitor/core/shadow.py" line="344" />
      <source>The footprint must be a non-empty polygon in metric coordinates.</source>
      <translation>바닥 윤곽은 미터 좌표의 비어 있지 않은 다각형이어야 합니다.</translation>
    </message>
    <message>
      <location filename="../coal_monitor/core/shadow.py" line="346" />
      <source>The footprint polygon is invalid (self-intersecting?): redraw or repair it.</source>
      <translation>바닥 윤곽 다각형이 올바르지 않습니다(스스로 교차?): 다시 그리거나 고치십시오.</translation>
    </message>
    <message>
      <location filename="../coal_monitor/core/shadow.py" line="348" />
      <source>Model {model!r} is unknown: use one of {models}.</source>
      <translation>모델 {model!r}을(를) 알 수 없습니다: {models} 중 하나를 쓰십시오.</translation>
    </message>
    <message>
      <location filename="../coal_monitor/core/shadow.py" line="352" />
      <source>Height {height:g} m is above the {limit_m:g} m limit for a coal heap.</source>
      <translation>높이 {height:g} m은(는) 석탄 더미의 한도 {limit_m:g} m를 넘습니다.</translation>
    </message>
    <message>
      <location filename="../coal_monitor/core/shadow.py" line="354" />
      <source>Sun elevation</source>
      <translation>태양 고도</translation>
    </message>
    <message>
      <location filename="../coal_monitor/core/shadow.py" line="355" />
      <source>Sun azimuth</source>
      <translation>태양 방위각</translation>
    </message>
    <message>
      <location filename="../coal_monitor/core/slug.py" line="43" />
      <source>Port name {name!r} is not text; give the port a name such as 'Nampho'.</source>
      <translation>항구 이름 {name!r}은(는) 텍스트가 아닙니다. 'Nampho'처럼 항구에 이름을 주십시오.</translation>
    </message>
    <message>
      <location filename="../coal_monitor/core/slug.py" line="49" />
      <source>Port name {name!r} has no Latin letters or digits to make a file name from; give the port a name in Latin letters, e.g. 'Rason' for '라선'.</source>
      <translation>항구 이름 {name!r}에는 파일 이름을 만들 라틴 문자나 숫자가 없습니다. 라틴 문자로 이름을 주십시오(예: '라선'은 'Rason').</translation>
    </message>
    <message>
      <location filename="../coal_monitor/core/slug.py" line="56" />
      <source>Port name {name!r} would give the file name '{slug}{PORT_FILE_SUFFIX}', which Windows reserves; choose another name, e.g. add the town: '{stripped} port'.</source>
      <translation>항구 이름 {name!r}은(는) Windows가 예약한 파일 이름 '{slug}{PORT_FILE_SUFFIX}'이(가) 됩니다. 다른 이름을 고르십시오(예: 도시 이름을 붙여 '{stripped} port').</translation>
    </message>
    <message>
      <location filename="../coal_monitor/core/slug.py" line="72" />
      <source>Port slug {slug!r} is not text.</source>
      <translation>항구 슬러그 {slug!r}은(는) 텍스트가 아닙니다.</translation>
    </message>
    <message>
      <location filename="../coal_monitor/core/slug.py" line="74" />
      <source>Port slug {slug!r} is empty; give the port a name such as 'Nampho'.</source>
      <translation>항구 슬러그 {slug!r}이(가) 비어 있습니다. 'Nampho'처럼 항구에 이름을 주십시오.</translation>
    </message>
    <message>
      <location filename="../coal_monitor/core/slug.py" line="77" />
      <source>Port slug {slug!r} contains a path separator, ':' or '..'; a slug names one file inside the data folder. Use letters, digits and hyphens only, e.g. 'nampho'.</source>
      <translation>항구 슬러그 {slug!r}에 경로 구분자, ':' 또는 '..'이 있습니다. 슬러그는 데이터 폴더 안의 파일 하나를 가리킵니다. 'nampho'처럼 문자, 숫자, 하이픈만 쓰십시오.</translation>
    </message>
    <message>
      <location filename="../coal_monitor/core/slug.py" line="82" />
      <source>Port slug {start!r}... is {length} characters long; the limit is {SLUG_MAX_LEN}.</source>
      <translation>항구 슬러그 {start!r}...의 길이는 {length}자입니다. 한도는 {SLUG_MAX_LEN}자입니다.</translation>
    </message>
    <message>
      <location filename="../coal_monitor/core/slug.py" line="87" />
      <source>Port slug {slug!r} must be lower-case ASCII letters and digits joined by single hyphens, e.g. 'nampho' or 'rason-pier-3' (try {suggestion!r}).</source>
      <translation>항구 슬러그 {slug!r}은(는) 하이픈 하나로 이어진 ASCII 소문자와 숫자여야 합니다(예: 'nampho' 또는 'rason-pier-3'; {suggestion!r}을(를) 써 보십시오).</translation>
    </message>
    <message>
      <location filename="../coal_monitor/core/slug.py" line="93" />
      <source>Port slug {slug!r} is a name Windows reserves for a device ('{slug}{PORT_FILE_SUFFIX}' cannot be opened there); choose another, e.g. '{slug}-port'.</source>
      <translation>항구 슬러그 {slug!r}은(는) Windows가 장치용으로 예약한 이름입니다(그곳에서는 '{slug}{PORT_FILE_SUFFIX}'을(를) 열 수 없음). 다른 이름을 고르십시오(예: '{slug}-port').</translation>
    </message>
    <message>
      <location filename="../coal_monitor/core/slug.py" line="100" />
      <source>Port slug {slug!r} is already used by another port; two ports cannot share one file. Choose a different port name.</source>
      <translation>항구 슬러그 {slug!r}은(는) 이미 다른 항구가 쓰고 있습니다. 두 항구가 한 파일을 나눠 쓸 수는 없습니다. 다른 항구 이름을 고르십시오.</translation>
    </message>
    <message>
      <location filename="../coal_monitor/core/slug.py" line="122" />
      <source>No data folder is set; choose a folder for the port files first.</source>
      <translation>데이터 폴더가 정해지지 않았습니다. 먼저 항구 파일을 둘 폴더를 고르십시오.</translation>
    </message>
    <message>
      <location filename="../coal_monitor/core/slug.py" line="126" />
      <source>The port file for slug {slug!r} resolves to {candidate}, outside the data folder {folder} (a symbolic link?); remove the link or choose another data folder.</source>
      <translation>슬러그 {slug!r}의 항구 파일이 데이터 폴더 {folder} 밖의 {candidate}(으)로 연결됩니다(심볼릭 링크?). 링크를 지우거나 다른 데이터 폴더를 고르십시오.</translation>
    </message>
    <message>
      <location filename="../coal_monitor/core/sun.py" line="90" />
      <source>Time {when_utc!r} is not a datetime: give a timezone-aware UTC datetime.</source>
      <translation>시각 {when_utc!r}은(는) datetime이 아닙니다: 시간대가 있는 UTC datetime을 주십시오.</translation>
    </message>
    <message>
      <location filename="../coal_monitor/core/sun.py" line="93" />
      <source>Time {time} has no time zone: the sun position needs UTC. Attach tzinfo=timezone.utc if the time is UTC (scene metadata times usually are).</source>
      <translation>시각 {time}에 시간대가 없습니다: 태양 위치에는 UTC가 필요합니다. UTC 시각이면 tzinfo=timezone.utc를 붙이십시오(장면 메타데이터의 시각은 보통 UTC입니다).</translation>
    </message>
    <message>
      <location filename="../coal_monitor/core/sun.py" line="98" />
      <source>Year {year} is outside {YEAR_MIN}-{YEAR_MAX}, where Delta T is known.</source>
      <translation>연도 {year}은(는) Delta T가 알려진 {YEAR_MIN}-{YEAR_MAX} 범위를 벗어납니다.</translation>
    </message>
    <message>
      <location filename="../coal_monitor/core/sun.py" line="103" />
      <source>{name} {value!r} is not a number within +-{limit:g} degrees.</source>
      <translation>{name} {value!r}은(는) ±{limit:g}도 안의 숫자가 아닙니다.</translation>
    </message>
    <message>
      <location filename="../coal_monitor/core/timeseries.py" line="22" />
      <source>all piers</source>
      <translation>모든 부두</translation>
    </message>
    <message>
      <location filename="../coal_monitor/core/timeseries.py" line="23" />
      <source>no pier</source>
      <translation>부두 없음</translation>
    </message>
    <message>
      <location filename="../coal_monitor/core/timeseries.py" line="128" />
      <source>{volume} m3 in {heaps} heap</source>
      <translation>더미 {heaps}개에 {volume} m3</translation>
    </message>
    <message>
      <location filename="../coal_monitor/core/timeseries.py" line="128" />
      <source>{volume} m3 in {heaps} heaps</source>
      <translation>더미 {heaps}개에 {volume} m3</translation>
    </message>
    <message>
      <location filename="../coal_monitor/core/timeseries.py" line="132" />
      <source>{tonnage} t  (range {low} - {high} t)</source>
      <translation>{tonnage} t  (범위 {low} - {high} t)</translation>
    </message>
    <message>
      <location filename="../coal_monitor/core/timeseries.py" line="135" />
      <source>scene: {scenes}</source>
      <translation>장면: {scenes}</translation>
    </message>
    <message>
      <location filename="../coal_monitor/core/timeseries.py" line="138" />
      <source>{count} heap(s) without a volume (see their notes)</source>
      <translation>부피가 없는 더미 {count}개(각 더미의 메모 참조)</translation>
    </message>
    <message>
      <location filename="../coal_monitor/core/trace.py" line="79" />
      <source>image array has {ndim} dimensions: give rows x columns (x bands)</source>
      <translation>영상 배열이 {ndim}차원입니다: 행 x 열(x 밴드)로 주십시오</translation>
    </message>
    <message>
      <location filename="../coal_monitor/core/trace.py" line="165" />
      <source>the clicked point is not on dark material (brightness {level:.2f} of the bright ground, above the tolerance {tolerance:.2f}): click inside a coal heap, or raise the tolerance</source>
      <translation>클릭한 지점이 어두운 물질 위에 있지 않습니다(밝은 지면 대비 밝기 {level:.2f}, 허용치 {tolerance:.2f} 초과): 석탄 더미 안쪽을 클릭하거나 허용치를 높이십시오</translation>
    </message>
    <message>
      <location filename="../coal_monitor/core/trace.py" line="280" />
      <source>the clicked pixel (row {r}, column {c}) is outside the image window of {rows} x {columns} pixels: click on the image</source>
      <translation>클릭한 화소(행 {r}, 열 {c})가 {rows} x {columns} 화소의 영상 창 밖에 있습니다: 영상 위를 클릭하십시오</translation>
    </message>
    <message>
      <location filename="../coal_monitor/core/trace.py" line="287" />
      <source>no coal-like texture around the clicked point: click inside a heap, away from its shadow, or raise the tolerance</source>
      <translation>클릭한 지점 주변에 석탄 같은 질감이 없습니다: 그림자를 피해 더미 안쪽을 클릭하거나 허용치를 높이십시오</translation>
    </message>
    <message>
      <location filename="../coal_monitor/core/trace.py" line="345" />
      <source>no seed: click inside a heap</source>
      <translation>시드가 없습니다: 더미 안쪽을 클릭하십시오</translation>
    </message>
    <message>
      <location filename="../coal_monitor/core/trace.py" line="355" />
      <source>only remove seeds: click inside a heap first, then Shift+click to remove a part</source>
      <translation>빼기 시드만 있습니다: 먼저 더미 안쪽을 클릭한 다음 Shift+클릭으로 일부를 빼십시오</translation>
    </message>
    <message>
      <location filename="../coal_monitor/core/trace.py" line="359" />
      <source>the removed regions cover the whole heap: undo the last Shift+click</source>
      <translation>뺀 영역이 더미 전체를 덮습니다: 마지막 Shift+클릭을 되돌리십시오</translation>
    </message>
    <message>
      <location filename="../coal_monitor/core/trace.py" line="362" />
      <source>the traced heap vanished when smoothed (a few pixels): zoom in or raise the tolerance</source>
      <translation>추적한 더미가 다듬는 중에 사라졌습니다(화소 몇 개): 확대하거나 허용치를 높이십시오</translation>
    </message>
    <message>
      <location filename="../coal_monitor/core/trace_reader.py" line="33" />
      <source>raster {path} cannot be opened by GDAL ({exc}): choose an image file</source>
      <translation>GDAL이 래스터 {path}을(를) 열 수 없습니다({exc}): 영상 파일을 고르십시오</translation>
    </message>
    <message>
      <location filename="../coal_monitor/core/trace_reader.py" line="36" />
      <source>raster {path} cannot be opened by GDAL: choose an image file</source>
      <translation>GDAL이 래스터 {path}을(를) 열 수 없습니다: 영상 파일을 고르십시오</translation>
    </message>
    <message>
      <location filename="../coal_monitor/core/trace_reader.py" line="40" />
      <source>raster {path} is rotated (geotransform terms {rx:g}, {ry:g}): warp it north-up first</source>
      <translation>래스터 {path}이(가) 회전되어 있습니다(지오변환 항 {rx:g}, {ry:g}): 먼저 북쪽이 위가 되도록 재투영하십시오</translation>
    </message>
    <message>
      <location filename="../coal_monitor/core/trace_reader.py" line="45" />
      <source>the point {x:.2f}, {y:.2f} is outside the raster {path}: click on the image</source>
      <translation>지점 {x:.2f}, {y:.2f}이(가) 래스터 {path} 밖에 있습니다: 영상 위를 클릭하십시오</translation>
    </message>
    <message>
      <location filename="../coal_monitor/core/trace_reader.py" line="69" />
      <source>band {b} of raster {path} cannot be read{reason}: check that the file is complete</source>
      <translation>래스터 {path}의 밴드 {b}을(를) 읽을 수 없습니다{reason}: 파일이 온전한지 확인하십시오</translation>
    </message>
    <message>
      <location filename="../coal_monitor/core/vessels.py" line="32" />
      <source>Loading</source>
      <translation>적재 중</translation>
    </message>
    <message>
      <location filename="../coal_monitor/core/vessels.py" line="32" />
      <source>Moored</source>
      <translation>계류 중</translation>
    </message>
    <message>
      <location filename="../coal_monitor/core/vessels.py" line="32" />
      <source>At anchor</source>
      <translation>묘박 중</translation>
    </message>
    <message>
      <location filename="../coal_monitor/core/vessels.py" line="32" />
      <source>Underway</source>
      <translation>항행 중</translation>
    </message>
    <message>
      <location filename="../coal_monitor/core/vessels.py" line="32" />
      <source>Unknown</source>
      <translation>알 수 없음</translation>
    </message>
    <message>
      <location filename="../coal_monitor/core/vessels.py" line="46" />
      <source>Ship state {state!r} is not one of {states}; choose one of those.</source>
      <translation>선박 상태 {state!r}은(는) {states} 중 하나가 아닙니다. 그중 하나를 고르십시오.</translation>
    </message>
    <message>
      <location filename="../coal_monitor/core/vessels.py" line="76" />
      <source>The {name} point {xy!r} is not an (x, y) pair of numbers; click it again.</source>
      <translation>{name} 지점 {xy!r}은(는) (x, y) 숫자 쌍이 아닙니다. 다시 클릭하십시오.</translation>
    </message>
    <message>
      <location filename="../coal_monitor/core/vessels.py" line="79" />
      <source>The {name} point {xy!r} has no finite coordinates; click it again.</source>
      <translation>{name} 지점 {xy!r}에 유한한 좌표가 없습니다. 다시 클릭하십시오.</translation>
    </message>
    <message>
      <location filename="../coal_monitor/core/vessels.py" line="96" />
      <source>bow</source>
      <translation>선수</translation>
    </message>
    <message>
      <location filename="../coal_monitor/core/vessels.py" line="97" />
      <source>stern</source>
      <translation>선미</translation>
    </message>
    <message>
      <location filename="../coal_monitor/core/vessels.py" line="98" />
      <source>side</source>
      <translation>측면</translation>
    </message>
    <message>
      <location filename="../coal_monitor/core/vessels.py" line="101" />
      <source>Bow and stern are the same point (LOA 0 m); click the bow, then the stern.</source>
      <translation>선수와 선미가 같은 지점입니다(LOA 0 m). 선수를 클릭한 다음 선미를 클릭하십시오.</translation>
    </message>
    <message>
      <location filename="../coal_monitor/core/vessels.py" line="152" />
      <source>outline corner {number}</source>
      <translation>윤곽 꼭짓점 {number}</translation>
    </message>
    <message>
      <location filename="../coal_monitor/core/vessels.py" line="155" />
      <source>A hull outline needs at least 3 distinct corners; it has {corners}. Click around the hull again.</source>
      <translation>선체 윤곽에는 서로 다른 꼭짓점이 최소 3개 필요한데 {corners}개입니다. 선체 둘레를 다시 클릭하십시오.</translation>
    </message>
    <message>
      <location filename="../coal_monitor/core/vessels.py" line="162" />
      <source>The hull outline has no area (all corners on one line); click around the hull again.</source>
      <translation>선체 윤곽의 면적이 없습니다(모든 꼭짓점이 한 직선 위에 있음). 선체 둘레를 다시 클릭하십시오.</translation>
    </message>
    <message>
      <location filename="../coal_monitor/core/vessels.py" line="178" />
      <source>length (LOA)</source>
      <translation>길이(LOA)</translation>
    </message>
    <message>
      <location filename="../coal_monitor/core/vessels.py" line="178" />
      <source>beam</source>
      <translation>폭</translation>
    </message>
    <message>
      <location filename="../coal_monitor/core/vessels.py" line="180" />
      <source>The ship's {name} {value!r} is not a number; measure the ship again.</source>
      <translation>선박의 {name} {value!r}은(는) 숫자가 아닙니다. 선박을 다시 재십시오.</translation>
    </message>
    <message>
      <location filename="../coal_monitor/core/vessels.py" line="183" />
      <source>The ship's {name} is {value:g} m; it must be more than 0 m. Click the bow, the stern, then a point on the hull's side at its widest.</source>
      <translation>선박의 {name}이(가) {value:g} m입니다. 0 m보다 커야 합니다. 선수, 선미, 그리고 가장 넓은 곳의 선체 측면을 차례로 클릭하십시오.</translation>
    </message>
    <message>
      <location filename="../coal_monitor/core/vessels.py" line="188" />
      <source>The ship's length (LOA) is {loa_m:.1f} m, shorter than {VESSEL_LOA_MIN_M:g} m: no cargo ship is that small. Click the very ends of the hull (bow and stern), zooming in if needed.</source>
      <translation>선박 길이(LOA)가 {loa_m:.1f} m로 {VESSEL_LOA_MIN_M:g} m보다 짧습니다: 그렇게 작은 화물선은 없습니다. 필요하면 확대해서 선체의 맨 끝(선수와 선미)을 클릭하십시오.</translation>
    </message>
    <message>
      <location filename="../coal_monitor/core/vessels.py" line="194" />
      <source>The ship's length (LOA) is {loa_m:.1f} m, longer than {VESSEL_LOA_MAX_M:g} m: no ship afloat is that long. Check the clicks are on one ship's bow and stern and the image's scale.</source>
      <translation>선박 길이(LOA)가 {loa_m:.1f} m로 {VESSEL_LOA_MAX_M:g} m보다 깁니다: 그렇게 긴 배는 없습니다. 클릭이 한 선박의 선수와 선미에 있는지, 영상의 축척을 확인하십시오.</translation>
    </message>
    <message>
      <location filename="../coal_monitor/core/vessels.py" line="201" />
      <source>The ship's beam is {beam_m:.1f} m, wider than a third of its length ({beam_max_m:.1f} m of {loa_m:.1f} m): no ship is that broad. Click the side at the widest point, across from the centreline, not beyond the hull.</source>
      <translation>선박 폭이 {beam_m:.1f} m로 길이의 3분의 1보다 넓습니다({loa_m:.1f} m 중 {beam_max_m:.1f} m): 그렇게 넓은 배는 없습니다. 중심선 맞은편의 가장 넓은 곳의 측면을 선체 밖이 아니게 클릭하십시오.</translation>
    </message>
    <message>
      <location filename="../coal_monitor/core/vessels.py" line="335" />
      <source>Berth depth {berth_depth_m!r} is not a depth in metres or a (shallowest, deepest) pair; give it as 8 or (7, 9).</source>
      <translation>선석 수심 {berth_depth_m!r}은(는) 미터 단위 수심이나 (가장 얕은, 가장 깊은) 쌍이 아닙니다. 8 또는 (7, 9)처럼 주십시오.</translation>
    </message>
    <message>
      <location filename="../coal_monitor/core/vessels.py" line="340" />
      <source>Berth depth {berth_depth_m!r} must be positive metres with the shallowest first, e.g. (7, 9).</source>
      <translation>선석 수심 {berth_depth_m!r}은(는) 양수의 미터 값이어야 하며 가장 얕은 값이 먼저 와야 합니다(예: (7, 9)).</translation>
    </message>
    <message>
      <location filename="../coal_monitor/core/vessels.py" line="371" />
      <source>The image's GSD {gsd_m!r} must be a positive number of metres; set it on the scene.</source>
      <translation>영상의 GSD {gsd_m!r}은(는) 양수의 미터 값이어야 합니다. 장면에서 설정하십시오.</translation>
    </message>
    <message>
      <location filename="../coal_monitor/gui/capture_tool.py" line="27" />
      <source>A heap outline needs at least {needed} corners; you clicked {clicked}. Click around the heap again and finish with a right click or Enter.</source>
      <translation>더미 윤곽에는 꼭짓점이 {needed}개 이상 필요합니다. 클릭한 꼭짓점은 {clicked}개입니다. 더미 둘레를 다시 클릭하고 오른쪽 클릭이나 Enter로 마치십시오.</translation>
    </message>
    <message>
      <location filename="../coal_monitor/gui/capture_tool.py" line="32" />
      <source>The outline has no area (all corners on one line). Click around the heap again.</source>
      <translation>윤곽의 면적이 없습니다(모든 꼭짓점이 한 직선 위에 있음). 더미 둘레를 다시 클릭하십시오.</translation>
    </message>
    <message>
      <location filename="../coal_monitor/gui/capture_tool.py" line="34" />
      <source>The outline crosses itself. Click the corners in order around the heap (clockwise or anticlockwise) without crossing an edge.</source>
      <translation>윤곽이 스스로 교차합니다. 변이 교차하지 않도록 더미 둘레의 꼭짓점을 차례로(시계 방향 또는 반시계 방향) 클릭하십시오.</translation>
    </message>
    <message>
      <location filename="../coal_monitor/gui/date_prompt.py" line="31" />
      <source>Not chosen yet: the date shown is only a starting point. Type or pick the date.</source>
      <translation>아직 고르지 않음: 보이는 날짜는 출발점일 뿐입니다. 날짜를 입력하거나 고르십시오.</translation>
    </message>
    <message>
      <location filename="../coal_monitor/gui/date_prompt.py" line="72" />
      <source>Times are in UTC (coordinated universal time), not local time: Pyongyang is UTC+9.</source>
      <translation>시각은 현지 시각이 아닌 UTC(협정 세계시)입니다: 평양은 UTC+9입니다.</translation>
    </message>
    <message>
      <location filename="../coal_monitor/gui/date_prompt.py" line="80" />
      <source>Use the previous date, {when} UTC (then press OK to confirm)</source>
      <translation>이전 날짜 {when} UTC 사용(그다음 확인을 눌러 확정)</translation>
    </message>
    <message>
      <location filename="../coal_monitor/gui/date_prompt.py" line="89" />
      <source>provider and credit line, e.g. Imagery (c) 2025 Maxar</source>
      <translation>제공자와 출처 표시, 예: Imagery (c) 2025 Maxar</translation>
    </message>
    <message>
      <location filename="../coal_monitor/gui/date_prompt.py" line="90" />
      <source>Imagery credit</source>
      <translation>영상 출처 표시</translation>
    </message>
    <message>
      <location filename="../coal_monitor/gui/date_prompt.py" line="93" />
      <source>unknown (leave empty)</source>
      <translation>모름(비워 두십시오)</translation>
    </message>
    <message>
      <location filename="../coal_monitor/gui/date_prompt.py" line="94" />
      <source>Ground resolution (m)</source>
      <translation>지상 해상도(m)</translation>
    </message>
    <message>
      <location filename="../coal_monitor/gui/date_prompt.py" line="120" />
      <source>Chosen: {when} UTC.</source>
      <translation>선택함: {when} UTC.</translation>
    </message>
    <message>
      <location filename="../coal_monitor/gui/date_prompt.py" line="125" />
      <source>Yes, {when} UTC is right although it is in the future</source>
      <translation>예, 미래 시각이지만 {when} UTC가 맞습니다</translation>
    </message>
    <message>
      <location filename="../coal_monitor/gui/date_prompt.py" line="125" />
      <source>Yes, {when} UTC is right although it is less than {minutes} minutes ago</source>
      <translation>예, {minutes}분이 채 지나지 않았지만 {when} UTC가 맞습니다</translation>
    </message>
    <message>
      <location filename="../coal_monitor/gui/date_prompt.py" line="132" />
      <source>Set the date and time the image was taken (UTC): the date shown is only a starting point, not a default.</source>
      <translation>영상의 촬영 일시(UTC)를 정하십시오: 보이는 날짜는 출발점일 뿐 기본값이 아닙니다.</translation>
    </message>
    <message>
      <location filename="../coal_monitor/gui/date_prompt.py" line="135" />
      <source>{when} UTC is in the future: an image is rarely that fresh. Correct the date, or tick the confirmation if it is right.</source>
      <translation>{when} UTC는 미래입니다: 영상이 그렇게 새로운 일은 드뭅니다. 날짜를 고치거나, 맞다면 확인란을 선택하십시오.</translation>
    </message>
    <message>
      <location filename="../coal_monitor/gui/date_prompt.py" line="135" />
      <source>{when} UTC is within {minutes} minutes of now: an image is rarely that fresh. Correct the date, or tick the confirmation if it is right.</source>
      <translation>{when} UTC는 지금으로부터 {minutes}분 이내입니다: 영상이 그렇게 새로운 일은 드뭅니다. 날짜를 고치거나, 맞다면 확인란을 선택하십시오.</translation>
    </message>
    <message>
      <location filename="../coal_monitor/gui/date_prompt.py" line="145" />
      <source>Ground resolution {value!r} is not a number; give metres or leave it empty.</source>
      <translation>지상 해상도 {value!r}은(는) 숫자가 아닙니다. 미터로 입력하거나 비워 두십시오.</translation>
    </message>
    <message>
      <location filename="../coal_monitor/gui/date_prompt.py" line="148" />
      <source>Ground resolution {gsd:g} m is outside {low:g}-{high:g} m; give metres or leave it empty.</source>
      <translation>지상 해상도 {gsd:g} m은(는) {low:g}-{high:g} m 범위를 벗어납니다. 미터로 입력하거나 비워 두십시오.</translation>
    </message>
    <message>
      <location filename="../coal_monitor/gui/dock.py" line="33" />
      <source>Pick the port and the image, press “Draw heap on the map” and click the heap's corners.</source>
      <translation>항구와 영상을 고르고 “지도에 더미 그리기”를 누른 뒤 더미의 꼭짓점을 클릭하십시오.</translation>
    </message>
    <message>
      <location filename="../coal_monitor/gui/dock.py" line="224" />
      <source>Finish the heap's outline first (right click or Enter), then measure its shadow.</source>
      <translation>먼저 더미 윤곽을 마치고(오른쪽 클릭 또는 Enter) 그림자를 재십시오.</translation>
    </message>
    <message>
      <location filename="../coal_monitor/gui/dock.py" line="234" />
      <source>Height from the shadow: {height} ± {sigma} m.</source>
      <translation>그림자로 잰 높이: {height} ± {sigma} m.</translation>
    </message>
    <message>
      <location filename="../coal_monitor/gui/dock.py" line="294" />
      <source>Save changes to this heap</source>
      <translation>이 더미의 변경 저장</translation>
    </message>
    <message>
      <location filename="../coal_monitor/gui/dock.py" line="320" />
      <source>Logged {tonnes} t. Draw the next heap of this image.</source>
      <translation>{tonnes} t을 기록했습니다. 이 영상의 다음 더미를 그리십시오.</translation>
    </message>
    <message>
      <location filename="../coal_monitor/gui/dock.py" line="320" />
      <source>Saved changes to {tonnes} t. Draw the next heap of this image.</source>
      <translation>{tonnes} t으로 변경을 저장했습니다. 이 영상의 다음 더미를 그리십시오.</translation>
    </message>
    <message>
      <location filename="../coal_monitor/gui/dock_layout.py" line="40" />
      <source>Port and image</source>
      <translation>항구와 영상</translation>
    </message>
    <message>
      <location filename="../coal_monitor/gui/dock_layout.py" line="45" />
      <source>New port…</source>
      <translation>새 항구…</translation>
    </message>
    <message>
      <location filename="../coal_monitor/gui/dock_layout.py" line="47" />
      <source>Port</source>
      <translation>항구</translation>
    </message>
    <message>
      <location filename="../coal_monitor/gui/dock_layout.py" line="50" />
      <source>Data folder…</source>
      <translation>데이터 폴더…</translation>
    </message>
    <message>
      <location filename="../coal_monitor/gui/dock_layout.py" line="52" />
      <source>Choose the folder that holds the port logs (GeoPackages); it is kept in the project, relative to the project file.</source>
      <translation>항구 기록(GeoPackage)을 둘 폴더를 고르십시오. 프로젝트 파일을 기준으로 한 상대 경로로 프로젝트에 저장됩니다.</translation>
    </message>
    <message>
      <location filename="../coal_monitor/gui/dock_layout.py" line="63" />
      <source>Metadata…</source>
      <translation>메타데이터…</translation>
    </message>
    <message>
      <location filename="../coal_monitor/gui/dock_layout.py" line="65" />
      <source>Read the image's acquisition time, sun and view angles from a metadata file (DIMAP, IMD, Planet or STAC JSON) that is not beside the image</source>
      <translation>영상 옆에 없는 메타데이터 파일(DIMAP, IMD, Planet 또는 STAC JSON)에서 영상의 촬영 시각, 태양각과 관측각을 읽습니다</translation>
    </message>
    <message>
      <location filename="../coal_monitor/gui/dock_layout.py" line="67" />
      <source>Image</source>
      <translation>영상</translation>
    </message>
    <message>
      <location filename="../coal_monitor/gui/dock_layout.py" line="77" />
      <source>Edit scene…</source>
      <translation>장면 수정…</translation>
    </message>
    <message>
      <location filename="../coal_monitor/gui/dock_layout.py" line="79" />
      <source>Correct the image's date and time, sensor, source and ground resolution; every heap of the image follows</source>
      <translation>영상의 촬영 일시, 센서, 출처와 지상 해상도를 바로잡습니다. 이 영상의 모든 더미가 따라 바뀝니다</translation>
    </message>
    <message>
      <location filename="../coal_monitor/gui/dock_layout.py" line="87" />
      <source>Heap</source>
      <translation>더미</translation>
    </message>
    <message>
      <location filename="../coal_monitor/gui/dock_layout.py" line="89" />
      <source>Draw heap on the map</source>
      <translation>지도에 더미 그리기</translation>
    </message>
    <message>
      <location filename="../coal_monitor/gui/dock_layout.py" line="91" />
      <source>Click the heap's corners; right click or Enter finishes, Backspace removes the last corner, Esc cancels.</source>
      <translation>더미의 꼭짓점을 클릭하십시오. 오른쪽 클릭 또는 Enter로 마치고, Backspace는 마지막 꼭짓점을 지우며, Esc는 취소합니다.</translation>
    </message>
    <message>
      <location filename="../coal_monitor/gui/dock_layout.py" line="95" />
      <source>Trace…</source>
      <translation>추적…</translation>
    </message>
    <message>
      <location filename="../coal_monitor/gui/dock_layout.py" line="97" />
      <source>Click inside a heap on the image: its outline is traced from the pixels. Wheel or +/- changes the tolerance, a second click adds a region, Shift+click removes one; Enter or right click accepts, Esc cancels.</source>
      <translation>영상에서 더미 안쪽을 클릭하면 화소로부터 윤곽을 추적합니다. 휠 또는 +/-로 허용치를 바꾸고, 다시 클릭하면 영역을 더하며, Shift+클릭은 영역을 뺍니다. Enter 또는 오른쪽 클릭으로 받아들이고 Esc로 취소합니다.</translation>
    </message>
    <message>
      <location filename="../coal_monitor/gui/dock_layout.py" line="106" />
      <source>Shadow…</source>
      <translation>그림자…</translation>
    </message>
    <message>
      <location filename="../coal_monitor/gui/dock_layout.py" line="107" />
      <source>Measure the height from the heap's shadow on the image: click the top of the heap, then the tip of its shadow.</source>
      <translation>영상의 더미 그림자로 높이를 잽니다: 더미 꼭대기를 클릭한 다음 그림자 끝을 클릭하십시오.</translation>
    </message>
    <message>
      <location filename="../coal_monitor/gui/dock_layout.py" line="120" />
      <source>Log heap</source>
      <translation>더미 기록</translation>
    </message>
    <message>
      <location filename="../coal_monitor/gui/dock_layout.py" line="125" />
      <source>Heaps logged on this image</source>
      <translation>이 영상에 기록된 더미</translation>
    </message>
    <message>
      <location filename="../coal_monitor/gui/dock_layout.py" line="132" />
      <source>Delete heap…</source>
      <translation>더미 삭제…</translation>
    </message>
    <message>
      <location filename="../coal_monitor/gui/dock_layout.py" line="145" />
      <source>Measure</source>
      <translation>측정</translation>
    </message>
    <message>
      <location filename="../coal_monitor/gui/dock_layout.py" line="146" />
      <source>Trends</source>
      <translation>추이</translation>
    </message>
    <message>
      <location filename="../coal_monitor/gui/dock_layout.py" line="159" />
      <source>Port report (PDF)…</source>
      <translation>항구 보고서(PDF)…</translation>
    </message>
    <message>
      <location filename="../coal_monitor/gui/dock_layout.py" line="161" />
      <source>Save a one-page PDF of this port: the latest image with its heaps, the trend chart, the table of dates and the method used.</source>
      <translation>이 항구의 한 쪽짜리 PDF를 저장합니다: 최신 영상과 더미, 추이 그래프, 날짜별 표와 사용한 방법.</translation>
    </message>
    <message>
      <location filename="../coal_monitor/gui/heap_form.py" line="26" />
      <source>Confirmed</source>
      <translation>확인됨</translation>
    </message>
    <message>
      <location filename="../coal_monitor/gui/heap_form.py" line="27" />
      <source>Probable</source>
      <translation>가능성 높음</translation>
    </message>
    <message>
      <location filename="../coal_monitor/gui/heap_form.py" line="28" />
      <source>Possible</source>
      <translation>가능성 있음</translation>
    </message>
    <message>
      <location filename="../coal_monitor/gui/heap_form.py" line="29" />
      <source>High</source>
      <translation>높음</translation>
    </message>
    <message>
      <location filename="../coal_monitor/gui/heap_form.py" line="30" />
      <source>Moderate</source>
      <translation>보통</translation>
    </message>
    <message>
      <location filename="../coal_monitor/gui/heap_form.py" line="31" />
      <source>Low</source>
      <translation>낮음</translation>
    </message>
    <message>
      <location filename="../coal_monitor/gui/heap_form.py" line="50" />
      <source>Height of the heap above its base, in metres.</source>
      <translation>더미 바닥에서 잰 높이(미터).</translation>
    </message>
    <message>
      <location filename="../coal_monitor/gui/heap_form.py" line="51" />
      <source>One-sigma uncertainty of the height (widens the ranges).</source>
      <translation>높이의 1시그마 불확도(범위를 넓힙니다).</translation>
    </message>
    <message>
      <location filename="../coal_monitor/gui/heap_form.py" line="59" />
      <source>Height</source>
      <translation>높이</translation>
    </message>
    <message>
      <location filename="../coal_monitor/gui/heap_form.py" line="69" />
      <source>Model</source>
      <translation>모델</translation>
    </message>
    <message>
      <location filename="../coal_monitor/gui/heap_form.py" line="78" />
      <source>density</source>
      <translation>밀도</translation>
    </message>
    <message>
      <location filename="../coal_monitor/gui/heap_form.py" line="80" />
      <source>Angle of repose of the coal (the port's default; change it for this heap).</source>
      <translation>석탄의 안식각(항구 기본값이며, 이 더미에 대해 바꿀 수 있습니다).</translation>
    </message>
    <message>
      <location filename="../coal_monitor/gui/heap_form.py" line="81" />
      <source>Bulk density of the coal (the port's default; the range scales with it).</source>
      <translation>석탄의 겉보기 밀도(항구 기본값이며, 범위도 이에 비례합니다).</translation>
    </message>
    <message>
      <location filename="../coal_monitor/gui/heap_form.py" line="82" />
      <source>Repose</source>
      <translation>안식각</translation>
    </message>
    <message>
      <location filename="../coal_monitor/gui/heap_form.py" line="86" />
      <source>pier or yard</source>
      <translation>부두 또는 야적장</translation>
    </message>
    <message>
      <location filename="../coal_monitor/gui/heap_form.py" line="90" />
      <source>short name of the heap (optional)</source>
      <translation>더미의 짧은 이름(선택)</translation>
    </message>
    <message>
      <location filename="../coal_monitor/gui/heap_form.py" line="91" />
      <source>Label</source>
      <translation>이름표</translation>
    </message>
    <message>
      <location filename="../coal_monitor/gui/heap_form.py" line="94" />
      <source>Identification: how sure it is coal.</source>
      <translation>식별: 석탄이라고 얼마나 확신하는지.</translation>
    </message>
    <message>
      <location filename="../coal_monitor/gui/heap_form.py" line="96" />
      <source>Confidence in the measurement.</source>
      <translation>측정에 대한 신뢰도.</translation>
    </message>
    <message>
      <location filename="../coal_monitor/gui/heap_form.py" line="99" />
      <source>confidence</source>
      <translation>신뢰도</translation>
    </message>
    <message>
      <location filename="../coal_monitor/gui/heap_form.py" line="101" />
      <source>Coal</source>
      <translation>석탄</translation>
    </message>
    <message>
      <location filename="../coal_monitor/gui/heap_form.py" line="105" />
      <source>notes</source>
      <translation>메모</translation>
    </message>
    <message>
      <location filename="../coal_monitor/gui/heap_form.py" line="107" />
      <source>Notes</source>
      <translation>메모</translation>
    </message>
    <message>
      <location filename="../coal_monitor/gui/new_port.py" line="30" />
      <source>Click the new port's location on the map (Esc cancels).</source>
      <translation>지도에서 새 항구의 위치를 클릭하십시오(Esc는 취소).</translation>
    </message>
    <message>
      <location filename="../coal_monitor/gui/port_logs_choice.py" line="19" />
      <source>Data folder</source>
      <translation>데이터 폴더</translation>
    </message>
    <message>
      <location filename="../coal_monitor/gui/port_logs_choice.py" line="19" />
      <source>Team database</source>
      <translation>팀 데이터베이스</translation>
    </message>
    <message>
      <location filename="../coal_monitor/gui/port_logs_choice.py" line="46" />
      <source>Where this project's port logs live: GeoPackages in the data folder (one analyst), or a team's PostGIS database (many analysts, one log per port).</source>
      <translation>이 프로젝트의 항구 기록이 있는 곳: 데이터 폴더의 GeoPackage(분석가 한 명) 또는 팀의 PostGIS 데이터베이스(여러 분석가, 항구마다 기록 하나).</translation>
    </message>
    <message>
      <location filename="../coal_monitor/gui/port_logs_choice.py" line="50" />
      <source>One of QGIS's saved PostgreSQL connections (Browser panel: PostgreSQL &gt; New Connection…, with an authentication configuration). Only its name is kept in the project.</source>
      <translation>QGIS에 저장된 PostgreSQL 연결 중 하나 (탐색기 패널: PostgreSQL &gt; 새 연결…, 인증 설정과 함께). 프로젝트에는 그 이름만 저장됩니다.</translation>
    </message>
    <message>
      <location filename="../coal_monitor/gui/port_logs_choice.py" line="56" />
      <source>List QGIS's saved PostgreSQL connections again</source>
      <translation>QGIS에 저장된 PostgreSQL 연결을 다시 나열</translation>
    </message>
    <message>
      <location filename="../coal_monitor/gui/prompts.py" line="77" />
      <source>Capture date of the basemap</source>
      <translation>배경지도의 촬영 날짜</translation>
    </message>
    <message>
      <location filename="../coal_monitor/gui/prompts.py" line="77" />
      <source>{basemap} shows imagery of some date: read it in the provider's catalogue (its imagery date tool, or the metadata of the tiles) and enter it in UTC. Every heap measured on it now is dated with it.</source>
      <translation>{basemap}은(는) 어느 날짜의 영상을 보여 줍니다: 제공자의 카탈로그(영상 날짜 도구나 타일의 메타데이터)에서 읽어 UTC로 입력하십시오. 지금 이 지도에서 재는 모든 더미가 이 날짜로 기록됩니다.</translation>
    </message>
    <message>
      <location filename="../coal_monitor/gui/prompts.py" line="103" />
      <source>New port</source>
      <translation>새 항구</translation>
    </message>
    <message>
      <location filename="../coal_monitor/gui/prompts.py" line="114" />
      <source>Latitude</source>
      <translation>위도</translation>
    </message>
    <message>
      <location filename="../coal_monitor/gui/prompts.py" line="115" />
      <source>Longitude</source>
      <translation>경도</translation>
    </message>
    <message>
      <location filename="../coal_monitor/gui/prompts.py" line="116" />
      <source>Pick on the map…</source>
      <translation>지도에서 선택…</translation>
    </message>
    <message>
      <location filename="../coal_monitor/gui/prompts.py" line="121" />
      <source>Use the centre of the map</source>
      <translation>지도 중심 사용</translation>
    </message>
    <message>
      <location filename="../coal_monitor/gui/prompts.py" line="125" />
      <source>Angle of repose</source>
      <translation>안식각</translation>
    </message>
    <message>
      <location filename="../coal_monitor/gui/prompts.py" line="126" />
      <source>Bulk density</source>
      <translation>겉보기 밀도</translation>
    </message>
    <message>
      <location filename="../coal_monitor/gui/result_text.py" line="25" />
      <source>Volume {volume} m³</source>
      <translation>부피 {volume} m³</translation>
    </message>
    <message>
      <location filename="../coal_monitor/gui/result_text.py" line="26" />
      <source>(range {range})</source>
      <translation>(범위 {range})</translation>
    </message>
    <message>
      <location filename="../coal_monitor/gui/result_text.py" line="27" />
      <source>Area {area} m² · height {height}</source>
      <translation>면적 {area} m² · 높이 {height}</translation>
    </message>
    <message>
      <location filename="../coal_monitor/gui/result_text.py" line="28" />
      <source> · tallest pile this outline holds {height} m</source>
      <translation> · 이 윤곽이 담을 수 있는 가장 높은 더미 {height} m</translation>
    </message>
    <message>
      <location filename="../coal_monitor/gui/result_text.py" line="34" />
      <source>Method: {method}</source>
      <translation>방법: {method}</translation>
    </message>
    <message>
      <location filename="../coal_monitor/gui/result_text.py" line="41" />
      <source>Drawing</source>
      <translation>그리는 중</translation>
    </message>
    <message>
      <location filename="../coal_monitor/gui/result_text.py" line="41" />
      <source>area {area} m²</source>
      <translation>면적 {area} m²</translation>
    </message>
    <message>
      <location filename="../coal_monitor/gui/result_text.py" line="43" />
      <source>at {height} m: {volume} m³,</source>
      <translation>{height} m일 때: {volume} m³,</translation>
    </message>
    <message>
      <location filename="../coal_monitor/gui/result_text.py" line="51" />
      <source>Click corners; right click or Enter finishes, Backspace removes a corner, Esc cancels.</source>
      <translation>꼭짓점을 클릭하십시오. 오른쪽 클릭이나 Enter로 마치고, Backspace로 꼭짓점을 지우고, Esc로 취소합니다.</translation>
    </message>
    <message>
      <location filename="../coal_monitor/gui/scene_dialog.py" line="24" />
      <source>Corrections apply to every heap measured on this image; times are in UTC.</source>
      <translation>수정 사항은 이 영상에서 잰 모든 더미에 적용됩니다. 시각은 UTC입니다.</translation>
    </message>
    <message>
      <location filename="../coal_monitor/gui/scene_dialog.py" line="39" />
      <source>provider, licence and credit line</source>
      <translation>제공자, 사용 허가와 출처 표시</translation>
    </message>
    <message>
      <location filename="../coal_monitor/gui/scene_dialog.py" line="42" />
      <source>unknown</source>
      <translation>알 수 없음</translation>
    </message>
    <message>
      <location filename="../coal_monitor/gui/scene_dialog.py" line="44" />
      <source>Acquired (UTC)</source>
      <translation>촬영 시각(UTC)</translation>
    </message>
    <message>
      <location filename="../coal_monitor/gui/scene_dialog.py" line="45" />
      <source>Sensor</source>
      <translation>센서</translation>
    </message>
    <message>
      <location filename="../coal_monitor/gui/scene_dialog.py" line="46" />
      <source>Source and credit</source>
      <translation>출처와 저작권 표시</translation>
    </message>
    <message>
      <location filename="../coal_monitor/gui/scene_dialog.py" line="47" />
      <source>Ground resolution</source>
      <translation>지상 해상도</translation>
    </message>
    <message>
      <location filename="../coal_monitor/gui/shadow_controller.py" line="78" />
      <source>{metric_crs_authid!r} is not a metric coordinate system: give the scene's projected CRS (e.g. its UTM zone, EPSG:32652).</source>
      <translation>{metric_crs_authid!r}은(는) 미터 좌표계가 아닙니다: 장면의 투영 좌표계(예: 그 UTM 구역, EPSG:32652)를 주십시오.</translation>
    </message>
    <message>
      <location filename="../coal_monitor/gui/shadow_controller.py" line="96" />
      <source>No scene for the shadow tool: choose the image and its metadata (sun and satellite angles) first, or enter the height by hand.</source>
      <translation>그림자 도구에 쓸 장면이 없습니다. 먼저 영상과 그 메타데이터(태양 및 위성 각도)를 고르거나 높이를 직접 입력하십시오.</translation>
    </message>
    <message>
      <location filename="../coal_monitor/gui/shadow_controller.py" line="108" />
      <source>“From the pile's foot” needs a flank at the angle of repose; a walled bin has none. Click the top of the wall, then its shadow's tip.</source>
      <translation>“더미 발치에서”에는 안식각을 이루는 사면이 필요한데, 벽으로 둘러싼 저탄장에는 없습니다. 벽 꼭대기를 클릭한 다음 그 그림자 끝을 클릭하십시오.</translation>
    </message>
    <message>
      <location filename="../coal_monitor/gui/shadow_controller.py" line="179" />
      <source>No ground shadow predicted: a {model} heap {height:g} m high casts none beyond its footprint with the sun at {elevation:.1f} deg.</source>
      <translation>지면 그림자가 예측되지 않습니다. 태양 고도 {elevation:.1f}도에서 높이 {height:g} m의 {model} 더미는 바닥 윤곽 밖으로 그림자를 드리우지 않습니다.</translation>
    </message>
    <message>
      <location filename="../coal_monitor/gui/shadow_controller.py" line="190" />
      <source>No scene for the predicted shadow: choose the image and its metadata first.</source>
      <translation>예측 그림자에 쓸 장면이 없습니다. 먼저 영상과 그 메타데이터를 고르십시오.</translation>
    </message>
    <message>
      <location filename="../coal_monitor/gui/shadow_controller.py" line="192" />
      <source>The predicted shadow needs a heap outline: draw the heap first.</source>
      <translation>예측 그림자에는 더미 윤곽이 필요합니다. 먼저 더미를 그리십시오.</translation>
    </message>
    <message>
      <location filename="../coal_monitor/gui/shadow_tool.py" line="75" />
      <source>This point cannot be placed in the scene's coordinate system ({exc}): click on the scene.</source>
      <translation>이 지점을 장면의 좌표계에 놓을 수 없습니다({exc}): 장면 위를 클릭하십시오.</translation>
    </message>
    <message>
      <location filename="../coal_monitor/gui/shadow_tool.py" line="87" />
      <source>This outline cannot be placed in the scene's coordinate system ({exc}): draw it on the scene.</source>
      <translation>이 윤곽을 장면의 좌표계에 놓을 수 없습니다({exc}): 장면 위에 그리십시오.</translation>
    </message>
    <message>
      <location filename="../coal_monitor/gui/shadow_tool.py" line="103" />
      <source>The scene's coordinate system cannot place this point on the globe ({exc}).</source>
      <translation>장면의 좌표계로는 이 지점을 지구 위에 놓을 수 없습니다({exc}).</translation>
    </message>
    <message>
      <location filename="../coal_monitor/gui/shadow_tool.py" line="249" />
      <source>The shadow tool has no scene: choose the image and its metadata first.</source>
      <translation>그림자 도구에 장면이 없습니다: 먼저 영상과 그 메타데이터를 고르십시오.</translation>
    </message>
    <message>
      <location filename="../coal_monitor/gui/shadow_tool.py" line="294" />
      <source>The second click lies on the sun's side of the first one: click the tip of the shadow, on the dashed guide away from the sun.</source>
      <translation>두 번째 클릭이 첫 번째 클릭보다 태양 쪽에 있습니다: 태양 반대쪽 점선 안내선 위에서 그림자 끝을 클릭하십시오.</translation>
    </message>
    <message>
      <location filename="../coal_monitor/gui/story_panel.py" line="48" />
      <source>Mark examined</source>
      <translation>검토 완료 표시</translation>
    </message>
    <message>
      <location filename="../coal_monitor/gui/story_panel.py" line="48" />
      <source>Every heap this image shows is logged (or it shows no coal): the image becomes an observation of the port, 0 t when it has no heap. An image not marked and without heaps is a gap in the trends.</source>
      <translation>이 영상에 보이는 모든 더미가 기록되었습니다(또는 석탄이 보이지 않음): 이 영상은 항구의 관측이 되며, 더미가 없으면 0 t입니다. 표시하지 않고 더미도 없는 영상은 추이에서 빈칸입니다.</translation>
    </message>
    <message>
      <location filename="../coal_monitor/gui/story_panel.py" line="51" />
      <source>Carry piles forward</source>
      <translation>더미 이어 가져오기</translation>
    </message>
    <message>
      <location filename="../coal_monitor/gui/story_panel.py" line="51" />
      <source>Copy the heaps of the previous examined image onto this one as drafts, each keeping its pile's identity: take each, adjust it to this image and log it, or drop it.</source>
      <translation>이전에 검토한 영상의 더미를 이 영상에 초안으로 복사하며, 각 더미는 자기 더미 식별을 유지합니다: 하나씩 가져와 이 영상에 맞게 고친 뒤 기록하거나 버리십시오.</translation>
    </message>
    <message>
      <location filename="../coal_monitor/gui/story_panel.py" line="54" />
      <source>Coverage…</source>
      <translation>촬영 범위…</translation>
    </message>
    <message>
      <location filename="../coal_monitor/gui/story_panel.py" line="54" />
      <source>Draw the part of the port this image shows clearly (cloud, the scene's edge): the date's total is then marked partial. Right click or Enter finishes; Esc cancels.</source>
      <translation>이 영상이 선명하게 보여 주는 항구의 부분(구름, 장면 가장자리 제외)을 그립니다. 그러면 그 날짜의 합계는 부분 범위로 표시됩니다. 오른쪽 클릭이나 Enter로 마치고 Esc로 취소합니다.</translation>
    </message>
    <message>
      <location filename="../coal_monitor/gui/story_panel.py" line="57" />
      <source>Whole port</source>
      <translation>항구 전체</translation>
    </message>
    <message>
      <location filename="../coal_monitor/gui/story_panel.py" line="57" />
      <source>Clear the image's coverage: it shows the whole port.</source>
      <translation>영상의 촬영 범위를 지웁니다: 영상이 항구 전체를 보여 줍니다.</translation>
    </message>
    <message>
      <location filename="../coal_monitor/gui/story_panel.py" line="74" />
      <source>Piles carried forward</source>
      <translation>이어 가져온 더미</translation>
    </message>
    <message>
      <location filename="../coal_monitor/gui/story_panel.py" line="81" />
      <source>Take</source>
      <translation>가져오기</translation>
    </message>
    <message>
      <location filename="../coal_monitor/gui/story_panel.py" line="81" />
      <source>Measure the selected pile on this image: its outline and inputs fill the heap form; adjust and log.</source>
      <translation>선택한 더미를 이 영상에서 잽니다: 윤곽과 입력값이 더미 양식에 채워지니 고친 뒤 기록하십시오.</translation>
    </message>
    <message>
      <location filename="../coal_monitor/gui/story_panel.py" line="83" />
      <source>Drop</source>
      <translation>버리기</translation>
    </message>
    <message>
      <location filename="../coal_monitor/gui/story_panel.py" line="83" />
      <source>The selected pile is gone on this image: remove it from the drafts.</source>
      <translation>선택한 더미가 이 영상에서 사라졌습니다: 초안에서 지웁니다.</translation>
    </message>
    <message>
      <location filename="../coal_monitor/gui/story_panel.py" line="97" />
      <source>Ships</source>
      <translation>선박</translation>
    </message>
    <message>
      <location filename="../coal_monitor/gui/story_panel.py" line="99" />
      <source>Measure ship on the map</source>
      <translation>지도에서 선박 재기</translation>
    </message>
    <message>
      <location filename="../coal_monitor/gui/story_panel.py" line="99" />
      <source>Click the bow, the stern, then the side of the hull at its widest; Backspace removes the last click, Esc cancels.</source>
      <translation>선수, 선미, 그리고 가장 넓은 곳의 선체 측면을 클릭하십시오. Backspace는 마지막 클릭을 지우고 Esc는 취소합니다.</translation>
    </message>
    <message>
      <location filename="../coal_monitor/gui/story_panel.py" line="108" />
      <source>State</source>
      <translation>상태</translation>
    </message>
    <message>
      <location filename="../coal_monitor/gui/story_panel.py" line="112" />
      <source>Pier</source>
      <translation>부두</translation>
    </message>
    <message>
      <location filename="../coal_monitor/gui/story_panel.py" line="114" />
      <source>Cargo visible</source>
      <translation>화물 보임</translation>
    </message>
    <message>
      <location filename="../coal_monitor/gui/story_panel.py" line="116" />
      <source>Hatches open</source>
      <translation>해치 열림</translation>
    </message>
    <message>
      <location filename="../coal_monitor/gui/story_panel.py" line="123" />
      <source>if identified</source>
      <translation>식별된 경우</translation>
    </message>
    <message>
      <location filename="../coal_monitor/gui/story_panel.py" line="124" />
      <source>Name</source>
      <translation>이름</translation>
    </message>
    <message>
      <location filename="../coal_monitor/gui/story_panel.py" line="130" />
      <source>Log ship</source>
      <translation>선박 기록</translation>
    </message>
    <message>
      <location filename="../coal_monitor/gui/story_panel.py" line="130" />
      <source>Log the measured ship with its state on this image; a ship loading (or moored with cargo visible) is a loading event in the port's flows.</source>
      <translation>잰 선박을 이 영상에서의 상태와 함께 기록합니다. 적재 중인 선박(또는 화물이 보이는 계류 선박)은 항구 흐름에서 적재 사건입니다.</translation>
    </message>
    <message>
      <location filename="../coal_monitor/gui/story_panel.py" line="165" />
      <source>Examined: {note}</source>
      <translation>검토 완료: {note}</translation>
    </message>
    <message>
      <location filename="../coal_monitor/gui/story_panel.py" line="165" />
      <source>every heap logged</source>
      <translation>모든 더미 기록됨</translation>
    </message>
    <message>
      <location filename="../coal_monitor/gui/story_panel.py" line="173" />
      <source>{label} from {date}: {tonnes} t</source>
      <translation>{date}의 {label}: {tonnes} t</translation>
    </message>
    <message>
      <location filename="../coal_monitor/gui/story_panel.py" line="205" />
      <source>Same pile as {label} of {date}</source>
      <translation>{date}의 {label}과(와) 같은 더미</translation>
    </message>
    <message>
      <location filename="../coal_monitor/gui/story_panel.py" line="218" />
      <source>Click the corners of the part of the port the image shows clearly; right click or Enter finishes, Esc cancels.</source>
      <translation>영상이 선명하게 보여 주는 항구 부분의 모서리를 클릭하십시오. 오른쪽 클릭이나 Enter로 마치고 Esc로 취소합니다.</translation>
    </message>
    <message>
      <location filename="../coal_monitor/gui/story_panel.py" line="235" />
      <source>Click the bow, the stern, then the hull's side at its widest.</source>
      <translation>선수, 선미, 그리고 가장 넓은 곳의 선체 측면을 클릭하십시오.</translation>
    </message>
    <message>
      <location filename="../coal_monitor/gui/story_panel.py" line="247" />
      <source>LOA {loa} m, beam {beam} m</source>
      <translation>LOA {loa} m, 폭 {beam} m</translation>
    </message>
    <message>
      <location filename="../coal_monitor/gui/story_panel.py" line="250" />
      <source>{ship_class}: deadweight {dwt_lo}-{dwt_hi} t, cargo {lo}-{hi} t</source>
      <translation>{ship_class}: 재화중량 {dwt_lo}-{dwt_hi} t, 화물 {lo}-{hi} t</translation>
    </message>
    <message>
      <location filename="../coal_monitor/gui/story_panel.py" line="254" />
      <source>cargo capped by the pier's depth</source>
      <translation>부두 수심으로 화물 상한 적용</translation>
    </message>
    <message>
      <location filename="../coal_monitor/gui/story_panel.py" line="256" />
      <source>fits no ship class: no tonnage</source>
      <translation>맞는 선박 등급 없음: 톤수 없음</translation>
    </message>
    <message>
      <location filename="../coal_monitor/gui/story_panel.py" line="271" />
      <source>Click the bow</source>
      <translation>선수를 클릭하십시오</translation>
    </message>
    <message>
      <location filename="../coal_monitor/gui/trace_tool.py" line="137" />
      <source>this click is outside the image window read for the first one: accept (Enter) or cancel (Esc) this heap, then start the next one</source>
      <translation>이 클릭은 첫 클릭 때 읽은 영상 창 밖에 있습니다: 이 더미를 받아들이거나(Enter) 취소한(Esc) 뒤 다음 더미를 시작하십시오</translation>
    </message>
    <message>
      <location filename="../coal_monitor/gui/trace_tool.py" line="168" />
      <source>Nothing traced yet: click inside a heap on the image first.</source>
      <translation>아직 추적한 것이 없습니다: 먼저 영상에서 더미 안쪽을 클릭하십시오.</translation>
    </message>
    <message>
      <location filename="../coal_monitor/gui/trace_tool.py" line="180" />
      <source>tracing failed here ({problem}); draw the heap instead</source>
      <translation>여기서는 추적하지 못했습니다({problem}). 더미를 직접 그리십시오</translation>
    </message>
    <message>
      <location filename="../coal_monitor/gui/trends.py" line="26" />
      <source>Interval</source>
      <translation>기간</translation>
    </message>
    <message>
      <location filename="../coal_monitor/gui/trends.py" line="26" />
      <source>Stock change (t)</source>
      <translation>재고 변화 (t)</translation>
    </message>
    <message>
      <location filename="../coal_monitor/gui/trends.py" line="26" />
      <source>Ships loading: cargo (t)</source>
      <translation>선적 중인 선박: 화물 (t)</translation>
    </message>
    <message>
      <location filename="../coal_monitor/gui/trends.py" line="26" />
      <source>Verdict</source>
      <translation>판정</translation>
    </message>
    <message>
      <location filename="../coal_monitor/gui/trends.py" line="52" />
      <source>Total</source>
      <translation>합계</translation>
    </message>
    <message>
      <location filename="../coal_monitor/gui/trends.py" line="53" />
      <source>By pier</source>
      <translation>부두별</translation>
    </message>
    <message>
      <location filename="../coal_monitor/gui/trends.py" line="54" />
      <source>By pile</source>
      <translation>더미별</translation>
    </message>
    <message>
      <location filename="../coal_monitor/gui/trends.py" line="55" />
      <source>Sum all heaps per date, show each pier separately, or follow each pile seen on two dates or more</source>
      <translation>날짜별로 모든 더미를 합산하거나, 부두별로 따로 보거나, 두 날짜 이상에서 보인 더미를 하나씩 추적합니다</translation>
    </message>
    <message>
      <location filename="../coal_monitor/gui/trends.py" line="139" />
      <source>No port selected.</source>
      <translation>선택한 항구가 없습니다.</translation>
    </message>
    <message>
      <location filename="../coal_monitor/gui/trends.py" line="164" />
      <source>{count} ship(s): {low}-{high}</source>
      <translation>선박 {count}척: {low}-{high}</translation>
    </message>
    <message>
      <location filename="../coal_monitor/gui/trends.py" line="164" />
      <source>none seen</source>
      <translation>관측되지 않음</translation>
    </message>
    <message>
      <location filename="../coal_monitor/gui/trends.py" line="168" />
      <source>{change} ({low} to {high})</source>
      <translation>{change} ({low} ~ {high})</translation>
    </message>
    <message>
      <location filename="../coal_monitor/gui/trends.py" line="181" />
      <source>{port}: no heaps logged yet.</source>
      <translation>{port}: 아직 기록된 더미가 없습니다.</translation>
    </message>
    <message>
      <location filename="../coal_monitor/gui/trends.py" line="184" />
      <source>{port}: {dates} date(s), latest {date}: {tonnage} t ({low} - {high} t) in {heaps} heap(s).</source>
      <translation>{port}: 관측일 {dates}개, 최근 {date}: 더미 {heaps}개에 {tonnage} t ({low} - {high} t).</translation>
    </message>
    <message>
      <location filename="../coal_monitor/gui/trends.py" line="293" />
      <source>Cannot export the trends to {path}: {problem}</source>
      <translation>추이를 {path}(으)로 내보낼 수 없습니다: {problem}</translation>
    </message>
    <message>
      <location filename="../coal_monitor/gui/trends.py" line="295" />
      <source>Saved {path}</source>
      <translation>{path}에 저장했습니다</translation>
    </message>
    <message>
      <location filename="../coal_monitor/gui/vessel_tool.py" line="49" />
      <source>LOA {loa:.1f} m, beam {beam:.1f} m</source>
      <translation>LOA {loa:.1f} m, 폭 {beam:.1f} m</translation>
    </message>
    <message>
      <location filename="../coal_monitor/gui/vessel_tool.py" line="220" />
      <source>A hull outline needs at least {needed} corners; you clicked {clicked}. Click around the hull and finish with a right click or Enter.</source>
      <translation>선체 윤곽에는 꼭짓점이 {needed}개 이상 필요합니다. 클릭한 꼭짓점은 {clicked}개입니다. 선체 둘레를 클릭하고 오른쪽 클릭이나 Enter로 마치십시오.</translation>
    </message>
    <message>
      <location filename="../coal_monitor/plugin.py" line="56" />
      <source>Show or hide the Coal Monitor panel</source>
      <translation>Coal Monitor 패널 표시 또는 숨기기</translation>
    </message>
    <message>
      <location filename="../coal_monitor/processing/base.py" line="7" />
      <source>Port logs</source>
      <translation>항구 기록</translation>
    </message>
    <message>
      <location filename="../coal_monitor/processing/copyportlog.py" line="18" />
      <source>a port's .gpkg path, postgresql://USER@HOST:PORT/DBNAME?schema=SLUG or service=NAME schema=SLUG</source>
      <translation>항구의 .gpkg 경로, postgresql://USER@HOST:PORT/DBNAME?schema=SLUG 또는 service=NAME schema=SLUG</translation>
    </message>
    <message>
      <location filename="../coal_monitor/processing/copyportlog.py" line="23" />
      <source>Scenes copied</source>
      <translation>복사한 장면</translation>
    </message>
    <message>
      <location filename="../coal_monitor/processing/copyportlog.py" line="23" />
      <source>Heaps copied</source>
      <translation>복사한 더미</translation>
    </message>
    <message>
      <location filename="../coal_monitor/processing/copyportlog.py" line="24" />
      <source>Ships copied</source>
      <translation>복사한 선박</translation>
    </message>
    <message>
      <location filename="../coal_monitor/processing/copyportlog.py" line="25" />
      <source>Heaps already in the target</source>
      <translation>대상에 이미 있던 더미</translation>
    </message>
    <message>
      <location filename="../coal_monitor/processing/copyportlog.py" line="30" />
      <source>Copy port log (publish or snapshot)</source>
      <translation>항구 기록 복사 (게시 또는 스냅숏)</translation>
    </message>
    <message>
      <location filename="../coal_monitor/processing/copyportlog.py" line="32" />
      <source>Copies one port log into another of the same port: publish a port's GeoPackage to the team database (TARGET postgresql://USER@HOST:PORT/DBNAME?schema=SLUG or service=NAME schema=SLUG), or take a snapshot of a team port log as a GeoPackage to send or archive (TARGET a .gpkg path). The target is created when missing. Heap, scene and ship ids are kept and every number is derived again by the engine; what the target already holds is counted, not copied twice, so running it again is safe.</source>
      <translation>한 항구 기록을 같은 항구의 다른 기록으로 복사합니다. 항구의 GeoPackage를 팀 데이터베이스에 게시하거나 (TARGET postgresql://USER@HOST:PORT/DBNAME?schema=SLUG 또는 service=NAME schema=SLUG), 팀 항구 기록의 스냅숏을 보내거나 보관할 GeoPackage로 만듭니다 (TARGET .gpkg 경로). 대상이 없으면 만들어집니다. 더미, 장면, 선박의 ID는 유지되고 모든 수치는 엔진이 다시 계산합니다. 대상에 이미 있는 것은 세기만 하고 두 번 복사하지 않으므로 다시 실행해도 안전합니다.</translation>
    </message>
    <message>
      <location filename="../coal_monitor/processing/copyportlog.py" line="46" />
      <source>Port log to copy ({forms})</source>
      <translation>복사할 항구 기록 ({forms})</translation>
    </message>
    <message>
      <location filename="../coal_monitor/processing/copyportlog.py" line="48" />
      <source>Copy into ({forms})</source>
      <translation>복사할 대상 ({forms})</translation>
    </message>
    <message>
      <location filename="../coal_monitor/processing/copyportlog.py" line="52" />
      <source>Heaps and ships refused</source>
      <translation>거부된 더미와 선박</translation>
    </message>
    <message>
      <location filename="../coal_monitor/processing/copyportlog.py" line="53" />
      <source>Target port log</source>
      <translation>대상 항구 기록</translation>
    </message>
    <message>
      <location filename="../coal_monitor/processing/copyportlog.py" line="63" />
      <source>SOURCE and TARGET both name {log}; choose another target.</source>
      <translation>SOURCE와 TARGET이 모두 {log}을(를) 가리킵니다. 다른 대상을 고르십시오.</translation>
    </message>
    <message>
      <location filename="../coal_monitor/processing/copyportlog.py" line="77" />
      <source>Created the port log {log}.</source>
      <translation>항구 기록 {log}을(를) 만들었습니다.</translation>
    </message>
    <message>
      <location filename="../coal_monitor/processing/copyportlog.py" line="78" />
      <source>Copied {scenes} scenes, {heaps} heaps and {ships} ships from {source} to {target}; {already} heaps were there already.</source>
      <translation>{source}에서 {target}(으)로 장면 {scenes}개, 더미 {heaps}개, 선박 {ships}척을 복사했습니다. 더미 {already}개는 이미 있었습니다.</translation>
    </message>
    <message>
      <location filename="../coal_monitor/processing/copyportlog.py" line="84" />
      <source>Not copied: {uid}: {reason}</source>
      <translation>복사하지 않음: {uid}: {reason}</translation>
    </message>
    <message>
      <location filename="../coal_monitor/processing/copyportlog.py" line="86" />
      <source>Heap {uid}: {source_t} t in the source, {target_t} t as the engine derives it in the target.</source>
      <translation>더미 {uid}: 원본에서는 {source_t} t, 대상에서 엔진이 계산한 값은 {target_t} t입니다.</translation>
    </message>
    <message>
      <location filename="../coal_monitor/processing/heapvolumes.py" line="55" />
      <source>Compute coal heap volumes</source>
      <translation>석탄 더미 부피 계산</translation>
    </message>
    <message>
      <location filename="../coal_monitor/processing/heapvolumes.py" line="57" />
      <source>Volume and tonnage of each heap footprint from its height, with low/high ranges. Repose model: z = min(H, tan(angle) × distance to the edge); prism: area × height; cone: area × height / 3. Area is computed on the ellipsoid whatever the layer's CRS. A footprint or height the engine refuses gets null numbers and its reason in volume_note.</source>
      <translation>각 더미 바닥 윤곽의 높이로부터 부피와 톤수를 하한/상한 범위와 함께 계산합니다. 안식각 모델: z = min(H, tan(안식각) × 가장자리까지의 거리); 각기둥: 면적 × 높이; 원뿔: 면적 × 높이 / 3. 면적은 레이어의 좌표계와 관계없이 타원체 위에서 계산합니다. 엔진이 거부한 윤곽이나 높이는 값이 null이 되고 그 이유가 volume_note에 기록됩니다.</translation>
    </message>
    <message>
      <location filename="../coal_monitor/processing/heapvolumes.py" line="65" />
      <location filename="../coal_monitor/processing/importheaps.py" line="77" />
      <source>Heap footprints</source>
      <translation>더미 바닥 윤곽</translation>
    </message>
    <message>
      <location filename="../coal_monitor/processing/heapvolumes.py" line="67" />
      <location filename="../coal_monitor/processing/importheaps.py" line="87" />
      <source>Height field (m)</source>
      <translation>높이 필드(m)</translation>
    </message>
    <message>
      <location filename="../coal_monitor/processing/heapvolumes.py" line="70" />
      <source>Height uncertainty field (± m)</source>
      <translation>높이 불확도 필드(± m)</translation>
    </message>
    <message>
      <location filename="../coal_monitor/processing/heapvolumes.py" line="73" />
      <source>Pile model</source>
      <translation>더미 모델</translation>
    </message>
    <message>
      <location filename="../coal_monitor/processing/heapvolumes.py" line="79" />
      <source>Heap volumes</source>
      <translation>더미 부피</translation>
    </message>
    <message>
      <location filename="../coal_monitor/processing/heapvolumes.py" line="81" />
      <source>Features without a volume</source>
      <translation>부피가 없는 피처</translation>
    </message>
    <message>
      <location filename="../coal_monitor/processing/heapvolumes.py" line="131" />
      <source>feature {fid}: {problem}</source>
      <translation>피처 {fid}: {problem}</translation>
    </message>
    <message>
      <location filename="../coal_monitor/processing/heapvolumes.py" line="138" />
      <source>{failed} of {total} features got no volume; see volume_note</source>
      <translation>피처 {total}개 중 {failed}개는 부피를 얻지 못했습니다. volume_note를 보십시오</translation>
    </message>
    <message>
      <location filename="../coal_monitor/processing/importheaps.py" line="24" />
      <source>Port log (team database: postgresql://USER@HOST:PORT/DBNAME?schema=SLUG or service=NAME schema=SLUG; or a .gpkg path), instead of OUTPUT and DATA_FOLDER</source>
      <translation>항구 기록 (팀 데이터베이스: postgresql://USER@HOST:PORT/DBNAME?schema=SLUG 또는 service=NAME schema=SLUG, 또는 .gpkg 경로), OUTPUT 및 DATA_FOLDER 대신</translation>
    </message>
    <message>
      <location filename="../coal_monitor/processing/importheaps.py" line="48" />
      <source>Import heaps into a port log</source>
      <translation>항구 기록으로 더미 가져오기</translation>
    </message>
    <message>
      <location filename="../coal_monitor/processing/importheaps.py" line="50" />
      <source>Logs every polygon of the input layer (any CRS) as a heap in the port's GeoPackage, computing volume and tonnage with the port's coal defaults (angle of repose, density band, pile model) from the port registry. Height comes from HEIGHT_FIELD (metres), its uncertainty optionally from HEIGHT_SIGMA_FIELD, the observation time (UTC) from DATE_FIELD and the image from SCENE_FIELD. The port log is PORT_LOG (a team database's port log, postgresql://USER@HOST:PORT/DBNAME?schema=SLUG or service=NAME schema=SLUG with the port's slug as schema, or a .gpkg path), else OUTPUT, or the file named after the port (rason.gpkg for Rason) in DATA_FOLDER or else in the project's data folder; it is created when missing. Features that cannot be heaps are skipped and listed with the reason. Each heap is written whole in its own transaction, so cancelling keeps every heap imported so far and no partial one.</source>
      <translation>입력 레이어(임의의 좌표계)의 모든 폴리곤을 항구 기록의 더미로 기록하고, 항구 목록의 석탄 기본값(안식각, 밀도 범위, 더미 모형)으로 부피와 톤수를 계산합니다. 높이는 HEIGHT_FIELD(미터)에서, 그 불확도는 선택적으로 HEIGHT_SIGMA_FIELD에서, 관측 시각(UTC)은 DATE_FIELD에서, 영상은 SCENE_FIELD에서 가져옵니다. 항구 기록은 PORT_LOG(팀 데이터베이스의 항구 기록: 항구 슬러그를 스키마로 하는 postgresql://USER@HOST:PORT/DBNAME?schema=SLUG 또는 service=NAME schema=SLUG, 또는 .gpkg 경로), 없으면 OUTPUT, 또는 DATA_FOLDER나 프로젝트 데이터 폴더에서 항구 이름을 딴 파일(라선은 rason.gpkg)이며, 없으면 만들어집니다. 더미가 될 수 없는 피처는 건너뛰고 이유와 함께 나열합니다. 각 더미는 자체 트랜잭션으로 온전히 기록되므로, 취소해도 그때까지 가져온 모든 더미가 남고 일부만 기록된 더미는 없습니다.</translation>
    </message>
    <message>
      <location filename="../coal_monitor/processing/importheaps.py" line="79" />
      <source>Port (a port of the registry)</source>
      <translation>항구(항구 목록의 항구)</translation>
    </message>
    <message>
      <location filename="../coal_monitor/processing/importheaps.py" line="84" />
      <source>Data folder (default: the project's)</source>
      <translation>데이터 폴더(기본값: 프로젝트의 폴더)</translation>
    </message>
    <message>
      <location filename="../coal_monitor/processing/importheaps.py" line="90" />
      <source>Height uncertainty field (m, one sigma)</source>
      <translation>높이 불확도 필드(m, 1시그마)</translation>
    </message>
    <message>
      <location filename="../coal_monitor/processing/importheaps.py" line="94" />
      <source>Observation date/time field (UTC)</source>
      <translation>관측 날짜/시각 필드(UTC)</translation>
    </message>
    <message>
      <location filename="../coal_monitor/processing/importheaps.py" line="96" />
      <source>Scene id field</source>
      <translation>장면 ID 필드</translation>
    </message>
    <message>
      <location filename="../coal_monitor/processing/importheaps.py" line="98" />
      <location filename="../coal_monitor/processing/recomputevolumes.py" line="46" />
      <source>Port GeoPackage</source>
      <translation>항구 GeoPackage</translation>
    </message>
    <message>
      <location filename="../coal_monitor/processing/importheaps.py" line="101" />
      <source>Heaps imported</source>
      <translation>가져온 더미</translation>
    </message>
    <message>
      <location filename="../coal_monitor/processing/importheaps.py" line="102" />
      <source>Features skipped</source>
      <translation>건너뛴 피처</translation>
    </message>
    <message>
      <location filename="../coal_monitor/processing/importheaps.py" line="107" />
      <source>The INPUT layer cannot be read; choose a polygon layer.</source>
      <translation>INPUT 레이어를 읽을 수 없습니다. 다각형 레이어를 고르십시오.</translation>
    </message>
    <message>
      <location filename="../coal_monitor/processing/importheaps.py" line="114" />
      <source>{port}: {imported} heaps imported into {path}, {skipped} features skipped.</source>
      <translation>{port}: 더미 {imported}개를 {path}(으)로 가져왔고 피처 {skipped}개를 건너뛰었습니다.</translation>
    </message>
    <message>
      <location filename="../coal_monitor/processing/importheaps.py" line="139" />
      <source>PORT_LOG names the port log; leave {others} empty (they name a port file in a folder instead).</source>
      <translation>PORT_LOG가 항구 기록을 지정합니다. {others}은(는) 비워 두십시오(이들은 폴더 안의 항구 파일을 지정합니다).</translation>
    </message>
    <message>
      <location filename="../coal_monitor/processing/importheaps.py" line="146" />
      <source>PORT_LOG names schema {schema!r}, but the heaps are of port {port}, whose log is schema {slug!r}; use schema={slug}.</source>
      <translation>PORT_LOG는 스키마 {schema!r}을(를) 지정하지만, 더미는 항구 {port}의 것이며 그 기록은 스키마 {slug!r}입니다. schema={slug}을(를) 사용하십시오.</translation>
    </message>
    <message>
      <location filename="../coal_monitor/processing/importheaps.py" line="167" />
      <source>OUTPUT {output!r} must be a .gpkg file.</source>
      <translation>OUTPUT {output!r}은(는) .gpkg 파일이어야 합니다.</translation>
    </message>
    <message>
      <location filename="../coal_monitor/processing/importheaps.py" line="169" />
      <source>OUTPUT {output} is not the port file of DATA_FOLDER ({port_file}); writing to OUTPUT.</source>
      <translation>OUTPUT {output}은(는) DATA_FOLDER의 항구 파일({port_file})이 아닙니다. OUTPUT에 씁니다.</translation>
    </message>
    <message>
      <location filename="../coal_monitor/processing/importheaps.py" line="175" />
      <source>Where should the port file go? Give OUTPUT (the port's .gpkg) or DATA_FOLDER, or save the project so that its data folder can be used.</source>
      <translation>항구 파일을 어디에 둘까요? OUTPUT(항구의 .gpkg)이나 DATA_FOLDER를 주거나, 프로젝트를 저장해 그 데이터 폴더를 쓰게 하십시오.</translation>
    </message>
    <message>
      <location filename="../coal_monitor/processing/importheaps.py" line="195" />
      <source>{path} is the log of port {other!r}, not {port!r}; choose {name}'s file or another OUTPUT.</source>
      <translation>{path}은(는) {port!r}이(가) 아니라 항구 {other!r}의 기록입니다. {name}의 파일이나 다른 OUTPUT을 고르십시오.</translation>
    </message>
    <message>
      <location filename="../coal_monitor/processing/importheaps.py" line="203" />
      <source>Creating the port file {path} for {port} (EPSG:{epsg}).</source>
      <translation>{port}의 항구 파일 {path}을(를) 만듭니다(EPSG:{epsg}).</translation>
    </message>
    <message>
      <location filename="../coal_monitor/processing/importheaps.py" line="215" />
      <source>Creating the port log {path} for {port} (EPSG:{epsg}).</source>
      <translation>{port}의 항구 기록 {path}을(를) 만드는 중입니다 (EPSG:{epsg}).</translation>
    </message>
    <message>
      <location filename="../coal_monitor/processing/importheaps.py" line="237" />
      <source>Cancelled after {imported} heaps; every heap imported is whole.</source>
      <translation>더미 {imported}개 뒤에 취소했습니다. 가져온 더미는 모두 온전합니다.</translation>
    </message>
    <message>
      <location filename="../coal_monitor/processing/importheaps.py" line="251" />
      <source>{problem} {imported} heaps were imported before this; each of them is whole.</source>
      <translation>{problem} 그 전에 더미 {imported}개를 가져왔으며, 모두 온전합니다.</translation>
    </message>
    <message>
      <location filename="../coal_monitor/processing/importheaps.py" line="256" />
      <source>Feature {fid} skipped: {reason}</source>
      <translation>피처 {fid}을(를) 건너뛰었습니다: {reason}</translation>
    </message>
    <message>
      <location filename="../coal_monitor/processing/importheaps.py" line="294" />
      <source>Scene {scene_id!r} not logged: {problem}</source>
      <translation>장면 {scene_id!r}을(를) 기록하지 않았습니다: {problem}</translation>
    </message>
    <message>
      <location filename="../coal_monitor/processing/port_input.py" line="18" />
      <source>Port log in a team database (postgresql://USER@HOST:PORT/DBNAME?schema=SLUG or service=NAME schema=SLUG), instead of INPUT</source>
      <translation>팀 데이터베이스의 항구 기록 (postgresql://USER@HOST:PORT/DBNAME?schema=SLUG 또는 service=NAME schema=SLUG), INPUT 대신</translation>
    </message>
    <message>
      <location filename="../coal_monitor/processing/port_input.py" line="61" />
      <source>Both INPUT ({path}) and PORT_LOG ({log}) name a port log; give only one of them.</source>
      <translation>INPUT({path})과 PORT_LOG({log})가 모두 항구 기록을 지정합니다. 둘 중 하나만 주십시오.</translation>
    </message>
    <message>
      <location filename="../coal_monitor/processing/port_input.py" line="65" />
      <source>No port log given: choose a port's .gpkg file for INPUT, or name a team database's port log in PORT_LOG (postgresql://USER@HOST:PORT/DBNAME?schema=SLUG or service=NAME schema=SLUG).</source>
      <translation>항구 기록이 주어지지 않았습니다. INPUT에 항구의 .gpkg 파일을 고르거나, PORT_LOG에 팀 데이터베이스의 항구 기록을 지정하십시오 (postgresql://USER@HOST:PORT/DBNAME?schema=SLUG 또는 service=NAME schema=SLUG).</translation>
    </message>
    <message>
      <location filename="../coal_monitor/processing/portflows.py" line="36" />
      <source>Port flows (stock change against ships loading)</source>
      <translation>항구 흐름 (재고 변화 대 선적 선박)</translation>
    </message>
    <message>
      <location filename="../coal_monitor/processing/portflows.py" line="38" />
      <source>For each interval between consecutive observation dates of a port (dates with heaps, or with an image marked examined), the change of the port's coal stock (t, with its range: the end date's low minus the start date's high, and the end's high minus the start's low) against the cargo the ships seen loading in between can carry (a ship in state loading, or moored with cargo visible, on a date after the start and up to the end). verdict: consistent, fell_more_than_ships (loadings not seen: imagery is not daily), ships_more_than_fell (coal delivered in between), grew (deliveries by rail or truck), steady, or partial when an image of either date covers only part of the port (comparison then keeps what the numbers alone say). shipped_hi_t is empty when a ship of no known class loaded.</source>
      <translation>항구의 연속된 두 관측 날짜(더미가 있거나 영상이 검토 완료로 표시된 날짜) 사이의 각 기간에 대해, 항구의 석탄 재고 변화(t, 범위 포함: 종료일의 하한에서 시작일의 상한을 뺀 값부터 종료일의 상한에서 시작일의 하한을 뺀 값까지)를 그 사이에 선적하는 것으로 관측된 선박들이 실을 수 있는 화물(상태가 선적 중이거나, 화물이 보이는 채 계류 중인 선박; 시작일 이후부터 종료일까지)과 비교합니다. verdict: consistent(일치), fell_more_than_ships(관측되지 않은 선적: 영상은 매일 있지 않음), ships_more_than_fell(그 사이 석탄 반입), grew(철도나 트럭으로 반입), steady(변화 없음), 또는 어느 한 날짜의 영상이 항구의 일부만 덮으면 partial(이때 comparison은 숫자만으로 본 판정을 유지). 알려진 등급이 없는 선박이 선적하면 shipped_hi_t는 비어 있습니다.</translation>
    </message>
    <message>
      <location filename="../coal_monitor/processing/portflows.py" line="54" />
      <source>Flows</source>
      <translation>흐름</translation>
    </message>
    <message>
      <location filename="../coal_monitor/processing/portflows.py" line="80" />
      <source>{port}: {intervals} intervals, {loadings} loadings seen.</source>
      <translation>{port}: 구간 {intervals}개, 확인된 선적 {loadings}건.</translation>
    </message>
    <message>
      <location filename="../coal_monitor/processing/portreport.py" line="14" />
      <source>Port report (PDF)</source>
      <translation>항구 보고서(PDF)</translation>
    </message>
    <message>
      <location filename="../coal_monitor/processing/portreport.py" line="16" />
      <source>Writes a one-page PDF about a port: the latest image with its heaps and a scale bar, the tonnage per observation date with its range, a table of dates, the method and defaults used, and the imagery attribution recorded with the scenes.</source>
      <translation>항구에 관한 한 쪽짜리 PDF를 작성합니다: 최신 영상과 그 위의 더미 및 축척 막대, 관측 날짜별 톤수와 그 범위, 날짜 표, 사용한 방법과 기본값, 장면과 함께 기록된 영상 출처 표시.</translation>
    </message>
    <message>
      <location filename="../coal_monitor/processing/portreport.py" line="32" />
      <source>Report</source>
      <translation>보고서</translation>
    </message>
    <message>
      <location filename="../coal_monitor/processing/portreport.py" line="53" />
      <source>Report of {port} written to {path}.</source>
      <translation>{port} 보고서를 {path}에 썼습니다.</translation>
    </message>
    <message>
      <location filename="../coal_monitor/processing/porttimeseries.py" line="47" />
      <source>Port time series (tonnage per date)</source>
      <translation>항구 시계열(날짜별 톤수)</translation>
    </message>
    <message>
      <location filename="../coal_monitor/processing/porttimeseries.py" line="49" />
      <source>Sums the heaps logged in a port's GeoPackage per observation date (UTC), in total or per pier: number of heaps, footprint area, volume and tonnage with their low and high ends. The low and high ends are sums of the heaps' ranges. A date counts when it holds heaps or when an image of it was marked examined: an examined image without heaps is a row of 0 heaps and 0 t; a date nobody examined is no row (a gap, not a zero). A pile seen on several images of one day (one pile identity, or outlines that overlap) counts once: the finer ground resolution, else the later acquisition; the columns scene_ids and note say which. examined: every image of the date marked examined (1/0); partial_coverage: an image of the date shows only part of the port (1/0); vessels: ships seen that date. The same numbers as the Coal Monitor dock's trend chart.</source>
      <translation>항구 GeoPackage에 기록된 더미를 관측일(UTC)별로, 전체 또는 부두별로 합산합니다: 더미 수, 바닥 면적, 부피와 톤수 및 그 하한과 상한. 하한과 상한은 더미 범위의 합입니다. 더미가 있거나 그날의 영상이 검토 완료로 표시된 날짜가 집계됩니다: 더미 없이 검토 완료된 영상은 더미 0개, 0 t의 행이 되고, 아무도 검토하지 않은 날짜는 행이 없습니다(0이 아니라 빈칸). 하루의 여러 영상에 보인 더미(같은 더미 식별, 또는 겹치는 윤곽)는 한 번만 셉니다: 지상 해상도가 더 좋은 것, 아니면 더 늦게 촬영된 것을 쓰며, scene_ids와 note 열이 어느 것인지 알려 줍니다. examined: 그날의 모든 영상이 검토 완료로 표시됨(1/0); partial_coverage: 그날의 영상이 항구의 일부만 보여 줌(1/0); vessels: 그날 보인 선박. Coal Monitor 패널의 추이 그래프와 같은 숫자입니다.</translation>
    </message>
    <message>
      <location filename="../coal_monitor/processing/porttimeseries.py" line="68" />
      <source>One row per pier</source>
      <translation>부두마다 한 행</translation>
    </message>
    <message>
      <location filename="../coal_monitor/processing/porttimeseries.py" line="69" />
      <source>Time series</source>
      <translation>시계열</translation>
    </message>
    <message>
      <location filename="../coal_monitor/processing/porttimeseries.py" line="102" />
      <source>{port}: {dates} observation dates, {heaps} heaps, {rows} rows.</source>
      <translation>{port}: 관측일 {dates}개, 더미 {heaps}개, {rows}행.</translation>
    </message>
    <message>
      <location filename="../coal_monitor/processing/porttimeseries.py" line="105" />
      <source>{unmeasured} heap(s) have no volume (the engine refused their inputs) and add nothing to the sums; run 'Recompute heap volumes' or fix them.</source>
      <translation>더미 {unmeasured}개에 부피가 없어(엔진이 입력값을 거부함) 합계에 더해지지 않습니다. '더미 부피 다시 계산'을 실행하거나 고치십시오.</translation>
    </message>
    <message>
      <location filename="../coal_monitor/processing/recomputevolumes.py" line="21" />
      <source>Recompute heap volumes</source>
      <translation>더미 부피 다시 계산</translation>
    </message>
    <message>
      <location filename="../coal_monitor/processing/recomputevolumes.py" line="23" />
      <source>Recomputes the volume and tonnage of every heap in a port's GeoPackage, optionally with a new angle of repose and density for the whole port (written into every heap and recorded as the port's defaults). All or nothing: if any heap cannot be computed, or you cancel, the file is left exactly as it was.</source>
      <translation>항구 GeoPackage에 있는 모든 더미의 부피와 톤수를 다시 계산하며, 선택적으로 항구 전체에 새 안식각과 밀도를 적용합니다(모든 더미에 기록되고 항구 기본값으로 저장됨). 전부 아니면 전무: 계산할 수 없는 더미가 하나라도 있거나 취소하면 파일은 원래 그대로 남습니다.</translation>
    </message>
    <message>
      <location filename="../coal_monitor/processing/recomputevolumes.py" line="47" />
      <source>Heaps recomputed</source>
      <translation>다시 계산한 더미</translation>
    </message>
    <message>
      <location filename="../coal_monitor/processing/recomputevolumes.py" line="64" />
      <source>{port}: {count} heaps recomputed with repose {repose_deg:g} deg, density {density:g} t/m3 (band {low:g}-{high:g}).</source>
      <translation>{port}: 안식각 {repose_deg:g}도, 겉보기 밀도 {density:g} t/m3(범위 {low:g}-{high:g})로 더미 {count}개를 다시 계산했습니다.</translation>
    </message>
    <message>
      <location filename="../coal_monitor/processing/recomputevolumes.py" line="70" />
      <source>Heap {label!r} ({day}): {note}</source>
      <translation>더미 {label!r}({day}): {note}</translation>
    </message>
    <message>
      <location filename="../coal_monitor/report/chart.py" line="13" />
      <source>The trend chart needs matplotlib, which this QGIS's Python lacks. Install it: Debian/Ubuntu 'sudo apt install python3-matplotlib'; Windows OSGeo4W Setup: package 'python3-matplotlib'; elsewhere 'python3 -m pip install matplotlib' for QGIS's Python. Then restart QGIS.</source>
      <translation>추이 그래프에는 matplotlib가 필요한데 이 QGIS의 Python에는 없습니다. 설치하십시오: Debian/Ubuntu에서는 'sudo apt install python3-matplotlib', Windows OSGeo4W Setup에서는 'python3-matplotlib' 패키지, 그 밖에서는 QGIS의 Python으로 'python3 -m pip install matplotlib'. 그런 다음 QGIS를 다시 시작하십시오.</translation>
    </message>
    <message>
      <location filename="../coal_monitor/report/chart.py" line="63" />
      <source>No heaps logged yet</source>
      <translation>아직 기록된 더미가 없습니다</translation>
    </message>
    <message>
      <location filename="../coal_monitor/report/chart.py" line="85" />
      <source>tonnage (low-high band shaded)</source>
      <translation>톤수(음영: 하한-상한 범위)</translation>
    </message>
    <message>
      <location filename="../coal_monitor/report/chart.py" line="96" />
      <source>ship seen loading</source>
      <translation>적재 중인 선박</translation>
    </message>
    <message>
      <location filename="../coal_monitor/report/chart.py" line="100" />
      <source>coal (t)</source>
      <translation>석탄 (t)</translation>
    </message>
    <message>
      <location filename="../coal_monitor/report/chart.py" line="106" />
      <source>heaps</source>
      <translation>더미</translation>
    </message>
    <message>
      <location filename="../coal_monitor/report/content.py" line="53" />
      <source>Coal at {port}</source>
      <translation>{port}의 석탄</translation>
    </message>
    <message>
      <location filename="../coal_monitor/report/content.py" line="57" />
      <source>No heaps logged yet. Report made {made}.</source>
      <translation>아직 기록된 더미가 없습니다. 보고서 작성 {made}.</translation>
    </message>
    <message>
      <location filename="../coal_monitor/report/content.py" line="59" />
      <source>Latest observation {date}: {tonnage} t of coal (range {low} - {high} t) in {heaps} heap(s). {count} heaps on {dates} date(s) logged. Report made {made}.</source>
      <translation>최근 관측 {date}: 더미 {heaps}개에 석탄 {tonnage} t(범위 {low} - {high} t). 관측일 {dates}개에 더미 {count}개 기록. 보고서 작성 {made}.</translation>
    </message>
    <message>
      <location filename="../coal_monitor/report/content.py" line="75" />
      <source>Change since the previous observation ({date}): {change} t (from {before} t to {after} t; compare the ranges before calling it a change).</source>
      <translation>이전 관측({date}) 이후 변화: {change} t({before} t에서 {after} t로. 변화라고 판단하기 전에 범위를 비교하십시오).</translation>
    </message>
    <message>
      <location filename="../coal_monitor/report/content.py" line="81" />
      <source>Highest of the {dates} logged dates: {tonnage} t on {date}.</source>
      <translation>기록된 관측일 {dates}개 중 최대: {date}의 {tonnage} t.</translation>
    </message>
    <message>
      <location filename="../coal_monitor/report/language.py" line="18" />
      <source>Korean</source>
      <translation>한국어</translation>
    </message>
    <message>
      <location filename="../coal_monitor/report/language.py" line="20" />
      <source>The report is in English: no installed font covers {language}; install e.g. {package}.</source>
      <translation>보고서는 영어로 작성됩니다: 설치된 글꼴 중 {language}를 표시할 수 있는 것이 없습니다. 예를 들어 {package}를 설치하십시오.</translation>
    </message>
    <message>
      <location filename="../coal_monitor/report/layout.py" line="218" />
      <source>No scene logged yet.</source>
      <translation>아직 기록된 장면이 없습니다.</translation>
    </message>
    <message>
      <location filename="../coal_monitor/report/layout.py" line="219" />
      <source>time not recorded</source>
      <translation>시각 기록 없음</translation>
    </message>
    <message>
      <location filename="../coal_monitor/report/layout.py" line="220" />
      <source>Latest image {scene}</source>
      <translation>최근 영상 {scene}</translation>
    </message>
    <message>
      <location filename="../coal_monitor/report/layout.py" line="224" />
      <source>Heaps of that image, labelled with tonnage.</source>
      <translation>그 영상의 더미, 톤수 표시.</translation>
    </message>
    <message>
      <location filename="../coal_monitor/report/layout.py" line="235" />
      <source>Trend chart not drawn: {reason}</source>
      <translation>추세 그래프를 그리지 못했습니다: {reason}</translation>
    </message>
    <message>
      <location filename="../coal_monitor/report/layout.py" line="239" />
      <source>Coal tonnage per observation date by pier</source>
      <translation>부두별 관측일 석탄 톤수</translation>
    </message>
    <message>
      <location filename="../coal_monitor/report/layout.py" line="239" />
      <source>Coal tonnage per observation date</source>
      <translation>관측일별 석탄 톤수</translation>
    </message>
    <message>
      <location filename="../coal_monitor/report/layout.py" line="253" />
      <source>Heaps</source>
      <translation>저탄 더미</translation>
    </message>
    <message>
      <location filename="../coal_monitor/report/layout.py" line="253" />
      <source>Date (UTC)</source>
      <translation>날짜(UTC)</translation>
    </message>
    <message>
      <location filename="../coal_monitor/report/layout.py" line="253" />
      <source>Scenes</source>
      <translation>장면</translation>
    </message>
    <message>
      <location filename="../coal_monitor/report/layout.py" line="253" />
      <source>Tonnage (t)</source>
      <translation>톤수(t)</translation>
    </message>
    <message>
      <location filename="../coal_monitor/report/layout.py" line="253" />
      <source>Range (t)</source>
      <translation>범위(t)</translation>
    </message>
    <message>
      <location filename="../coal_monitor/report/layout.py" line="279" />
      <source>no heaps logged yet</source>
      <translation>기록된 더미 없음</translation>
    </message>
    <message>
      <location filename="../coal_monitor/report/layout.py" line="370" />
      <source>Method</source>
      <translation>방법</translation>
    </message>
    <message>
      <location filename="../coal_monitor/report/layout.py" line="378" />
      <source>no scene recorded</source>
      <translation>기록된 장면 없음</translation>
    </message>
    <message>
      <location filename="../coal_monitor/report/layout.py" line="380" />
      <source>Imagery: {sources}</source>
      <translation>영상: {sources}</translation>
    </message>
    <message>
      <location filename="../coal_monitor/report/layout.py" line="382" />
      <source>Made with Coal Monitor from {file} on {made}. Estimates from imagery, not survey measurements: read the ranges, not only the central values.</source>
      <translation>Coal Monitor로 {file}에서 {made}에 작성. 측량이 아닌 영상에서 얻은 추정치입니다: 중앙값만이 아니라 범위를 읽으십시오.</translation>
    </message>
    <message>
      <location filename="../coal_monitor/session/measuring.py" line="70" />
      <source>{problem} Only the built-in ports are listed.</source>
      <translation>{problem} 내장 항구만 목록에 나옵니다.</translation>
    </message>
    <message>
      <location filename="../coal_monitor/session/measuring.py" line="108" />
      <source>Heap {fid} of the heaps layer: {text}</source>
      <translation>더미 레이어의 더미 {fid}: {text}</translation>
    </message>
    <message>
      <location filename="../coal_monitor/session/measuring.py" line="147" />
      <source>Port {port} added (heaps stored in EPSG:{epsg}).</source>
      <translation>항구 {port}을(를) 추가했습니다(더미는 EPSG:{epsg}로 저장).</translation>
    </message>
    <message>
      <location filename="../coal_monitor/session/measuring.py" line="162" />
      <source>Port logs are kept in {folder}.</source>
      <translation>항구 기록은 {folder}에 보관됩니다.</translation>
    </message>
    <message>
      <location filename="../coal_monitor/session/measuring.py" line="173" />
      <source>Port logs are kept in the team database of the connection {name}.</source>
      <translation>항구 기록을 연결 {name}의 팀 데이터베이스에 보관합니다.</translation>
    </message>
    <message>
      <location filename="../coal_monitor/session/measuring.py" line="173" />
      <source>Port logs are kept in the data folder.</source>
      <translation>항구 기록을 데이터 폴더에 보관합니다.</translation>
    </message>
    <message>
      <location filename="../coal_monitor/session/measuring.py" line="273" />
      <source>The scene {scene} is already logged (acquired {when} UTC) and its heaps are dated by it; a metadata file can only be chosen for an image before its first heap is logged; correct the scene with Edit scene instead.</source>
      <translation>장면 {scene}은(는) 이미 기록되었고(촬영 {when} UTC) 그 더미들의 날짜가 이를 따릅니다. 메타데이터 파일은 영상의 첫 더미를 기록하기 전에만 고를 수 있으니, 대신 “장면 수정”으로 바로잡으십시오.</translation>
    </message>
    <message>
      <location filename="../coal_monitor/session/measuring.py" line="285" />
      <source>Image {scene} dated {when} UTC from {file}</source>
      <translation>영상 {scene}의 촬영 시각 {when} UTC({file}에서 읽음)</translation>
    </message>
    <message>
      <location filename="../coal_monitor/session/measuring.py" line="296" />
      <source>This image has no logged scene yet: its record is made with its first heap; correct it after that.</source>
      <translation>이 영상에는 아직 기록된 장면이 없습니다. 장면 기록은 첫 더미와 함께 만들어지니 그 뒤에 바로잡으십시오.</translation>
    </message>
    <message>
      <location filename="../coal_monitor/session/measuring.py" line="306" />
      <source>Scene {scene} corrected ({fields}); its heaps follow.</source>
      <translation>장면 {scene}을(를) 바로잡았습니다({fields}). 그 더미들도 따라 바뀝니다.</translation>
    </message>
    <message>
      <location filename="../coal_monitor/session/measuring.py" line="423" />
      <source>There is no heap outline to log: press “Draw heap on the map” and click its corners.</source>
      <translation>기록할 더미 윤곽이 없습니다: “지도에 더미 그리기”를 누르고 꼭짓점을 클릭하십시오.</translation>
    </message>
    <message>
      <location filename="../coal_monitor/session/measuring.py" line="438" />
      <source>The heap was not logged: it needs the image's acquisition date and time (UTC).</source>
      <translation>더미를 기록하지 않았습니다: 영상의 촬영 일시(UTC)가 필요합니다.</translation>
    </message>
    <message>
      <location filename="../coal_monitor/session/measuring.py" line="444" />
      <source>Logged heap at {port}: {tonnes}.</source>
      <translation>{port}에 더미를 기록했습니다: {tonnes}.</translation>
    </message>
    <message>
      <location filename="../coal_monitor/session/measuring.py" line="446" />
      <source>Saved changes to heap at {port}: {tonnes}.</source>
      <translation>{port}의 더미 변경을 저장했습니다: {tonnes}.</translation>
    </message>
    <message>
      <location filename="../coal_monitor/session/measuring.py" line="466" />
      <source>Heap changed by someone else</source>
      <translation>다른 사람이 더미를 변경함</translation>
    </message>
    <message>
      <location filename="../coal_monitor/session/measuring.py" line="466" />
      <source>{problem}

Reload the heap as it is saved now? Your changes to it are dropped.</source>
      <translation>{problem}

지금 저장된 상태로 더미를 다시 불러오시겠습니까? 이 더미에 대한 변경 내용은 버려집니다.</translation>
    </message>
    <message>
      <location filename="../coal_monitor/session/measuring.py" line="473" />
      <source>Reloaded the heap as saved in the port log; make your changes again.</source>
      <translation>항구 기록에 저장된 상태로 더미를 다시 불러왔습니다. 변경 내용을 다시 입력하십시오.</translation>
    </message>
    <message>
      <location filename="../coal_monitor/session/measuring.py" line="508" />
      <source>Deleted heap {heap}.</source>
      <translation>더미 {heap}을(를) 삭제했습니다.</translation>
    </message>
    <message>
      <location filename="../coal_monitor/session/measuring.py" line="525" />
      <source>{port} has no port file yet (or it was moved away): log a heap on an image of the port first, then make its report.</source>
      <translation>{port}에는 아직 항구 파일이 없습니다(또는 옮겨졌습니다): 먼저 이 항구의 영상에 더미를 기록한 뒤 보고서를 만드십시오.</translation>
    </message>
    <message>
      <location filename="../coal_monitor/session/measuring.py" line="539" />
      <source>Report of {port} saved to {path}</source>
      <translation>{port} 보고서를 {path}에 저장했습니다</translation>
    </message>
    <message>
      <location filename="../coal_monitor/session/measuring.py" line="585" />
      <source>Web basemap ({credit}): its capture date is asked when the first heap is logged; ground resolution unknown</source>
      <translation>웹 배경지도({credit}): 첫 더미를 기록할 때 촬영 날짜를 묻습니다. 지상 해상도는 알 수 없습니다</translation>
    </message>
    <message>
      <location filename="../coal_monitor/session/measuring.py" line="586" />
      <source>no credit given</source>
      <translation>출처 표시 없음</translation>
    </message>
    <message>
      <location filename="../coal_monitor/session/measuring.py" line="589" />
      <source>Scene {scene}</source>
      <translation>장면 {scene}</translation>
    </message>
    <message>
      <location filename="../coal_monitor/session/measuring.py" line="591" />
      <source>acquired {when} UTC</source>
      <translation>촬영 {when} UTC</translation>
    </message>
    <message>
      <location filename="../coal_monitor/session/measuring.py" line="593" />
      <source>acquisition time unknown (asked when the first heap is logged)</source>
      <translation>촬영 시각 모름(첫 더미를 기록할 때 묻습니다)</translation>
    </message>
    <message>
      <location filename="../coal_monitor/session/measuring.py" line="595" />
      <source>GSD {gsd} m</source>
      <translation>GSD {gsd} m</translation>
    </message>
    <message>
      <location filename="../coal_monitor/session/measuring.py" line="611" />
      <source>heap</source>
      <translation>더미</translation>
    </message>
    <message>
      <location filename="../coal_monitor/session/port_log.py" line="31" />
      <source>Folder for the Coal Monitor port files</source>
      <translation>Coal Monitor 항구 파일용 폴더</translation>
    </message>
    <message>
      <location filename="../coal_monitor/session/port_log.py" line="33" />
      <source>{port} heaps</source>
      <translation>{port} 더미</translation>
    </message>
    <message>
      <location filename="../coal_monitor/session/port_log.py" line="33" />
      <source>{port} ships</source>
      <translation>{port} 선박</translation>
    </message>
    <message>
      <location filename="../coal_monitor/session/port_log.py" line="47" />
      <source>Port logs cannot live in {choice!r}; choose the data folder or a team database.</source>
      <translation>항구 기록은 {choice!r}에 둘 수 없습니다. 데이터 폴더나 팀 데이터베이스를 고르십시오.</translation>
    </message>
    <message>
      <location filename="../coal_monitor/session/port_log.py" line="50" />
      <source>Choose one of QGIS's saved PostgreSQL connections for the team database (add one in the Browser panel: PostgreSQL &gt; New Connection…).</source>
      <translation>팀 데이터베이스로 QGIS에 저장된 PostgreSQL 연결 중 하나를 고르십시오 (탐색기 패널에서 추가: PostgreSQL &gt; 새 연결…).</translation>
    </message>
    <message>
      <location filename="../coal_monitor/session/port_log.py" line="116" />
      <source>{port}: the port log is read-only ({reason}); heaps can be viewed, not logged.</source>
      <translation>{port}: 항구 기록은 읽기 전용입니다 ({reason}). 더미를 볼 수는 있지만 기록할 수는 없습니다.</translation>
    </message>
    <message>
      <location filename="../coal_monitor/session/port_log.py" line="121" />
      <source>{port}: the port file was upgraded; the old copy is kept as {backup}.</source>
      <translation>{port}: 항구 파일을 업그레이드했습니다. 이전 사본은 {backup}(으)로 보관됩니다.</translation>
    </message>
    <message>
      <location filename="../coal_monitor/session/port_log.py" line="141" />
      <source>Port file missing</source>
      <translation>항구 파일 없음</translation>
    </message>
    <message>
      <location filename="../coal_monitor/session/port_log.py" line="141" />
      <source>The port file {path} was deleted or moved while QGIS had it open.

Create a new, empty port file there and log the heap in it?</source>
      <translation>QGIS가 항구 파일 {path}을(를) 연 동안 그 파일이 삭제되거나 옮겨졌습니다.

그 자리에 빈 항구 파일을 새로 만들고 더미를 기록할까요?</translation>
    </message>
    <message>
      <location filename="../coal_monitor/session/port_log.py" line="145" />
      <source>Nothing was logged: the port file {missing} was deleted or moved outside QGIS. Put it back (from a backup or snapshot) and choose the port again.</source>
      <translation>아무것도 기록하지 않았습니다: 항구 파일 {missing}이(가) QGIS 밖에서 삭제되거나 옮겨졌습니다. (백업이나 스냅숏에서) 되돌려 놓고 항구를 다시 고르십시오.</translation>
    </message>
    <message>
      <location filename="../coal_monitor/session/port_log.py" line="153" />
      <source>Nothing was logged: Coal Monitor needs a data folder for the port files (or save the project first; the folder is then kept beside it).</source>
      <translation>아무것도 기록하지 않았습니다: Coal Monitor에는 항구 파일을 둘 데이터 폴더가 필요합니다(또는 먼저 프로젝트를 저장하면 그 옆에 폴더를 둡니다).</translation>
    </message>
    <message>
      <location filename="../coal_monitor/session/port_log.py" line="264" />
      <source>The port file of {name} is missing (deleted or moved outside QGIS); nothing was deleted.</source>
      <translation>{name}의 항구 파일이 없습니다(QGIS 밖에서 삭제되거나 옮겨짐). 아무것도 삭제하지 않았습니다.</translation>
    </message>
    <message>
      <location filename="../coal_monitor/session/port_log.py" line="273" />
      <source>The layer '{layer}' has unsaved edits; save or discard them (Toggle Editing) before logging heaps from the dock.</source>
      <translation>레이어 '{layer}'에 저장하지 않은 편집이 있습니다. 패널에서 더미를 기록하기 전에 편집을 저장하거나 버리십시오(편집 전환).</translation>
    </message>
    <message>
      <location filename="../coal_monitor/session/port_log.py" line="323" />
      <source>QGIS cannot open the {table} of the team port log {where} as a layer through the connection {connection!r}; the row was logged, add the table from the Browser panel by hand.</source>
      <translation>QGIS가 연결 {connection!r}을(를) 통해 팀 항구 기록 {where}의 {table}을(를) 레이어로 열 수 없습니다. 행은 기록되었으니 탐색기 패널에서 테이블을 직접 추가하십시오.</translation>
    </message>
    <message>
      <location filename="../coal_monitor/session/port_log.py" line="330" />
      <source>QGIS cannot open the {table} of {path} as a layer; the row was logged, add the file to the map by hand (Layer &gt; Add Layer).</source>
      <translation>QGIS가 {path}의 {table}을(를) 레이어로 열 수 없습니다. 행은 기록되었으니 파일을 직접 지도에 추가하십시오(레이어 &gt; 레이어 추가).</translation>
    </message>
    <message>
      <location filename="../coal_monitor/session/story.py" line="69" />
      <source>A heap is still being drawn or measured on this image: log it or press Esc first, then mark the image examined.</source>
      <translation>이 영상에서 더미를 그리거나 재는 중입니다: 먼저 기록하거나 Esc를 누른 뒤 영상을 검토 완료로 표시하십시오.</translation>
    </message>
    <message>
      <location filename="../coal_monitor/session/story.py" line="71" />
      <source>The image was not marked examined: it needs its acquisition date and time (UTC).</source>
      <translation>영상을 검토 완료로 표시하지 않았습니다: 영상의 촬영 일시(UTC)가 필요합니다.</translation>
    </message>
    <message>
      <location filename="../coal_monitor/session/story.py" line="77" />
      <source>Examined: no coal</source>
      <translation>검토 완료: 석탄 없음</translation>
    </message>
    <message>
      <location filename="../coal_monitor/session/story.py" line="77" />
      <source>No heap is logged on {scene}. Mark it examined with no coal? The port's series then shows 0 t on {date}; leave it unmarked if you have not looked at the whole image.</source>
      <translation>{scene}에 기록된 더미가 없습니다. 석탄 없음으로 검토 완료 표시할까요? 그러면 항구 시계열이 {date}에 0 t를 보여 줍니다. 영상 전체를 보지 않았다면 표시하지 마십시오.</translation>
    </message>
    <message>
      <location filename="../coal_monitor/session/story.py" line="90" />
      <source>Image {scene} marked examined: its {count} heap(s) are all it shows.</source>
      <translation>영상 {scene}을(를) 검토 완료로 표시했습니다: 더미 {count}개가 보이는 전부입니다.</translation>
    </message>
    <message>
      <location filename="../coal_monitor/session/story.py" line="92" />
      <source>Image {scene} marked examined with no heap: the port shows no coal on {date} (0 t).</source>
      <translation>영상 {scene}을(를) 더미 없이 검토 완료로 표시했습니다: 항구에는 {date}에 석탄이 없습니다(0 t).</translation>
    </message>
    <message>
      <location filename="../coal_monitor/session/story.py" line="100" />
      <source>The coverage was not recorded: the image needs its acquisition date and time (UTC).</source>
      <translation>촬영 범위를 기록하지 않았습니다: 영상의 촬영 날짜와 시각(UTC)이 필요합니다.</translation>
    </message>
    <message>
      <location filename="../coal_monitor/session/story.py" line="111" />
      <source>Coverage of {scene} recorded: its date's total is marked partial.</source>
      <translation>{scene}의 촬영 범위를 기록했습니다: 그 날짜의 합계는 부분 범위로 표시됩니다.</translation>
    </message>
    <message>
      <location filename="../coal_monitor/session/story.py" line="111" />
      <source>Coverage of {scene} cleared: the image shows the whole port.</source>
      <translation>{scene}의 촬영 범위를 지웠습니다: 영상이 항구 전체를 보여 줍니다.</translation>
    </message>
    <message>
      <location filename="../coal_monitor/session/story.py" line="144" />
      <source>Pick a port first.</source>
      <translation>먼저 항구를 고르십시오.</translation>
    </message>
    <message>
      <location filename="../coal_monitor/session/story.py" line="147" />
      <source>{port} has no log yet: nothing was examined before this image.</source>
      <translation>{port}에는 아직 기록이 없습니다: 이 영상 전에 검토한 것이 없습니다.</translation>
    </message>
    <message>
      <location filename="../coal_monitor/session/story.py" line="151" />
      <source>Piles were not carried forward: the image needs its acquisition date and time (UTC).</source>
      <translation>더미를 이어 가져오지 않았습니다: 영상의 촬영 일시(UTC)가 필요합니다.</translation>
    </message>
    <message>
      <location filename="../coal_monitor/session/story.py" line="155" />
      <source>No image before {date} is marked examined, so there are no piles to carry forward; mark the earlier image examined when all its heaps are logged.</source>
      <translation>{date} 이전에 검토 완료로 표시된 영상이 없어 이어 가져올 더미가 없습니다. 이전 영상의 더미를 모두 기록했으면 그 영상을 검토 완료로 표시하십시오.</translation>
    </message>
    <message>
      <location filename="../coal_monitor/session/story.py" line="170" />
      <source>{count} pile(s) carried forward from {scene} ({date}): take each, adjust its outline and height to this image, and log it; drop the piles that are gone.</source>
      <translation>{scene}({date})에서 더미 {count}개를 이어 가져왔습니다: 하나씩 가져와 윤곽과 높이를 이 영상에 맞게 고치고 기록하십시오. 사라진 더미는 버리십시오.</translation>
    </message>
    <message>
      <location filename="../coal_monitor/session/story.py" line="260" />
      <source>The image has no GSD: the ship is logged with its length and beam but no class; set the GSD with Edit scene to class it.</source>
      <translation>영상에 GSD가 없습니다: 선박은 길이와 폭만으로 등급 없이 기록됩니다. 등급을 매기려면 장면 수정에서 GSD를 설정하십시오.</translation>
    </message>
    <message>
      <location filename="../coal_monitor/session/story.py" line="274" />
      <source>There is no ship to log: press “Measure ship” and click its bow, stern and side.</source>
      <translation>기록할 선박이 없습니다: “선박 재기”를 누르고 선수, 선미, 측면을 클릭하십시오.</translation>
    </message>
    <message>
      <location filename="../coal_monitor/session/story.py" line="276" />
      <source>The ship was not logged: it needs the image's acquisition date and time (UTC).</source>
      <translation>선박을 기록하지 않았습니다: 영상의 촬영 일시(UTC)가 필요합니다.</translation>
    </message>
    <message>
      <location filename="../coal_monitor/session/story.py" line="287" />
      <source>Logged ship at {port}: {ship}.</source>
      <translation>{port}에 선박을 기록했습니다: {ship}.</translation>
    </message>
    <message>
      <location filename="../coal_monitor/session/story.py" line="294" />
      <source>{loa} x {beam} m</source>
      <translation>{loa} x {beam} m</translation>
    </message>
    <message>
      <location filename="../coal_monitor/session/story.py" line="296" />
      <source>{size}, no class ({state})</source>
      <translation>{size}, 등급 없음({state})</translation>
    </message>
    <message>
      <location filename="../coal_monitor/session/story.py" line="297" />
      <source>{ship_class}, {size}, cargo {low}-{high} t ({state})</source>
      <translation>{ship_class}, {size}, 화물 {low}-{high} t({state})</translation>
    </message>
    <message>
      <location filename="../coal_monitor/store/connection.py" line="73" />
      <source>Port file {path} does not exist. Check the project's data folder, or create the port's file from the port list.</source>
      <translation>항구 파일 {path}이(가) 없습니다. 프로젝트의 데이터 폴더를 확인하거나 항구 목록에서 항구 파일을 만드십시오.</translation>
    </message>
    <message>
      <location filename="../coal_monitor/store/connection.py" line="76" />
      <source>Port file {path} is not a file (a folder?); choose the .gpkg file itself.</source>
      <translation>항구 파일 {path}은(는) 파일이 아닙니다(폴더?). .gpkg 파일 자체를 고르십시오.</translation>
    </message>
    <message>
      <location filename="../coal_monitor/store/connection.py" line="82" />
      <source>Cannot read port file {path}: {strerror}. Check its permissions.</source>
      <translation>항구 파일 {path}을(를) 읽을 수 없습니다: {strerror}. 권한을 확인하십시오.</translation>
    </message>
    <message>
      <location filename="../coal_monitor/store/connection.py" line="85" />
      <source>{path} is not a GeoPackage (no SQLite header): it is damaged or another kind of file. Restore it from a snapshot or backup; Coal Monitor will not modify it.</source>
      <translation>{path}은(는) GeoPackage가 아닙니다(SQLite 헤더 없음): 손상되었거나 다른 종류의 파일입니다. 스냅숏이나 백업에서 복원하십시오. Coal Monitor는 이 파일을 고치지 않습니다.</translation>
    </message>
    <message>
      <location filename="../coal_monitor/store/connection.py" line="94" />
      <source>the file is marked read-only</source>
      <translation>파일이 읽기 전용으로 표시되어 있습니다</translation>
    </message>
    <message>
      <location filename="../coal_monitor/store/connection.py" line="96" />
      <source>its folder {folder} is not writable</source>
      <translation>폴더 {folder}에 쓸 수 없습니다</translation>
    </message>
    <message>
      <location filename="../coal_monitor/store/connection.py" line="103" />
      <source>{path} is an SQLite database but not a GeoPackage; it is not a Coal Monitor port file.</source>
      <translation>{path}은(는) SQLite 데이터베이스이지만 GeoPackage가 아닙니다. Coal Monitor 항구 파일이 아닙니다.</translation>
    </message>
    <message>
      <location filename="../coal_monitor/store/connection.py" line="117" />
      <source>Cannot {action}: port file {path} has been locked by another program for more than {lock_timeout_s:g} s (another QGIS saving edits?). Finish or cancel the edits there, then retry.</source>
      <translation>{action} 작업을 할 수 없습니다: 다른 프로그램이 항구 파일 {path}을(를) {lock_timeout_s:g}초 넘게 잠그고 있습니다(다른 QGIS에서 편집을 저장하는 중?). 그곳의 편집을 마치거나 취소한 뒤 다시 시도하십시오.</translation>
    </message>
    <message>
      <location filename="../coal_monitor/store/connection.py" line="123" />
      <source>Cannot {action}: port file {path} is read-only ({text}). Copy it to a writable folder or fix its permissions.</source>
      <translation>{action} 작업을 할 수 없습니다: 항구 파일 {path}은(는) 읽기 전용입니다({text}). 쓸 수 있는 폴더로 복사하거나 권한을 고치십시오.</translation>
    </message>
    <message>
      <location filename="../coal_monitor/store/connection.py" line="126" />
      <source>Cannot {action} port file {path}: {text}. It may be damaged; run a snapshot restore or check the disk.</source>
      <translation>항구 파일 {path}에 대해 {action} 작업을 할 수 없습니다: {text}. 파일이 손상되었을 수 있습니다. 스냅숏에서 복원하거나 디스크를 점검하십시오.</translation>
    </message>
    <message>
      <location filename="../coal_monitor/store/connection.py" line="130" />
      <source>Cannot {action} in {path}: {exc}.</source>
      <translation>{path}에서 {action} 작업을 할 수 없습니다: {exc}.</translation>
    </message>
    <message>
      <location filename="../coal_monitor/store/connection.py" line="133" />
      <source>Cannot {action}: port file {path} is damaged ({exc}). Coal Monitor will not modify it; restore it from a snapshot or backup.</source>
      <translation>{action} 작업을 할 수 없습니다: 항구 파일 {path}이(가) 손상되었습니다({exc}). Coal Monitor는 이 파일을 고치지 않습니다. 스냅숏이나 백업에서 복원하십시오.</translation>
    </message>
    <message>
      <location filename="../coal_monitor/store/creation.py" line="227" />
      <source>Port file {path} already exists; Coal Monitor never overwrites a port file. Open it instead, or move it away first.</source>
      <translation>항구 파일 {path}이(가) 이미 있습니다. Coal Monitor는 항구 파일을 덮어쓰지 않습니다. 대신 그 파일을 열거나 먼저 다른 곳으로 옮기십시오.</translation>
    </message>
    <message>
      <location filename="../coal_monitor/store/creation.py" line="232" />
      <source>Cannot create port file {path}: the folder {folder} does not exist; create it first.</source>
      <translation>항구 파일 {path}을(를) 만들 수 없습니다: 폴더 {folder}이(가) 없습니다. 먼저 폴더를 만드십시오.</translation>
    </message>
    <message>
      <location filename="../coal_monitor/store/creation.py" line="238" />
      <source>Cannot create port file {path}: port {name!r}: {problem}.</source>
      <translation>항구 파일 {path}을(를) 만들 수 없습니다: 항구 {name!r}: {problem}.</translation>
    </message>
    <message>
      <location filename="../coal_monitor/store/creation.py" line="246" />
      <source>Port file {path} appeared while it was being created; it was left untouched.</source>
      <translation>항구 파일 {path}이(가) 만드는 동안 생겼습니다. 그 파일은 건드리지 않았습니다.</translation>
    </message>
    <message>
      <location filename="../coal_monitor/store/creation.py" line="249" />
      <source>Cannot create port file {path}: {exc}. Check the folder is writable and has space.</source>
      <translation>항구 파일 {path}을(를) 만들 수 없습니다: {exc}. 폴더에 쓸 수 있고 공간이 있는지 확인하십시오.</translation>
    </message>
    <message>
      <location filename="../coal_monitor/store/datafolder.py" line="72" />
      <source>No data folder given; choose a folder for the port files.</source>
      <translation>데이터 폴더를 주지 않았습니다. 항구 파일을 둘 폴더를 고르십시오.</translation>
    </message>
    <message>
      <location filename="../coal_monitor/store/datafolder.py" line="77" />
      <source>Data folder {folder!r} is relative but the project is not saved yet; save the project first or choose an absolute folder.</source>
      <translation>데이터 폴더 {folder!r}은(는) 상대 경로인데 프로젝트가 아직 저장되지 않았습니다. 먼저 프로젝트를 저장하거나 절대 경로의 폴더를 고르십시오.</translation>
    </message>
    <message>
      <location filename="../coal_monitor/store/datafolder.py" line="96" />
      <source>Data folder {path!r} is a file, not a folder; choose a folder.</source>
      <translation>데이터 폴더 {path!r}은(는) 폴더가 아니라 파일입니다. 폴더를 고르십시오.</translation>
    </message>
    <message>
      <location filename="../coal_monitor/store/datafolder.py" line="105" />
      <source>Coal Monitor cannot write port files in {path}: {reason}. Choose a folder you may write to (or change its permissions); the data folder was not changed.</source>
      <translation>Coal Monitor가 {path}에 항구 파일을 쓸 수 없습니다: {reason}. 쓸 수 있는 폴더를 고르거나 권한을 바꾸십시오. 데이터 폴더는 바뀌지 않았습니다.</translation>
    </message>
    <message>
      <location filename="../coal_monitor/store/datafolder.py" line="126" />
      <source>The project is not saved, so Coal Monitor does not know where to keep port files; save the project or choose a data folder.</source>
      <translation>프로젝트가 저장되지 않아 Coal Monitor가 항구 파일을 둘 곳을 모릅니다. 프로젝트를 저장하거나 데이터 폴더를 고르십시오.</translation>
    </message>
    <message>
      <location filename="../coal_monitor/store/datafolder.py" line="133" />
      <source>Cannot create the data folder {folder}: {reason}. Choose another folder.</source>
      <translation>데이터 폴더 {folder}을(를) 만들 수 없습니다: {reason}. 다른 폴더를 고르십시오.</translation>
    </message>
    <message>
      <location filename="../coal_monitor/store/footprint.py" line="36" />
      <source>The footprint cannot be read ({exc}); draw it again as a polygon.</source>
      <translation>바닥 윤곽을 읽을 수 없습니다({exc}). 다각형으로 다시 그리십시오.</translation>
    </message>
    <message>
      <location filename="../coal_monitor/store/footprint.py" line="38" />
      <source>The footprint is a {kind}, not a polygon geometry.</source>
      <translation>바닥 윤곽이 다각형 지오메트리가 아닌 {kind}입니다.</translation>
    </message>
    <message>
      <location filename="../coal_monitor/store/footprint.py" line="59" />
      <source>The footprint has no CRS; say which coordinate system its coordinates are in.</source>
      <translation>바닥 윤곽에 좌표계가 없습니다. 좌표가 어느 좌표계인지 지정하십시오.</translation>
    </message>
    <message>
      <location filename="../coal_monitor/store/footprint.py" line="65" />
      <source>The footprint's CRS is invalid; set the layer's or project's CRS.</source>
      <translation>바닥 윤곽의 좌표계가 올바르지 않습니다. 레이어나 프로젝트의 좌표계를 지정하십시오.</translation>
    </message>
    <message>
      <location filename="../coal_monitor/store/footprint.py" line="77" />
      <source>The footprint's CRS {source!r} is unknown to PROJ ({exc}).</source>
      <translation>PROJ가 바닥 윤곽의 좌표계 {source!r}을(를) 모릅니다({exc}).</translation>
    </message>
    <message>
      <location filename="../coal_monitor/store/footprint.py" line="96" />
      <source>The heap has no footprint; draw its outline first.</source>
      <translation>더미에 바닥 윤곽이 없습니다. 먼저 윤곽을 그리십시오.</translation>
    </message>
    <message>
      <location filename="../coal_monitor/store/footprint.py" line="100" />
      <source>The footprint has {parts} parts; a heap is one polygon: log each part as its own heap.</source>
      <translation>바닥 윤곽이 {parts}개 부분으로 되어 있습니다. 더미는 다각형 하나이니 부분마다 따로 더미로 기록하십시오.</translation>
    </message>
    <message>
      <location filename="../coal_monitor/store/footprint.py" line="104" />
      <source>The footprint is a {kind}, not a polygon; draw the heap's outline.</source>
      <translation>바닥 윤곽이 다각형이 아닌 {kind}입니다. 더미의 윤곽을 그리십시오.</translation>
    </message>
    <message>
      <location filename="../coal_monitor/store/footprint.py" line="107" />
      <source>The footprint is empty; draw the heap's outline.</source>
      <translation>바닥 윤곽이 비어 있습니다. 더미의 윤곽을 그리십시오.</translation>
    </message>
    <message>
      <location filename="../coal_monitor/store/footprint.py" line="115" />
      <source>The footprint cannot be placed in the port's CRS EPSG:{port_epsg}; check the footprint's CRS.</source>
      <translation>바닥 윤곽을 항구의 좌표계 EPSG:{port_epsg}에 놓을 수 없습니다. 바닥 윤곽의 좌표계를 확인하십시오.</translation>
    </message>
    <message>
      <location filename="../coal_monitor/store/layer_sync.py" line="66" />
      <source>Layer {layer!r} is not read from a port GeoPackage ({source}).</source>
      <translation>레이어 {layer!r}은(는) 항구 GeoPackage에서 읽은 것이 아닙니다({source}).</translation>
    </message>
    <message>
      <location filename="../coal_monitor/store/layer_sync.py" line="80" />
      <source>'height_m' is empty; enter the heap's height in metres.</source>
      <translation>'height_m'이(가) 비어 있습니다. 더미의 높이를 미터로 입력하십시오.</translation>
    </message>
    <message>
      <location filename="../coal_monitor/store/layer_sync.py" line="134" />
      <source>Not computed: {problem}</source>
      <translation>계산하지 않음: {problem}</translation>
    </message>
    <message>
      <location filename="../coal_monitor/store/layer_sync.py" line="184" />
      <source>it now belongs to image {scene_id}</source>
      <translation>이제 영상 {scene_id}에 속합니다</translation>
    </message>
    <message>
      <location filename="../coal_monitor/store/layer_sync.py" line="184" />
      <source>no logged image was acquired then, so it is no longer listed under any image</source>
      <translation>그 시각에 촬영된 기록 영상이 없으므로 더 이상 어느 영상에도 나오지 않습니다</translation>
    </message>
    <message>
      <location filename="../coal_monitor/store/layer_sync.py" line="187" />
      <source>observed_utc was set to {when}: {where}. To re-date an image with all its heaps, correct the scene (Edit scene) instead.</source>
      <translation>observed_utc가 {when}(으)로 바뀌었습니다: {where}. 영상의 날짜를 모든 더미와 함께 바꾸려면 대신 장면을 바로잡으십시오(장면 수정).</translation>
    </message>
    <message>
      <location filename="../coal_monitor/store/layer_sync.py" line="206" />
      <source>{path}: the times edited in the layer keep no 'Z' ({exc}); they are still read as UTC.</source>
      <translation>{path}: 레이어에서 편집한 시각에 'Z'가 붙지 않았습니다({exc}). 그래도 UTC로 읽습니다.</translation>
    </message>
    <message>
      <location filename="../coal_monitor/store/layer_sync.py" line="281" />
      <source>'observed_utc' is an invalid date-time; enter the image's time (UTC)</source>
      <translation>'observed_utc'이(가) 올바르지 않은 일시입니다. 영상의 시각(UTC)을 입력하십시오</translation>
    </message>
    <message>
      <location filename="../coal_monitor/store/layer_watch.py" line="86" />
      <source>{layer}: {exc}</source>
      <translation>{layer}: {exc}</translation>
    </message>
    <message>
      <location filename="../coal_monitor/store/migration.py" line="61" />
      <source>Cannot upgrade {path} to schema version {SCHEMA_VERSION}: {exc}. The file keeps its old version and all its heaps; check the folder is writable and has space, then open it again.</source>
      <translation>{path}을(를) 스키마 버전 {SCHEMA_VERSION}(으)로 업그레이드할 수 없습니다: {exc}. 파일은 이전 버전과 모든 더미를 그대로 유지합니다. 폴더에 쓸 수 있고 공간이 있는지 확인한 뒤 다시 여십시오.</translation>
    </message>
    <message>
      <location filename="../coal_monitor/store/migration.py" line="91" />
      <source>Cannot back up {path} before migrating it: {backup_path} already exists. Retry in a second.</source>
      <translation>이전하기 전에 {path}을(를) 백업할 수 없습니다: {backup_path}이(가) 이미 있습니다. 잠시 뒤 다시 시도하십시오.</translation>
    </message>
    <message>
      <location filename="../coal_monitor/store/migration.py" line="116" />
      <source>{path} is a GeoPackage but not a Coal Monitor port file (no table {absent}). Load it as an ordinary layer, or create the port's own file.</source>
      <translation>{path}은(는) GeoPackage이지만 Coal Monitor 항구 파일이 아닙니다({absent} 테이블 없음). 일반 레이어로 불러오거나 항구의 자체 파일을 만드십시오.</translation>
    </message>
    <message>
      <location filename="../coal_monitor/store/migration.py" line="121" />
      <source>{path}: its 'port' table must hold exactly one row with a schema_version; it has {rows} rows. The file was altered outside Coal Monitor; restore it from a backup.</source>
      <translation>{path}: 'port' 테이블에는 schema_version이 있는 행이 정확히 하나 있어야 하는데 {rows}개 있습니다. Coal Monitor 밖에서 파일이 바뀌었으니 백업에서 복원하십시오.</translation>
    </message>
    <message>
      <location filename="../coal_monitor/store/migration.py" line="126" />
      <source>{path} was written by a newer Coal Monitor (schema version {version}; this plugin reads up to {supported}). Update the Coal Monitor plugin to open it.</source>
      <translation>{path}은(는) 더 새로운 Coal Monitor가 썼습니다(스키마 버전 {version}; 이 플러그인은 {supported}까지 읽음). 열려면 Coal Monitor 플러그인을 업데이트하십시오.</translation>
    </message>
    <message>
      <location filename="../coal_monitor/store/migration.py" line="133" />
      <source>{path} lacks the columns {lacking} of schema version {version}; it was altered outside Coal Monitor. Restore it from a backup or snapshot.</source>
      <translation>{path}에 스키마 버전 {version}의 열 {lacking}이(가) 없습니다. Coal Monitor 밖에서 바뀌었습니다. 백업이나 스냅숏에서 복원하십시오.</translation>
    </message>
    <message>
      <location filename="../coal_monitor/store/migration.py" line="138" />
      <source>{path} uses the older schema version {version} and must be upgraded, but it is read-only. Copy it to a writable folder and open it again.</source>
      <translation>{path}은(는) 이전 스키마 버전 {version}을(를) 써서 업그레이드해야 하지만 읽기 전용입니다. 쓸 수 있는 폴더로 복사한 뒤 다시 여십시오.</translation>
    </message>
    <message>
      <location filename="../coal_monitor/store/pg_qgis.py" line="43" />
      <source>QGIS has no saved PostgreSQL connection named {name!r} (saved: {names}); add it in the Browser panel (PostgreSQL &gt; New Connection…) or choose another.</source>
      <translation>QGIS에 {name!r}(이)라는 저장된 PostgreSQL 연결이 없습니다 (저장된 연결: {names}). 탐색기 패널에서 추가하거나(PostgreSQL &gt; 새 연결…) 다른 연결을 고르십시오.</translation>
    </message>
    <message>
      <location filename="../coal_monitor/store/pg_qgis.py" line="58" />
      <source>The PostgreSQL connection {name!r} uses the authentication configuration {authcfg}, which QGIS's authentication manager cannot open (unknown id, or the master password was not given); check it under Settings &gt; Options &gt; Authentication.</source>
      <translation>PostgreSQL 연결 {name!r}은(는) 인증 설정 {authcfg}을(를) 사용하지만 QGIS 인증 관리자가 이를 열 수 없습니다 (알 수 없는 ID이거나 마스터 비밀번호가 입력되지 않음). 설정 &gt; 옵션 &gt; 인증에서 확인하십시오.</translation>
    </message>
    <message>
      <location filename="../coal_monitor/store/port_log.py" line="41" />
      <source>a port GeoPackage path (…/rason.gpkg), postgresql://USER[:PASSWORD]@HOST:PORT/DBNAME?schema=SLUG, or service=NAME schema=SLUG (a pg_service.conf entry; other libpq key=value pairs may follow)</source>
      <translation>항구 GeoPackage 경로(…/rason.gpkg), postgresql://USER[:PASSWORD]@HOST:PORT/DBNAME?schema=SLUG, 또는 service=NAME schema=SLUG (pg_service.conf 항목; 다른 libpq key=value 쌍이 뒤따를 수 있음)</translation>
    </message>
    <message>
      <location filename="../coal_monitor/store/port_log.py" line="83" />
      <source>The PostgreSQL connection option(s) {unknown} are not accepted in a port log location; use only libpq connection keywords such as host, port, dbname, user, service, sslmode.</source>
      <translation>PostgreSQL 연결 옵션 {unknown}은(는) 항구 기록 위치에 쓸 수 없습니다. host, port, dbname, user, service, sslmode 같은 libpq 연결 키워드만 사용하십시오.</translation>
    </message>
    <message>
      <location filename="../coal_monitor/store/port_log.py" line="95" />
      <source>The PostgreSQL port log {where} names no schema; add schema=SLUG, the slug of the port (e.g. schema=rason).</source>
      <translation>PostgreSQL 항구 기록 {where}에 스키마가 없습니다. 항구의 슬러그인 schema=SLUG를 추가하십시오 (예: schema=rason).</translation>
    </message>
    <message>
      <location filename="../coal_monitor/store/port_log.py" line="104" />
      <source>Schema {schema!r} cannot hold a team port log: {problem}</source>
      <translation>스키마 {schema!r}에는 팀 항구 기록을 둘 수 없습니다: {problem}</translation>
    </message>
    <message>
      <location filename="../coal_monitor/store/port_log.py" line="150" />
      <source>it is empty</source>
      <translation>비어 있습니다</translation>
    </message>
    <message>
      <location filename="../coal_monitor/store/port_log.py" line="155" />
      <source>only postgresql:// and postgres:// addresses name a team port log</source>
      <translation>postgresql:// 및 postgres:// 주소만 팀 항구 기록을 지정합니다</translation>
    </message>
    <message>
      <location filename="../coal_monitor/store/port_log.py" line="160" />
      <source>it is neither a .gpkg path nor a PostgreSQL connection</source>
      <translation>.gpkg 경로도 PostgreSQL 연결도 아닙니다</translation>
    </message>
    <message>
      <location filename="../coal_monitor/store/port_log.py" line="164" />
      <source>Port log {value!r} cannot be used: {reason}. Give {forms}.</source>
      <translation>항구 기록 {value!r}을(를) 사용할 수 없습니다: {reason}. 다음 중 하나를 주십시오: {forms}.</translation>
    </message>
    <message>
      <location filename="../coal_monitor/store/port_log.py" line="174" />
      <source>the address is malformed (the port is not a number up to 65535, or a '/', ':' or '@' in the user name or password is not percent-encoded as %2F, %3A, %40)</source>
      <translation>주소 형식이 잘못되었습니다 (포트가 65535 이하의 숫자가 아니거나, 사용자 이름이나 비밀번호의 '/', ':', '@'가 %2F, %3A, %40으로 인코딩되지 않음)</translation>
    </message>
    <message>
      <location filename="../coal_monitor/store/port_log.py" line="178" />
      <source>a PostgreSQL address has no #fragment</source>
      <translation>PostgreSQL 주소에는 #부분이 없습니다</translation>
    </message>
    <message>
      <location filename="../coal_monitor/store/port_log.py" line="190" />
      <source>the database name has a '/' in it (the schema goes in ?schema=SLUG)</source>
      <translation>데이터베이스 이름에 '/'가 있습니다 (스키마는 ?schema=SLUG에 씁니다)</translation>
    </message>
    <message>
      <location filename="../coal_monitor/store/port_log.py" line="205" />
      <source>it names no database (…/DBNAME?schema=SLUG)</source>
      <translation>데이터베이스를 지정하지 않았습니다 (…/DBNAME?schema=SLUG)</translation>
    </message>
    <message>
      <location filename="../coal_monitor/store/port_log.py" line="215" />
      <source>expected key=value pairs separated by spaces</source>
      <translation>공백으로 구분된 key=value 쌍이어야 합니다</translation>
    </message>
    <message>
      <location filename="../coal_monitor/store/port_log.py" line="220" />
      <source>schema is given twice</source>
      <translation>스키마가 두 번 주어졌습니다</translation>
    </message>
    <message>
      <location filename="../coal_monitor/store/port_log.py" line="224" />
      <source>an option is given twice</source>
      <translation>옵션이 두 번 주어졌습니다</translation>
    </message>
    <message>
      <location filename="../coal_monitor/store/port_log.py" line="227" />
      <source>it names no service=, dbname= or host=</source>
      <translation>service=, dbname=, host= 중 어느 것도 없습니다</translation>
    </message>
    <message>
      <location filename="../coal_monitor/store/port_log.py" line="244" />
      <source>a quoted value is not closed</source>
      <translation>따옴표로 묶은 값이 닫히지 않았습니다</translation>
    </message>
    <message>
      <location filename="../coal_monitor/store/port_log.py" line="280" />
      <source>Schema {schema!r} is not the schema of port {port}; a team port log is named by its port: use schema={slug}.</source>
      <translation>스키마 {schema!r}은(는) 항구 {port}의 스키마가 아닙니다. 팀 항구 기록은 그 항구의 이름을 따르므로 schema={slug}을(를) 사용하십시오.</translation>
    </message>
    <message>
      <location filename="../coal_monitor/store/port_log.py" line="290" />
      <source>Team port logs (PostgreSQL) need the Python module psycopg2 ({problem}); install python3-psycopg2 (Debian, Ubuntu) or psycopg2 into QGIS's Python.</source>
      <translation>팀 항구 기록(PostgreSQL)에는 Python 모듈 psycopg2가 필요합니다 ({problem}). python3-psycopg2(Debian, Ubuntu)를 설치하거나 QGIS의 Python에 psycopg2를 설치하십시오.</translation>
    </message>
    <message>
      <location filename="../coal_monitor/store/port_log.py" line="319" />
      <source>Cannot connect to the team database {where}: {problem}</source>
      <translation>팀 데이터베이스 {where}에 연결할 수 없습니다: {problem}</translation>
    </message>
    <message>
      <location filename="../coal_monitor/store/port_log_base.py" line="37" />
      <source>examined: no coal</source>
      <translation>검토 완료: 석탄 없음</translation>
    </message>
    <message>
      <location filename="../coal_monitor/store/port_log_base.py" line="66" />
      <source>log scene</source>
      <translation>장면 기록</translation>
    </message>
    <message>
      <location filename="../coal_monitor/store/port_log_base.py" line="69" />
      <source>Scene {scene_id!r} is already logged in {path}; use its scene_id for the heaps instead of logging it again.</source>
      <translation>장면 {scene_id!r}은(는) {path}에 이미 기록되어 있습니다. 다시 기록하지 말고 더미에 그 scene_id를 쓰십시오.</translation>
    </message>
    <message>
      <location filename="../coal_monitor/store/port_log_base.py" line="84" />
      <source>A scene's {unknown} cannot be corrected here; the fields that can are: {fields}.</source>
      <translation>장면의 {unknown}은(는) 여기서 바로잡을 수 없습니다. 바로잡을 수 있는 필드: {fields}.</translation>
    </message>
    <message>
      <location filename="../coal_monitor/store/port_log_base.py" line="89" />
      <source>No scene {scene_id!r} in {path}; it may have been deleted meanwhile.</source>
      <translation>{path}에 장면 {scene_id!r}이(가) 없습니다. 그 사이 삭제되었을 수 있습니다.</translation>
    </message>
    <message>
      <location filename="../coal_monitor/store/port_log_base.py" line="94" />
      <source>correct the scene</source>
      <translation>장면 수정</translation>
    </message>
    <message>
      <location filename="../coal_monitor/store/port_log_base.py" line="119" />
      <source>No scene {scene_id!r} in {path}; log the image before its coverage.</source>
      <translation>{path}에 장면 {scene_id!r}이(가) 없습니다. 촬영 범위보다 먼저 영상을 기록하십시오.</translation>
    </message>
    <message>
      <location filename="../coal_monitor/store/port_log_base.py" line="171" />
      <source>log heap</source>
      <translation>더미 기록</translation>
    </message>
    <message>
      <location filename="../coal_monitor/store/port_log_base.py" line="186" />
      <source>The footprint was measured in EPSG:{measured_epsg}, but {file} keeps heaps in EPSG:{port_epsg}; measure it again for this port.</source>
      <translation>바닥 윤곽은 EPSG:{measured_epsg}에서 쟀지만 {file}은(는) 더미를 EPSG:{port_epsg}로 보관합니다. 이 항구에 맞게 다시 재십시오.</translation>
    </message>
    <message>
      <location filename="../coal_monitor/store/port_log_base.py" line="208" />
      <source>update heap</source>
      <translation>더미 갱신</translation>
    </message>
    <message>
      <location filename="../coal_monitor/store/port_log_base.py" line="216" />
      <source>heap_uid of heap {heap_uid} cannot change; it identifies the heap for good.</source>
      <translation>더미 {heap_uid}의 heap_uid는 바꿀 수 없습니다. 이 값이 더미를 영구히 식별합니다.</translation>
    </message>
    <message>
      <location filename="../coal_monitor/store/port_log_base.py" line="230" />
      <source>delete heap</source>
      <translation>더미 삭제</translation>
    </message>
    <message>
      <location filename="../coal_monitor/store/port_log_base.py" line="276" />
      <source>verify heaps</source>
      <translation>더미 검증</translation>
    </message>
    <message>
      <location filename="../coal_monitor/store/port_log_base.py" line="290" />
      <source>recompute heap</source>
      <translation>더미 재계산</translation>
    </message>
    <message>
      <location filename="../coal_monitor/store/port_log_base.py" line="298" />
      <source>Heap {label} was changed outside Coal Monitor ({reason}); its numbers were recomputed.</source>
      <translation>더미 {label}이(가) Coal Monitor 밖에서 바뀌어({reason}) 수치를 다시 계산했습니다.</translation>
    </message>
    <message>
      <location filename="../coal_monitor/store/port_log_base.py" line="301" />
      <source>Heap {label} was changed outside Coal Monitor and cannot be recomputed: {problem}</source>
      <translation>더미 {label}이(가) Coal Monitor 밖에서 바뀌었으며 다시 계산할 수 없습니다: {problem}</translation>
    </message>
    <message>
      <location filename="../coal_monitor/store/port_log_base.py" line="358" />
      <source>{scene}: {note}</source>
      <translation>{scene}: {note}</translation>
    </message>
    <message>
      <location filename="../coal_monitor/store/port_log_base.py" line="373" />
      <source>coverage partial on {scenes}.</source>
      <translation>{scenes}의 촬영 범위가 부분적입니다.</translation>
    </message>
    <message>
      <location filename="../coal_monitor/store/port_log_base.py" line="411" />
      <source>CSV target {dest} already exists; choose a new file name.</source>
      <translation>CSV 대상 {dest}이(가) 이미 있습니다. 새 파일 이름을 고르십시오.</translation>
    </message>
    <message>
      <location filename="../coal_monitor/store/port_log_base.py" line="414" />
      <source>Cannot write CSV {dest}: {exc}.</source>
      <translation>CSV {dest}을(를) 쓸 수 없습니다: {exc}.</translation>
    </message>
    <message>
      <location filename="../coal_monitor/store/port_log_base.py" line="432" />
      <source>{table} has no field {unknown}; fields are: {fields}.</source>
      <translation>{table}에는 {unknown} 필드가 없습니다. 필드: {fields}.</translation>
    </message>
    <message>
      <location filename="../coal_monitor/store/port_log_base.py" line="449" />
      <source>{exc}.</source>
      <translation>{exc}.</translation>
    </message>
    <message>
      <location filename="../coal_monitor/store/port_log_base.py" line="456" />
      <source>'{name}' is {value!r}, not a number.</source>
      <translation>'{name}'은(는) 숫자가 아닌 {value!r}입니다.</translation>
    </message>
    <message>
      <location filename="../coal_monitor/store/port_log_base.py" line="460" />
      <source>{problem}.</source>
      <translation>{problem}.</translation>
    </message>
    <message>
      <location filename="../coal_monitor/store/port_log_base.py" line="467" />
      <source>{derived} cannot be set: Coal Monitor derives them from the footprint and the inputs (height, model, angle, density).</source>
      <translation>{derived}은(는) 설정할 수 없습니다: Coal Monitor가 바닥 윤곽과 입력값(높이, 모델, 각도, 밀도)으로 계산합니다.</translation>
    </message>
    <message>
      <location filename="../coal_monitor/store/port_log_base.py" line="480" />
      <source>A heap needs 'observed_utc', the date and time (UTC) of the image it was measured on; give it before logging the heap.</source>
      <translation>더미에는 'observed_utc', 즉 더미를 잰 영상의 촬영 일시(UTC)가 필요합니다. 더미를 기록하기 전에 입력하십시오.</translation>
    </message>
    <message>
      <location filename="../coal_monitor/store/port_log_base.py" line="483" />
      <source>A heap needs 'height_m', its height in metres; measure or enter it first.</source>
      <translation>더미에는 'height_m', 즉 미터 단위의 높이가 필요합니다. 먼저 재거나 입력하십시오.</translation>
    </message>
    <message>
      <location filename="../coal_monitor/store/port_log_base.py" line="495" />
      <source>Heap not logged to {file}: {exc}</source>
      <translation>{file}에 더미를 기록하지 않았습니다: {exc}</translation>
    </message>
    <message>
      <location filename="../coal_monitor/store/port_log_base.py" line="518" />
      <source>No heap {heap_uid!r} in {path}; it may have been deleted meanwhile.</source>
      <translation>{path}에 더미 {heap_uid!r}이(가) 없습니다. 그 사이 삭제되었을 수 있습니다.</translation>
    </message>
    <message>
      <location filename="../coal_monitor/store/port_log_base.py" line="544" />
      <source>Heap {heap} in {path} was changed by {who} at {when} (version {version}, you edited version {expected}); nothing was written. Reload the heap and make your change again.</source>
      <translation>{path}의 더미 {heap}은(는) {who}이(가) {when}에 변경했습니다(버전 {version}, 편집한 버전은 {expected}). 아무것도 기록되지 않았습니다. 더미를 다시 불러온 뒤 다시 변경하십시오.</translation>
    </message>
    <message>
      <location filename="../coal_monitor/store/portfile.py" line="76" />
      <source>open</source>
      <translation>열기</translation>
    </message>
    <message>
      <location filename="../coal_monitor/store/portfile.py" line="106" />
      <source>Snapshot target {dest} already exists; choose a new file name.</source>
      <translation>스냅숏 대상 {dest}이(가) 이미 있습니다. 새 파일 이름을 고르십시오.</translation>
    </message>
    <message>
      <location filename="../coal_monitor/store/portfile.py" line="113" />
      <source>snapshot</source>
      <translation>스냅숏</translation>
    </message>
    <message>
      <location filename="../coal_monitor/store/portfile.py" line="120" />
      <source>Snapshot target {dest} appeared meanwhile; it was left untouched.</source>
      <translation>스냅숏 대상 {dest}이(가) 그 사이 생겼습니다. 그 파일은 건드리지 않았습니다.</translation>
    </message>
    <message>
      <location filename="../coal_monitor/store/portfile.py" line="123" />
      <source>Cannot write snapshot {dest}: {exc}. Check the folder is writable.</source>
      <translation>스냅숏 {dest}을(를) 쓸 수 없습니다: {exc}. 폴더에 쓸 수 있는지 확인하십시오.</translation>
    </message>
    <message>
      <location filename="../coal_monitor/store/portfile.py" line="135" />
      <source>Port file {path} is closed; open it again to {action}.</source>
      <translation>항구 파일 {path}이(가) 닫혀 있습니다. {action} 작업을 하려면 다시 여십시오.</translation>
    </message>
    <message>
      <location filename="../coal_monitor/store/portfile.py" line="138" />
      <source>Cannot {action}: port file {path} is open read-only ({reason}). Copy it to a writable folder or fix its permissions, then open it again.</source>
      <translation>{action} 작업을 할 수 없습니다: 항구 파일 {path}이(가) 읽기 전용으로 열려 있습니다({reason}). 쓸 수 있는 폴더로 복사하거나 권한을 고친 뒤 다시 여십시오.</translation>
    </message>
    <message>
      <location filename="../coal_monitor/store/portfile.py" line="152" />
      <source>Port file {path} is closed; open it again.</source>
      <translation>항구 파일 {path}이(가) 닫혀 있습니다. 다시 여십시오.</translation>
    </message>
    <message>
      <location filename="../coal_monitor/store/portfile.py" line="163" />
      <source>record the time of the last change</source>
      <translation>마지막 변경 시각 기록</translation>
    </message>
    <message>
      <location filename="../coal_monitor/store/postgis.py" line="89" />
      <source>Team port logs need psycopg2 (Debian package python3-psycopg2, which QGIS depends on); install it and restart QGIS.</source>
      <translation>팀 항구 기록에는 psycopg2(QGIS가 의존하는 Debian 패키지 python3-psycopg2)가 필요합니다. 설치한 뒤 QGIS를 다시 시작하십시오.</translation>
    </message>
    <message>
      <location filename="../coal_monitor/store/postgis.py" line="104" />
      <source>Database {dbname!r} on {host} has no PostGIS; ask its administrator to run CREATE EXTENSION postgis; in it (package postgis on the server), then open {location} again.</source>
      <translation>{host}의 데이터베이스 {dbname!r}에 PostGIS가 없습니다. 관리자에게 그 데이터베이스에서 CREATE EXTENSION postgis;를 실행하도록 요청한 뒤(서버에 postgis 패키지 필요) {location}을(를) 다시 여십시오.</translation>
    </message>
    <message>
      <location filename="../coal_monitor/store/postgis.py" line="135" />
      <source>The database server {host} refused user {user!r}: wrong or missing password ({detail}). Check the user and password of the connection.</source>
      <translation>데이터베이스 서버 {host}이(가) 사용자 {user!r}를 거부했습니다: 비밀번호가 틀렸거나 없습니다({detail}). 연결의 사용자와 비밀번호를 확인하십시오.</translation>
    </message>
    <message>
      <location filename="../coal_monitor/store/postgis.py" line="138" />
      <source>The database server {host} has no database {dbname!r}. Check the database name, or ask the administrator to create it (with PostGIS).</source>
      <translation>데이터베이스 서버 {host}에 데이터베이스 {dbname!r}이(가) 없습니다. 데이터베이스 이름을 확인하거나 관리자에게 (PostGIS와 함께) 만들어 달라고 요청하십시오.</translation>
    </message>
    <message>
      <location filename="../coal_monitor/store/postgis.py" line="141" />
      <source>The database server {host} has no user {user!r}. Check the user name, or ask the administrator for an account.</source>
      <translation>데이터베이스 서버 {host}에 사용자 {user!r}이(가) 없습니다. 사용자 이름을 확인하거나 관리자에게 계정을 요청하십시오.</translation>
    </message>
    <message>
      <location filename="../coal_monitor/store/postgis.py" line="144" />
      <source>Cannot reach the database server {host} ({detail}). Check the host and port, that the server is running and that the network allows the connection.</source>
      <translation>데이터베이스 서버 {host}에 연결할 수 없습니다({detail}). 호스트와 포트, 서버 실행 여부, 네트워크가 연결을 허용하는지 확인하십시오.</translation>
    </message>
    <message>
      <location filename="../coal_monitor/store/postgis.py" line="147" />
      <source>Cannot connect to {location}: {detail}.</source>
      <translation>{location}에 연결할 수 없습니다: {detail}.</translation>
    </message>
    <message>
      <location filename="../coal_monitor/store/postgis.py" line="207" />
      <source>Cannot create port log {location}: port {name!r}: {problem}.</source>
      <translation>항구 기록 {location}을(를) 만들 수 없습니다: 항구 {name!r}: {problem}.</translation>
    </message>
    <message>
      <location filename="../coal_monitor/store/postgis.py" line="218" />
      <source>Port log {location} already exists; Coal Monitor never replaces a port log. Open it instead.</source>
      <translation>항구 기록 {location}이(가) 이미 있습니다. Coal Monitor는 항구 기록을 절대 바꾸지 않습니다. 대신 여십시오.</translation>
    </message>
    <message>
      <location filename="../coal_monitor/store/postgis.py" line="235" />
      <source>Cannot create port log {location}: {exc} Ask the administrator for the right to create schemas in the database (GRANT CREATE ON DATABASE); nothing was created.</source>
      <translation>항구 기록 {location}을(를) 만들 수 없습니다: {exc} 관리자에게 데이터베이스에 스키마를 만들 권한(GRANT CREATE ON DATABASE)을 요청하십시오. 아무것도 만들어지지 않았습니다.</translation>
    </message>
    <message>
      <location filename="../coal_monitor/store/postgis.py" line="266" />
      <source>There is no port log {location} (no schema {schema!r} with a port and heaps tables, or this user may not see it). Publish the port's GeoPackage there first, or check the schema name and the user's rights.</source>
      <translation>항구 기록 {location}이(가) 없습니다(port와 heaps 테이블이 있는 스키마 {schema!r}가 없거나 이 사용자가 볼 수 없습니다). 먼저 항구의 GeoPackage를 그곳에 게시하거나, 스키마 이름과 사용자 권한을 확인하십시오.</translation>
    </message>
    <message>
      <location filename="../coal_monitor/store/postgis.py" line="272" />
      <source>Port log {location} has schema version {version}, newer than this Coal Monitor reads ({supported}); update the plugin.</source>
      <translation>항구 기록 {location}의 스키마 버전 {version}은(는) 이 Coal Monitor가 읽을 수 있는 버전({supported})보다 새롭습니다. 플러그인을 업데이트하십시오.</translation>
    </message>
    <message>
      <location filename="../coal_monitor/store/postgis.py" line="292" />
      <source>Port log {path} is closed; open it again to {action}.</source>
      <translation>항구 기록 {path}이(가) 닫혀 있습니다. {action}하려면 다시 여십시오.</translation>
    </message>
    <message>
      <location filename="../coal_monitor/store/postgis.py" line="295" />
      <source>Cannot {action}: port log {path} is open read-only ({reason}). Ask the database administrator for write rights, then open it again.</source>
      <translation>{action}할 수 없습니다: 항구 기록 {path}이(가) 읽기 전용으로 열려 있습니다({reason}). 데이터베이스 관리자에게 쓰기 권한을 요청한 뒤 다시 여십시오.</translation>
    </message>
    <message>
      <location filename="../coal_monitor/store/postgis.py" line="322" />
      <source>Cannot {action} in {path}: another user is changing the same rows and did not finish within {timeout:g} s; nothing was written. Try again.</source>
      <translation>{path}에서 {action}할 수 없습니다: 다른 사용자가 같은 행을 변경 중이며 {timeout:g}초 안에 끝나지 않았습니다. 아무것도 기록되지 않았습니다. 다시 시도하십시오.</translation>
    </message>
    <message>
      <location filename="../coal_monitor/store/postgis.py" line="326" />
      <source>Cannot {action} in {path}: the database refused it ({exc}); nothing was written. Ask the administrator for write rights.</source>
      <translation>{path}에서 {action}할 수 없습니다: 데이터베이스가 거부했습니다({exc}). 아무것도 기록되지 않았습니다. 관리자에게 쓰기 권한을 요청하십시오.</translation>
    </message>
    <message>
      <location filename="../coal_monitor/store/postgis.py" line="329" />
      <source>Cannot {action} in {path}: {exc}. Nothing was written.</source>
      <translation>{path}에서 {action}할 수 없습니다: {exc}. 아무것도 기록되지 않았습니다.</translation>
    </message>
    <message>
      <location filename="../coal_monitor/store/postgis.py" line="334" />
      <source>Port log {path} is closed; open it again.</source>
      <translation>항구 기록 {path}이(가) 닫혀 있습니다. 다시 여십시오.</translation>
    </message>
    <message>
      <location filename="../coal_monitor/store/postgis.py" line="344" />
      <source>read</source>
      <translation>읽기</translation>
    </message>
    <message>
      <location filename="../coal_monitor/store/postgis_schema.py" line="53" />
      <source>{name!r} cannot name a port's schema: use the port's slug with '_' for '-' (lower-case letters and digits, single '_', starting with a letter, at most {limit} characters), e.g. 'nampho_nampo'. Nothing was created.</source>
      <translation>{name!r}은(는) 항구 스키마 이름이 될 수 없습니다: 항구 슬러그에서 '-'를 '_'로 바꾼 이름을 쓰십시오(영문 소문자와 숫자, '_'는 하나씩, 글자로 시작, 최대 {limit}자), 예: 'nampho_nampo'. 아무것도 만들어지지 않았습니다.</translation>
    </message>
    <message>
      <location filename="../coal_monitor/store/recompute.py" line="46" />
      <source>Cannot recompute {name}: {problem}.</source>
      <translation>{name}을(를) 다시 계산할 수 없습니다: {problem}.</translation>
    </message>
    <message>
      <location filename="../coal_monitor/store/recompute.py" line="49" />
      <source>Cannot recompute {name}: the density {density:g} t/m3 must lie within its band {low:g}-{high:g} t/m3; give DENSITY_LOW and DENSITY_HIGH that contain it.</source>
      <translation>{name}을(를) 다시 계산할 수 없습니다: 밀도 {density:g} t/m3은(는) 범위 {low:g}-{high:g} t/m3 안에 있어야 합니다. 이를 포함하는 DENSITY_LOW와 DENSITY_HIGH를 주십시오.</translation>
    </message>
    <message>
      <location filename="../coal_monitor/store/recompute.py" line="71" />
      <source>Heap {label!r} ({date}) cannot be recomputed: {exc} Nothing was changed.</source>
      <translation>더미 {label!r}({date})을(를) 다시 계산할 수 없습니다: {exc} 아무것도 바뀌지 않았습니다.</translation>
    </message>
    <message>
      <location filename="../coal_monitor/store/recompute.py" line="96" />
      <source>recompute every heap</source>
      <translation>모든 더미 재계산</translation>
    </message>
    <message>
      <location filename="../coal_monitor/store/recompute.py" line="100" />
      <source>Recompute of {path} cancelled; nothing was changed.</source>
      <translation>{path} 재계산을 취소했습니다. 아무것도 바뀌지 않았습니다.</translation>
    </message>
    <message>
      <location filename="../coal_monitor/store/schema.py" line="100" />
      <source>'{name}' is required</source>
      <translation>'{name}'은(는) 필수입니다</translation>
    </message>
    <message>
      <location filename="../coal_monitor/store/schema.py" line="102" />
      <source>'{name}' is {value!r}; use true or false</source>
      <translation>'{name}'은(는) {value!r}입니다. true 또는 false를 쓰십시오</translation>
    </message>
    <message>
      <location filename="../coal_monitor/store/schema.py" line="104" />
      <source>'{name}' is {value!r}; use one of {values}</source>
      <translation>'{name}'은(는) {value!r}입니다. {values} 중 하나를 쓰십시오</translation>
    </message>
    <message>
      <location filename="../coal_monitor/store/schema.py" line="110" />
      <source>'{name}' is {value!r}, not a number</source>
      <translation>'{name}'은(는) 숫자가 아닌 {value!r}입니다</translation>
    </message>
    <message>
      <location filename="../coal_monitor/store/schema.py" line="113" />
      <source>'{name}' is {value!r}; use a value above {low:g} to {high:g}</source>
      <translation>'{name}'은(는) {value!r}입니다. {low:g} 초과 {high:g} 이하의 값을 쓰십시오</translation>
    </message>
    <message>
      <location filename="../coal_monitor/store/schema.py" line="113" />
      <source>'{name}' is {value!r}; use a value from {low:g} to {high:g}</source>
      <translation>'{name}'은(는) {value!r}입니다. {low:g} 이상 {high:g} 이하의 값을 쓰십시오</translation>
    </message>
    <message>
      <location filename="../coal_monitor/store/sqltime.py" line="29" />
      <source>'{name}' is an invalid date-time; enter a date and time (UTC)</source>
      <translation>'{name}'이(가) 올바르지 않은 일시입니다. 날짜와 시각(UTC)을 입력하십시오</translation>
    </message>
    <message>
      <location filename="../coal_monitor/store/sqltime.py" line="45" />
      <source>'{name}' is {value!r}, not a date-time; use ISO 8601 such as 2024-04-02T02:31:00Z (UTC)</source>
      <translation>'{name}'은(는) 일시가 아닌 {value!r}입니다. 2024-04-02T02:31:00Z (UTC) 같은 ISO 8601을 쓰십시오</translation>
    </message>
    <message>
      <location filename="../coal_monitor/store/transfer.py" line="31" />
      <source>{source} logs port {source_port!r} but {target} logs {target_port!r}; nothing was copied.</source>
      <translation>{source}은(는) 항구 {source_port!r}를 기록하지만 {target}은(는) {target_port!r}를 기록합니다. 아무것도 복사되지 않았습니다.</translation>
    </message>
    <message>
      <location filename="../coal_monitor/store/vessel_log.py" line="40" />
      <source>{derived} cannot be set: Coal Monitor measures them on the hull outline and the ship class table.</source>
      <translation>{derived}은(는) 설정할 수 없습니다: Coal Monitor가 선체 윤곽과 선박 등급표로 잽니다.</translation>
    </message>
    <message>
      <location filename="../coal_monitor/store/vessel_log.py" line="46" />
      <source>A ship needs 'observed_utc', the date and time (UTC) of the image it was seen on.</source>
      <translation>선박에는 'observed_utc', 즉 선박이 보인 영상의 촬영 일시(UTC)가 필요합니다.</translation>
    </message>
    <message>
      <location filename="../coal_monitor/store/vessel_log.py" line="54" />
      <source>log ship</source>
      <translation>선박 기록</translation>
    </message>
    <message>
      <location filename="../coal_monitor/store/vessel_log.py" line="56" />
      <source>Vessel {vessel_uid} is already logged in {file}.</source>
      <translation>선박 {vessel_uid}은(는) {file}에 이미 기록되어 있습니다.</translation>
    </message>
    <message>
      <location filename="../coal_monitor/store/vessel_log.py" line="87" />
      <source>{fields} cannot be changed here.</source>
      <translation>{fields}은(는) 여기서 바꿀 수 없습니다.</translation>
    </message>
    <message>
      <location filename="../coal_monitor/store/vessel_log.py" line="96" />
      <source>update ship</source>
      <translation>선박 수정</translation>
    </message>
    <message>
      <location filename="../coal_monitor/store/vessel_log.py" line="124" />
      <source>measure the ship again</source>
      <translation>선박 다시 측정</translation>
    </message>
    <message>
      <location filename="../coal_monitor/store/vessel_log.py" line="132" />
      <source>delete ship</source>
      <translation>선박 삭제</translation>
    </message>
    <message>
      <location filename="../coal_monitor/store/vessel_log.py" line="134" />
      <source>No vessel {vessel_uid} in {file}; it may have been deleted meanwhile.</source>
      <translation>{file}에 선박 {vessel_uid}이(가) 없습니다. 그 사이 삭제되었을 수 있습니다.</translation>
    </message>
    <message>
      <location filename="../coal_monitor/store/vessel_log.py" line="172" />
      <source>Pile {pile_uid} is already heap {heap} on image {scene_id}; a pile is measured once per image. Give this heap a new pile, or adjust that heap.</source>
      <translation>더미 {pile_uid}은(는) 이미 영상 {scene_id}의 더미 {heap}입니다. 한 더미는 영상마다 한 번만 잽니다. 이 더미에 새 더미 식별을 주거나 그 더미를 고치십시오.</translation>
    </message>
  </context>
</TS>
