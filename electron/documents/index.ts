/**
 * Word documents from the database: what was asked for, its preview (main fields and a file name a
 * person would type), and the .docx itself. Everything here runs under plain Node.
 */
import { Document, Packer } from 'docx';
import type { Db } from '../../db/open';
import { ruDate } from '../../db/terms/dates';
import { type AppendixOptions, appendixChildren, hasPassport } from './appendix';
import { FONT, type Orientation, section, TEXT_SIZE } from './layout';
import { clipAtWord, safeFileName } from './names';
import { orderSections } from './order';
import { protocolSections } from './protocol';
import { markFor, meetingSource, orderRefFor, orderSource, ownMark, roadmapSource } from './sources';

export type DocumentRequest =
  | {
      kind: 'appendix';
      roadmapId: number;
      orderId?: number | undefined;
      orientation?: Orientation | undefined;
      includePassport?: boolean | undefined;
      includeStamp?: boolean | undefined;
    }
  | { kind: 'order'; orderId: number }
  | { kind: 'protocol'; meetingId: number };

export interface DocumentPreview {
  fileName: string;
  title: string;
  lines: { label: string; value: string }[];
  /** Said before the file is written: a document that would come out empty is probably a mistake. */
  warnings: string[];
}

function appendixOptions(db: Db, roadmapId: number, req?: Extract<DocumentRequest, { kind: 'appendix' }>): AppendixOptions {
  const { roadmap } = roadmapSource(db, roadmapId);
  return {
    // Five columns read best across the page: landscape unless the user picks portrait.
    orientation: req?.orientation ?? 'landscape',
    includePassport: req?.includePassport ?? hasPassport(roadmap),
    includeStamp: req?.includeStamp ?? true,
  };
}

export function previewDocument(db: Db, req: DocumentRequest): DocumentPreview {
  if (req.kind === 'appendix') {
    const { roadmap, plan } = roadmapSource(db, req.roadmapId);
    const ref = orderRefFor(db, req.roadmapId, req.orderId);
    const opts = appendixOptions(db, req.roadmapId, req);
    const mark = ref ? markFor(db, roadmap.title, ref) : ownMark(roadmap);
    const measures = plan.reduce((n, s) => n + s.measures.length, 0);
    return {
      fileName:
        safeFileName(
          ref
            ? `Приложение${ref.appendixNumber ? ` ${ref.appendixNumber}` : ''} к приказу № ${ref.number} от ${ruDate(ref.date)}`
            : `Дорожная карта — ${clipAtWord(roadmap.title, 80)}`,
        ) + '.docx',
      title: roadmap.title,
      lines: [
        { label: 'Отметка о приложении', value: mark?.mark ?? 'нет (карта не утверждена приказом)' },
        { label: 'Гриф утверждения', value: mark?.stamp && opts.includeStamp ? mark.stamp.replace(/\n/g, ' ') : 'нет' },
        { label: 'Разделов / мероприятий', value: `${plan.filter((s) => s.title !== null).length} / ${measures}` },
        { label: 'Паспорт', value: opts.includePassport ? 'печатается' : 'не печатается' },
        { label: 'Ориентация', value: opts.orientation === 'landscape' ? 'альбомная' : 'книжная' },
      ],
      warnings: measures === 0 ? ['В дорожной карте нет ни одного мероприятия: приложение выйдет с пустой таблицей плана.'] : [],
    };
  }
  if (req.kind === 'order') {
    const { order, signer } = orderSource(db, req.orderId);
    const clauses = order.clauses.split('\n').filter((l) => l.trim()).length;
    return {
      fileName: safeFileName(`Приказ № ${order.number} от ${ruDate(order.date)}`) + '.docx',
      title: order.title,
      lines: [
        { label: 'Дата и номер', value: `${ruDate(order.date)} № ${order.number}` },
        { label: 'Подписывает', value: signer ? `${signer.position} ${signer.fullName}`.trim() : 'руководитель из настроек' },
        { label: 'Пунктов', value: String(clauses + (order.control.trim() ? 1 : 0)) },
        {
          label: 'Приложения',
          value: order.appendices.map((a) => `${a.appendixNumber ? `№ ${a.appendixNumber}: ` : ''}${a.roadmapTitle}`).join('; ') || 'нет',
        },
      ],
      warnings: clauses === 0 ? ['В приказе нет ни одного пункта: после «ПРИКАЗЫВАЮ:» ничего не будет.'] : [],
    };
  }
  const { meeting } = meetingSource(db, req.meetingId);
  return {
    fileName: safeFileName(`Протокол № ${meeting.number || 'б-н'} от ${ruDate(meeting.date)}`) + '.docx',
    title: `Протокол заседания рабочей группы № ${meeting.number} от ${ruDate(meeting.date)}`,
    lines: [
      { label: 'Место', value: meeting.place || '—' },
      { label: 'Присутствовали', value: String(meeting.attendeeIds.length) },
      { label: 'Вопросов повестки', value: String(meeting.agenda.length) },
      { label: 'Решений', value: String(meeting.agenda.reduce((n, a) => n + a.decisions.length, 0)) },
    ],
    warnings: meeting.agenda.length === 0 ? ['В протоколе нет ни одного вопроса повестки: не будет ни «СЛУШАЛИ», ни «РЕШИЛИ».'] : [],
  };
}

export async function renderDocument(db: Db, req: DocumentRequest): Promise<{ fileName: string; data: Buffer }> {
  const { fileName, title } = previewDocument(db, req);
  let sections;
  if (req.kind === 'appendix') {
    const { roadmap, plan } = roadmapSource(db, req.roadmapId);
    const ref = orderRefFor(db, req.roadmapId, req.orderId);
    const opts = appendixOptions(db, req.roadmapId, req);
    sections = [
      section(opts.orientation, appendixChildren(roadmap, plan, ref ? markFor(db, roadmap.title, ref) : ownMark(roadmap), opts), true),
    ];
  } else if (req.kind === 'order') sections = orderSections(db, req.orderId, (roadmapId) => appendixOptions(db, roadmapId));
  else sections = protocolSections(db, req.meetingId);
  const doc = new Document({
    creator: 'Дорожные карты РМК',
    title,
    styles: { default: { document: { run: { font: FONT, size: TEXT_SIZE } } } },
    sections,
  });
  return { fileName, data: await Packer.toBuffer(doc) };
}
