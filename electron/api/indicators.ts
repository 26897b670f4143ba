/** API of a roadmap's indicators («Показатели»): the list, values for the district and the schools, the board. */
import { z } from 'zod';
import {
  createIndicator,
  getIndicator,
  indicatorBoard,
  indicatorsFromPassport,
  listIndicators,
  updateIndicator,
} from '../../db/indicators';
import {
  checkOrganization,
  deleteIndicator,
  indicatorSchools,
  moveIndicator,
  schoolIndicatorBoard,
  setIndicatorValues,
} from '../../db/indicator-edits';
import { INDICATOR_DIRECTIONS, INDICATOR_SOURCES, INDICATOR_UNITS, INDICATOR_VALUE_KINDS, INDICATOR_YEAR_KINDS } from '../../shared/labels';
import { DATE_LIMITS, FILE_LIMITS } from '../../shared/limits';
import { INDICATOR_VALUE_MAX } from '../../shared/indicators';
import { expectedVersion, id, isoDate, mediumText, method, requiredMedium } from './define';

const fields = {
  name: requiredMedium,
  unit: z.enum(INDICATOR_UNITS),
  direction: z.enum(INDICATOR_DIRECTIONS),
  source: z.enum(INDICATOR_SOURCES),
  yearKind: z.enum(INDICATOR_YEAR_KINDS),
};
const values = z.strictObject({
  name: fields.name,
  unit: fields.unit.optional(),
  direction: fields.direction.optional(),
  source: fields.source.optional(),
  yearKind: fields.yearKind.optional(),
});

const year = z
  .number()
  .int('Год должен быть целым числом')
  .min(DATE_LIMITS.minYear, `Год должен быть не раньше ${DATE_LIMITS.minYear}`)
  .max(DATE_LIMITS.maxYear, `Год должен быть не позже ${DATE_LIMITS.maxYear}`);

const valueInput = z.strictObject({
  indicatorId: id,
  /** null: the district as a whole. */
  schoolId: id.nullable(),
  kind: z.enum(INDICATOR_VALUE_KINDS),
  year,
  /** null removes the value; the unit's own rules (0–100 %, whole people) are checked in db/indicators.ts. */
  value: z.number().min(-INDICATOR_VALUE_MAX).max(INDICATOR_VALUE_MAX).nullable(),
  weight: z.number().positive('База доли должна быть больше нуля').max(INDICATOR_VALUE_MAX).nullable().optional(),
  measuredOn: isoDate.nullable().optional(),
  evidence: mediumText.optional(),
});

export const indicatorsApi = {
  'indicators.list': method(z.strictObject({ roadmapId: id }), ({ db }, i) => listIndicators(db, i.roadmapId)),
  'indicators.get': method(z.strictObject({ id }), ({ db }, i) => getIndicator(db, i.id)),
  'indicators.create': method(z.strictObject({ roadmapId: id, values }), ({ db }, i) => createIndicator(db, i.roadmapId, i.values)),
  'indicators.update': method(z.strictObject({ id, values: values.partial(), expectedVersion }), ({ db }, i) =>
    updateIndicator(db, i.id, i.values, i.expectedVersion),
  ),
  /** To a place in the list (0-based) or one step up or down. */
  'indicators.move': method(
    z
      .strictObject({
        id,
        index: z.number().int().min(0).max(FILE_LIMITS.measures).optional(),
        direction: z.enum(['up', 'down']).optional(),
      })
      .refine((i) => (i.index === undefined) !== (i.direction === undefined), 'Укажите либо место в списке, либо направление'),
    ({ db }, i) => moveIndicator(db, i.id, i.index !== undefined ? { position: i.index } : { direction: i.direction! }),
  ),
  /** To the recycle bin, with all its values. */
  'indicators.delete': method(z.strictObject({ id }), ({ db }, i) => deleteIndicator(db, i.id)),
  /** The passport's «Комплекс индикаторов» as rows (names already there skipped); returns the whole list. */
  'indicators.fromPassport': method(z.strictObject({ roadmapId: id }), ({ db }, i) => indicatorsFromPassport(db, i.roadmapId)),
  /** The board (district first, then schools) and the schools the grid offers. */
  'indicators.board': method(z.strictObject({ roadmapId: id, schoolId: id.optional() }), ({ db }, i) => {
    if (i.schoolId !== undefined) checkOrganization(db, i.schoolId);
    return {
      ...indicatorBoard(db, i.roadmapId, i.schoolId === undefined ? {} : { schoolId: i.schoolId }),
      schools: indicatorSchools(db, i.roadmapId),
    };
  }),
  /** A grid's save: all the values or none; the first refusal names the school, indicator and year. */
  'indicators.setValues': method(z.strictObject({ values: z.array(valueInput).min(1).max(FILE_LIMITS.rows) }), ({ db }, i) =>
    setIndicatorValues(db, i.values),
  ),
  /** Every roadmap's indicators with this school's lines: the school's page. */
  'indicators.schoolBoard': method(z.strictObject({ schoolId: id }), ({ db }, i) => schoolIndicatorBoard(db, i.schoolId)),
};
