"""Fills a school's form the way a person would in Excel, with openpyxl: answers are typed into the row
of each measure (found by the id in the hidden first column), a status may be typed by hand instead of
picked from the list, and a stray row may be added under the table. Arguments: IN OUT JSON where JSON is
{"answers": {"<measureId>": {"status": …, "result": …, "evidence": …, "note": …}}, "extraRow": true,
 "setId": {"<measureId>": <newId>}, "filledBy": "<the «Заполнил(а)» line>"}."""
import json, sys
from openpyxl import load_workbook

src, dst, spec = sys.argv[1], sys.argv[2], json.loads(sys.argv[3])
wb = load_workbook(src)
ws = wb['Форма']
header = next(r for r in range(1, 30) if 'Отметка о выполнении' in [c.value for c in ws[r]])
cols = {c.value: c.column for c in ws[header]}
last = header
for r in range(header + 1, ws.max_row + 1):
    mid = ws.cell(r, cols['id']).value
    if mid is None:
        continue
    last = r
    a = spec.get('answers', {}).get(str(mid))
    if a:
        for key, caption in (('status', 'Отметка о выполнении'), ('result', 'Достигнутый результат'), ('evidence', 'Подтверждающие документы'), ('note', 'Примечание / причины невыполнения')):
            if key in a:
                ws.cell(r, cols[caption]).value = a[key]
    if str(mid) in spec.get('setId', {}):
        ws.cell(r, cols['id']).value = spec['setId'][str(mid)]
if 'filledBy' in spec:
    ws.cell(5, 5).value = spec['filledBy']
if spec.get('extraRow'):
    ws.cell(last + 1, cols['Мероприятие']).value = 'Дополнительно: провели родительское собрание'
    ws.cell(last + 1, cols['Отметка о выполнении']).value = 'выполнено'
wb.save(dst)
