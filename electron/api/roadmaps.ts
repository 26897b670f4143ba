/** API of roadmaps and their plans: passport, sections, measures, moves, undo and redo, search. */
import { z } from 'zod';
import {
  addMeasure,
  addSection,
  applyAutoNumbering,
  deleteMeasures,
  deleteSection,
  getPlan,
  moveMeasure,
  moveSection,
  renumberPreview,
  updateMeasure,
  updateSection,
} from '../../db/plan';
import { createRoadmap, deleteRoadmap, getRoadmap, listRoadmaps, updateRoadmap } from '../../db/roadmaps';
import { dumpRoadmap } from '../../db/dump';
import { ordersOfRoadmap } from '../../db/orders';
import { copyRoadmap } from '../../db/roadmap-copy';
import { searchMeasures } from '../../db/search';
import { historyInfo, redoStep, undoStep } from '../../db/history';
import { linkSchools, proposeSchoolLinks } from '../../db/school-links';
import {
  expectedVersion,
  id,
  isoDate,
  longText,
  requiredLong,
  mediumText,
  method,
  noInput,
  optionalId,
  requiredMedium,
  shortText,
} from './define';
import { ROADMAP_LEVELS } from '../../shared/labels';

const captions = z.strictObject({ number: shortText, name: shortText, term: shortText, executors: shortText, result: shortText });

// No .default() in the entity schemas: `.partial()` keeps defaults, and an update would reset what it omits.
const roadmap = z.strictObject({
  title: requiredMedium,
  level: z.enum(ROADMAP_LEVELS).optional(),
  schoolId: optionalId.optional(),
  periodStart: isoDate,
  periodEnd: isoDate,
  captions: captions.optional(),
  coordinator: longText.optional(),
  goal: longText.optional(),
  tasks: longText.optional(),
  directions: longText.optional(),
  indicators: longText.optional(),
  expectedResults: longText.optional(),
  basisDocuments: longText.optional(),
  autoNumber: z.boolean().optional(),
  appendixMark: mediumText.optional(),
});

const link = z.strictObject({ personId: optionalId, organizationId: optionalId });
const measure = z.strictObject({
  name: requiredLong,
  term: mediumText.optional(),
  executors: mediumText.optional(),
  result: longText.optional(),
  links: z.array(link).max(100).optional(),
  /** Risk factor ids («Риски, на которые направлено»). */
  risks: z.array(id).max(100).optional(),
  number: shortText.optional(),
});
const index = z.number().int().min(0).max(100000);

export const roadmapsApi = {
  'roadmaps.list': method(noInput, ({ db }) => listRoadmaps(db)),
  'roadmaps.get': method(z.strictObject({ id }), ({ db }, i) => getRoadmap(db, i.id)),
  'roadmaps.create': method(roadmap, ({ db }, input) => createRoadmap(db, input)),
  'roadmaps.update': method(z.strictObject({ id, values: roadmap.partial(), expectedVersion }), ({ db }, i) =>
    updateRoadmap(db, i.id, i.values, i.expectedVersion),
  ),
  'roadmaps.delete': method(z.strictObject({ id }), ({ db }, i) => deleteRoadmap(db, i.id)),
  'roadmaps.copy': method(z.strictObject({ id, periodStart: isoDate, periodEnd: isoDate }), ({ db }, i) =>
    copyRoadmap(db, i.id, { periodStart: i.periodStart, periodEnd: i.periodEnd }),
  ),
  /** The whole roadmap as one object: passport, captions, sections and measures (the CLI's `dump`). */
  'roadmaps.dump': method(z.strictObject({ id }), ({ db }, i) => dumpRoadmap(db, i.id)),

  'plan.get': method(z.strictObject({ roadmapId: id }), ({ db }, i) => ({
    roadmap: getRoadmap(db, i.roadmapId),
    sections: getPlan(db, i.roadmapId),
    undo: historyInfo(db, i.roadmapId),
    orders: ordersOfRoadmap(db, i.roadmapId),
  })),
  'plan.addSection': method(z.strictObject({ roadmapId: id, title: requiredMedium, index: index.optional() }), ({ db }, i) =>
    addSection(db, i.roadmapId, i.title, i.index),
  ),
  'plan.updateSection': method(z.strictObject({ id, title: requiredMedium, number: shortText.optional(), expectedVersion }), ({ db }, i) =>
    updateSection(db, i.id, i),
  ),
  'plan.deleteSection': method(z.strictObject({ id }), ({ db }, i) => deleteSection(db, i.id)),
  'plan.moveSection': method(z.strictObject({ id, index }), ({ db }, i) => moveSection(db, i.id, i.index)),
  'plan.addMeasure': method(
    z.strictObject({ roadmapId: id, sectionId: optionalId, values: measure, index: index.optional() }),
    ({ db }, i) => addMeasure(db, i.roadmapId, i.sectionId, i.values, i.index),
  ),
  'plan.updateMeasure': method(z.strictObject({ id, values: measure.partial(), expectedVersion }), ({ db }, i) =>
    updateMeasure(db, i.id, i.values, i.expectedVersion),
  ),
  'plan.deleteMeasures': method(z.strictObject({ ids: z.array(id).min(1).max(5000) }), ({ db }, i) => deleteMeasures(db, i.ids)),
  'plan.moveMeasure': method(z.strictObject({ id, sectionId: optionalId, index }), ({ db }, i) =>
    moveMeasure(db, i.id, i.sectionId, i.index),
  ),
  /** What switching automatic numbering on would change (old → new), before anything is written. */
  'plan.renumberPreview': method(z.strictObject({ roadmapId: id }), ({ db }, i) => renumberPreview(db, i.roadmapId)),
  'plan.renumberApply': method(z.strictObject({ roadmapId: id }), ({ db }, i) => applyAutoNumbering(db, i.roadmapId)),
  'plan.undo': method(z.strictObject({ roadmapId: id }), ({ db }, i) => ({ undone: undoStep(db, i.roadmapId) })),
  'plan.redo': method(z.strictObject({ roadmapId: id }), ({ db }, i) => ({ redone: redoStep(db, i.roadmapId) })),
  /** «Связать исполнителей со школами…»: the links the matcher finds in executors text, to confirm. */
  'plan.proposeSchoolLinks': method(z.strictObject({ roadmapId: id }), ({ db }, i) => proposeSchoolLinks(db, i.roadmapId)),
  'plan.linkSchools': method(
    z.strictObject({
      roadmapId: id,
      links: z
        .array(z.strictObject({ measureId: id, organizationId: id }))
        .min(1)
        .max(20000),
    }),
    ({ db }, i) => linkSchools(db, i.roadmapId, i.links),
  ),

  'search.measures': method(z.strictObject({ query: shortText }), ({ db }, i) => searchMeasures(db, i.query)),
};
