/**
 * The working group (рабочая группа): its members and roles, its meetings (заседания) and their
 * protocols — agenda items with «Слушали», «Выступили», «Решили»; decisions are tracked like measures.
 */
import { asc, eq, inArray } from 'drizzle-orm';
import { AppError, notFound, raise } from './errors';
import type { Db } from './open';
import { readingOf, type TermReading } from './plan';
import { refreshMeetingTerms } from './terms/store';
import { agendaItems, decisions, meetingParticipants, meetings, nowSql, people, workingGroupMembers } from './schema';
import { moveToTrash } from './trash';
import { checkVersion, nextVersion } from './versions';

import { ROLE_LABELS, type MemberRole } from '../shared/labels';
export { ROLE_LABELS, type MemberRole };

export interface Member {
  id: number;
  personId: number;
  role: MemberRole;
  fullName: string;
  position: string;
}

export function listMembers(db: Db): Member[] {
  return db.orm
    .select({
      id: workingGroupMembers.id,
      personId: workingGroupMembers.personId,
      role: workingGroupMembers.role,
      fullName: people.fullName,
      position: people.position,
    })
    .from(workingGroupMembers)
    .innerJoin(people, eq(people.id, workingGroupMembers.personId))
    .orderBy(asc(workingGroupMembers.position), asc(workingGroupMembers.id))
    .all();
}

export function addMember(db: Db, personId: number, role: MemberRole): number {
  db.orm.select({ id: people.id }).from(people).where(eq(people.id, personId)).get() ?? raise(notFound('Человек', personId));
  if (db.orm.select().from(workingGroupMembers).where(eq(workingGroupMembers.personId, personId)).get())
    throw new AppError('duplicate', 'Этот человек уже входит в рабочую группу.');
  const position = listMembers(db).length;
  return db.orm.insert(workingGroupMembers).values({ personId, role, position }).returning().get().id;
}

export function updateMember(db: Db, id: number, role: MemberRole): void {
  const r = db.orm.update(workingGroupMembers).set({ role }).where(eq(workingGroupMembers.id, id)).returning().get();
  if (!r) throw notFound('Член рабочей группы', id);
}

export function removeMember(db: Db, id: number): void {
  const r = db.orm.delete(workingGroupMembers).where(eq(workingGroupMembers.id, id)).returning().get();
  if (!r) throw notFound('Член рабочей группы', id);
}

export interface DecisionInput {
  id?: number | undefined;
  text: string;
  responsibleId: number | null;
  responsibleText: string;
  term: string;
}
export interface AgendaItemInput {
  id?: number | undefined;
  title: string;
  heard: string;
  spoke: string;
  decisions: DecisionInput[];
}
export interface MeetingInput {
  date: string;
  number: string;
  place: string;
  chairId: number | null;
  secretaryId: number | null;
  attendeeIds: number[];
  invitedIds: number[];
  agenda: AgendaItemInput[];
}

export type Decision = Required<DecisionInput> & { number: string; parsed: TermReading };
export type AgendaItem = Omit<Required<AgendaItemInput>, 'decisions'> & { number: string; decisions: Decision[] };
export type Meeting = Omit<MeetingInput, 'agenda'> & { id: number; agenda: AgendaItem[]; updatedAt: string; version: number };

export interface MeetingSummary {
  id: number;
  date: string;
  number: string;
  place: string;
  items: number;
  decisions: number;
  version: number;
}

export function listMeetings(db: Db): MeetingSummary[] {
  return db.sqlite
    .prepare(
      `SELECT m.id, m.date, m.number, m.place, m.version,
              (SELECT count(*) FROM agenda_items a WHERE a.meeting_id = m.id) AS items,
              (SELECT count(*) FROM decisions d JOIN agenda_items a ON a.id = d.agenda_item_id WHERE a.meeting_id = m.id) AS decisions
         FROM meetings m ORDER BY m.date DESC, m.id DESC`,
    )
    .all() as MeetingSummary[];
}

export function getMeeting(db: Db, id: number): Meeting {
  const m = db.orm.select().from(meetings).where(eq(meetings.id, id)).get() ?? raise(notFound('Заседание', id));
  const parts = db.orm.select().from(meetingParticipants).where(eq(meetingParticipants.meetingId, id)).all();
  const items = db.orm.select().from(agendaItems).where(eq(agendaItems.meetingId, id)).orderBy(asc(agendaItems.position)).all();
  const decs = items.length
    ? db.orm
        .select()
        .from(decisions)
        .where(
          inArray(
            decisions.agendaItemId,
            items.map((i) => i.id),
          ),
        )
        .orderBy(asc(decisions.position))
        .all()
    : [];
  return {
    id: m.id,
    date: m.date,
    number: m.number,
    place: m.place,
    chairId: m.chairId,
    secretaryId: m.secretaryId,
    updatedAt: m.updatedAt,
    version: m.version,
    attendeeIds: parts.filter((p) => p.kind === 'attendee').map((p) => p.personId),
    invitedIds: parts.filter((p) => p.kind === 'invited').map((p) => p.personId),
    // Items are numbered 1, 2…; their decisions 1.1, 1.2 — as the protocol prints them.
    agenda: items.map((it, i) => ({
      id: it.id,
      number: String(i + 1),
      title: it.title,
      heard: it.heard,
      spoke: it.spoke,
      decisions: decs
        .filter((d) => d.agendaItemId === it.id)
        .map((d, j) => ({
          id: d.id,
          number: `${i + 1}.${j + 1}`,
          text: d.text,
          responsibleId: d.responsibleId,
          responsibleText: d.responsibleText,
          term: d.term,
          parsed: readingOf(d),
        })),
    })),
  };
}

