/**
 * Search across all roadmaps: measures by name, term, executors, result; case- and ё-insensitive,
 * any run of whitespace (NBSP included) matching one space, «%» and «_» taken literally; a number
 * at either end of the query is matched whole («СОШ № 2» does not find «СОШ № 24»).
 *
 * Each measure's four fields are stored folded in measure_search (kept by triggers, see db/schema.ts),
 * so a query is folded once and compared by SQLite's own LIKE. Hits come in the order the lists show
 * them (newest period first, then plan order), at most SEARCH_LIMIT: roadmaps are walked in that order
 * and each one's plan is read in its own order through the indexes, so a common word stops at the
 * 200th hit instead of collecting and sorting every match of 50 000 measures.
 */
import type Database from 'better-sqlite3';
import type { Db } from './open';
import { likePattern, wholeNumberGlob } from './text';

export interface SearchHit {
  roadmapId: number;
  roadmapTitle: string;
  measureId: number;
  number: string;
  name: string;
  term: string;
  executors: string;
  result: string;
}

export const SEARCH_LIMIT = 200;

const HIT = `m.roadmap_id AS roadmapId, m.id AS measureId, m.number, m.name, m.term, m.executors, m.result`;

/** See wholeNumberGlob: checked only on rows LIKE already found, so it costs nothing on the rest. */
const WHOLE_NUMBER = `AND (@g IS NULL OR (' ' || x.text || ' ') GLOB @g)`;

interface Statements {
  roadmaps: Database.Statement;
  loose: Database.Statement;
  inSections: Database.Statement;
}

/** Compiled once per connection: preparing costs as much as a whole search of a small database. */
const prepared = new WeakMap<Database.Database, Statements>();

function statements(sqlite: Database.Database): Statements {
  let s = prepared.get(sqlite);
  if (!s)
    prepared.set(
      sqlite,
      (s = {
        roadmaps: sqlite.prepare('SELECT id, title FROM roadmaps ORDER BY period_start DESC, id'),
        // Measures outside any section come first in a plan (the Zeya roadmap has only such).
        loose: sqlite.prepare(
          `SELECT ${HIT} FROM measures m JOIN measure_search x ON x.measure_id = m.id
            WHERE m.roadmap_id = @roadmap AND m.section_id IS NULL AND x.text LIKE @p ESCAPE '\\' ${WHOLE_NUMBER}
            ORDER BY m.position LIMIT @limit`,
        ),
        // CROSS JOIN keeps sections the outer loop, so rows come in plan order from the indexes and
        // reading stops at the limit; s.id makes that order total (SQLite then needs no sort).
        inSections: sqlite.prepare(
          `SELECT ${HIT} FROM sections s CROSS JOIN measures m ON m.roadmap_id = s.roadmap_id AND m.section_id = s.id
             JOIN measure_search x ON x.measure_id = m.id
            WHERE s.roadmap_id = @roadmap AND x.text LIKE @p ESCAPE '\\' ${WHOLE_NUMBER}
            ORDER BY s.position, s.id, m.position LIMIT @limit`,
        ),
      }),
    );
  return s;
}

export function searchMeasures(db: Db, query: string): SearchHit[] {
  if (!query.trim()) return [];
  const { roadmaps, loose, inSections } = statements(db.sqlite);
  const p = likePattern(query);
  const g = wholeNumberGlob(query);
  const hits: SearchHit[] = [];
  for (const r of roadmaps.all() as { id: number; title: string }[]) {
    for (const statement of [loose, inSections]) {
      const limit = SEARCH_LIMIT - hits.length;
      if (limit === 0) return hits;
      for (const h of statement.all({ roadmap: r.id, p, g, limit }) as Omit<SearchHit, 'roadmapTitle'>[])
        hits.push({ ...h, roadmapTitle: r.title });
    }
  }
  return hits;
}
