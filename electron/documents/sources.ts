/** What the documents are made of, read from the database in one place. */
import { AppError, notFound, raise } from '../../db/errors';
import { getMeeting } from '../../db/meetings';
import type { Db } from '../../db/open';
import { getOrder, ordersOfRoadmap } from '../../db/orders';
import { listPeople } from '../../db/people';
import { printedPlan } from '../../db/plan-print';
import { getRoadmap } from '../../db/roadmaps';
import { getDepartment } from '../../db/settings';
import { indicatorBoard } from '../../db/indicators';
import { ruDate } from '../../db/terms/dates';
import { type AppendixOptions, type AppendixRequest, appendixOptionsFor } from './appendix';
import { appendixIndicators } from './indicator-table';
import { approvedParticiple, genitiveOfBody } from './names';

export interface OrderRef {
  id: number;
  number: string;
  date: string;
  appendixNumber: string;
}

/** «Приложение 1 к приказу отдела образования … от 12.04.2022 № 121-од» and, where it approves, the stamp. */
export interface Mark {
  mark: string;
  stamp: string | null;
}

export function orderPhrase(db: Db, order: { date: string; number: string }): string {
  const dept = getDepartment(db);
  const body = dept.fullName ? ` ${genitiveOfBody(dept.fullName)}` : '';
  return `приказу${body} от ${ruDate(order.date)} № ${order.number}`;
}

export function markFor(db: Db, title: string, ref: OrderRef): Mark {
  const phrase = orderPhrase(db, ref);
  return {
    mark: `Приложение${ref.appendixNumber ? ` ${ref.appendixNumber}` : ''} к ${phrase}`,
    stamp: `${approvedParticiple(title)}\nприказом${phrase.slice('приказу'.length)}`,
  };
}

/**
 * The mark of an appendix no order in the program approves: the one its source document carried
 * («Приложение 1 к Муниципальной программе …»), kept at import and editable in the passport; no stamp.
 */
export function ownMark(roadmap: { appendixMark: string }): Mark | null {
  const mark = roadmap.appendixMark.trim();
  return mark ? { mark, stamp: null } : null;
}

/** The order whose mark the appendix carries: the one asked for (it must approve the roadmap), else the newest. */
export function orderRefFor(db: Db, roadmapId: number, orderId?: number): OrderRef | null {
  const approving = ordersOfRoadmap(db, roadmapId);
  if (orderId === undefined) {
    const o = approving[0];
    return o ? { id: o.orderId, number: o.number, date: o.date, appendixNumber: o.appendixNumber } : null;
  }
  const order = getOrder(db, orderId);
  const link = approving.find((o) => o.orderId === orderId);
  if (!link)
    throw new AppError(
      'not_approved',
      `Приказ № ${order.number} от ${ruDate(order.date)} не утверждает эту дорожную карту: добавьте её в приложения приказа.`,
    );
  return { id: order.id, number: order.number, date: order.date, appendixNumber: link.appendixNumber };
}

/** A roadmap, its plan and its indicators as printed, read once for a document. */
export function roadmapSource(db: Db, roadmapId: number) {
  return {
    roadmap: getRoadmap(db, roadmapId),
    plan: printedPlan(db, roadmapId),
    indicators: appendixIndicators(indicatorBoard(db, roadmapId)),
  };
}

/**
 * Everything an appendix is made of, gathered once into a plain model: the preview and the file are
 * both made from it (they used to read the roadmap and its plan four times between them).
 */
export function appendixSource(db: Db, req: AppendixRequest) {
  const { roadmap, plan, indicators } = roadmapSource(db, req.roadmapId);
  const ref = orderRefFor(db, req.roadmapId, req.orderId);
  const options: AppendixOptions = appendixOptionsFor(roadmap, req, indicators.length);
  return { roadmap, plan, indicators, ref, mark: ref ? markFor(db, roadmap.title, ref) : ownMark(roadmap), options };
}

export type AppendixSource = ReturnType<typeof appendixSource>;

export function orderSource(db: Db, orderId: number) {
  const order = getOrder(db, orderId);
  const people = new Map(listPeople(db).map((p) => [p.id, p]));
  return {
    order,
    signer: order.signerId ? (people.get(order.signerId) ?? raise(notFound('Человек', order.signerId))) : null,
    department: getDepartment(db),
  };
}

export function meetingSource(db: Db, meetingId: number) {
  const meeting = getMeeting(db, meetingId);
  const people = new Map(listPeople(db).map((p) => [p.id, p]));
  return { meeting, people, department: getDepartment(db) };
}
