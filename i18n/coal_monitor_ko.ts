<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ko">
  <context>
    <name>CoalMonitor</name>
    <message>
      <location filename="../coal_monitor/gui/capture_tool.py" line="26" />
      <source>A heap outline needs at least {needed} corners; you clicked {clicked}. Click around the heap again and finish with a right click or Enter.</source>
      <translation>더미 윤곽에는 꼭짓점이 {needed}개 이상 필요합니다. 클릭한 꼭짓점은 {clicked}개입니다. 더미 둘레를 다시 클릭하고 오른쪽 클릭이나 Enter로 마치십시오.</translation>
    </message>
    <message>
      <location filename="../coal_monitor/gui/capture_tool.py" line="31" />
      <source>The outline has no area (all corners on one line). Click around the heap again.</source>
      <translation>윤곽의 면적이 없습니다(모든 꼭짓점이 한 직선 위에 있음). 더미 둘레를 다시 클릭하십시오.</translation>
    </message>
    <message>
      <location filename="../coal_monitor/gui/capture_tool.py" line="33" />
      <source>The outline crosses itself. Click the corners in order around the heap (clockwise or anticlockwise) without crossing an edge.</source>
      <translation>윤곽이 스스로 교차합니다. 변이 교차하지 않도록 더미 둘레의 꼭짓점을 차례로(시계 방향 또는 반시계 방향) 클릭하십시오.</translation>
    </message>
    <message>
      <location filename="../coal_monitor/gui/heap_form.py" line="25" />
      <source>Prism (walled bin)</source>
      <translation>각기둥(벽으로 둘러싼 저탄장)</translation>
    </message>
    <message>
      <location filename="../coal_monitor/gui/heap_form.py" line="26" />
      <source>Cone</source>
      <translation>원뿔</translation>
    </message>
    <message>
      <location filename="../coal_monitor/gui/heap_form.py" line="28" />
      <source>Repose-capped pile: free-standing heap, slopes at the angle of repose, flat top where the outline is wide (any outline).
Prism: coal held by walls (bins, bunkers): area x height.
Cone: a single conical pile.</source>
      <translation>안식각 제한 더미: 독립된 더미로, 사면은 안식각을 따르고 윤곽이 넓은 곳은 윗면이 평평합니다(모든 윤곽).
