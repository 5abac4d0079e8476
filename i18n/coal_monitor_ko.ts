<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ko">
  <context>
    <name>CoalMonitor</name>
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
      <location filename="../coal_monitor/gui/dock.py" line="37" />
      <source>Pick the port and the image, press “Draw heap on the map” and click the heap's corners.</source>
      <translation>항구와 영상을 고르고 “지도에 더미 그리기”를 누른 뒤 더미의 꼭짓점을 클릭하십시오.</translation>
    </message>
    <message>
      <location filename="../coal_monitor/gui/dock.py" line="226" />
      <source>Finish the heap's outline first (right click or Enter), then measure its shadow.</source>
      <translation>먼저 더미 윤곽을 마치고(오른쪽 클릭 또는 Enter) 그림자를 재십시오.</translation>
    </message>
    <message>
      <location filename="../coal_monitor/gui/dock.py" line="236" />
      <source>Height from the shadow: {height} ± {sigma} m.</source>
      <translation>그림자로 잰 높이: {height} ± {sigma} m.</translation>
    </message>
    <message>
      <location filename="../coal_monitor/gui/dock.py" line="296" />
      <source>Save changes to this heap</source>
      <translation>이 더미의 변경 저장</translation>
    </message>
    <message>
      <location filename="../coal_monitor/gui/dock.py" line="322" />
      <source>Logged {tonnes} t. Draw the next heap of this image.</source>
      <translation>{tonnes} t을 기록했습니다. 이 영상의 다음 더미를 그리십시오.</translation>
    </message>
    <message>
      <location filename="../coal_monitor/gui/dock.py" line="322" />
      <source>Saved changes to {tonnes} t. Draw the next heap of this image.</source>
      <translation>{tonnes} t으로 변경을 저장했습니다. 이 영상의 다음 더미를 그리십시오.</translation>
    </message>
    <message>
      <location filename="../coal_monitor/gui/dock_layout.py" line="37" />
      <source>Port and image</source>
      <translation>항구와 영상</translation>
    </message>
    <message>
      <location filename="../coal_monitor/gui/dock_layout.py" line="42" />
      <source>New port…</source>
      <translation>새 항구…</translation>
    </message>
    <message>
      <location filename="../coal_monitor/gui/dock_layout.py" line="44" />
      <source>Port</source>
      <translation>항구</translation>
    </message>
    <message>
      <location filename="../coal_monitor/gui/dock_layout.py" line="47" />
      <source>Data folder…</source>
      <translation>데이터 폴더…</translation>
    </message>
    <message>
      <location filename="../coal_monitor/gui/dock_layout.py" line="49" />
      <source>Choose the folder that holds the port logs (GeoPackages); it is kept in the project, relative to the project file.</source>
      <translation>항구 기록(GeoPackage)을 둘 폴더를 고르십시오. 프로젝트 파일을 기준으로 한 상대 경로로 프로젝트에 저장됩니다.</translation>
    </message>
    <message>
      <location filename="../coal_monitor/gui/dock_layout.py" line="60" />
      <source>Metadata…</source>
      <translation>메타데이터…</translation>
    </message>
    <message>
      <location filename="../coal_monitor/gui/dock_layout.py" line="62" />
      <source>Read the image's acquisition time, sun and view angles from a metadata file (DIMAP, IMD, Planet or STAC JSON) that is not beside the image</source>
      <translation>영상 옆에 없는 메타데이터 파일(DIMAP, IMD, Planet 또는 STAC JSON)에서 영상의 촬영 시각, 태양각과 관측각을 읽습니다</translation>
    </message>
    <message>
      <location filename="../coal_monitor/gui/dock_layout.py" line="64" />
      <source>Image</source>
      <translation>영상</translation>
    </message>
    <message>
      <location filename="../coal_monitor/gui/dock_layout.py" line="74" />
      <source>Edit scene…</source>
      <translation>장면 수정…</translation>
    </message>
    <message>
      <location filename="../coal_monitor/gui/dock_layout.py" line="76" />
      <source>Correct the image's date and time, sensor, source and ground resolution; every heap of the image follows</source>
      <translation>영상의 촬영 일시, 센서, 출처와 지상 해상도를 바로잡습니다. 이 영상의 모든 더미가 따라 바뀝니다</translation>
    </message>
    <message>
      <location filename="../coal_monitor/gui/dock_layout.py" line="84" />
      <source>Heap</source>
      <translation>더미</translation>
    </message>
    <message>
      <location filename="../coal_monitor/gui/dock_layout.py" line="86" />
      <source>Draw heap on the map</source>
      <translation>지도에 더미 그리기</translation>
    </message>
    <message>
      <location filename="../coal_monitor/gui/dock_layout.py" line="88" />
      <source>Click the heap's corners; right click or Enter finishes, Backspace removes the last corner, Esc cancels.</source>
      <translation>더미의 꼭짓점을 클릭하십시오. 오른쪽 클릭 또는 Enter로 마치고, Backspace는 마지막 꼭짓점을 지우며, Esc는 취소합니다.</translation>
    </message>
    <message>
      <location filename="../coal_monitor/gui/dock_layout.py" line="92" />
      <source>Trace…</source>
      <translation>추적…</translation>
    </message>
    <message>
      <location filename="../coal_monitor/gui/dock_layout.py" line="94" />
      <source>Click inside a heap on the image: its outline is traced from the pixels. Wheel or +/- changes the tolerance, a second click adds a region, Shift+click removes one; Enter or right click accepts, Esc cancels.</source>
      <translation>영상에서 더미 안쪽을 클릭하면 화소로부터 윤곽을 추적합니다. 휠 또는 +/-로 허용치를 바꾸고, 다시 클릭하면 영역을 더하며, Shift+클릭은 영역을 뺍니다. Enter 또는 오른쪽 클릭으로 받아들이고 Esc로 취소합니다.</translation>
    </message>
    <message>
      <location filename="../coal_monitor/gui/dock_layout.py" line="103" />
      <source>Shadow…</source>
      <translation>그림자…</translation>
    </message>
    <message>
      <location filename="../coal_monitor/gui/dock_layout.py" line="104" />
      <source>Measure the height from the heap's shadow on the image: click the top of the heap, then the tip of its shadow.</source>
      <translation>영상의 더미 그림자로 높이를 잽니다: 더미 꼭대기를 클릭한 다음 그림자 끝을 클릭하십시오.</translation>
    </message>
    <message>
      <location filename="../coal_monitor/gui/dock_layout.py" line="117" />
      <source>Log heap</source>
      <translation>더미 기록</translation>
    </message>
    <message>
      <location filename="../coal_monitor/gui/dock_layout.py" line="122" />
      <source>Heaps logged on this image</source>
      <translation>이 영상에 기록된 더미</translation>
    </message>
    <message>
      <location filename="../coal_monitor/gui/dock_layout.py" line="129" />
      <source>Delete heap…</source>
      <translation>더미 삭제…</translation>
    </message>
    <message>
      <location filename="../coal_monitor/gui/dock_layout.py" line="140" />
      <source>Measure</source>
      <translation>측정</translation>
    </message>
    <message>
      <location filename="../coal_monitor/gui/dock_layout.py" line="141" />
      <source>Trends</source>
      <translation>추이</translation>
    </message>
    <message>
      <location filename="../coal_monitor/gui/dock_layout.py" line="154" />
      <source>Port report (PDF)…</source>
      <translation>항구 보고서(PDF)…</translation>
    </message>
    <message>
      <location filename="../coal_monitor/gui/dock_layout.py" line="156" />
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
      <location filename="../coal_monitor/gui/heap_form.py" line="87" />
      <source>Pier</source>
      <translation>부두</translation>
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
      <location filename="../coal_monitor/gui/prompts.py" line="113" />
      <source>Name</source>
      <translation>이름</translation>
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
      <location filename="../coal_monitor/gui/scene_dialog.py" line="23" />
      <source>Corrections apply to every heap measured on this image; times are in UTC.</source>
      <translation>수정 사항은 이 영상에서 잰 모든 더미에 적용됩니다. 시각은 UTC입니다.</translation>
    </message>
    <message>
      <location filename="../coal_monitor/gui/scene_dialog.py" line="38" />
      <source>provider, licence and credit line</source>
      <translation>제공자, 사용 허가와 출처 표시</translation>
    </message>
    <message>
      <location filename="../coal_monitor/gui/scene_dialog.py" line="44" />
      <source>unknown</source>
      <translation>알 수 없음</translation>
    </message>
    <message>
      <location filename="../coal_monitor/gui/scene_dialog.py" line="46" />
      <source>Acquired (UTC)</source>
      <translation>촬영 시각(UTC)</translation>
    </message>
    <message>
      <location filename="../coal_monitor/gui/scene_dialog.py" line="47" />
      <source>Sensor</source>
      <translation>센서</translation>
    </message>
    <message>
      <location filename="../coal_monitor/gui/scene_dialog.py" line="48" />
      <source>Source and credit</source>
      <translation>출처와 저작권 표시</translation>
    </message>
    <message>
      <location filename="../coal_monitor/gui/scene_dialog.py" line="49" />
      <source>Ground resolution</source>
      <translation>지상 해상도</translation>
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
      <location filename="../coal_monitor/gui/shadow_controller.py" line="178" />
      <source>No ground shadow predicted: a {model} heap {height:g} m high casts none beyond its footprint with the sun at {elevation:.1f} deg.</source>
      <translation>지면 그림자가 예측되지 않습니다. 태양 고도 {elevation:.1f}도에서 높이 {height:g} m의 {model} 더미는 바닥 윤곽 밖으로 그림자를 드리우지 않습니다.</translation>
    </message>
    <message>
      <location filename="../coal_monitor/gui/shadow_controller.py" line="189" />
      <source>No scene for the predicted shadow: choose the image and its metadata first.</source>
      <translation>예측 그림자에 쓸 장면이 없습니다. 먼저 영상과 그 메타데이터를 고르십시오.</translation>
    </message>
    <message>
      <location filename="../coal_monitor/gui/shadow_controller.py" line="191" />
      <source>The predicted shadow needs a heap outline: draw the heap first.</source>
      <translation>예측 그림자에는 더미 윤곽이 필요합니다. 먼저 더미를 그리십시오.</translation>
    </message>
    <message>
      <location filename="../coal_monitor/gui/trends.py" line="48" />
      <source>Total</source>
      <translation>합계</translation>
    </message>
    <message>
      <location filename="../coal_monitor/gui/trends.py" line="49" />
      <source>By pier</source>
      <translation>부두별</translation>
    </message>
    <message>
      <location filename="../coal_monitor/gui/trends.py" line="50" />
      <source>Sum all heaps per date, or show each pier separately</source>
      <translation>날짜별로 모든 더미를 합산하거나 부두마다 따로 표시</translation>
    </message>
    <message>
      <location filename="../coal_monitor/gui/trends.py" line="116" />
      <source>No port selected.</source>
      <translation>선택한 항구가 없습니다.</translation>
    </message>
    <message>
      <location filename="../coal_monitor/plugin.py" line="56" />
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
      <location filename="../coal_monitor/processing/importheaps.py" line="70" />
      <source>Heap footprints</source>
      <translation>더미 바닥 윤곽</translation>
    </message>
    <message>
      <location filename="../coal_monitor/processing/heapvolumes.py" line="67" />
      <location filename="../coal_monitor/processing/importheaps.py" line="80" />
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
      <location filename="../coal_monitor/processing/importheaps.py" line="44" />
      <source>Import heaps into a port log</source>
      <translation>항구 기록으로 더미 가져오기</translation>
    </message>
    <message>
      <location filename="../coal_monitor/processing/importheaps.py" line="46" />
      <source>Logs every polygon of the input layer (any CRS) as a heap in the port's GeoPackage, computing volume and tonnage with the port's coal defaults (angle of repose, density band, pile model) from the port registry. Height comes from HEIGHT_FIELD (metres), its uncertainty optionally from HEIGHT_SIGMA_FIELD, the observation time (UTC) from DATE_FIELD and the image from SCENE_FIELD. The port file is OUTPUT, or the file named after the port (rason.gpkg for Rason) in DATA_FOLDER or else in the project's data folder; it is created when missing. Features that cannot be heaps are skipped and listed with the reason. Each heap is written whole in its own transaction, so cancelling keeps every heap imported so far and no partial one.</source>
      <translation>입력 레이어(모든 좌표계)의 다각형마다 항구 GeoPackage에 더미로 기록하고, 항구 목록의 석탄 기본값(안식각, 겉보기 밀도 범위, 더미 모델)으로 부피와 톤수를 계산합니다. 높이는 HEIGHT_FIELD(미터)에서, 그 불확도는 선택적으로 HEIGHT_SIGMA_FIELD에서, 관측 시각(UTC)은 DATE_FIELD에서, 영상은 SCENE_FIELD에서 가져옵니다. 항구 파일은 OUTPUT이거나, DATA_FOLDER 또는 프로젝트 데이터 폴더에 있는 항구 이름의 파일(Rason이면 rason.gpkg)이며, 없으면 만듭니다. 더미가 될 수 없는 피처는 건너뛰고 그 이유를 적습니다. 더미마다 각자의 트랜잭션으로 온전히 기록되므로 취소해도 지금까지 가져온 더미는 모두 남고 반쯤 기록된 더미는 없습니다.</translation>
    </message>
    <message>
      <location filename="../coal_monitor/processing/importheaps.py" line="72" />
      <source>Port (a port of the registry)</source>
      <translation>항구(항구 목록의 항구)</translation>
    </message>
    <message>
      <location filename="../coal_monitor/processing/importheaps.py" line="77" />
      <source>Data folder (default: the project's)</source>
      <translation>데이터 폴더(기본값: 프로젝트의 폴더)</translation>
    </message>
    <message>
      <location filename="../coal_monitor/processing/importheaps.py" line="83" />
      <source>Height uncertainty field (m, one sigma)</source>
      <translation>높이 불확도 필드(m, 1시그마)</translation>
    </message>
    <message>
      <location filename="../coal_monitor/processing/importheaps.py" line="87" />
      <source>Observation date/time field (UTC)</source>
      <translation>관측 날짜/시각 필드(UTC)</translation>
    </message>
    <message>
      <location filename="../coal_monitor/processing/importheaps.py" line="89" />
      <source>Scene id field</source>
      <translation>장면 ID 필드</translation>
    </message>
    <message>
      <location filename="../coal_monitor/processing/importheaps.py" line="91" />
      <location filename="../coal_monitor/processing/recomputevolumes.py" line="44" />
      <source>Port GeoPackage</source>
      <translation>항구 GeoPackage</translation>
    </message>
    <message>
      <location filename="../coal_monitor/processing/importheaps.py" line="93" />
      <source>Heaps imported</source>
      <translation>가져온 더미</translation>
    </message>
    <message>
      <location filename="../coal_monitor/processing/importheaps.py" line="94" />
      <source>Features skipped</source>
      <translation>건너뛴 피처</translation>
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
      <location filename="../coal_monitor/processing/portreport.py" line="31" />
      <source>Report</source>
      <translation>보고서</translation>
    </message>
    <message>
      <location filename="../coal_monitor/processing/porttimeseries.py" line="46" />
      <source>Port time series (tonnage per date)</source>
      <translation>항구 시계열(날짜별 톤수)</translation>
    </message>
    <message>
      <location filename="../coal_monitor/processing/porttimeseries.py" line="48" />
      <source>Sums the heaps logged in a port's GeoPackage per observation date (UTC), in total or per pier: number of heaps, footprint area, volume and tonnage with their low and high ends. The low and high ends are sums of the heaps' ranges. A date counts only when it holds heaps. When several images of one day show the same heaps (their outlines overlap), only one counts: the finer ground resolution, else the later acquisition; the columns scene_ids and note say which. The same numbers as the Coal Monitor dock's trend chart.</source>
      <translation>항구 GeoPackage에 기록된 더미를 관측일(UTC)별로, 전체 또는 부두별로 합산합니다: 더미 수, 바닥 면적, 부피와 톤수 및 그 하한과 상한. 하한과 상한은 더미 범위의 합입니다. 더미가 있는 날짜만 관측으로 셉니다. 같은 날의 여러 영상이 같은 더미를 보이면(윤곽이 겹치면) 하나만 셉니다: 해상도가 더 높은 영상, 같으면 더 늦게 촬영한 영상이며, scene_ids와 note 열이 어느 것인지 밝힙니다. Coal Monitor 패널의 추이 그래프와 같은 숫자입니다.</translation>
    </message>
    <message>
      <location filename="../coal_monitor/processing/porttimeseries.py" line="63" />
      <source>One row per pier</source>
      <translation>부두마다 한 행</translation>
    </message>
    <message>
      <location filename="../coal_monitor/processing/porttimeseries.py" line="64" />
      <source>Time series</source>
      <translation>시계열</translation>
    </message>
    <message>
      <location filename="../coal_monitor/processing/recomputevolumes.py" line="20" />
      <source>Recompute heap volumes</source>
      <translation>더미 부피 다시 계산</translation>
    </message>
    <message>
      <location filename="../coal_monitor/processing/recomputevolumes.py" line="22" />
      <source>Recomputes the volume and tonnage of every heap in a port's GeoPackage, optionally with a new angle of repose and density for the whole port (written into every heap and recorded as the port's defaults). All or nothing: if any heap cannot be computed, or you cancel, the file is left exactly as it was.</source>
      <translation>항구 GeoPackage에 있는 모든 더미의 부피와 톤수를 다시 계산하며, 선택적으로 항구 전체에 새 안식각과 밀도를 적용합니다(모든 더미에 기록되고 항구 기본값으로 저장됨). 전부 아니면 전무: 계산할 수 없는 더미가 하나라도 있거나 취소하면 파일은 원래 그대로 남습니다.</translation>
    </message>
    <message>
      <location filename="../coal_monitor/processing/recomputevolumes.py" line="45" />
      <source>Heaps recomputed</source>
      <translation>다시 계산한 더미</translation>
    </message>
    <message>
      <location filename="../coal_monitor/session/measuring.py" line="99" />
      <source>Heap {fid} of the heaps layer: {text}</source>
      <translation>더미 레이어의 더미 {fid}: {text}</translation>
    </message>
    <message>
      <location filename="../coal_monitor/session/measuring.py" line="131" />
      <source>Port {port} added (heaps stored in EPSG:{epsg}).</source>
      <translation>항구 {port}을(를) 추가했습니다(더미는 EPSG:{epsg}로 저장).</translation>
    </message>
    <message>
      <location filename="../coal_monitor/session/measuring.py" line="146" />
      <source>Port logs are kept in {folder}.</source>
      <translation>항구 기록은 {folder}에 보관됩니다.</translation>
    </message>
    <message>
      <location filename="../coal_monitor/session/measuring.py" line="242" />
      <source>The scene {scene} is already logged (acquired {when} UTC) and its heaps are dated by it; a metadata file can only be chosen for an image before its first heap is logged; correct the scene with Edit scene instead.</source>
      <translation>장면 {scene}은(는) 이미 기록되었고(촬영 {when} UTC) 그 더미들의 날짜가 이를 따릅니다. 메타데이터 파일은 영상의 첫 더미를 기록하기 전에만 고를 수 있으니, 대신 “장면 수정”으로 바로잡으십시오.</translation>
    </message>
    <message>
      <location filename="../coal_monitor/session/measuring.py" line="254" />
      <source>Image {scene} dated {when} UTC from {file}</source>
      <translation>영상 {scene}의 촬영 시각 {when} UTC({file}에서 읽음)</translation>
    </message>
    <message>
      <location filename="../coal_monitor/session/measuring.py" line="265" />
      <source>This image has no logged scene yet: its record is made with its first heap; correct it after that.</source>
      <translation>이 영상에는 아직 기록된 장면이 없습니다. 장면 기록은 첫 더미와 함께 만들어지니 그 뒤에 바로잡으십시오.</translation>
    </message>
    <message>
      <location filename="../coal_monitor/session/measuring.py" line="275" />
      <source>Scene {scene} corrected ({fields}); its heaps follow.</source>
      <translation>장면 {scene}을(를) 바로잡았습니다({fields}). 그 더미들도 따라 바뀝니다.</translation>
    </message>
    <message>
      <location filename="../coal_monitor/session/measuring.py" line="390" />
      <source>There is no heap outline to log: press “Draw heap on the map” and click its corners.</source>
      <translation>기록할 더미 윤곽이 없습니다: “지도에 더미 그리기”를 누르고 꼭짓점을 클릭하십시오.</translation>
    </message>
    <message>
      <location filename="../coal_monitor/session/measuring.py" line="405" />
      <source>The heap was not logged: it needs the image's acquisition date and time (UTC).</source>
      <translation>더미를 기록하지 않았습니다: 영상의 촬영 일시(UTC)가 필요합니다.</translation>
    </message>
    <message>
      <location filename="../coal_monitor/session/measuring.py" line="410" />
      <source>Logged heap at {port}: {tonnes}.</source>
      <translation>{port}에 더미를 기록했습니다: {tonnes}.</translation>
    </message>
    <message>
      <location filename="../coal_monitor/session/measuring.py" line="412" />
      <source>Saved changes to heap at {port}: {tonnes}.</source>
      <translation>{port}의 더미 변경을 저장했습니다: {tonnes}.</translation>
    </message>
    <message>
      <location filename="../coal_monitor/session/measuring.py" line="450" />
      <source>Deleted heap {heap}.</source>
      <translation>더미 {heap}을(를) 삭제했습니다.</translation>
    </message>
    <message>
      <location filename="../coal_monitor/session/measuring.py" line="465" />
      <source>{port} has no port file yet (or it was moved away): log a heap on an image of the port first, then make its report.</source>
      <translation>{port}에는 아직 항구 파일이 없습니다(또는 옮겨졌습니다): 먼저 이 항구의 영상에 더미를 기록한 뒤 보고서를 만드십시오.</translation>
    </message>
    <message>
      <location filename="../coal_monitor/session/measuring.py" line="477" />
      <source>Report of {port} saved to {path}</source>
      <translation>{port} 보고서를 {path}에 저장했습니다</translation>
    </message>
    <message>
      <location filename="../coal_monitor/session/measuring.py" line="523" />
      <source>Web basemap ({credit}): its capture date is asked when the first heap is logged; ground resolution unknown</source>
      <translation>웹 배경지도({credit}): 첫 더미를 기록할 때 촬영 날짜를 묻습니다. 지상 해상도는 알 수 없습니다</translation>
    </message>
    <message>
      <location filename="../coal_monitor/session/measuring.py" line="524" />
      <source>no credit given</source>
      <translation>출처 표시 없음</translation>
    </message>
    <message>
      <location filename="../coal_monitor/session/measuring.py" line="527" />
      <source>Scene {scene}</source>
      <translation>장면 {scene}</translation>
    </message>
    <message>
      <location filename="../coal_monitor/session/measuring.py" line="529" />
      <source>acquired {when} UTC</source>
      <translation>촬영 {when} UTC</translation>
    </message>
    <message>
      <location filename="../coal_monitor/session/measuring.py" line="531" />
      <source>acquisition time unknown (asked when the first heap is logged)</source>
      <translation>촬영 시각 모름(첫 더미를 기록할 때 묻습니다)</translation>
    </message>
    <message>
      <location filename="../coal_monitor/session/measuring.py" line="533" />
      <source>GSD {gsd} m</source>
      <translation>GSD {gsd} m</translation>
    </message>
    <message>
      <location filename="../coal_monitor/session/measuring.py" line="549" />
      <source>heap</source>
      <translation>더미</translation>
    </message>
    <message>
      <location filename="../coal_monitor/session/port_log.py" line="23" />
      <source>Folder for the Coal Monitor port files</source>
      <translation>Coal Monitor 항구 파일용 폴더</translation>
    </message>
    <message>
      <location filename="../coal_monitor/session/port_log.py" line="81" />
      <source>Port file missing</source>
      <translation>항구 파일 없음</translation>
    </message>
    <message>
      <location filename="../coal_monitor/session/port_log.py" line="81" />
      <source>The port file {path} was deleted or moved while QGIS had it open.

Create a new, empty port file there and log the heap in it?</source>
      <translation>QGIS가 항구 파일 {path}을(를) 연 동안 그 파일이 삭제되거나 옮겨졌습니다.

그 자리에 빈 항구 파일을 새로 만들고 더미를 기록할까요?</translation>
    </message>
  </context>
</TS>
