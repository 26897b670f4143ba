/**
 * Where the plan table may be and how its text measures: the width of its box, the height left down
 * to the window's bottom (so that the page itself never scrolls — only the table does), and text
 * metrics in the table's font for the row height estimates (plan/layout.ts).
 */
import { theme } from 'antd';
import { useLayoutEffect, useMemo, useState, type RefObject } from 'react';
import type { Metrics } from './layout';

/** Text widths from a canvas in the given font, each distinct word measured once. */
function measurer(font: string): (s: string) => number {
  const ctx = document.createElement('canvas').getContext('2d');
  const cache = new Map<string, number>();
  if (!ctx) return (s) => s.length * 8;
  ctx.font = font;
  return (s) => {
    let w = cache.get(s);
    if (w === undefined) {
      w = ctx.measureText(s).width;
      cache.set(s, w);
    }
    return w;
  };
}

export function usePlanGeometry(wrap: RefObject<HTMLDivElement | null>): { width: number; bodyHeight: number; metrics: Metrics } {
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
  const metrics = useMemo<Metrics>(() => {
    const font = token.fontFamily;
    return {
      measure: measurer(`${token.fontSize}px ${font}`),
      measureSmall: measurer(`${token.fontSizeSM}px ${font}`),
      lineHeight: Math.round(token.fontSize * token.lineHeight),
      // A small bordered table: 8 px padding each side and a 1 px border.
      padY: token.paddingXS * 2 + token.lineWidth,
      padX: token.paddingXS * 2 + token.lineWidth,
    };
  }, [token]);
  return { ...box, metrics };
}
