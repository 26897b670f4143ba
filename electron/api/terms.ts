/** API of terms: how a term is understood, the school calendar, and the «Сроки» view with its Excel export. */
import { z } from 'zod';
import { getRoadmap } from '../../db/roadmaps';
import { defaultSchoolYear, schoolYear } from '../../db/terms/calendar';
import { describeCaveat, describeTerm, termUpgradeMessage } from '../../db/terms/describe';
import { TERM_PARSER_VERSION } from '../../db/terms/parse';
import { dueItems } from '../../db/terms/due';
import { checkPeriod } from '../../db/terms/period';
import { calendarYears, decisionPeriod, getSchoolCalendar, parseWithCalendar, setSchoolCalendar } from '../../db/terms/store';
import { DUE_SORT_KEYS } from '../../shared/due-view';
import { dueTableModel, renderDueTable } from '../reports/due-table';
import { needHost, saveThroughHost } from './save';
import { id, isoDate, mediumText, method, noInput, shortText } from './define';

const span = z.strictObject({ start: isoDate, end: isoDate });
const schoolYearSchema = z.strictObject({
  quarters: z.tuple([span, span, span, span]),
  trimesters: z.tuple([span, span, span]),
});

const dueFilter = z.strictObject({
  today: isoDate,
  window: z.enum(['overdue', 'week', 'month', 'quarter']),
  personId: id.optional(),
  schoolId: id.optional(),
  roadmapId: id.optional(),
  executor: shortText.optional(),
  showDone: z.boolean().optional(),
  sortBy: z.enum(DUE_SORT_KEYS).optional(),
  sortOrder: z.enum(['ascend', 'descend']).optional(),
});

export const termsApi = {
  'terms.parse': method(
    // Read against a roadmap's period, a protocol decision's (a year from the meeting date), or a given period.
    z
      .strictObject({ text: mediumText, roadmapId: id.optional(), meetingDate: isoDate.optional(), period: span.optional() })
      .refine(
        (x) => [x.roadmapId, x.meetingDate, x.period].filter((v) => v !== undefined).length === 1,
        'Укажите одно: дорожную карту, дату заседания или период',
      ),
    ({ db }, i) => {
      const period =
        i.period ??
        (i.meetingDate !== undefined
          ? decisionPeriod(i.meetingDate)
          : (({ periodStart, periodEnd }) => ({ start: periodStart, end: periodEnd }))(getRoadmap(db, i.roadmapId!)));
      checkPeriod(period.start, period.end);
      const p = parseWithCalendar(db, i.text, period);
      return {
        kind: p.kind,
        start: p.start,
        end: p.end,
        due: p.due,
        certainty: p.certainty,
        note: p.note,
        understood: describeTerm(p),
        caveat: describeCaveat(p),
      };
    },
  ),
  // The parser's version, and what this opening recomputed (null: the readings were up to date), with the message for the user.
  'terms.parserInfo': method(noInput, ({ db }) => ({
    version: TERM_PARSER_VERSION,
    upgrade: db.termUpgrade ? { ...db.termUpgrade, message: termUpgradeMessage(db.termUpgrade) } : null,
  })),
  'terms.due': method(dueFilter, ({ db }, i) => dueItems(db, i)),
  /** «Сохранить в Excel»: the «Сроки» list as shown (the same filters and sort). */
  'terms.dueDownloadXlsx': method(dueFilter, async ({ db }, i) => {
    const t = await renderDueTable(dueTableModel(db, i));
    return { fileName: t.fileName, base64: t.data.toString('base64') };
  }),
  'terms.dueSaveXlsx': method(dueFilter, async (ctx, i) => {
    needHost(ctx);
    const t = await renderDueTable(dueTableModel(ctx.db, i));
    return saveThroughHost(ctx, t.fileName, 'xlsx', async () => t.data);
  }),
  'settings.getSchoolCalendar': method(noInput, ({ db }) => {
    const overrides = getSchoolCalendar(db);
    return calendarYears(db, new Date().getFullYear()).map((y) => ({
      startYear: y,
      overridden: String(y) in overrides,
      year: schoolYear(overrides, y),
      defaults: defaultSchoolYear(y),
    }));
  }),
  'settings.setSchoolYear': method(
    z.strictObject({ startYear: z.number().int().min(1990).max(2100), year: schoolYearSchema.nullable() }),
    ({ db }, i) => {
      const calendar = { ...getSchoolCalendar(db) };
      if (i.year) calendar[String(i.startYear)] = i.year;
      else delete calendar[String(i.startYear)];
      setSchoolCalendar(db, calendar);
      return null;
    },
  ),
};
