"""The rows of every table in a .docx as python-docx reads them (Debian's python3-docx, /usr/bin/python3):
the independent view an import is compared with. Text is normalised as a person sees it: non-breaking
spaces as spaces, soft hyphens removed, each line trimmed."""
import json, sys
from docx import Document

def clean(s):
    s = s.replace('\u00ad', '').replace('\u00a0', ' ').replace('\r', '')
    return '\n'.join(l.strip() for l in s.split('\n')).strip('\n')

d = Document(sys.argv[1])
print(json.dumps([[[clean(c.text) for c in r.cells] for r in t.rows] for t in d.tables], ensure_ascii=False))
