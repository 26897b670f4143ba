/** The CLI's commands, each a thin use of `db/` (the same functions the API calls). */
import { AppError } from '../../db/errors';
import { dumpRoadmap } from '../../db/dump';
import { listMeetings } from '../../db/meetings';
import type { Db } from '../../db/open';
import { listOrganizations } from '../../db/organizations';
import { listOrders } from '../../db/orders';
import { listPeople } from '../../db/people';
import { listRoadmaps } from '../../db/roadmaps';
import { fillDemo } from '../demo';

export interface CommandContext {
  db: Db;
  args: string[];
  options: { roadmap?: string | undefined };
  out: (line: string) => void;
}

const json = (v: unknown) => JSON.stringify(v);

function positiveId(raw: string | undefined, flag: string): number {
  if (raw === undefined) throw new AppError('usage', `Укажите ${flag} ID.`);
  const n = Number(raw);
  if (!Number.isInteger(n) || n <= 0) throw new AppError('usage', `${flag} должен быть положительным целым числом, а не «${raw}».`);
  return n;
}

const lists: Record<string, (db: Db) => unknown[]> = {
  roadmaps: (db) => listRoadmaps(db).map(({ id, title, periodStart, periodEnd, level, sections, measures }) => ({ id, title, periodStart, periodEnd, level, sections, measures })),
  orders: (db) => listOrders(db),
  meetings: (db) => listMeetings(db),
  schools: (db) =>
    listOrganizations(db, 'school').map(({ id, name, shortName, isShnor, isShnsu, is500, directorId, curatorId }) => ({ id, name, shortName, isShnor, isShnsu, is500, directorId, curatorId })),
  people: (db) => listPeople(db).map(({ id, fullName, position, organizationId, phone, email }) => ({ id, name: fullName, fullName, position, organizationId, phone, email })),
};

export const commands: Record<string, (ctx: CommandContext) => void> = {
  demo: ({ db, out }) => out(json(fillDemo(db))),
  list: ({ db, args, out }) => {
    const what = args[0] ?? 'roadmaps';
    const list = lists[what];
    if (!list) throw new AppError('usage', `Нечего перечислить: «${what}». Можно: ${Object.keys(lists).join(', ')}.`);
    for (const row of list(db)) out(json(row));
  },
  dump: ({ db, options, out }) => out(json(dumpRoadmap(db, positiveId(options.roadmap, '--roadmap')))),
};
