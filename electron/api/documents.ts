/**
 * API of Word documents: a preview, the file itself (a download in the browser mode), saving through
 * the desktop's save dialog with the last folder remembered, and opening what was saved.
 */
import { z } from 'zod';
import { AppError } from '../../db/errors';
import { previewDocument, renderDocument } from '../documents/index';
import { suggestClauses } from '../documents/order';
import { type ApiContext, id, method, shortText } from './define';
import { needHost, saveThroughHost } from './save';

const request = z.discriminatedUnion('kind', [
  z.strictObject({
    kind: z.literal('appendix'),
    roadmapId: id,
    orderId: id.optional(),
    orientation: z.enum(['portrait', 'landscape']).optional(),
    includePassport: z.boolean().optional(),
    includeStamp: z.boolean().optional(),
    includeIndicators: z.boolean().optional(),
  }),
  z.strictObject({ kind: z.literal('order'), orderId: id }),
  z.strictObject({ kind: z.literal('protocol'), meetingId: id }),
]);

function savedPath(ctx: ApiContext, p: string): string {
  // Only files this run saved may be opened: the page cannot ask to open an arbitrary path.
  if (!ctx.savedPaths?.has(p)) throw new AppError('unknown_file', 'Этот файл не был сохранён программой в этом сеансе.');
  return p;
}

export const documentsApi = {
  'documents.preview': method(z.strictObject({ request }), ({ db }, i) => previewDocument(db, i.request)),
  'documents.download': method(z.strictObject({ request }), async ({ db }, i) => {
    const { fileName, data } = await renderDocument(db, i.request);
    return { fileName, base64: data.toString('base64') };
  }),
  'documents.save': method(z.strictObject({ request, fileName: shortText.optional() }), async (ctx, i) => {
    needHost(ctx);
    const preview = previewDocument(ctx.db, i.request);
    return saveThroughHost(ctx, i.fileName ?? preview.fileName, 'docx', async () => (await renderDocument(ctx.db, i.request)).data);
  }),
  'files.open': method(z.strictObject({ path: z.string().max(4000) }), async (ctx, i) => {
    await needHost(ctx).openPath(savedPath(ctx, i.path));
    return null;
  }),
  'files.showInFolder': method(z.strictObject({ path: z.string().max(4000) }), (ctx, i) => {
    needHost(ctx).showInFolder(savedPath(ctx, i.path));
    return null;
  }),
  'orders.suggest': method(
    z.strictObject({ appendices: z.array(z.strictObject({ roadmapId: id, appendixNumber: shortText })).max(50) }),
    ({ db }, i) => suggestClauses(db, i.appendices),
  ),
};
