/** API of the region's side: many districts' quarterly reports consolidated into one workbook («Свод по региону»). */
import { z } from 'zod';
import { consolidateModel, renderConsolidation } from '../reports/consolidate';
import { method, shortText } from './define';
import { fileBytes, releaseUpload, uploadId } from './file-input';
import { saveThroughHost } from './save';

/** A region has a few dozen districts; a few years of quarters stay well inside this. */
export const MAX_REGION_REPORTS = 200;

const reportFile = z.union([
  z.strictObject({ name: shortText, base64: z.string().max(30_000_000) }),
  z.strictObject({ name: shortText, uploadId }),
]);

export const regionApi = {
  /**
   * Reads the files (each refused by name if it is not a report, is damaged or of a newer format; the
   * others are still consolidated) and returns the book — as base64, or with `save` through the
   * desktop's save dialog — with what was refused and the warnings (duplicates, older reports).
   */
  'reports.consolidate': method(
    z.strictObject({ files: z.array(reportFile).min(1).max(MAX_REGION_REPORTS), save: z.boolean().optional() }),
    async (ctx, i) => {
      const files = await Promise.all(i.files.map(async (f) => ({ name: f.name, data: await fileBytes(ctx, f) })));
      // Read once: the uploads are spent whatever the outcome, a retry sends the files again.
      for (const f of i.files) releaseUpload(ctx, f);
      const model = consolidateModel(files);
      const book = await renderConsolidation(model);
      const report = {
        fileName: book.fileName,
        lines: model.lines,
        total: model.total,
        overdue: model.overdue.length,
        rows: model.rows.length,
        used: model.used,
        refused: model.refused,
        warnings: model.warnings,
      };
      if (i.save) return { ...report, saved: await saveThroughHost(ctx, book.fileName, 'xlsx', async () => book.data) };
      return { ...report, base64: book.data.toString('base64') };
    },
  ),
};
