"""One-off: turns the Zeya sample's text into resources/demo/zeya-2022.json (kept in the repo, so the
app never reads ../shared at run time). Continuation lines of a split row are joined with a space."""
import json, re, sys
src = sys.argv[1]
rows = []
for line in open(src, encoding='utf-8'):
    line = line.rstrip('\n')
    cells = line.split('\t')
    if re.match(r'^\d+\.$', cells[0]) and len(cells) >= 5:
        rows.append({'number': cells[0], 'name': cells[1], 'term': cells[2], 'executors': cells[3], 'result': cells[4]})
    elif rows and line.startswith('\t') and any(c.strip() for c in cells):
        keys = ['number', 'name', 'term', 'executors', 'result']
        for k, c in zip(keys, cells):
            if c.strip():
                rows[-1][k] = (rows[-1][k] + ' ' + c.strip()).strip()
json.dump({'measures': rows}, open(sys.argv[2], 'w', encoding='utf-8'), ensure_ascii=False, indent=1)
print(len(rows))
