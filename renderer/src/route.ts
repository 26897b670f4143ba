/**
 * Where the user is, kept in the address's hash (#/roadmaps/3) so a reload returns to the same screen.
 * Leaving a screen with unsaved changes asks first (unsaved.tsx): for the menu and links in `go`, for
 * the browser's back and forward by putting the old address back until the user has answered.
 */
import { useSyncExternalStore } from 'react';
import { confirmLeave, hasUnsaved } from './unsaved';

export interface Route {
  page: string;
  id: number | null;
  /** A tab inside the screen, or 'new' for a record not saved yet (#/meetings/new). */
  sub: string | null;
  /** A record inside the screen: the measure to open in a plan. */
  item: number | null;
  /** A filter carried in the address after «?» (#/deadlines?window=overdue&school=3): what a number on «Главная» opens. */
  query: Readonly<Record<string, string>>;
}

export type RouteQuery = Record<string, string | number | null | undefined>;

export function parseRoute(hash: string): Route {
  const [path = '', search = ''] = hash.replace(/^#\/?/, '').split('?');
  const [page = 'roadmaps', id, sub, item] = path.split('/');
  const query = Object.fromEntries(new URLSearchParams(search));
  const toId = (x: string | undefined) => (Number.isInteger(Number(x)) && Number(x) > 0 ? Number(x) : null);
  if (id === 'new') return { page: page || 'roadmaps', id: null, sub: 'new', item: null, query };
  return { page: page || 'roadmaps', id: toId(id), sub: sub ?? null, item: toId(item), query };
}

export function hashOf(page: string, id?: number | null, sub?: string | null, item?: number | null, query?: RouteQuery): string {
  const pairs = Object.entries(query ?? {}).filter(
    (e): e is [string, string | number] => e[1] !== null && e[1] !== undefined && e[1] !== '',
  );
  const search = pairs.length ? `?${new URLSearchParams(pairs.map(([k, v]) => [k, String(v)])).toString()}` : '';
  return `#/${page}${id ? `/${id}` : ''}${sub ? `/${sub}` : ''}${item ? `/${item}` : ''}${search}`;
}

let shownHash = window.location.hash;
let shown = parseRoute(shownHash);
/** A hash the user already agreed to leave for. */
let allowed: string | null = null;
const listeners = new Set<() => void>();

function show(hash: string): void {
  shownHash = hash;
  shown = parseRoute(hash);
  for (const l of listeners) l();
}

window.addEventListener('hashchange', () => {
  const next = window.location.hash;
  if (next === shownHash) return;
  if (next === allowed || !hasUnsaved()) {
    allowed = null;
    return show(next);
  }
  // Back or forward with changes: stay on the old address while asking (replaceState fires no event).
  window.history.replaceState(null, '', shownHash || '#/');
  void confirmLeave().then((ok) => {
    if (!ok) return;
    window.history.pushState(null, '', next);
    show(next);
  });
});

export function go(page: string, id?: number | null, sub?: string | null, item?: number | null, query?: RouteQuery): void {
  const hash = hashOf(page, id, sub, item, query);
  void (async () => {
    if (hasUnsaved() && !(await confirmLeave())) return;
    allowed = hash;
    window.location.hash = hash;
  })();
}

export function useRoute(): Route {
  return useSyncExternalStore(
    (l) => {
      listeners.add(l);
      return () => void listeners.delete(l);
    },
    () => shown,
  );
}
