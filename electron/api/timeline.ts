/**
 * API of a roadmap's «Шкала времени»: the model gathered in one read (db/timeline.ts), the picture the
 * page drew saved through the desktop's dialog, and the page's print layout sent to the system's
 * print dialog. The drawing itself happens in the page (shared/timeline-layout.ts).
 */
import { z } from 'zod';
import { AppError } from '../../db/errors';
import { getRoadmap } from '../../db/roadmaps';
import { roadmapTimeline } from '../../db/timeline';
import { clipAtWord, safeFileName } from '../documents/names';
import { id, method } from './define';
import { needHost, saveThroughHost } from './save';

/** «Шкала времени — <карта>»: the picture's name, without the extension. */
const fileNameOf = (title: string) => safeFileName(`Шкала времени — ${clipAtWord(title, 80)}`);

// A PNG of 2 000 measures drawn at 32 000 pixels high is about 10 MB; base64 adds a third.
const png = z
  .string()
  .max(40_000_000)
  .regex(/^[A-Za-z0-9+/]*={0,2}$/, 'Рисунок передан повреждённым');

export const timelineApi = {
  'plan.timeline': method(z.strictObject({ roadmapId: id }), ({ db }, i) => {
    const model = roadmapTimeline(db, i.roadmapId);
    return { ...model, fileName: fileNameOf(model.roadmap.title) };
  }),
  'plan.saveTimelinePng': method(z.strictObject({ roadmapId: id, base64: png }), async (ctx, i) => {
    needHost(ctx);
    const data = Buffer.from(i.base64, 'base64');
    // The PNG signature: whatever else arrives is not the picture the page drew.
    if (data.subarray(0, 8).toString('hex') !== '89504e470d0a1a0a') throw new AppError('bad_png', 'Рисунок передан повреждённым.');
    return saveThroughHost(ctx, `${fileNameOf(getRoadmap(ctx.db, i.roadmapId).title)}.png`, 'png', async () => data);
  }),
  'plan.printTimeline': method(z.strictObject({ paper: z.enum(['A4', 'A3']) }), async (ctx, i) => {
    const host = needHost(ctx);
    if (!host.print) throw new AppError('no_print', 'Печать доступна только в настольной программе; в режиме браузера печатает браузер.');
    try {
      await host.print({ pageSize: i.paper, landscape: true });
    } catch (err) {
      throw new AppError('print_failed', 'Не удалось напечатать: проверьте принтер и повторите.', { cause: err });
    }
  }),
};
