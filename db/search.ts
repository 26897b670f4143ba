/** Search across all roadmaps: measures by name, term, executors, result; case- and ё-insensitive. */
import type { Db } from './open';
import { likePattern } from './text';

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

export function searchMeasures(db: Db, query: string): SearchHit[] {
  if (!query.trim()) return [];
  return db.sqlite
    .prepare(
      `SELECT m.roadmap_id AS roadmapId, r.title AS roadmapTitle, m.id AS measureId, m.number, m.name, m.term, m.executors, m.result
         FROM measures m JOIN roadmaps r ON r.id = m.roadmap_id LEFT JOIN sections s ON s.id = m.section_id
        WHERE fold(m.name) LIKE @p ESCAPE '\\' OR fold(m.term) LIKE @p ESCAPE '\\'
           OR fold(m.executors) LIKE @p ESCAPE '\\' OR fold(m.result) LIKE @p ESCAPE '\\'
        ORDER BY r.period_start DESC, r.id, coalesce(s.position, -1), m.position
        LIMIT ${SEARCH_LIMIT}`,
    )
    .all({ p: likePattern(query) }) as SearchHit[];
}
