/**
 * Word documents from the database: what was asked for, its preview (main fields and a file name a
 * person would type), and the .docx itself. Everything here runs under plain Node.
 */
import { Document, Packer } from 'docx';
import type { Db } from '../../db/open';
import { ruDate } from '../../db/terms/dates';
import { type AppendixRequest, appendixChildren } from './appendix';
import { DOCUMENT_STYLES, section } from './layout';
import { clipAtWord, safeFileName } from './names';
import { orderSections } from './order';
import { protocolSections } from './protocol';
import { type AppendixSource, appendixSource, meetingSource, orderSource } from './sources';

export type DocumentRequest =
  ({ kind: 'appendix' } & AppendixRequest) | { kind: 'order'; orderId: number } | { kind: 'protocol'; meetingId: number };

export interface DocumentPreview {
  fileName: string;
  title: string;
  lines: { label: string; value: string }[];
  /** Said before the file is written: a document that would come out empty is probably a mistake. */
  warnings: string[];
}

function appendixPreview({ roadmap, plan, indicators, ref, mark, options: opts }: AppendixSource): DocumentPreview {
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
      // Only when there is something to print: the dialog offers the option by this line.
      ...(indicators.length
        ? [
            {
              label: 'Таблица индикаторов',
              value: opts.includeIndicators && opts.includePassport ? `печатается (${indicators.length})` : 'не печатается',
            },
          ]
        : []),
      { label: 'Ориентация', value: opts.orientation === 'landscape' ? 'альбомная' : 'книжная' },
    ],
    warnings: measures === 0 ? ['В дорожной карте нет ни одного мероприятия: приложение выйдет с пустой таблицей плана.'] : [],
  };
}

export function previewDocument(db: Db, req: DocumentRequest): DocumentPreview {
  if (req.kind === 'appendix') return appendixPreview(appendixSource(db, req));
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
  let preview: DocumentPreview;
  let sections;
  if (req.kind === 'appendix') {
    // Read once: the preview (the file's name) and the document come from the same gathered source.
    const src = appendixSource(db, req);
    preview = appendixPreview(src);
    sections = [section(src.options.orientation, appendixChildren(src.roadmap, src.plan, src.mark, src.options, src.indicators), true)];
  } else {
    preview = previewDocument(db, req);
    sections = req.kind === 'order' ? orderSections(db, req.orderId) : protocolSections(db, req.meetingId);
  }
  const doc = new Document({ creator: 'Дорожные карты РМК', title: preview.title, styles: DOCUMENT_STYLES, sections });
  return { fileName: preview.fileName, data: await Packer.toBuffer(doc) };
}
