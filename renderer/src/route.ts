/** Where the user is, kept in the address's hash (#/roadmaps/3) so a reload returns to the same screen. */
import { useEffect, useState } from 'react';

export interface Route {
  page: string;
  id: number | null;
  sub: string | null;
}

export function parseRoute(hash: string): Route {
  const [page = 'roadmaps', id, sub] = hash.replace(/^#\/?/, '').split('/');
  const n = Number(id);
  return { page: page || 'roadmaps', id: Number.isInteger(n) && n > 0 ? n : null, sub: sub ?? null };
}

export function go(page: string, id?: number | null, sub?: string | null): void {
  window.location.hash = `#/${page}${id ? `/${id}` : ''}${sub ? `/${sub}` : ''}`;
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
