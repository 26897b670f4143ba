"""The pictures of each sheet of a workbook, read from the package itself (openpyxl needs Pillow to load
images, which Debian's python3-openpyxl does not bring): sheet name → the picture files its drawing shows.
Run with /usr/bin/python3; prints one JSON object."""
import json, posixpath, sys, zipfile
import xml.etree.ElementTree as ET

NS = {
    'm': 'http://schemas.openxmlformats.org/spreadsheetml/2006/main',
    'r': 'http://schemas.openxmlformats.org/officeDocument/2006/relationships',
    'rel': 'http://schemas.openxmlformats.org/package/2006/relationships',
    'xdr': 'http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing',
    'a': 'http://schemas.openxmlformats.org/drawingml/2006/main',
}

def rels(z, part):
    path = posixpath.join(posixpath.dirname(part), '_rels', posixpath.basename(part) + '.rels')
    if path not in z.namelist():
        return {}
    root = ET.fromstring(z.read(path))
    return {r.get('Id'): posixpath.normpath(posixpath.join(posixpath.dirname(part), r.get('Target'))) for r in root.findall('rel:Relationship', NS)}

out = {}
with zipfile.ZipFile(sys.argv[1]) as z:
    book = ET.fromstring(z.read('xl/workbook.xml'))
    book_rels = rels(z, 'xl/workbook.xml')
    for sheet in book.find('m:sheets', NS):
        part = book_rels[sheet.get('{%s}id' % NS['r'])]
        pictures = []
        sheet_rels = rels(z, part)
        for d in ET.fromstring(z.read(part)).findall('m:drawing', NS):
            drawing = sheet_rels[d.get('{%s}id' % NS['r'])]
            drawing_rels = rels(z, drawing)
            for blip in ET.fromstring(z.read(drawing)).iter('{%s}blip' % NS['a']):
                pictures.append(drawing_rels[blip.get('{%s}embed' % NS['r'])])
        out[sheet.get('name')] = pictures
print(json.dumps(out, ensure_ascii=False))
