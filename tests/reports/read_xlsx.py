"""An independent reader of the workbooks the app writes: openpyxl (Debian's python3-openpyxl), run with
/usr/bin/python3. Prints one JSON object per workbook: every sheet's state, cell values (dates as ISO),
number formats of non-empty cells, bold cells, merged ranges, data validations, frozen panes, print
settings, protection, locked cells, hidden columns and images."""
import datetime, json, sys, zipfile
from openpyxl import load_workbook
from openpyxl.utils import get_column_letter

wb = load_workbook(sys.argv[1])

def value(v):
    if isinstance(v, (datetime.datetime, datetime.date)):
        return {'date': v.strftime('%Y-%m-%d')}
    return v

sheets = []
for ws in wb.worksheets:
    rows, formats, bold, unlocked = [], {}, [], []
    for row in ws.iter_rows(min_row=1, max_row=ws.max_row, max_col=ws.max_column):
        rows.append([value(c.value) for c in row])
        for c in row:
            if c.value is not None:
                if c.number_format != 'General':
                    formats[c.coordinate] = c.number_format
                if c.font is not None and c.font.b:
                    bold.append(c.coordinate)
            if c.protection is not None and c.protection.locked is False:
                unlocked.append(c.coordinate)
    ps = ws.page_setup
    sheets.append({
        'name': ws.title,
        'state': ws.sheet_state,
        'rows': rows,
        'formats': formats,
        'bold': bold,
        'unlocked': unlocked,
        'merged': sorted(str(r) for r in ws.merged_cells.ranges),
        'validations': [{'sqref': str(dv.sqref), 'type': dv.type, 'formula1': dv.formula1, 'showErrorMessage': bool(dv.showErrorMessage), 'errorStyle': dv.errorStyle, 'error': dv.error} for dv in ws.data_validations.dataValidation],
        'freeze': ws.freeze_panes,
        'print': {
            'orientation': ps.orientation, 'paperSize': int(ps.paperSize) if ps.paperSize is not None else None,
            'fitToWidth': ps.fitToWidth, 'fitToHeight': ps.fitToHeight, 'fitToPage': ws.sheet_properties.pageSetUpPr.fitToPage if ws.sheet_properties.pageSetUpPr else None,
            'titleRows': ws.print_title_rows, 'scale': ps.scale,
        },
        'columns': [{'width': ws.column_dimensions[get_column_letter(i)].width, 'hidden': bool(ws.column_dimensions[get_column_letter(i)].hidden)} for i in range(1, ws.max_column + 1)],
        'margins': {'left': ws.page_margins.left, 'right': ws.page_margins.right},
        'minFont': min((c.font.sz for row in ws.iter_rows() for c in row if c.value is not None and c.font is not None and c.font.sz), default=None),
        'protected': bool(ws.protection.sheet),
        'hiddenColumns': sorted(k for k, d in ws.column_dimensions.items() if d.hidden),
    })
# Pictures are counted from the package itself (openpyxl needs Pillow to load them).
with zipfile.ZipFile(sys.argv[1]) as z:
    media = sorted(n for n in z.namelist() if n.startswith('xl/media/') and not n.endswith('/'))
    drawings = sorted(n for n in z.namelist() if n.startswith('xl/drawings/drawing'))
print(json.dumps({'sheets': sheets, 'media': media, 'drawings': drawings}, ensure_ascii=False))
