/**
 * Where the plan table may be and how its text measures: the width of its box, the height left down
 * to the window's bottom (so that the page itself never scrolls — only the table does), the width of
 * the table's scrollbar, and the table's fonts and paddings for measuring its rows (plan/row-heights.ts).
 */
import { theme } from 'antd';
import { useLayoutEffect, useMemo, useState, type RefObject } from 'react';
import type { CellStyle } from './row-heights';

/** How wide a native vertical scrollbar is here (0 where scrollbars overlay the content). */
function scrollbarWidth(): number {
  const probe = document.createElement('div');
  probe.style.cssText = 'position:fixed;top:0;left:0;width:100px;height:100px;overflow-y:scroll;visibility:hidden';
  document.body.append(probe);
  const w = probe.offsetWidth - probe.clientWidth;
  probe.remove();
  return w;
}

export function usePlanGeometry(wrap: RefObject<HTMLDivElement | null>): {
  width: number;
  bodyHeight: number;
  scrollbar: number;
  cellStyle: CellStyle;
} {
  const { token } = theme.useToken();
  const [box, setBox] = useState({ width: 0, bodyHeight: 300 });
  useLayoutEffect(() => {
    const el = wrap.current;
    if (!el) return;
    const update = () => {
      const top = el.getBoundingClientRect().top;
      const header = el.querySelector('.ant-table-header')?.getBoundingClientRect().height ?? 40;
      // The frame's padding under the screen (Layout.Content), which must stay inside the window too.
      const content = el.closest('.ant-layout-content');
      const below = content ? parseFloat(getComputedStyle(content).paddingBottom) || 0 : 0;
      const bodyHeight = Math.max(160, Math.floor(document.documentElement.clientHeight - top - header - below - 2));
      const width = Math.floor(el.clientWidth);
      setBox((b) => (b.width === width && b.bodyHeight === bodyHeight ? b : { width, bodyHeight }));
    };
    update();
    // The box changes with the window, and moves when the filter panel above opens or closes.
    const ro = new ResizeObserver(update);
    ro.observe(el);
    if (el.parentElement) ro.observe(el.parentElement);
    window.addEventListener('resize', update);
    return () => {
      ro.disconnect();
      window.removeEventListener('resize', update);
    };
  }, [wrap]);
  const scrollbar = useMemo(scrollbarWidth, []);
  const cellStyle = useMemo<CellStyle>(
    () => ({
      fontFamily: token.fontFamily,
      fontSize: token.fontSize,
      fontSizeSM: token.fontSizeSM,
      lineHeight: token.lineHeight,
      fontWeightStrong: token.fontWeightStrong,
      // A small bordered table: padding paddingXS each side, a border right and below.
      padding: token.paddingXS,
      border: token.lineWidth,
    }),
    [token],
  );
  return { ...box, scrollbar, cellStyle };
}
