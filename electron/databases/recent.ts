/**
 * The list of recently opened databases («Файл» → recent files): a small JSON kept outside every
 * database (in the app's data folder), so that it survives switching between them and a damaged
 * database cannot take the list with it. Written atomically: a crash mid-write leaves the old list.
 */
import fs from 'node:fs';
import path from 'node:path';
import { writeFileAtomic } from '../files/write-atomic';

export const RECENT_LIMIT = 10;
export const RECENT_FILE_NAME = 'recent-databases.json';

export interface RecentEntry {
  path: string;
  /** ISO time of the last opening. */
  openedAt: string;
}

export interface RecentItem extends RecentEntry {
  name: string;
  /** False for a file moved or deleted since (a stick not plugged in): shown greyed out, «файл не найден». */
  exists: boolean;
  current: boolean;
}

// Windows paths differ in case only: one file, one line in the list.
const sameKey = (p: string) => (process.platform === 'win32' ? path.resolve(p).toLowerCase() : path.resolve(p));

/** The stored list, most recent first; a missing or garbled file is an empty list, never an error. */
export function readRecent(file: string): RecentEntry[] {
  let raw: unknown;
  try {
    raw = JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch {
    return [];
  }
  const items = (raw as { items?: unknown } | null)?.items;
  if (!Array.isArray(items)) return [];
  return items
    .filter((e): e is RecentEntry => !!e && typeof (e as RecentEntry).path === 'string' && typeof (e as RecentEntry).openedAt === 'string')
    .slice(0, RECENT_LIMIT);
}

/** Puts `dbPath` first (once), keeps at most ten, writes the list atomically. */
export function rememberRecent(file: string, dbPath: string, now = new Date()): RecentEntry[] {
  const key = sameKey(dbPath);
  const next = [
    { path: path.resolve(dbPath), openedAt: now.toISOString() },
    ...readRecent(file).filter((e) => sameKey(e.path) !== key),
  ].slice(0, RECENT_LIMIT);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  writeFileAtomic(file, Buffer.from(JSON.stringify({ items: next }, null, 2)));
  return next;
}

export function isRecent(file: string, dbPath: string): boolean {
  const key = sameKey(dbPath);
  return readRecent(file).some((e) => sameKey(e.path) === key);
}

export function listRecent(file: string, currentPath: string): RecentItem[] {
  const current = sameKey(currentPath);
  return readRecent(file).map((e) => ({
    ...e,
    name: path.basename(e.path),
    exists: fs.existsSync(e.path) && fs.statSync(e.path).isFile(),
    current: sameKey(e.path) === current,
  }));
}
