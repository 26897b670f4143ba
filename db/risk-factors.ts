/**
 * Risk factors (факторы риска) of the «500+» project: an editable list seeded by the migration with
 * the project's eleven published factors. A factor in use — in a school's risk profile or linked to
 * a measure — is archived, never deleted, so profiles and plans keep their meaning; an unused one
 * goes to the recycle bin like every other record.
 */
import { AppError, notFound } from './errors';
import type { Db } from './open';
import { moveToTrash } from './trash';

export interface RiskFactor {
  id: number;
  name: string;
  position: number;
  archived: boolean;
  /** Profiles (school × year) and measures that use the factor: a used factor is archived, not deleted. */
  profiles: number;
  measures: number;
}

const SELECT = `SELECT f.id, f.name, f.position, f.archived,
    (SELECT count(*) FROM school_risks s WHERE s.factor_id = f.id) AS profiles,
    (SELECT count(*) FROM measure_risks m WHERE m.factor_id = f.id) AS measures
  FROM risk_factors f`;

type FactorRow = Omit<RiskFactor, 'archived'> & { archived: number };
const toFactor = (r: FactorRow): RiskFactor => ({ ...r, archived: r.archived === 1 });

/** The list in its order, archived ones included (the screens grey them out and do not offer them for new links). */
export function listFactors(db: Db): RiskFactor[] {
  return (db.sqlite.prepare(`${SELECT} ORDER BY f.position, f.id`).all() as FactorRow[]).map(toFactor);
}

export function getFactor(db: Db, id: number): RiskFactor {
  const row = db.sqlite.prepare(`${SELECT} WHERE f.id = ?`).get(id) as FactorRow | undefined;
  if (!row) throw notFound('Фактор риска', id);
  return toFactor(row);
}

/** The same name twice would make two columns of the matrix nobody can tell apart. */
function checkUnique(db: Db, name: string, except: number | null): void {
  const key = name.toLocaleLowerCase('ru-RU').replace(/ё/g, 'е');
  const clash = (db.sqlite.prepare('SELECT id, name FROM risk_factors').all() as { id: number; name: string }[]).find(
    (f) => f.id !== except && f.name.toLocaleLowerCase('ru-RU').replace(/ё/g, 'е') === key,
  );
  if (clash) throw new AppError('duplicate', `Фактор риска «${clash.name}» уже есть в списке.`);
}

/** Adds a factor at the end of the list (id null) or renames one. Returns the factor as saved. */
export function saveFactor(db: Db, id: number | null, name: string): RiskFactor {
  return db.sqlite.transaction(() => {
    checkUnique(db, name, id);
    if (id === null) {
      const position = db.sqlite.prepare('SELECT coalesce(max(position) + 1, 0) FROM risk_factors').pluck().get() as number;
      const newId = Number(
        db.sqlite.prepare('INSERT INTO risk_factors (name, position) VALUES (?, ?)').run(name, position).lastInsertRowid,
      );
      return getFactor(db, newId);
    }
    getFactor(db, id);
    db.sqlite.prepare('UPDATE risk_factors SET name = ? WHERE id = ?').run(name, id);
    return getFactor(db, id);
  })();
}

/** Moves the factor to `index` of the list (clamped): the order of the matrix's columns. */
export function moveFactor(db: Db, id: number, index: number): RiskFactor[] {
  return db.sqlite.transaction(() => {
    getFactor(db, id);
    const ids = listFactors(db)
      .map((f) => f.id)
      .filter((x) => x !== id);
    const at = Math.max(0, Math.min(index, ids.length));
    ids.splice(at, 0, id);
    const set = db.sqlite.prepare('UPDATE risk_factors SET position = ? WHERE id = ?');
    ids.forEach((x, i) => set.run(i, x));
    return listFactors(db);
  })();
}

/** Archives the factor (or takes it out of the archive): it stays in profiles and plans, but is not offered anew. */
export function archiveFactor(db: Db, id: number, archived: boolean): RiskFactor {
  getFactor(db, id);
  db.sqlite.prepare('UPDATE risk_factors SET archived = ? WHERE id = ?').run(archived ? 1 : 0, id);
  return getFactor(db, id);
}

/**
 * «Удалить»: a factor in use is archived instead (its profiles and measure links stay); an unused one
 * goes to the recycle bin, from which it can be restored.
 */
export function deleteFactor(db: Db, id: number): { outcome: 'archived' | 'trashed'; factor: RiskFactor } {
  return db.sqlite.transaction(() => {
    const factor = getFactor(db, id);
    if (factor.profiles > 0 || factor.measures > 0) return { outcome: 'archived' as const, factor: archiveFactor(db, id, true) };
    moveToTrash(db, 'risk_factor', id);
    return { outcome: 'trashed' as const, factor };
  })();
}
