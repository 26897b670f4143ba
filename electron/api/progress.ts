/** API of progress over time: the share of measures done by quarter, per roadmap and for the district. */
import { z } from 'zod';
import { progressByQuarter } from '../../db/progress';
import { quarterOf } from '../../shared/quarters';
import { id, method, quarter } from './define';

export const progressApi = {
  /**
   * With a roadmap: its line alone; without: every roadmap and the district. Quarters after `upTo`
   * (today's quarter unless given) have no share yet: they are not over.
   */
  'progress.byQuarter': method(z.strictObject({ roadmapId: id.optional(), upTo: quarter.optional() }), ({ db }, i) =>
    progressByQuarter(db, { roadmapId: i.roadmapId, upTo: i.upTo ?? quarterOf(new Date().toISOString().slice(0, 10)) }),
  ),
};
