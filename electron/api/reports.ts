/** API of quarterly reports, forms for schools and their answers. */
import path from 'node:path';
import { z } from 'zod';
import { AppError } from '../../db/errors';
import { listOrganizations } from '../../db/organizations';
import { quartersOfPeriod } from '../../shared/quarters';
import { listRoadmaps } from '../../db/roadmaps';
import { writeFileAtomic } from '../files/write-atomic';
import { applyAnswers, previewAnswers } from '../reports/answers';
import { buildSchoolForm } from '../reports/form';
import { planTableModel, renderPlanTable } from '../reports/plan-table';
import { buildQuarterlyReport } from '../reports/quarterly';
import { id, isoDate, longText, method, noInput, quarter, shortText } from './define';
import { fileBytes, releaseUpload, uploadId } from './file-input';
import { FILE_LIMITS, LIMITS } from '../../shared/limits';
import { EXECUTION_STATUSES } from '../../shared/labels';
import { lastFolder, needHost, rememberFolder, saveThroughHost } from './save';

const reportRequest = z.strictObject({
  quarter,
  roadmapIds: z.array(id).max(200).optional(),
  date: isoDate.optional(),
  preparedBy: shortText.optional(),
});
const formRequest = z.strictObject({ quarter, schoolId: id });
/** Returned forms travel as base64 (Electron) or as uploads (the browser mode): 20 forms of a few hundred kilobytes at most. */
const answerFile = z.union([
  z.strictObject({ name: shortText, base64: z.string().max(30_000_000) }),
  z.strictObject({ name: shortText, uploadId }),
]);
const values = z.strictObject({
  status: z.enum(EXECUTION_STATUSES).optional(),
  result: longText.optional(),
  evidence: longText.optional(),
  note: longText.optional(),
});

export const reportsApi = {
  /** The quarters any roadmap runs through, newest first: what the report's picker offers. */
  'reports.quarters': method(noInput, ({ db }) =>
    [...new Set(listRoadmaps(db).flatMap((r) => quartersOfPeriod(r.periodStart, r.periodEnd)))].sort().reverse(),
  ),
  'reports.download': method(reportRequest, async ({ db }, i) => {
    const r = await buildQuarterlyReport(db, i);
    return { fileName: r.fileName, base64: r.data.toString('base64'), summary: r.summary };
  }),
  'reports.save': method(reportRequest, async (ctx, i) => {
    needHost(ctx);
    const r = await buildQuarterlyReport(ctx.db, i);
    return saveThroughHost(ctx, r.fileName, 'xlsx', async () => r.data);
  }),
  /** The plan table alone, as it stands in the editor. */
  'plan.downloadXlsx': method(z.strictObject({ roadmapId: id }), async ({ db }, i) => {
    const t = await renderPlanTable(planTableModel(db, i.roadmapId));
    return { fileName: t.fileName, base64: t.data.toString('base64') };
  }),
  'plan.saveXlsx': method(z.strictObject({ roadmapId: id }), async (ctx, i) => {
    needHost(ctx);
    const t = await renderPlanTable(planTableModel(ctx.db, i.roadmapId));
    return saveThroughHost(ctx, t.fileName, 'xlsx', async () => t.data);
  }),
  'forms.download': method(formRequest, async ({ db }, i) => {
    const f = await buildSchoolForm(db, i);
    return { fileName: f.fileName, base64: f.data.toString('base64'), measures: f.measures };
  }),
  'forms.save': method(formRequest, async (ctx, i) => {
    needHost(ctx);
    const f = await buildSchoolForm(ctx.db, i);
    return saveThroughHost(ctx, f.fileName, 'xlsx', async () => f.data);
  }),
  /** A form for each school that has measures in the quarter, a file each, into one folder. */
  'forms.saveAll': method(z.strictObject({ quarter }), async (ctx, i) => {
    const folder = await needHost(ctx).chooseFolder(lastFolder(ctx));
    if (!folder) return { cancelled: true as const };
    const written: string[] = [];
    const skipped: string[] = [];
    for (const school of listOrganizations(ctx.db, 'school')) {
      try {
        const f = await buildSchoolForm(ctx.db, { quarter: i.quarter, schoolId: school.id });
        const target = path.join(folder, f.fileName);
        writeFileAtomic(target, f.data);
        written.push(target);
      } catch (err) {
        if ((err as AppError).code !== 'nothing_for_school') throw err;
        skipped.push(school.shortName || school.name);
      }
    }
    rememberFolder(ctx, folder);
    return { cancelled: false as const, folder, written, skipped };
  }),
  /** The uploads are spent once read: the preview carries everything answers.apply needs. */
  'answers.preview': method(z.strictObject({ files: z.array(answerFile).min(1).max(FILE_LIMITS.answerFiles) }), async (ctx, i) => {
    const files = await Promise.all(i.files.map(async (f) => ({ name: f.name, data: await fileBytes(ctx, f) })));
    try {
      return await previewAnswers(ctx.db, files);
    } finally {
      for (const f of i.files) releaseUpload(ctx, f);
    }
  }),
  'answers.apply': method(
    z
      .strictObject({
        answers: z
          // The school and file of each answer (from the preview) go into the import's record for the start screen.
          .array(
            z.strictObject({
              measureId: id,
              quarter,
              values,
              filledBy: shortText.optional(),
              schoolId: id.optional(),
              file: shortText.optional(),
            }),
          )
          .max(10_000),
        /** Actual values of indicators from the forms' sheet «Показатели», as the preview gave them. */
        indicators: z
          .array(
            z.strictObject({
              indicatorId: id,
              schoolId: id,
              year: z.number().int().min(1900).max(2100),
              value: z.number().finite(),
              weight: z.number().positive().nullable().optional(),
              measuredOn: isoDate.nullable().optional(),
              evidence: z.string().max(LIMITS.medium).optional(),
            }),
          )
          .max(10_000)
          .optional(),
      })
      .refine((x) => x.answers.length + (x.indicators?.length ?? 0) > 0, 'Нечего записать: не выбрано ни одного ответа'),
    ({ db }, i) => ({ applied: applyAnswers(db, i.answers, i.indicators), indicators: i.indicators?.length ?? 0 }),
  ),
};
