/** API of the «500+» risks: the factor list, schools' risk profiles and the gaps matrix («Риски»). */
import { z } from 'zod';
import { archiveFactor, deleteFactor, listFactors, moveFactor, saveFactor } from '../../db/risk-factors';
import { gatherRiskMatrix } from '../../db/risk-matrix';
import { getProfile, setProfile } from '../../db/risk-profiles';
import { RISK_LEVELS } from '../../shared/labels';
import { id, method, noInput, optionalId, quarter, requiredMedium } from './define';

/** A year of verification: the project's years, with room on both sides, never a typo like 20224. */
const year = z.number().int().min(2000, 'Год должен быть не раньше 2000').max(2100, 'Год должен быть не позже 2100');

export const risksApi = {
  /** The list in its order, archived factors included, each with how many profiles and measures use it. */
  'risks.factors': method(noInput, ({ db }) => listFactors(db)),
  /** Adds a factor (id null) at the end of the list, or renames one. */
  'risks.saveFactor': method(z.strictObject({ id: optionalId, name: requiredMedium }), ({ db }, i) => saveFactor(db, i.id, i.name)),
  'risks.moveFactor': method(z.strictObject({ id, index: z.number().int().min(0).max(1000) }), ({ db }, i) =>
    moveFactor(db, i.id, i.index),
  ),
  'risks.archiveFactor': method(z.strictObject({ id, archived: z.boolean() }), ({ db }, i) => archiveFactor(db, i.id, i.archived)),
  /** A factor in use is archived instead; an unused one goes to the recycle bin. */
  'risks.deleteFactor': method(z.strictObject({ id }), ({ db }, i) => deleteFactor(db, i.id)),
  'risks.profile': method(z.strictObject({ schoolId: id }), ({ db }, i) => getProfile(db, i.schoolId)),
  /** Writes the school's profile for the year: exactly these factors (empty: the year's profile is removed). */
  'risks.setProfile': method(
    z.strictObject({
      schoolId: id,
      year,
      entries: z.array(z.strictObject({ factorId: id, level: z.enum(RISK_LEVELS) })).max(200),
    }),
    ({ db }, i) => setProfile(db, i.schoolId, i.year, i.entries),
  ),
  /** The gaps matrix for a quarter: every school with a profile, or one school's row. */
  'risks.matrix': method(z.strictObject({ quarter, schoolId: id.optional() }), ({ db }, i) => gatherRiskMatrix(db, i)),
};
