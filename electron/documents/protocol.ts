/**
 * The protocol of a working-group meeting: «ПРОТОКОЛ», date, number, place; chair and secretary;
 * who attended (names, or a count with «список прилагается» and the list attached after the signatures
 * when more than 15); the invited; the
 * agenda; for each item СЛУШАЛИ / ВЫСТУПИЛИ / РЕШИЛИ with decisions 1.1, 1.2, their responsible
 * persons and terms; the signatures of the chair and the secretary.
 */
import { AlignmentType, type ISectionOptions, Paragraph } from 'docx';
import type { Db } from '../../db/open';
import { ruDate } from '../../db/terms/dates';
import { dateAndNumber, para, type ParaOptions, section } from './layout';
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
  // The body's paragraphs, laid out at the end: the last one is kept on the page of the signatures,
  // which never stand alone at the top of a page.
  const body: { text: string; o: ParaOptions }[] = [];
  const text = (t: string, o: ParaOptions = {}) => body.push({ text: t, o });
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
  if (meeting.invitedIds.length)
    out.push(para(`Приглашённые: ${meeting.invitedIds.map(withPosition).join('; ')}`, { align: AlignmentType.JUSTIFIED, before: 120 }));

  if (meeting.agenda.length) {
    text('ПОВЕСТКА ДНЯ:', { bold: true, before: 240, after: 120, keepNext: true });
    for (const item of meeting.agenda) text(`${item.number}. ${item.title}`, { align: AlignmentType.JUSTIFIED, indentFirst: true });
  }
  for (const item of meeting.agenda) {
    text(`${item.number}. СЛУШАЛИ:`, { bold: true, before: 240, keepNext: true });
    text(item.heard.trim() || item.title, { align: AlignmentType.JUSTIFIED, indentFirst: true });
    if (item.spoke.trim()) {
      text('ВЫСТУПИЛИ:', { bold: true, before: 120, keepNext: true });
      text(item.spoke.trim(), { align: AlignmentType.JUSTIFIED, indentFirst: true });
    }
    if (item.decisions.length) {
      text('РЕШИЛИ:', { bold: true, before: 120, keepNext: true });
      for (const d of item.decisions) {
        const tail = [responsibleOf(name(d.responsibleId), d.responsibleText), d.term.trim()]
          .map((v, k) => (v ? `${k === 0 ? 'Ответственный' : 'Срок'}: ${endSentence(v)}` : ''))
          .filter(Boolean)
          .join(' ');
        text(`${d.number}. ${d.text.trim()}${tail ? ` ${tail}` : ''}`, { align: AlignmentType.JUSTIFIED, indentFirst: true });
      }
    }
  }
  const last = body.at(-1);
  if (last) last.o = { ...last.o, keepNext: true, keepLines: true };
  out.push(...body.map((b) => para(b.text, b.o)));
  const both = Boolean(meeting.chairId && meeting.secretaryId);
  if (meeting.chairId) out.push(signature('Председатель', initialsFirst(name(meeting.chairId)), 'portrait', 720, both));
  if (meeting.secretaryId) out.push(signature('Секретарь', initialsFirst(name(meeting.secretaryId)), 'portrait', 360));
  // «список прилагается» means a list is attached: it is, on its own page after the signatures.
  if (meeting.attendeeIds.length > ATTENDEES_LISTED_UP_TO) {
    out.push(
      para(`Приложение\nк протоколу заседания рабочей группы\nот ${ruDate(meeting.date)}${meeting.number ? ` № ${meeting.number}` : ''}`, {
        align: AlignmentType.RIGHT,
        pageBreakBefore: true,
        after: 240,
      }),
    );
    out.push(para('Список присутствовавших на заседании', { align: AlignmentType.CENTER, bold: true, after: 240 }));
    meeting.attendeeIds.forEach((id, i) => out.push(para(`${i + 1}. ${withPosition(id)}`, { after: 60 })));
  }
  return [section('portrait', out, true)];
}
