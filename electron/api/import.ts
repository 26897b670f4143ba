/** API of importing a roadmap: the preview (nothing written) and the commit (one transaction). */
import { z } from 'zod';
import { FILE_LIMITS, LIMITS } from '../../shared/limits';
import { checkPeriod } from '../../db/terms/period';
import { commitImport, type ImportSource, MAX_IMPORT_BYTES, previewImport } from '../import/index';
import { type ApiContext, isoDate, method, shortText } from './define';
import { fileBytes, releaseUpload, uploadId } from './file-input';

const column = z.number().int().min(0).max(200).nullable().optional();
const input = z
  .strictObject({
    fileName: shortText,
    base64: z
      .string()
      .max(Math.ceil((MAX_IMPORT_BYTES * 4) / 3) + 4)
      .optional(),
    text: z.string().max(FILE_LIMITS.pastedChars).optional(),
    uploadId: uploadId.optional(),
    title: z.string().max(LIMITS.medium).optional(),
    period: z.strictObject({ start: isoDate, end: isoDate }).optional(),
    columns: z.strictObject({ number: column, name: column, term: column, executors: column, result: column }).optional(),
    linkOrder: z.boolean().optional(),
  })
  .refine((x) => [x.base64, x.text, x.uploadId].filter((v) => v !== undefined).length === 1, 'Нужен либо файл, либо вставленный текст');

async function source(ctx: ApiContext, i: z.output<typeof input>): Promise<ImportSource> {
  if (i.period) checkPeriod(i.period.start, i.period.end);
  return i.text !== undefined ? { fileName: i.fileName, text: i.text } : { fileName: i.fileName, data: await fileBytes(ctx, i) };
}

export const importApi = {
  'import.preview': method(input, async (ctx, i) =>
    previewImport(ctx.db, await source(ctx, i), { title: i.title, period: i.period, columns: i.columns }),
  ),
  /** The preview may be asked again (another column mapping); the upload is spent only when the roadmap is written. */
  'import.commit': method(input, async (ctx, i) => {
    const r = await commitImport(ctx.db, await source(ctx, i), {
      title: i.title,
      period: i.period,
      columns: i.columns,
      linkOrder: i.linkOrder,
    });
    releaseUpload(ctx, i);
    return r;
  }),
};
