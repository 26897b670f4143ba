/**
 * The protocol of a working-group meeting: «ПРОТОКОЛ», date, number, place; chair and secretary;
 * who attended (names, or a count with «список прилагается» when more than 15); the invited; the
 * agenda; for each item СЛУШАЛИ / ВЫСТУПИЛИ / РЕШИЛИ with decisions 1.1, 1.2, their responsible
 * persons and terms; the signatures of the chair and the secretary.
 */
import { AlignmentType, type ISectionOptions, Paragraph } from 'docx';
import type { Db } from '../../db/open';
import { ruDate } from '../../db/terms/dates';
import { dateAndNumber, para, section } from './layout';
import { initialsFirst } from './names';
import { meetingSource } from './sources';
import { signature } from './signature';

/** Above this many attendees, the protocol gives their number and attaches the list. */
export const ATTENDEES_LISTED_UP_TO = 15;

/** «Гокова В.Я.» + «.» must not become «В.Я..». */
const endSentence = (s: string) => (/[.!?]$/.test(s.trim()) ? s.trim() : `${s.trim()}.`);

/** The person chosen and the text typed, without naming the same person twice. */
export function responsibleOf(person: string, text: string): string {
  const surname = person.split(/\s+/)[0]?.toLocaleLowerCase('ru-RU') ?? '';
  if (!person) return text.trim();
  if (!text.trim() || (surname && text.toLocaleLowerCase('ru-RU').includes(surname))) return text.trim() || person;
  return `${person}, ${text.trim()}`;
}

export function protocolSections(db: Db, meetingId: number): ISectionOptions[] {
  const { meeting, people, department } = meetingSource(db, meetingId);
  const name = (id: number | null) => (id ? (people.get(id)?.fullName ?? '') : '');
  const withPosition = (id: number) => {
    const p = people.get(id);
    return p ? (p.position ? `${p.fullName} – ${p.position.toLocaleLowerCase('ru-RU')}` : p.fullName) : '';
  };
  const out: Paragraph[] = [];
  if (department.fullName) out.push(para(department.fullName.toLocaleUpperCase('ru-RU'), { align: AlignmentType.CENTER, bold: true }));
  out.push(para('ПРОТОКОЛ', { align: AlignmentType.CENTER, bold: true, before: 360 }));
  out.push(para('заседания рабочей группы', { align: AlignmentType.CENTER }));
  out.push(dateAndNumber(ruDate(meeting.date), meeting.number, 'portrait'));
  if (meeting.place) out.push(para(meeting.place, { align: AlignmentType.CENTER, after: 240 }));
  if (meeting.chairId) out.push(para(`Председатель – ${name(meeting.chairId)}`));
  if (meeting.secretaryId) out.push(para(`Секретарь – ${name(meeting.secretaryId)}`));
  if (meeting.attendeeIds.length)
    out.push(
      para(
        meeting.attendeeIds.length > ATTENDEES_LISTED_UP_TO
          ? `Присутствовали: ${meeting.attendeeIds.length} человек (список прилагается)`
          : `Присутствовали: ${meeting.attendeeIds.map(name).join(', ')}`,
        { align: AlignmentType.JUSTIFIED, before: 120 },
      ),
    );
  if (meeting.invitedIds.length) out.push(para(`Приглашённые: ${meeting.invitedIds.map(withPosition).join('; ')}`, { align: AlignmentType.JUSTIFIED, before: 120 }));

  if (meeting.agenda.length) {
    out.push(para('ПОВЕСТКА ДНЯ:', { bold: true, before: 240, after: 120, keepNext: true }));
    for (const item of meeting.agenda) out.push(para(`${item.number}. ${item.title}`, { align: AlignmentType.JUSTIFIED, indentFirst: true }));
  }
  for (const item of meeting.agenda) {
    out.push(para(`${item.number}. СЛУШАЛИ:`, { bold: true, before: 240, keepNext: true }));
    out.push(para(item.heard.trim() || item.title, { align: AlignmentType.JUSTIFIED, indentFirst: true }));
    if (item.spoke.trim()) {
      out.push(para('ВЫСТУПИЛИ:', { bold: true, before: 120, keepNext: true }));
      out.push(para(item.spoke.trim(), { align: AlignmentType.JUSTIFIED, indentFirst: true }));
    }
    if (item.decisions.length) {
      out.push(para('РЕШИЛИ:', { bold: true, before: 120, keepNext: true }));
      for (const d of item.decisions) {
        const tail = [responsibleOf(name(d.responsibleId), d.responsibleText), d.term.trim()]
          .map((v, k) => (v ? `${k === 0 ? 'Ответственный' : 'Срок'}: ${endSentence(v)}` : ''))
          .filter(Boolean)
          .join(' ');
        out.push(para(`${d.number}. ${d.text.trim()}${tail ? ` ${tail}` : ''}`, { align: AlignmentType.JUSTIFIED, indentFirst: true }));
      }
    }
  }
  const sign = (role: string, id: number | null) => (id ? [signature(role, initialsFirst(name(id)), 'portrait', role === 'Председатель' ? 720 : 360)] : []);
  out.push(...sign('Председатель', meeting.chairId), ...sign('Секретарь', meeting.secretaryId));
  return [section('portrait', out, true)];
}