function checkPeople(db: Db, ids: (number | null)[]): void {
  const wanted = [...new Set(ids.filter((x): x is number => x !== null))];
  if (wanted.length === 0) return;
  const found = new Set(
    db.orm
      .select({ id: people.id })
      .from(people)
      .where(inArray(people.id, wanted))
      .all()
      .map((r) => r.id),
  );
  const missing = wanted.find((id) => !found.has(id));
  if (missing !== undefined) throw notFound('Человек', missing);
}

/**
 * Saves the meeting with its whole protocol. Items and decisions that carry an id are updated in
 * place (so their execution records stay attached), new ones are inserted, missing ones deleted.
 */
export function saveMeeting(db: Db, id: number | null, input: MeetingInput, expectedVersion?: number): number {
  return db.sqlite.transaction(() => {
    if (id !== null) checkVersion(db, 'meetings', id, expectedVersion);
    checkPeople(db, [
      input.chairId,
      input.secretaryId,
      ...input.attendeeIds,
      ...input.invitedIds,
      ...input.agenda.flatMap((a) => a.decisions.map((d) => d.responsibleId)),
    ]);
    const both = input.attendeeIds.find((p) => input.invitedIds.includes(p));
    if (both !== undefined) throw new AppError('duplicate', 'Один и тот же человек указан и среди присутствующих, и среди приглашённых.');
    const fields = { date: input.date, number: input.number, place: input.place, chairId: input.chairId, secretaryId: input.secretaryId };
    let meetingId: number;
    if (id === null) {
      meetingId = db.orm.insert(meetings).values(fields).returning().get().id;
    } else {
      meetingId = id;
      db.orm
        .update(meetings)
        .set({ ...fields, updatedAt: nowSql, version: nextVersion })
        .where(eq(meetings.id, id))
        .returning()
        .get() ?? raise(notFound('Заседание', id));
    }
    db.orm.delete(meetingParticipants).where(eq(meetingParticipants.meetingId, meetingId)).run();
    for (const personId of new Set(input.attendeeIds))
      db.orm.insert(meetingParticipants).values({ meetingId, personId, kind: 'attendee' }).run();
    for (const personId of new Set(input.invitedIds))
      db.orm.insert(meetingParticipants).values({ meetingId, personId, kind: 'invited' }).run();

    const oldItems = db.orm
      .select({ id: agendaItems.id })
      .from(agendaItems)
      .where(eq(agendaItems.meetingId, meetingId))
      .all()
      .map((r) => r.id);
    const oldDecisions = oldItems.length
      ? db.orm
          .select({ id: decisions.id })
          .from(decisions)
          .where(inArray(decisions.agendaItemId, oldItems))
          .all()
          .map((r) => r.id)
      : [];
    const keptItems = new Set<number>();
    const keptDecisions = new Set<number>();
    input.agenda.forEach((item, i) => {
      const itemFields = { meetingId, position: i, title: item.title, heard: item.heard, spoke: item.spoke };
      let itemId: number;
      if (item.id !== undefined) {
        if (!oldItems.includes(item.id)) throw notFound('Вопрос повестки', item.id);
        db.orm.update(agendaItems).set(itemFields).where(eq(agendaItems.id, item.id)).run();
        itemId = item.id;
      } else itemId = db.orm.insert(agendaItems).values(itemFields).returning().get().id;
      keptItems.add(itemId);
      item.decisions.forEach((d, j) => {
        const decFields = {
          agendaItemId: itemId,
          position: j,
          text: d.text,
          responsibleId: d.responsibleId,
          responsibleText: d.responsibleText,
          term: d.term,
        };
        if (d.id !== undefined) {
          if (!oldDecisions.includes(d.id)) throw notFound('Решение', d.id);
          db.orm.update(decisions).set(decFields).where(eq(decisions.id, d.id)).run();
          keptDecisions.add(d.id);
        } else db.orm.insert(decisions).values(decFields).run();
      });
    });
    const dropDecisions = oldDecisions.filter((d) => !keptDecisions.has(d));
    if (dropDecisions.length) db.orm.delete(decisions).where(inArray(decisions.id, dropDecisions)).run();
    const dropItems = oldItems.filter((d) => !keptItems.has(d));
    if (dropItems.length) db.orm.delete(agendaItems).where(inArray(agendaItems.id, dropItems)).run();
    refreshMeetingTerms(db, meetingId);
    return meetingId;
  })();
}

/** The meeting goes to the bin with its protocol, decisions and their execution records. */
export function deleteMeeting(db: Db, id: number): void {
  db.orm.select({ id: meetings.id }).from(meetings).where(eq(meetings.id, id)).get() ?? raise(notFound('Заседание', id));
  moveToTrash(db, 'meeting', id);
}
