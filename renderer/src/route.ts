/** Where the user is, kept in the address's hash (#/roadmaps/3) so a reload returns to the same screen. */
import { useEffect, useState } from 'react';

export interface Route {
  page: string;
  id: number | null;
  sub: string | null;
  /** A record inside the screen: the measure to open in a plan. */
  item: number | null;
}

export function parseRoute(hash: string): Route {
  const [page = 'roadmaps', id, sub, item] = hash.replace(/^#\/?/, '').split('/');
  const toId = (x: string | undefined) => (Number.isInteger(Number(x)) && Number(x) > 0 ? Number(x) : null);
  return { page: page || 'roadmaps', id: toId(id), sub: sub ?? null, item: toId(item) };
}

export function go(page: string, id?: number | null, sub?: string | null, item?: number | null): void {
  window.location.hash = `#/${page}${id ? `/${id}` : ''}${sub ? `/${sub}` : ''}${item ? `/${item}` : ''}`;
}

export function useRoute(): Route {
  const [route, setRoute] = useState(() => parseRoute(window.location.hash));
  useEffect(() => {
    const on = () => setRoute(parseRoute(window.location.hash));
    window.addEventListener('hashchange', on);
    return () => window.removeEventListener('hashchange', on);
  }, []);
  return route;
}
