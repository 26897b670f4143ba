/** API of importing a roadmap: the preview (nothing written) and the commit (one transaction). */
import { z } from 'zod';
import { FILE_LIMITS, LIMITS } from '../../db/limits';
import { checkPeriod } from '../../db/terms/period';
import { commitImport, type ImportSource, MAX_IMPORT_BYTES, previewImport } from '../import/index';
import { isoDate, method, shortText } from './define';

const column = z.number().int().min(0).max(200).nullable().optional();
const input = z
  .strictObject({
    fileName: shortText,
    base64: z.string().max(Math.ceil((MAX_IMPORT_BYTES * 4) / 3) + 4).optional(),
    text: z.string().max(FILE_LIMITS.pastedChars).optional(),
    title: z.string().max(LIMITS.medium).optional(),
    period: z.strictObject({ start: isoDate, end: isoDate }).optional(),
    columns: z.strictObject({ number: column, name: column, term: column, executors: column, result: column }).optional(),
    linkOrder: z.boolean().optional(),
  })
  .refine((x) => (x.base64 === undefined) !== (x.text === undefined), 'Нужен либо файл, либо вставленный текст');

function source(i: z.output<typeof input>): ImportSource {
  if (i.period) checkPeriod(i.period.start, i.period.end);
  return i.text !== undefined ? { fileName: i.fileName, text: i.text } : { fileName: i.fileName, data: Buffer.from(i.base64!, 'base64') };
}

export const importApi = {
  'import.preview': method(input, ({ db }, i) => previewImport(db, source(i), { title: i.title, period: i.period, columns: i.columns })),
  'import.commit': method(input, ({ db }, i) => commitImport(db, source(i), { title: i.title, period: i.period, columns: i.columns, linkOrder: i.linkOrder })),
};
