/**
 * API of Word documents: a preview, the file itself (a download in the browser mode), saving through
 * the desktop's save dialog with the last folder remembered, and opening what was saved.
 */
import path from 'node:path';
import { z } from 'zod';
import { AppError } from '../../db/errors';
import { getSetting, setSetting } from '../../db/settings';
import { previewDocument, renderDocument } from '../documents/index';
import { suggestClauses } from '../documents/order';
import { writeFileAtomic } from '../files/write-atomic';
import { type ApiContext, id, method, shortText } from './define';

const request = z.discriminatedUnion('kind', [
  z.strictObject({
    kind: z.literal('appendix'),
    roadmapId: id,
    orderId: id.optional(),
    orientation: z.enum(['portrait', 'landscape']).optional(),
    includePassport: z.boolean().optional(),
    includeStamp: z.boolean().optional(),
  }),
  z.strictObject({ kind: z.literal('order'), orderId: id }),
  z.strictObject({ kind: z.literal('protocol'), meetingId: id }),
]);

const LAST_FOLDER = 'lastFolder';

function needHost(ctx: ApiContext) {
  if (!ctx.host) throw new AppError('no_host', 'Это действие доступно только в настольной программе; в режиме браузера файл скачивается.');
  return ctx.host;
}

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
    const host = needHost(ctx);
    const preview = previewDocument(ctx.db, i.request);
    const folder = getSetting(ctx.db, LAST_FOLDER);
    const chosen = await host.chooseSavePath(folder ? path.join(folder, i.fileName ?? preview.fileName) : (i.fileName ?? preview.fileName));
    if (!chosen) return { cancelled: true as const };
    const target = chosen.toLowerCase().endsWith('.docx') ? chosen : `${chosen}.docx`;
    const { data } = await renderDocument(ctx.db, i.request);
    writeFileAtomic(target, data);
    setSetting(ctx.db, LAST_FOLDER, path.dirname(target));
    ctx.savedPaths?.add(target);
    return { cancelled: false as const, path: target };
  }),
  'files.open': method(z.strictObject({ path: z.string().max(4000) }), async (ctx, i) => {
    await needHost(ctx).openPath(savedPath(ctx, i.path));
    return null;
  }),
  'files.showInFolder': method(z.strictObject({ path: z.string().max(4000) }), (ctx, i) => {
    needHost(ctx).showInFolder(savedPath(ctx, i.path));
    return null;
  }),
  'orders.suggest': method(z.strictObject({ appendices: z.array(z.strictObject({ roadmapId: id, appendixNumber: shortText })).max(50) }), ({ db }, i) => suggestClauses(db, i.appendices)),
};
