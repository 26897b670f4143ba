/**
 * The order (приказ): the department's name block, «ПРИКАЗ», date and number, place, title, the basis,
 * «ПРИКАЗЫВАЮ:», numbered clauses, «Контроль исполнения … возложить на …», the signature; then its
 * appendices, each a new section with its own orientation — as in the Karpinsk sample.
 */
import { AlignmentType, type ISectionOptions, Paragraph, Table } from 'docx';
import type { Db } from '../../db/open';
import { ruDate } from '../../db/terms/dates';
import { appendixChildren, appendixOptionsFor } from './appendix';
import { dateAndNumber, para, section } from './layout';
import { listOrganizations } from '../../db/organizations';
import { listPeople } from '../../db/people';
import { getRoadmap } from '../../db/roadmaps';
import { getDepartment } from '../../db/settings';
import { declineName, declinePosition } from './declension';
import { accusativeOfTitle, genitiveOfTitle, initialsFirst } from './names';
import { markFor, orderSource, roadmapSource } from './sources';
import { signature } from './signature';

/** Lines as the user wrote them; «5.1. …» keeps its number, other lines are numbered 1., 2., … */
export function numberClauses(clauses: string, control: string): string[] {
  const out: string[] = [];
  let top = 0;
  const lines = [...clauses.split('\n'), ...(control.trim() ? [control] : [])].map((l) => l.trim()).filter(Boolean);
  for (const line of lines) {
    const own = line.match(/^(\d+)((?:\.\d+)*)\.?\s+/);
    if (own) {
      if (!own[2]) top = Number(own[1]);
      out.push(line);
    } else out.push(`${++top}. ${line}`);
  }
  return out;
}

export function orderSections(db: Db, orderId: number): ISectionOptions[] {
  const { order, signer, department } = orderSource(db, orderId);
  const body: (Paragraph | Table)[] = [];
  if (department.fullName) body.push(para(department.fullName.toLocaleUpperCase('ru-RU'), { align: AlignmentType.CENTER, bold: true }));
  body.push(para('ПРИКАЗ', { align: AlignmentType.CENTER, bold: true, before: 360 }));
  body.push(dateAndNumber(ruDate(order.date), order.number, 'portrait'));
  if (department.town) body.push(para(department.town, { align: AlignmentType.CENTER, after: 360 }));
  body.push(para(order.title, { bold: true, after: 360, align: AlignmentType.CENTER }));
  if (order.basis.trim()) body.push(para(order.basis.trim(), { align: AlignmentType.JUSTIFIED, indentFirst: true, after: 240 }));
  body.push(para('ПРИКАЗЫВАЮ:', { bold: true, after: 240 }));
  for (const clause of numberClauses(order.clauses, order.control))
    body.push(para(clause, { align: AlignmentType.JUSTIFIED, indentFirst: true, after: 120 }));
  const position = signer?.position || department.headPosition;
  const name = signer ? initialsFirst(signer.fullName) : department.headName;
  if (position || name) body.push(signature(position ?? '', name ?? '', 'portrait', 720));

  const sections = [section('portrait', body, true)];
  for (const a of order.appendices) {
    const { roadmap, plan, indicators } = roadmapSource(db, a.roadmapId);
    const options = appendixOptionsFor(roadmap, {}, indicators.length);
    const mark = markFor(db, roadmap.title, { id: order.id, number: order.number, date: order.date, appendixNumber: a.appendixNumber });
    sections.push(section(options.orientation, appendixChildren(roadmap, plan, mark, options, indicators), false));
  }
  return sections;
}

/**
 * A starting text for the clauses, offered from the roadmaps, the coordinator and the curators
 * (the user edits it): approve the roadmap(s), appoint the coordinator and each school's curator,
 * instruct the schools' heads.
 */
export function suggestClauses(
  db: Db,
  appendices: { roadmapId: number; appendixNumber: string }[],
): { title: string; clauses: string; control: string } {
  const dept = getDepartment(db);
  const people = new Map(listPeople(db).map((p) => [p.id, p]));
  const orgs = new Map(listOrganizations(db).map((o) => [o.id, o]));
  const who = (id: number | null) => {
    const p = id ? people.get(id) : undefined;
    if (!p) return null;
    const org = p.organizationId ? orgs.get(p.organizationId) : undefined;
    // «Назначить … (кого?) методиста МАУ «ЦОИ» Е.А. Русанову»: position and surname in the accusative.
    return [
      p.position ? declinePosition(p.position, 'accusative') : '',
      org ? org.shortName || org.name : '',
      declineName(p.fullName, 'accusative'),
    ]
      .filter(Boolean)
      .join(' ');
  };
  const clauses: string[] = [];
  for (const a of appendices) {
    const roadmap = getRoadmap(db, a.roadmapId);
    // A title typed with a closing full stop must not give «… . (приложение 1).»
    const title = roadmap.title.trim().replace(/[.;,\s]+$/, '');
    clauses.push(`Утвердить ${accusativeOfTitle(title)} (приложение${a.appendixNumber ? ` ${a.appendixNumber}` : ''}).`);
  }
  const coordinator = who(dept.coordinatorId);
  if (coordinator)
    clauses.push(
      `Назначить муниципальным координатором проекта адресной методической помощи школам с низкими образовательными результатами «500+» ${coordinator}.`,
    );
  const schools = [...orgs.values()].filter((o) => o.kind === 'school' && o.curatorId);
  const byCurator = new Map<number, string[]>();
  for (const s of schools) byCurator.set(s.curatorId!, [...(byCurator.get(s.curatorId!) ?? []), s.shortName || s.name]);
  for (const [curatorId, names] of byCurator)
    clauses.push(`Назначить школьным куратором проекта «500+» в ${names.join(' и ')} ${who(curatorId)}.`);
  const heads = schools
    .filter((s) => s.directorId)
    .map((s) => `${s.shortName || s.name} (${initialsFirst(people.get(s.directorId!)?.fullName ?? '')})`);
  if (heads.length)
    clauses.push(
      `Руководителям общеобразовательных организаций ${heads.join(', ')} разработать планы мероприятий на основании «дорожной карты», направленные на повышение качества образования.`,
    );
  const titles = appendices.map((a) => getRoadmap(db, a.roadmapId).title);
  return {
    title: titles.length === 1 ? `Об утверждении ${genitiveOfTitle(titles[0]!)}` : 'Об утверждении дорожных карт',
    clauses: clauses.join('\n'),
    control: dept.headName
      ? `Контроль исполнения настоящего приказа оставляю за собой.`
      : 'Контроль исполнения настоящего приказа возложить на …',
  };
}
