/** API of orders (приказы) and execution (исполнение). */
import { z } from 'zod';
import { EXECUTION_STATUSES } from '../../db/schema';
import { decisionStates, markDecision } from '../../db/decision-execution';
import { decisionExecutions, executionGrid, quarterStatuses, setExecution } from '../../db/executions';
import { deleteOrder, getOrder, listOrders, saveOrder } from '../../db/orders';
import {
  expectedVersion,
  id,
  isoDate,
  longText,
  method,
  noInput,
  optionalId,
  quarter,
  requiredMedium,
  requiredShort,
  shortText,
} from './define';

const order = z.strictObject({
  number: requiredShort,
  date: isoDate,
  title: requiredMedium,
  signerId: optionalId.default(null),
  basis: longText.default(''),
  clauses: longText.default(''),
  control: longText.default(''),
  appendices: z
    .array(z.strictObject({ roadmapId: id, appendixNumber: shortText.default('1') }))
    .max(50)
    .default([]),
});

const execution = z
  .strictObject({
    measureId: id.optional(),
    decisionId: id.optional(),
    quarter,
    status: z.enum(EXECUTION_STATUSES),
    result: longText.default(''),
    evidence: longText.default(''),
    note: longText.default(''),
  })
  .refine((x) => (x.measureId === undefined) !== (x.decisionId === undefined), 'Укажите либо мероприятие, либо решение протокола');

export const ordersApi = {
  'orders.list': method(noInput, ({ db }) => listOrders(db)),
  'orders.get': method(z.strictObject({ id }), ({ db }, i) => getOrder(db, i.id)),
  'orders.save': method(z.strictObject({ id: optionalId, values: order, expectedVersion }), ({ db }, i) =>
    getOrder(db, saveOrder(db, i.id, i.values, i.expectedVersion)),
  ),
  'orders.delete': method(z.strictObject({ id }), ({ db }, i) => deleteOrder(db, i.id)),

  'execution.grid': method(z.strictObject({ roadmapId: id }), ({ db }, i) => executionGrid(db, i.roadmapId)),
  'execution.set': method(execution, ({ db }, i) => setExecution(db, i)),
  /** The plan editor's filter «исполнение в текущем квартале». */
  'execution.ofQuarter': method(z.strictObject({ roadmapId: id, quarter }), ({ db }, i) => quarterStatuses(db, i.roadmapId, i.quarter)),
  'execution.ofDecision': method(z.strictObject({ decisionId: id }), ({ db }, i) => decisionExecutions(db, i.decisionId)),
  /** A protocol decision marked done (or not) with its result and date, from the protocol screen or «Сроки». */
  'decisions.mark': method(
    z.strictObject({ decisionId: id, status: z.enum(EXECUTION_STATUSES), result: longText.default(''), date: isoDate }),
    ({ db }, i) => markDecision(db, i),
  ),
  'decisions.states': method(z.strictObject({ decisionIds: z.array(id).max(2000), today: isoDate }), ({ db }, i) =>
    decisionStates(db, i.decisionIds, i.today),
  ),
};
