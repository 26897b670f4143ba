/**
 * The execution grid: measures down, the roadmap's quarters across. One scroll box for both directions
 * (the page itself does not scroll at 1366×768): the header stays on top, № and the measure's name stay
 * on the left while the quarters scroll by, and each section is a full-width row above its measures,
 * as in the plan. A plain table with CSS sticky cells: antd's virtual table cannot span a section row.
 */
import { Tag, Typography } from 'antd';
import type { CSSProperties } from 'react';
import { useLayoutEffect, useRef, useState } from 'react';
import type { ApiOutput } from '../api';
import { TermCell } from './TermHint';
import { quarterLabel, STATUS_COLORS, STATUS_LABELS } from './labels';

type Grid = ApiOutput<'execution.grid'>;
export type GridRow = Grid['rows'][number];

const W = { number: 56, name: 320, term: 150, quarter: 150 };
/** The measure column gives up width (down to 200 px) so that a year's four quarters fit at 1366 and 1280 px without scrolling. */
const MIN_NAME = 200;
const BORDER = '1px solid #f0f0f0';
const cell: CSSProperties = {
  borderBottom: BORDER,
  borderRight: BORDER,
  padding: '6px 8px',
  verticalAlign: 'top',
  background: '#fff',
  textAlign: 'left',
};
const head: CSSProperties = { ...cell, position: 'sticky', top: 0, zIndex: 2, background: '#fafafa', fontWeight: 600 };
const stickyLeft = (left: number, z: number): CSSProperties => ({ position: 'sticky', left, zIndex: z });
const clamp: CSSProperties = { display: '-webkit-box', WebkitLineClamp: 3, WebkitBoxOrient: 'vertical', overflow: 'hidden' };

/** The box's height: from its top to the bottom of the window, so that only the box scrolls. */
function useFitHeight() {
  const ref = useRef<HTMLDivElement>(null);
  const [size, setSize] = useState({ height: 400, width: 800 });
  useLayoutEffect(() => {
    const fit = () => {
      const el = ref.current;
      if (!el) return;
      // 20 px: the content area's bottom padding (Shell).
      const next = {
        height: Math.max(240, Math.floor(window.innerHeight - el.getBoundingClientRect().top - window.scrollY - 20)),
        width: el.clientWidth,
      };
      setSize((old) => (old.height === next.height && old.width === next.width ? old : next));
    };
    fit();
    window.addEventListener('resize', fit);
    // A banner shown later (read-only, the demo) moves the box down: the page's size changes, fit again.
    const observer = new ResizeObserver(fit);
    observer.observe(document.body);
    return () => {
      window.removeEventListener('resize', fit);
      observer.disconnect();
    };
  }, []);
  return { ref, ...size };
}

export function ExecutionGrid({
  grid,
  quarters,
  onOpen,
}: {
  grid: Grid;
  quarters: string[];
  onOpen: (row: GridRow, quarter: string) => void;
}) {
  const box = useFitHeight();
  const columns = 3 + quarters.length;
  const nameWidth = Math.max(MIN_NAME, Math.min(W.name, box.width - 2 - W.number - W.term - W.quarter * quarters.length));
  const width = W.number + nameWidth + W.term + W.quarter * quarters.length;
  const headingOf = new Map(grid.sections.map((s) => [s.id, s.heading]));
  const body: React.ReactNode[] = [];
  let section: number | null | undefined;
  for (const r of grid.rows) {
    if (r.sectionId !== section) {
      section = r.sectionId;
      if (r.sectionId !== null)
        body.push(
          <tr key={`s${r.sectionId}`} data-testid="grid-section">
            <td colSpan={columns} style={{ ...cell, background: '#f5f8ff', padding: 0 }}>
              {/* Sticky inside the full-width cell: the heading stays in view while the quarters scroll. */}
              <div style={{ position: 'sticky', left: 0, maxWidth: Math.max(300, box.width - 16), padding: '6px 8px' }}>
                <Typography.Text strong>{headingOf.get(r.sectionId) ?? r.sectionTitle}</Typography.Text>
              </div>
            </td>
          </tr>,
        );
    }
    body.push(
      <tr key={r.measureId} data-testid="grid-row">
        <td style={{ ...cell, ...stickyLeft(0, 1) }} data-testid="grid-number">
          {r.number}
        </td>
        <td style={{ ...cell, ...stickyLeft(W.number, 1), boxShadow: '2px 0 4px -2px rgba(0,0,0,0.15)' }} title={r.name}>
          <div style={clamp}>{r.name}</div>
        </td>
        <td style={cell}>
          <TermCell
            term={r.term}
            parsed={{ kind: r.dueQuarters.length || r.understood !== 'срок не распознан' ? 'range' : 'unparsed', understood: r.understood }}
          />
        </td>
        {quarters.map((q) => {
          const c = r.cells[q];
          const due = r.dueQuarters.includes(q);
          return (
            // Quarters in which the measure has a due date (from its term) are tinted: that is what execution is asked about.
            <td
              key={q}
              style={{ ...cell, cursor: 'pointer', background: due ? '#fffbe6' : '#fff' }}
              data-due={due ? 'yes' : 'no'}
              data-quarter={q}
              onClick={() => onOpen(r, q)}
            >
              {c ? (
                <div>
                  <Tag color={STATUS_COLORS[c.status]} style={{ whiteSpace: 'normal' }}>
                    {STATUS_LABELS[c.status]}
                  </Tag>
                  {c.result && <div style={{ fontSize: 12, color: '#555' }}>{c.result.slice(0, 80)}</div>}
                </div>
              ) : due ? (
                <span style={{ color: '#ad8b00', fontSize: 12 }}>срок в этом квартале</span>
              ) : (
                <span style={{ color: '#bbb' }}>—</span>
              )}
            </td>
          );
        })}
      </tr>,
    );
  }
  return (
    <div ref={box.ref} data-testid="execution-grid" style={{ height: box.height, overflow: 'auto', border: BORDER, background: '#fff' }}>
      <table style={{ borderCollapse: 'separate', borderSpacing: 0, tableLayout: 'fixed', width, fontSize: 13 }}>
        <colgroup>
          <col style={{ width: W.number }} />
          <col style={{ width: nameWidth }} />
          <col style={{ width: W.term }} />
          {quarters.map((q) => (
            <col key={q} style={{ width: W.quarter }} />
          ))}
        </colgroup>
        <thead>
          <tr>
            <th style={{ ...head, ...stickyLeft(0, 3) }} data-testid="grid-number-head">
              №
            </th>
            <th style={{ ...head, ...stickyLeft(W.number, 3) }}>Мероприятие</th>
            <th style={head}>Срок</th>
            {quarters.map((q) => (
              <th key={q} style={head} data-testid="grid-quarter">
                {quarterLabel(q)}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>{body}</tbody>
      </table>
      {grid.rows.length === 0 && (
        <Typography.Paragraph type="secondary" style={{ padding: 16 }}>
          В плане пока нет мероприятий.
        </Typography.Paragraph>
      )}
    </div>
  );
}
