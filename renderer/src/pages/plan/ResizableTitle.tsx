/**
 * A header cell whose right edge can be dragged to change the column's width — the few lines antd's
 * own «resizable column» example does with react-resizable, written out instead of adding a package.
 * Pointer capture keeps the drag going when the pointer leaves the thin handle.
 */
import { useRef, type PointerEvent, type ThHTMLAttributes } from 'react';

export interface ResizableProps extends ThHTMLAttributes<HTMLTableCellElement> {
  width?: number;
  /** While dragging, with the new width. */
  onResize?: (width: number) => void;
  /** When let go: the width to keep. */
  onResizeEnd?: (width: number) => void;
}

export function ResizableTitle({ width, onResize, onResizeEnd, children, ...rest }: ResizableProps) {
  const drag = useRef<{ x: number; width: number; last: number } | null>(null);
  if (!onResize || width === undefined) return <th {...rest}>{children}</th>;
  const down = (e: PointerEvent<HTMLSpanElement>) => {
    e.preventDefault();
    e.stopPropagation();
    e.currentTarget.setPointerCapture(e.pointerId);
    drag.current = { x: e.clientX, width, last: width };
  };
  const moveTo = (e: PointerEvent<HTMLSpanElement>) => {
    const d = drag.current;
    if (!d) return;
    d.last = Math.max(40, Math.round(d.width + e.clientX - d.x));
    onResize(d.last);
  };
  const up = (e: PointerEvent<HTMLSpanElement>) => {
    const d = drag.current;
    if (!d) return;
    drag.current = null;
    e.currentTarget.releasePointerCapture(e.pointerId);
    onResizeEnd?.(d.last);
  };
  return (
    <th {...rest} style={{ ...rest.style, position: 'relative' }}>
      {children}
      <span
        className="plan-col-handle"
        data-testid="column-handle"
        title="Перетащите, чтобы изменить ширину столбца"
        onPointerDown={down}
        onPointerMove={moveTo}
        onPointerUp={up}
        onPointerCancel={up}
        onClick={(e) => e.stopPropagation()}
      />
    </th>
  );
}
