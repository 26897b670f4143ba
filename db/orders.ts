/** Orders (приказы) and which roadmaps they approve as which appendix («Приложение 1»). */
import { asc, desc, eq, inArray } from 'drizzle-orm';
import { AppError, notFound, raise } from './errors';
import type { Db } from './open';
import { nowSql, orderAppendices, orders, people, roadmaps } from './schema';
import { moveToTrash } from './trash';
import { checkVersion, nextVersion } from './versions';

export interface AppendixInput {
  roadmapId: number;
  appendixNumber: string;
}
export interface OrderInput {
  number: string;
  date: string;
  title: string;
  signerId: number | null;
  basis: string;
  clauses: string;
  control: string;
  appendices: AppendixInput[];
}
export type Order = Omit<OrderInput, 'appendices'> & {
  id: number;
  appendices: (AppendixInput & { roadmapTitle: string })[];
  updatedAt: string;
  version: number;
};

export function listOrders(db: Db): { id: number; number: string; date: string; title: string; appendices: number; version: number }[] {
  return db.sqlite
    .prepare(
      `SELECT o.id, o.number, o.date, o.title, o.version, (SELECT count(*) FROM order_appendices a WHERE a.order_id = o.id) AS appendices
         FROM orders o ORDER BY o.date DESC, o.id DESC`,
    )
    .all() as { id: number; number: string; date: string; title: string; appendices: number; version: number }[];
}

export function getOrder(db: Db, id: number): Order {
  const o = db.orm.select().from(orders).where(eq(orders.id, id)).get() ?? raise(notFound('Приказ', id));
  const apps = db.orm
    .select({ roadmapId: orderAppendices.roadmapId, appendixNumber: orderAppendices.appendixNumber, roadmapTitle: roadmaps.title })
    .from(orderAppendices)
    .innerJoin(roadmaps, eq(roadmaps.id, orderAppendices.roadmapId))
    .where(eq(orderAppendices.orderId, id))
    .orderBy(asc(orderAppendices.appendixNumber))
    .all();
  return {
    id: o.id,
    number: o.number,
    date: o.date,
    title: o.title,
    signerId: o.signerId,
    basis: o.basis,
    clauses: o.clauses,
    control: o.control,
    updatedAt: o.updatedAt,
    version: o.version,
    appendices: apps,
  };
}

export function saveOrder(db: Db, id: number | null, input: OrderInput, expectedVersion?: number): number {
  return db.sqlite.transaction(() => {
    if (id !== null) checkVersion(db, 'orders', id, expectedVersion);
    if (input.signerId !== null)
      db.orm.select().from(people).where(eq(people.id, input.signerId)).get() ?? raise(notFound('Человек', input.signerId));
    const ids = input.appendices.map((a) => a.roadmapId);
    if (new Set(ids).size !== ids.length) throw new AppError('duplicate', 'Одна и та же дорожная карта указана в приказе дважды.');
    if (ids.length) {
      const found = new Set(
        db.orm
          .select({ id: roadmaps.id })
          .from(roadmaps)
          .where(inArray(roadmaps.id, ids))
          .all()
          .map((r) => r.id),
      );
      const missing = ids.find((x) => !found.has(x));
      if (missing !== undefined) throw notFound('Дорожная карта', missing);
    }
    const { appendices, ...fields } = input;
    let orderId: number;
    if (id === null) orderId = db.orm.insert(orders).values(fields).returning().get().id;
    else {
      db.orm
        .update(orders)
        .set({ ...fields, updatedAt: nowSql, version: nextVersion })
        .where(eq(orders.id, id))
        .returning()
        .get() ?? raise(notFound('Приказ', id));
      orderId = id;
    }
    db.orm.delete(orderAppendices).where(eq(orderAppendices.orderId, orderId)).run();
    for (const a of appendices)
      db.orm
        .insert(orderAppendices)
        .values({ orderId, ...a })
        .run();
    return orderId;
  })();
}

/** The order goes to the bin with its appendix links, which come back on restore. */
export function deleteOrder(db: Db, id: number): void {
  db.orm.select({ id: orders.id }).from(orders).where(eq(orders.id, id)).get() ?? raise(notFound('Приказ', id));
  moveToTrash(db, 'order', id);
}

/** The orders approving a roadmap, newest first: the appendix mark is taken from the first. */
export function ordersOfRoadmap(db: Db, roadmapId: number): { orderId: number; number: string; date: string; appendixNumber: string }[] {
  return db.orm
    .select({ orderId: orders.id, number: orders.number, date: orders.date, appendixNumber: orderAppendices.appendixNumber })
    .from(orderAppendices)
    .innerJoin(orders, eq(orders.id, orderAppendices.orderId))
    .where(eq(orderAppendices.roadmapId, roadmapId))
    .orderBy(desc(orders.date))
    .all();
}

/** Puts a roadmap among an order's appendices (an import naming its approving order); nothing if it is there already. */
export function attachAppendix(db: Db, orderId: number, roadmapId: number, appendixNumber: string): void {
  const exists = db.sqlite.prepare('SELECT 1 FROM order_appendices WHERE order_id = ? AND roadmap_id = ?').get(orderId, roadmapId);
  if (!exists)
    db.sqlite
      .prepare('INSERT INTO order_appendices (order_id, roadmap_id, appendix_number) VALUES (?, ?, ?)')
      .run(orderId, roadmapId, appendixNumber);
}
