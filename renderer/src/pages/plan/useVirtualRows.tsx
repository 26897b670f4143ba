/**
 * The plan table's own virtual body: antd's Table draws only the rows on screen and a margin around
 * them, and two spacer rows above and below stand for the rest at their exact heights
 * (plan/row-heights.ts). antd's built-in virtual list takes one height for every row it has not drawn
 * yet, so its scrollbar changed length while scrolling; here every row keeps its own height, so the
 * scroll height is the same from top to end and the row under the eye stays put.
 *
 * The table scrolls in its own box (.ant-table-body, a native scrollbar); a row whose drawn height
 * differs from its measured one (a font swapped after measuring) is corrected once it is drawn.
 */
import {
  createContext,
  useCallback,
  useContext,
  useLayoutEffect,
  useMemo,
  useRef,
  useState,
  type HTMLAttributes,
  type RefObject,
} from 'react';
import { offsetsOf, scrollTopFor, windowOf } from './virtual';

/** How far beyond the screen rows are drawn, px: enough for a keypress or a wheel step. */
const MARGIN = 480;

const Spacers = createContext({ top: 0, bottom: 0, columns: 1 });

function Spacer({ height, columns }: { height: number; columns: number }) {
  return height > 0 ? (
    <tr aria-hidden="true" data-testid="plan-spacer">
      <td colSpan={columns} style={{ height, padding: 0, border: 0 }} />
    </tr>
  ) : null;
}

/** The table body (antd's `components.body.wrapper`): the drawn rows between the two spacers. */
export function SpacedBody({ children, ...props }: HTMLAttributes<HTMLTableSectionElement>) {
  const { top, bottom, columns } = useContext(Spacers);
  return (
    <tbody {...props}>
      <Spacer height={top} columns={columns} />
      {children}
      <Spacer height={bottom} columns={columns} />
    </tbody>
  );
}

export const SpacersProvider = Spacers.Provider;

const scroller = (wrap: HTMLElement | null) => wrap?.querySelector<HTMLElement>('.ant-table-body') ?? null;

/**
 * The rows to hand antd's Table, the spacers' heights, and a way to scroll to a row by its key.
 * `heights` are the measured heights, one per row; `view` the box's height.
 */
export function useVirtualRows<R extends { key: string }>(
  wrap: RefObject<HTMLElement | null>,
  rows: readonly R[],
  heights: readonly number[],
  view: number,
) {
  // Heights seen drawn that differ from the measured ones, kept with the height they correct.
  const drawn = useRef(new Map<string, { measured: number; drawn: number }>());
  const [corrections, setCorrections] = useState(0);
  const offsets = useMemo(() => {
    const fixed = rows.map((r, i) => {
      const d = drawn.current.get(r.key);
      return d && d.measured === heights[i] ? d.drawn : (heights[i] ?? 0);
    });
    return offsetsOf(fixed);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [rows, heights, corrections]);
  const [scrollTop, setScrollTop] = useState(0);
  const range = windowOf(offsets, scrollTop, view, MARGIN);
  const state = useRef({ offsets, range, view });
  state.current = { offsets, range, view };

  // A new window only when the rows to draw change, not on every scrolled pixel.
  useLayoutEffect(() => {
    const box = wrap.current;
    if (!box) return;
    const onScroll = (e: Event) => {
      const el = e.target as HTMLElement;
      if (!el.classList?.contains('ant-table-body')) return;
      const { offsets, range, view } = state.current;
      const next = windowOf(offsets, el.scrollTop, view, MARGIN);
      if (next.start !== range.start || next.end !== range.end) setScrollTop(el.scrollTop);
    };
    // Scroll events do not bubble: caught on the way down, whichever body antd has drawn.
    box.addEventListener('scroll', onScroll, true);
    return () => box.removeEventListener('scroll', onScroll, true);
  }, [wrap]);

  // After each drawing: a row drawn at another height than measured keeps the drawn one from now on.
  useLayoutEffect(() => {
    const body = scroller(wrap.current);
    if (!body) return;
    let changed = false;
    const index = new Map<string, number>();
    for (let i = range.start; i < range.end; i++) index.set(rows[i]!.key, i);
    for (const tr of body.querySelectorAll<HTMLElement>('tr.ant-table-row')) {
      const i = index.get(tr.dataset.rowKey ?? '');
      if (i === undefined) continue;
      const h = tr.getBoundingClientRect().height;
      if (Math.abs(h - (offsets[i + 1]! - offsets[i]!)) > 0.5) {
        drawn.current.set(rows[i]!.key, { measured: heights[i]!, drawn: h });
        changed = true;
      }
    }
    if (changed) setCorrections((c) => c + 1);
  }, [wrap, range.start, range.end, rows, offsets, heights]);

  const scrollToKey = useCallback(
    (key: string, align: 'start' | 'nearest') => {
      const body = scroller(wrap.current);
      const i = rows.findIndex((r) => r.key === key);
      if (!body || i < 0) return;
      const top = scrollTopFor(state.current.offsets, i, align, body.scrollTop, body.clientHeight);
      if (top === body.scrollTop) return;
      body.scrollTop = top;
      setScrollTop(body.scrollTop);
    },
    [wrap, rows],
  );

  const shown = useMemo(() => rows.slice(range.start, range.end), [rows, range.start, range.end]);
  const total = offsets[offsets.length - 1]!;
  return {
    shown,
    spacers: { top: offsets[range.start]!, bottom: total - offsets[range.end]! },
    scrollToKey,
  };
}
