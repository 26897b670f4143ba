/** People (люди): executors, curators, directors, working-group members, signers. */
import { asc, eq, sql } from 'drizzle-orm';
import { AppError, notFound, raise } from './errors';
import { mustExist } from './exists';
import type { Db } from './open';
import { getDepartment } from './settings';
import { nowSql, people } from './schema';
import { moveToTrash } from './trash';
import { checkVersion, nextVersion } from './versions';

export type Person = typeof people.$inferSelect;
export type PersonInput = Pick<Person, 'fullName'> & Partial<Pick<Person, 'position' | 'organizationId' | 'phone' | 'email'>>;

export function listPeople(db: Db): Person[] {
  return db.orm
    .select()
    .from(people)
    .orderBy(asc(sql`fold(${people.fullName})`))
    .all();
}

export function getPerson(db: Db, id: number): Person {
  return db.orm.select().from(people).where(eq(people.id, id)).get() ?? raise(notFound('Человек', id));
}

export function createPerson(db: Db, input: PersonInput): Person {
  mustExist(db, 'organizations', input.organizationId);
  return db.orm.insert(people).values(input).returning().get();
}

export function updatePerson(db: Db, id: number, input: Partial<PersonInput>, expectedVersion?: number): Person {
  mustExist(db, 'organizations', input.organizationId);
  return db.sqlite.transaction(() => {
    checkVersion(db, 'people', id, expectedVersion);
    const row = db.orm
      .update(people)
      .set({ ...input, updatedAt: nowSql, version: nextVersion })
      .where(eq(people.id, id))
      .returning()
      .get();
    return row ?? raise(notFound('Человек', id));
  })();
}

/** Where a person is still referenced, in words, so a refused deletion says why. */
export function personUsages(db: Db, id: number): string[] {
  const q = (s: string) => (db.sqlite.prepare(s).pluck().get({ id }) as number) ?? 0;
  const uses: [number, string][] = [
    [q('SELECT count(*) FROM measure_executors WHERE person_id = @id'), 'исполнитель мероприятий'],
    [q('SELECT count(*) FROM organizations WHERE director_id = @id OR curator_id = @id'), 'руководитель или куратор ОО'],
    [q('SELECT count(*) FROM working_group_members WHERE person_id = @id'), 'в составе рабочей группы'],
    [q('SELECT count(*) FROM meetings WHERE chair_id = @id OR secretary_id = @id'), 'председатель или секретарь заседаний'],
    [q('SELECT count(*) FROM meeting_participants WHERE person_id = @id'), 'участник заседаний'],
    [q('SELECT count(*) FROM decisions WHERE responsible_id = @id'), 'ответственный за решения протоколов'],
    [q('SELECT count(*) FROM orders WHERE signer_id = @id'), 'подписант приказов'],
  ];
  const coordinator = getDepartment(db).coordinatorId === id ? ['муниципальный координатор (в настройках)'] : [];
  return [...uses.filter(([n]) => n > 0).map(([n, what]) => `${what} (${n})`), ...coordinator];
}

export function deletePerson(db: Db, id: number): void {
  const person = getPerson(db, id);
  const uses = personUsages(db, id);
  if (uses.length > 0)
    throw new AppError(
      'in_use',
      `Нельзя удалить «${person.fullName}»: он(а) указан(а) как ${uses.join(', ')}. Сначала замените его(её) там.`,
    );
  moveToTrash(db, 'person', id);
}
