"""An independent reader of what the app wrote: python-docx (Debian's python3-docx), run with
/usr/bin/python3. Prints one JSON object: the default font, every section's page setup, the
headers, the body's paragraphs, and every table with merged cells, repeated header rows and
rows kept together, and each cell's font and size as printed (from the run, else its paragraph style
and the styles it is based on, else the document's default)."""
import json, sys
from docx import Document
from docx.oxml.ns import qn
from docx.table import Table
from docx.text.paragraph import Paragraph

d = Document(sys.argv[1])

style = d.styles.element.find(qn('w:docDefaults'))
rfonts = style.find('.//' + qn('w:rFonts')) if style is not None else None
sz = style.find('.//' + qn('w:sz')) if style is not None else None
default_font = rfonts.get(qn('w:ascii')) if rfonts is not None else None
default_size = int(sz.get(qn('w:val'))) / 2 if sz is not None else None

def para(p):
    return {
        'text': p.text,
        'bold': any(r.bold for r in p.runs if r.text.strip()),
        'alignment': str(p.alignment).split('.')[-1].split(' ')[0] if p.alignment is not None else None,
        'fonts': sorted({r.font.name for r in p.runs if r.font.name}),
        'sizes': sorted({r.font.size.pt for r in p.runs if r.font.size}),
        'keepNext': bool(p.paragraph_format.keep_with_next),
        'keepLines': bool(p.paragraph_format.keep_together),
        'pageBreakBefore': bool(p.paragraph_format.page_break_before),
    }

def on(parent, tag):
    """An OOXML on/off property: present and not switched off by w:val="false"/"0"."""
    el = parent.find(qn(tag)) if parent is not None else None
    return el is not None and el.get(qn('w:val')) not in ('false', '0', 'off')

def effective(run, paragraph, attr):
    value = getattr(run.font, attr)
    style = paragraph.style
    while value is None and style is not None:
        value = getattr(style.font, attr)
        style = style.base_style
    return value

def table(t):
    rows = []
    for tr in t.rows:
        trPr = tr._tr.trPr
        cells = []
        for tc in tr._tr.tc_lst:
            span = tc.tcPr.find(qn('w:gridSpan')) if tc.tcPr is not None else None
            paras = [Paragraph(x, t) for x in tc.iter(qn('w:p'))]
            runs = [(r, p) for p in paras for r in p.runs if r.text.strip()]
            sizes = {effective(r, p, 'size') for r, p in runs}
            fonts = {effective(r, p, 'name') for r, p in runs}
            cells.append({'text': '\n'.join(p.text for p in paras),
                          'sizesPt': sorted(s.pt if s is not None else default_size for s in sizes),
                          'fonts': sorted(f if f is not None else default_font for f in fonts),
                          'bold': any(r.bold for p in paras for r in p.runs if r.text.strip()),
                          'span': int(span.get(qn('w:val'))) if span is not None else 1})
        rows.append({
            'cells': cells,
            'header': on(trPr, 'w:tblHeader'),
            'cantSplit': on(trPr, 'w:cantSplit'),
        })
    grid = [int(g.get(qn('w:w'))) for g in t._tbl.tblGrid.findall(qn('w:gridCol'))]
    return {'rows': rows, 'grid': grid}

sections = []
for s in d.sections:
    sections.append({
        'orientation': 'landscape' if s.orientation == 1 else 'portrait',
        'widthMm': round(s.page_width.mm), 'heightMm': round(s.page_height.mm),
        'leftMm': round(s.left_margin.mm), 'rightMm': round(s.right_margin.mm),
        'topMm': round(s.top_margin.mm), 'bottomMm': round(s.bottom_margin.mm),
        'differentFirstPage': s.different_first_page_header_footer,
        'headerText': [p.text for p in s.header.paragraphs],
        'headerHasPageField': 'PAGE' in s.header._element.xml,
        'firstHeaderText': [p.text for p in s.first_page_header.paragraphs] if s.different_first_page_header_footer else None,
    })

body = []
for el in d.element.body.iterchildren():
    if el.tag == qn('w:p'):
        body.append({'type': 'p', **para(Paragraph(el, d))})
    elif el.tag == qn('w:tbl'):
        body.append({'type': 'table', **table(Table(el, d))})

print(json.dumps({
    'defaultFont': default_font,
    'defaultSizePt': default_size,
    'sections': sections,
    'body': body,
}, ensure_ascii=False))
