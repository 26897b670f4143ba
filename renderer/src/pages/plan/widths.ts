/**
 * The column widths a user dragged, kept per roadmap in this computer's localStorage. Not in the
 * database on purpose: a width suits one screen, not the roadmap — it must not travel in backups or
 * into a colleague's copy, nor take a step of the plan's undo history; losing it costs nothing.
 */
import { useCallback, useState } from 'react';
import { COLUMNS, type Widths } from './layout';

const keyOf = (roadmapId: number) => `plan-columns:${roadmapId}`;

function read(roadmapId: number): Partial<Widths> {
  try {
    const raw = JSON.parse(window.localStorage.getItem(keyOf(roadmapId)) ?? '{}') as Record<string, unknown>;
    const out: Partial<Widths> = {};
    for (const k of COLUMNS) if (typeof raw[k] === 'number' && Number.isFinite(raw[k]) && raw[k] >= 40 && raw[k] <= 3000) out[k] = raw[k];
    return out;
  } catch {
    // Broken or foreign content in storage: start from the fitted widths.
    return {};
  }
}

export function useOwnWidths(roadmapId: number) {
  const [own, setOwn] = useState<Partial<Widths>>(() => read(roadmapId));
  const set = useCallback(
    (next: Partial<Widths>, keep: boolean) => {
      setOwn(next);
      if (!keep) return;
      try {
        if (Object.keys(next).length) window.localStorage.setItem(keyOf(roadmapId), JSON.stringify(next));
        else window.localStorage.removeItem(keyOf(roadmapId));
      } catch {
        // Storage full or disabled: the widths last until the screen is closed.
      }
    },
    [roadmapId],
  );
  return [own, set] as const;
}
