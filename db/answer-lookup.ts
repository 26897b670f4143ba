/**
 * What the import of schools' answers compares a returned form with: the measure as it is now (its
 * roadmap and the time of its last change) and its execution record for the quarter. Prepared once
 * per import: a preview of many forms asks these questions row by row.
 */
import type { Db } from './open';

export interface MeasureHead {
  id: number;
  roadmapId: number;
  number: string;
  name: string;
  updatedAt: string;
}

export interface RecordValues {
  status: string | null;
  result: string;
  evidence: string;
  note: string;
}

export function answerLookup(db: Db) {
  const measure = db.sqlite.prepare('SELECT id, roadmap_id AS roadmapId, number, name, updated_at AS updatedAt FROM measures WHERE id = ?');
  const record = db.sqlite.prepare('SELECT status, result, evidence, note FROM executions WHERE measure_id = ? AND quarter = ?');
  return {
    measure: (id: number) => measure.get(id) as MeasureHead | undefined,
    record: (measureId: number, quarter: string) => record.get(measureId, quarter) as RecordValues | undefined,
  };
}