각기둥: 벽(저탄장, 벙커)에 담긴 석탄: 면적 × 높이.
원뿔: 원뿔 모양의 단일 더미.</translation>
    </message>
    <message>
      <location filename="../coal_monitor/gui/heap_form.py" line="35" />
      <source>Confirmed</source>
      <translation>확인됨</translation>
    </message>
    <message>
      <location filename="../coal_monitor/gui/heap_form.py" line="36" />
      <source>Probable</source>
      <translation>가능성 높음</translation>
    </message>
    <message>
      <location filename="../coal_monitor/gui/heap_form.py" line="37" />
      <source>Possible</source>
      <translation>가능성 있음</translation>
    </message>
    <message>
      <location filename="../coal_monitor/gui/heap_form.py" line="38" />
      <source>High</source>
      <translation>높음</translation>
    </message>
    <message>
      <location filename="../coal_monitor/gui/heap_form.py" line="39" />
      <source>Moderate</source>
      <translation>보통</translation>
    </message>
    <message>
      <location filename="../coal_monitor/gui/heap_form.py" line="40" />
      <source>Low</source>
      <translation>낮음</translation>
    </message>
    <message>
      <location filename="../coal_monitor/gui/heap_form.py" line="59" />
      <source>Height of the heap above its base, in metres.</source>
      <translation>더미 바닥에서 잰 높이(미터).</translation>
    </message>
    <message>
      <location filename="../coal_monitor/gui/heap_form.py" line="60" />
      <source>One-sigma uncertainty of the height (widens the ranges).</source>
      <translation>높이의 1시그마 불확도(범위를 넓힙니다).</translation>
    </message>
    <message>
      <location filename="../coal_monitor/gui/heap_form.py" line="68" />
      <source>Height</source>
      <translation>높이</translation>
    </message>
    <message>
      <location filename="../coal_monitor/gui/heap_form.py" line="78" />
      <source>Model</source>
      <translation>모델</translation>
    </message>
    <message>
      <location filename="../coal_monitor/gui/heap_form.py" line="87" />
      <source>density</source>
      <translation>밀도</translation>
    </message>
    <message>
      <location filename="../coal_monitor/gui/heap_form.py" line="89" />
      <source>Angle of repose of the coal (the port's default; change it for this heap).</source>
      <translation>석탄의 안식각(항구 기본값이며, 이 더미에 대해 바꿀 수 있습니다).</translation>
    </message>
    <message>
      <location filename="../coal_monitor/gui/heap_form.py" line="90" />
      <source>Bulk density of the coal (the port's default; the range scales with it).</source>
      <translation>석탄의 겉보기 밀도(항구 기본값이며, 범위도 이에 비례합니다).</translation>
    </message>
    <message>
      <location filename="../coal_monitor/gui/heap_form.py" line="91" />
      <source>Repose</source>
      <translation>안식각</translation>
    </message>
    <message>
      <location filename="../coal_monitor/gui/heap_form.py" line="95" />
      <source>pier or yard</source>
      <translation>부두 또는 야적장</translation>
    </message>
    <message>
      <location filename="../coal_monitor/gui/heap_form.py" line="96" />
      <source>Pier</source>
      <translation>부두</translation>
    </message>
    <message>
      <location filename="../coal_monitor/gui/heap_form.py" line="99" />
      <source>short name of the heap (optional)</source>
      <translation>더미의 짧은 이름(선택)</translation>
    </message>
    <message>
      <location filename="../coal_monitor/gui/heap_form.py" line="100" />
      <source>Label</source>
      <translation>이름표</translation>
    </message>
    <message>
      <location filename="../coal_monitor/gui/heap_form.py" line="103" />
      <source>Identification: how sure it is coal.</source>
      <translation>식별: 석탄이라고 얼마나 확신하는지.</translation>
    </message>
    <message>
      <location filename="../coal_monitor/gui/heap_form.py" line="105" />
      <source>Confidence in the measurement.</source>
      <translation>측정에 대한 신뢰도.</translation>
    </message>
    <message>
      <location filename="../coal_monitor/gui/heap_form.py" line="108" />
      <source>confidence</source>
      <translation>신뢰도</translation>
    </message>
    <message>
      <location filename="../coal_monitor/gui/heap_form.py" line="110" />
      <source>Coal</source>
      <translation>석탄</translation>
    </message>
    <message>
      <location filename="../coal_monitor/gui/heap_form.py" line="114" />
      <source>notes</source>
      <translation>메모</translation>
    </message>
    <message>
      <location filename="../coal_monitor/gui/heap_form.py" line="116" />
      <source>Notes</source>
      <translation>메모</translation>
    </message>
    <message>
      <location filename="../coal_monitor/gui/prompts.py" line="96" />
      <source>New port</source>
      <translation>새 항구</translation>
    </message>
    <message>
      <location filename="../coal_monitor/gui/prompts.py" line="105" />
      <source>Name</source>
      <translation>이름</translation>
    </message>
    <message>
      <location filename="../coal_monitor/gui/prompts.py" line="106" />
      <source>Latitude</source>
      <translation>위도</translation>
    </message>
    <message>
      <location filename="../coal_monitor/gui/prompts.py" line="107" />
      <source>Longitude</source>
      <translation>경도</translation>
    </message>
    <message>
      <location filename="../coal_monitor/gui/prompts.py" line="108" />
      <source>Pick on the map…</source>
      <translation>지도에서 선택…</translation>
    </message>
    <message>
      <location filename="../coal_monitor/gui/prompts.py" line="113" />
      <source>Use the centre of the map</source>
      <translation>지도 중심 사용</translation>
    </message>
    <message>
      <location filename="../coal_monitor/gui/prompts.py" line="117" />
      <source>Angle of repose</source>
      <translation>안식각</translation>
    </message>
    <message>
      <location filename="../coal_monitor/gui/prompts.py" line="118" />
      <source>Bulk density</source>
      <translation>겉보기 밀도</translation>
    </message>
    <message>
      <location filename="../coal_monitor/gui/result_text.py" line="11" />
      <source>repose-capped pile</source>
      <translation>안식각 제한 더미</translation>
    </message>
    <message>
      <location filename="../coal_monitor/gui/result_text.py" line="12" />
      <source>prism (walled bin)</source>
      <translation>각기둥(벽으로 둘러싼 저탄장)</translation>
    </message>
    <message>
      <location filename="../coal_monitor/gui/result_text.py" line="13" />
      <source>cone</source>
      <translation>원뿔</translation>
    </message>
    <message>
      <location filename="../coal_monitor/gui/result_text.py" line="38" />
      <source>Volume {volume} m³</source>
      <translation>부피 {volume} m³</translation>
    </message>
    <message>
      <location filename="../coal_monitor/gui/result_text.py" line="39" />
      <source>(range {range})</source>
      <translation>(범위 {range})</translation>
    </message>
    <message>
      <location filename="../coal_monitor/gui/result_text.py" line="40" />
      <source>Area {area} m² · height {height}</source>
      <translation>면적 {area} m² · 높이 {height}</translation>
    </message>
    <message>
      <location filename="../coal_monitor/gui/result_text.py" line="41" />
      <source> · tallest pile this outline holds {height:.1f} m</source>
      <translation> · 이 윤곽에 쌓을 수 있는 최대 높이 {height:.1f} m</translation>
    </message>
    <message>
      <location filename="../coal_monitor/gui/result_text.py" line="47" />
      <source>Method: {method}</source>
      <translation>방법: {method}</translation>
    </message>
    <message>
      <location filename="../coal_monitor/gui/result_text.py" line="54" />
      <source>Drawing</source>
      <translation>그리는 중</translation>
    </message>
    <message>
      <location filename="../coal_monitor/gui/result_text.py" line="54" />
      <source>area {area} m²</source>
      <translation>면적 {area} m²</translation>
    </message>
    <message>
      <location filename="../coal_monitor/gui/result_text.py" line="56" />
      <source>at {height:.1f} m: {volume} m³,</source>
      <translation>높이 {height:.1f} m에서: {volume} m³,</translation>
    </message>
    <message>
      <location filename="../coal_monitor/gui/result_text.py" line="63" />
      <source>Click corners; right click or Enter finishes, Backspace removes a corner, Esc cancels.</source>
      <translation>꼭짓점을 클릭하십시오. 오른쪽 클릭이나 Enter로 마치고, Backspace로 꼭짓점을 지우고, Esc로 취소합니다.</translation>
    </message>
    <message>
      <location filename="../coal_monitor/gui/shadow_controller.py" line="95" />
      <source>No scene for the shadow tool: choose the image and its metadata (sun and satellite angles) first, or enter the height by hand.</source>
      <translation>그림자 도구에 쓸 장면이 없습니다. 먼저 영상과 그 메타데이터(태양 및 위성 각도)를 고르거나 높이를 직접 입력하십시오.</translation>
    </message>
    <message>
      <location filename="../coal_monitor/gui/shadow_controller.py" line="107" />
      <source>“From the pile's foot” needs a flank at the angle of repose; a walled bin has none. Click the top of the wall, then its shadow's tip.</source>
      <translation>“더미 발치에서”에는 안식각을 이루는 사면이 필요한데, 벽으로 둘러싼 저탄장에는 없습니다. 벽 꼭대기를 클릭한 다음 그 그림자 끝을 클릭하십시오.</translation>
    </message>
    <message>
      <location filename="../coal_monitor/gui/shadow_controller.py" line="164" />
      <source>No ground shadow predicted: a {model} heap {height:g} m high casts none beyond its footprint with the sun at {elevation:.1f} deg.</source>
      <translation>지면 그림자가 예측되지 않습니다. 태양 고도 {elevation:.1f}도에서 높이 {height:g} m의 {model} 더미는 바닥 윤곽 밖으로 그림자를 드리우지 않습니다.</translation>
    </message>
    <message>
      <location filename="../coal_monitor/gui/shadow_controller.py" line="175" />
      <source>No scene for the predicted shadow: choose the image and its metadata first.</source>
      <translation>예측 그림자에 쓸 장면이 없습니다. 먼저 영상과 그 메타데이터를 고르십시오.</translation>
    </message>
    <message>
      <location filename="../coal_monitor/gui/shadow_controller.py" line="177" />
      <source>The predicted shadow needs a heap outline: draw the heap first.</source>
      <translation>예측 그림자에는 더미 윤곽이 필요합니다. 먼저 더미를 그리십시오.</translation>
    </message>
    <message>
      <location filename="../coal_monitor/gui/trends.py" line="47" />
      <source>Total</source>
      <translation>합계</translation>
    </message>
    <message>
      <location filename="../coal_monitor/gui/trends.py" line="48" />
      <source>By pier</source>
      <translation>부두별</translation>
    </message>
    <message>
      <location filename="../coal_monitor/gui/trends.py" line="49" />
      <source>Sum all heaps per date, or show each pier separately</source>
      <translation>날짜별로 모든 더미를 합산하거나 부두마다 따로 표시</translation>
    </message>
    <message>
      <location filename="../coal_monitor/gui/trends.py" line="115" />
      <source>No port selected.</source>
      <translation>선택한 항구가 없습니다.</translation>
    </message>
    <message>
      <location filename="../coal_monitor/plugin.py" line="49" />
      <source>Show or hide the Coal Monitor panel</source>
      <translation>Coal Monitor 패널 표시 또는 숨기기</translation>
    </message>
    <message>
      <location filename="../coal_monitor/processing/base.py" line="6" />
      <source>Heaps</source>
      <translation>저탄 더미</translation>
    </message>
    <message>
      <location filename="../coal_monitor/processing/base.py" line="7" />
      <source>Port logs</source>
      <translation>항구 기록</translation>
    </message>
    <message>
      <location filename="../coal_monitor/processing/heapvolumes.py" line="37" />
      <source>Repose-capped pile</source>
      <translation>안식각 제한 더미</translation>
    </message>
    <message>
      <location filename="../coal_monitor/processing/heapvolumes.py" line="37" />
      <source>Prism (vertical walls)</source>
      <translation>각기둥(수직 벽)</translation>
    </message>
    <message>
      <location filename="../coal_monitor/processing/heapvolumes.py" line="38" />
      <source>Cone (1/3)</source>
      <translation>원뿔(1/3)</translation>
    </message>
    <message>
      <location filename="../coal_monitor/processing/heapvolumes.py" line="80" />
      <source>Compute coal heap volumes</source>
      <translation>석탄 더미 부피 계산</translation>
    </message>
    <message>
      <location filename="../coal_monitor/processing/heapvolumes.py" line="82" />
      <source>Volume and tonnage of each heap footprint from its height, with low/high ranges. Repose model: z = min(H, tan(angle) × distance to the edge); prism: area × height; cone: area × height / 3. Area is computed on the ellipsoid whatever the layer's CRS. A footprint or height the engine refuses gets null numbers and its reason in volume_note.</source>
      <translation>각 더미 바닥 윤곽의 높이로부터 부피와 톤수를 하한/상한 범위와 함께 계산합니다. 안식각 모델: z = min(H, tan(안식각) × 가장자리까지의 거리); 각기둥: 면적 × 높이; 원뿔: 면적 × 높이 / 3. 면적은 레이어의 좌표계와 관계없이 타원체 위에서 계산합니다. 엔진이 거부한 윤곽이나 높이는 값이 null이 되고 그 이유가 volume_note에 기록됩니다.</translation>
    </message>
    <message>
      <location filename="../coal_monitor/processing/heapvolumes.py" line="90" />
      <location filename="../coal_monitor/processing/importheaps.py" line="80" />
      <source>Heap footprints</source>
      <translation>더미 바닥 윤곽</translation>
    </message>
    <message>
      <location filename="../coal_monitor/processing/heapvolumes.py" line="92" />
      <location filename="../coal_monitor/processing/importheaps.py" line="86" />
      <source>Height field (m)</source>
      <translation>높이 필드(m)</translation>
    </message>
    <message>
      <location filename="../coal_monitor/processing/heapvolumes.py" line="95" />
      <source>Height uncertainty field (± m)</source>
      <translation>높이 불확도 필드(± m)</translation>
    </message>
    <message>
      <location filename="../coal_monitor/processing/heapvolumes.py" line="98" />
      <source>Pile model</source>
      <translation>더미 모델</translation>
    </message>
    <message>
      <location filename="../coal_monitor/processing/heapvolumes.py" line="104" />
      <source>Heap volumes</source>
      <translation>더미 부피</translation>
    </message>
    <message>
      <location filename="../coal_monitor/processing/heapvolumes.py" line="106" />
      <source>Features without a volume</source>
      <translation>부피가 없는 피처</translation>
    </message>
    <message>
      <location filename="../coal_monitor/processing/importheaps.py" line="55" />
      <source>Import heaps into a port log</source>
      <translation>항구 기록으로 더미 가져오기</translation>
    </message>
    <message>
      <location filename="../coal_monitor/processing/importheaps.py" line="57" />
      <source>Logs every polygon of the input layer (any CRS) as a heap in the port's GeoPackage, computing volume and tonnage with the port's coal defaults (angle of repose, density band, pile model) from the port registry. Height comes from HEIGHT_FIELD (metres), its uncertainty optionally from HEIGHT_SIGMA_FIELD, the observation time (UTC) from DATE_FIELD and the image from SCENE_FIELD. The port file is OUTPUT, or &lt;DATA_FOLDER&gt;/&lt;port slug&gt;.gpkg, or the project's data folder; it is created when missing. Features that cannot be heaps are skipped and listed with the reason. Each heap is written whole in its own transaction, so cancelling keeps every heap imported so far and no partial one.</source>
      <translation>입력 레이어(좌표계 무관)의 모든 폴리곤을 항구 GeoPackage에 더미로 기록하며, 항구 등록부의 석탄 기본값(안식각, 밀도 범위, 더미 모델)으로 부피와 톤수를 계산합니다. 높이는 HEIGHT_FIELD(미터)에서, 그 불확도는 선택적으로 HEIGHT_SIGMA_FIELD에서, 관측 시각(UTC)은 DATE_FIELD에서, 영상은 SCENE_FIELD에서 가져옵니다. 항구 파일은 OUTPUT, 또는 &lt;DATA_FOLDER&gt;/&lt;항구 slug&gt;.gpkg, 또는 프로젝트의 데이터 폴더이며, 없으면 새로 만듭니다. 더미가 될 수 없는 피처는 건너뛰고 그 이유와 함께 나열합니다. 각 더미는 자체 트랜잭션으로 온전히 기록되므로, 취소해도 그때까지 가져온 더미는 모두 남고 일부만 기록된 더미는 없습니다.</translation>
    </message>
    <message>
      <location filename="../coal_monitor/processing/importheaps.py" line="82" />
      <source>Port (name in the port registry)</source>
      <translation>항구(항구 등록부의 이름)</translation>
    </message>
    <message>
      <location filename="../coal_monitor/processing/importheaps.py" line="83" />
      <source>Data folder (default: the project's)</source>
      <translation>데이터 폴더(기본값: 프로젝트의 폴더)</translation>
    </message>
    <message>
      <location filename="../coal_monitor/processing/importheaps.py" line="89" />
      <source>Height uncertainty field (m, one sigma)</source>
      <translation>높이 불확도 필드(m, 1시그마)</translation>
    </message>
    <message>
      <location filename="../coal_monitor/processing/importheaps.py" line="93" />
      <source>Observation date/time field (UTC)</source>
      <translation>관측 날짜/시각 필드(UTC)</translation>
    </message>
    <message>
      <location filename="../coal_monitor/processing/importheaps.py" line="95" />
      <source>Scene id field</source>
      <translation>장면 ID 필드</translation>
    </message>
    <message>
      <location filename="../coal_monitor/processing/importheaps.py" line="97" />
      <location filename="../coal_monitor/processing/recomputevolumes.py" line="146" />
      <source>Port GeoPackage</source>
      <translation>항구 GeoPackage</translation>
    </message>
    <message>
      <location filename="../coal_monitor/processing/importheaps.py" line="99" />
      <source>Heaps imported</source>
      <translation>가져온 더미</translation>
    </message>
    <message>
      <location filename="../coal_monitor/processing/importheaps.py" line="100" />
      <source>Features skipped</source>
      <translation>건너뛴 피처</translation>
    </message>
    <message>
      <location filename="../coal_monitor/processing/portreport.py" line="16" />
      <source>Port report (PDF)</source>
      <translation>항구 보고서(PDF)</translation>
    </message>
    <message>
      <location filename="../coal_monitor/processing/portreport.py" line="18" />
      <source>Writes a one-page PDF about a port: the latest image with its heaps and a scale bar, the tonnage per observation date with its range, a table of dates, the method and defaults used, and the imagery attribution recorded with the scenes.</source>
      <translation>항구에 관한 한 쪽짜리 PDF를 작성합니다: 최신 영상과 그 위의 더미 및 축척 막대, 관측 날짜별 톤수와 그 범위, 날짜 표, 사용한 방법과 기본값, 장면과 함께 기록된 영상 출처 표시.</translation>
    </message>
    <message>
      <location filename="../coal_monitor/processing/portreport.py" line="33" />
      <source>Report</source>
      <translation>보고서</translation>
    </message>
    <message>
      <location filename="../coal_monitor/processing/porttimeseries.py" line="33" />
      <source>Port time series (tonnage per date)</source>
      <translation>항구 시계열(날짜별 톤수)</translation>
    </message>
    <message>
      <location filename="../coal_monitor/processing/porttimeseries.py" line="35" />
      <source>Sums the heaps logged in a port's GeoPackage per observation date (UTC), in total or per pier: number of heaps, footprint area, volume and tonnage with their low and high ends. The low and high ends are sums of the heaps' ranges. The same numbers as the Coal Monitor dock's trend chart.</source>
      <translation>항구 GeoPackage에 기록된 더미를 관측 날짜(UTC)별로 전체 또는 부두별로 합산합니다: 더미 수, 바닥 면적, 부피와 톤수 및 그 하한과 상한. 하한과 상한은 각 더미 범위의 합입니다. Coal Monitor 패널의 추세 차트와 같은 수치입니다.</translation>
    </message>
    <message>
      <location filename="../coal_monitor/processing/porttimeseries.py" line="47" />
      <source>One row per pier</source>
      <translation>부두마다 한 행</translation>
    </message>
    <message>
      <location filename="../coal_monitor/processing/porttimeseries.py" line="48" />
      <source>Time series</source>
      <translation>시계열</translation>
    </message>
    <message>
      <location filename="../coal_monitor/processing/recomputevolumes.py" line="122" />
      <source>Recompute heap volumes</source>
      <translation>더미 부피 다시 계산</translation>
    </message>
    <message>
      <location filename="../coal_monitor/processing/recomputevolumes.py" line="124" />
      <source>Recomputes the volume and tonnage of every heap in a port's GeoPackage, optionally with a new angle of repose and density for the whole port (written into every heap and recorded as the port's defaults). All or nothing: if any heap cannot be computed, or you cancel, the file is left exactly as it was.</source>
      <translation>항구 GeoPackage에 있는 모든 더미의 부피와 톤수를 다시 계산하며, 선택적으로 항구 전체에 새 안식각과 밀도를 적용합니다(모든 더미에 기록되고 항구 기본값으로 저장됨). 전부 아니면 전무: 계산할 수 없는 더미가 하나라도 있거나 취소하면 파일은 원래 그대로 남습니다.</translation>
    </message>
    <message>
      <location filename="../coal_monitor/processing/recomputevolumes.py" line="147" />
      <source>Heaps recomputed</source>
      <translation>다시 계산한 더미</translation>
    </message>
  </context>
</TS>
