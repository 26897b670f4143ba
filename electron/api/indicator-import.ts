/** API of loading indicator values from Excel: the preview (nothing written) and the apply (all rows in one transaction, or none). */
import { z } from 'zod';
import { FILE_LIMITS } from '../../shared/limits';
import { applyIndicatorImport, type IndicatorImportSource, previewIndicatorImport } from '../import/indicators';
import { type ApiContext, id, method, shortText } from './define';
import { fileBytes, releaseUpload, uploadId } from './file-input';

const input = z
  .strictObject({
    fileName: shortText,
    base64: z
      .string()
      .max(Math.ceil((FILE_LIMITS.fileBytes * 4) / 3) + 4)
      .optional(),
    uploadId: uploadId.optional(),
    /** Indicators are looked for among this roadmap's; without it, among all roadmaps'. */
    roadmapId: id.optional(),
  })
  .refine((x) => (x.base64 === undefined) !== (x.uploadId === undefined), 'Нужен файл');

async function source(ctx: ApiContext, i: z.output<typeof input>): Promise<IndicatorImportSource> {
  return { fileName: i.fileName, data: await fileBytes(ctx, i) };
}

export const indicatorImportApi = {
  'indicators.importPreview': method(input, async (ctx, i) =>
    previewIndicatorImport(ctx.db, await source(ctx, i), { roadmapId: i.roadmapId }),
  ),
  /** The preview may be asked again; the upload is spent only once the values are written. */
  'indicators.importApply': method(input, async (ctx, i) => {
    const r = await applyIndicatorImport(ctx.db, await source(ctx, i), { roadmapId: i.roadmapId });
    releaseUpload(ctx, i);
    return r;
  }),
};
