/**
 * The Word documents, opened by independent readers: python-docx for what a reader checks (the mark
 * and stamp, every measure in its row and column, merged section rows, the repeating header row,
 * orientation, fields, fonts, decisions numbered right) and LibreOffice for the layout (page counts).
 */
import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { dumpRoadmap } from '../../db/dump';
import { closeDatabase, openDatabase } from '../../db/open';
import { runCli, tempDir } from '../helpers';
import { firstPagePng, paragraphs, pdfPages, pdfText, readDocx, tables, toPdf } from './readers';

const cli = (...args: string[]) => runCli(args);

const dir = tempDir('rmk-docs-');
const dbFile = path.join(dir, 'demo.sqlite');
const ids = { zeya: 0, karpinsk: 0, order: 0, meeting: 0 };
const out = (name: string) => path.join(dir, name);

function exportOk(...args: string[]): string {
  const file = args[args.indexOf('--out') + 1]!;
  const r = cli('export', ...args, '--db', dbFile);
  expect(r.status, r.stderr).toBe(0);
  expect(JSON.parse(r.stdout)).toMatchObject({ out: file });
  return file;
}

beforeAll(() => {
  expect(cli('demo', '--db', dbFile).status).toBe(0);
  const db = openDatabase(dbFile);
  ids.zeya = db.sqlite.prepare("SELECT id FROM roadmaps WHERE title LIKE '%МОАУ ЦО%'").pluck().get() as number;
  ids.karpinsk = db.sqlite.prepare("SELECT id FROM roadmaps WHERE title LIKE '%Карпинск%'").pluck().get() as number;
  ids.order = db.sqlite.prepare("SELECT id FROM orders WHERE number = '38-д'").pluck().get() as number;
  ids.meeting = db.sqlite.prepare('SELECT id FROM meetings').pluck().get() as number;
  closeDatabase(db);
});

describe('the appendix to an order', () => {
  it('prints the Zeya roadmap: the mark and stamp top right, the title, every measure in its row and column', () => {
    const file = exportOk('appendix', '--roadmap', String(ids.zeya), '--out', out('zeya.docx'));
    const d = readDocx(file);
    const ps = paragraphs(d);
    expect(ps[0]!.text).toBe('Приложение к приказу отдела образования администрации городского округа Карпинск от 12.04.2022 № 121 –о д');
    // «План мероприятий …» is masculine: УТВЕРЖДЁН.
    expect(ps[1]!.text).toBe('УТВЕРЖДЁН\nприказом отдела образования администрации городского округа Карпинск от 12.04.2022 № 121 –о д');
    expect(ps[2]).toMatchObject({ text: expect.stringContaining('План мероприятий («дорожная карта»)'), bold: true, alignment: 'CENTER' });
    expect(ps[3]).toMatchObject({ text: 'Период реализации: 2022 год', alignment: 'CENTER' });

    const [plan] = tables(d);
    expect(plan!.rows[0]).toMatchObject({ header: true, cantSplit: true });
    expect(plan!.rows[0]!.cells.map((c) => c.text)).toEqual([
      '№ п/п',
      'Мероприятия',
      'Сроки исполнения',
      'Ответственные исполнители',
      'Целевые ориентиры',
    ]);
    expect(plan!.rows[0]!.cells.every((c) => c.bold)).toBe(true);
    const db = openDatabase(dbFile);
    const measures = dumpRoadmap(db, ids.zeya).sections.flatMap((s) => s.measures);
    closeDatabase(db);
    expect(measures).toHaveLength(31);
    expect(plan!.rows.slice(1).map((r) => r.cells.map((c) => c.text))).toEqual(
      measures.map((m) => [m.number, m.name, m.term, m.executors, m.result]),
    );
    // Narrow №, wide measure.
    expect(plan!.grid[0]! * 5).toBeLessThan(plan!.grid[1]!);
    expect(Math.max(...plan!.grid)).toBe(plan!.grid[1]);
    // Every cell prints in Times New Roman 12 pt (said once by the cells' paragraph style), only the header bold.
    const cells = plan!.rows.flatMap((r) => r.cells).filter((c) => c.text.trim());
    expect(new Set(cells.flatMap((c) => [...c.fonts, ...c.sizesPt]))).toEqual(new Set(['Times New Roman', 12]));
    expect(plan!.rows.map((r) => r.cells.some((c) => c.bold))).toEqual(plan!.rows.map((_, i) => i === 0));
  });

  it('is landscape A4 with fields 30/15/20/20 mm, Times New Roman, page numbers from the second page at the top', () => {
    const d = readDocx(out('zeya.docx'));
    expect(d.sections).toHaveLength(1);
    expect(d.sections[0]).toMatchObject({
      orientation: 'landscape',
      widthMm: 297,
      heightMm: 210,
      leftMm: 30,
      rightMm: 15,
      topMm: 20,
      bottomMm: 20,
      differentFirstPage: true,
      headerHasPageField: true,
      firstHeaderText: [''],
    });
    expect(d.defaultFont).toBe('Times New Roman');
    for (const p of paragraphs(d)) if (p.text) expect(p.fonts).toEqual(['Times New Roman']);
  });

  it('prints sections as rows merged across all five columns, bold, and the passport as a two-column table', () => {
    const file = exportOk('appendix', '--roadmap', String(ids.karpinsk), '--out', out('karpinsk.docx'));
    const d = readDocx(file);
    expect(paragraphs(d)[1]!.text).toMatch(/^УТВЕРЖДЕНА\nприказом отдела образования .* от 28\.03\.2022 № 38-д$/);
    // The passport, the demo's indicators (school years, then calendar years: they do not share columns), the plan.
    const [passport, schoolYears, calendarYears, plan] = tables(d);
    expect(tables(d)).toHaveLength(4);
    expect(schoolYears!.rows[0]!.cells.map((c) => c.text)).toEqual(['Индикатор', 'Ед. изм.', 'Базовое значение', '2021/2022', '2022/2023']);
    expect(schoolYears!.rows[1]!.cells.slice(1).map((c) => c.text)).toEqual(['%', '91,2 (2020)', '93', '95']);
    expect(calendarYears!.rows[0]!.cells.map((c) => c.text)).toEqual(['Индикатор', 'Ед. изм.', 'Базовое значение', '2022']);
    expect(calendarYears!.rows.length).toBe(1 + 5);
    expect(passport!.rows.map((r) => r.cells[0]!.text)).toEqual([
      'Наименование',
      'Сроки реализации',
      'Координатор',
      'Цель',
      'Задачи',
      'Основание',
    ]);
    expect(passport!.rows[1]!.cells[1]!.text).toBe('2022 год');
    expect(passport!.rows[4]!.cells[1]!.text).toBe(
      '1. Обеспечить адресную методическую помощь школам — участникам проекта «500+».\n2. Организовать работу школьных кураторов.\n3. Обеспечить мониторинг реализации антирисковых программ.',
    );
    const sectionRows = plan!.rows.filter((r) => r.cells.length === 1);
    expect(sectionRows.map((r) => [r.cells[0]!.text, r.cells[0]!.span, r.cells[0]!.bold])).toEqual([
      ['1. Организационно-управленческие мероприятия', 5, true],
      ['2. Методическое сопровождение', 5, true],
      ['3. Мониторинг и анализ результатов', 5, true],
    ]);
    expect(
      plan!.rows
        .filter((r) => r.cells.length === 5)
        .slice(1)
        .map((r) => r.cells[0]!.text),
    ).toEqual(['1.1', '1.2', '1.3', '2.1', '2.2', '3.1', '3.2']);
    // Both tables in Times New Roman 12 pt; bold: the passport's labels, the plan's header and section rows.
    for (const t of [passport!, plan!])
      for (const c of t.rows.flatMap((r) => r.cells).filter((c) => c.text.trim()))
        expect([c.fonts, c.sizesPt]).toEqual([['Times New Roman'], [12]]);
    expect(passport!.rows.map((r) => r.cells.map((c) => c.bold))).toEqual(passport!.rows.map(() => [true, false]));
    expect(plan!.rows.filter((r) => r.cells.some((c) => c.bold)).map((r) => r.cells.length)).toEqual([5, 1, 1, 1]);
  });

  it('follows the options: portrait, no passport, no stamp', () => {
    const d = readDocx(
      exportOk(
        'appendix',
        '--roadmap',
        String(ids.karpinsk),
        '--orientation',
        'portrait',
        '--no-passport',
        '--no-stamp',
        '--out',
        out('karpinsk-portrait.docx'),
      ),
    );
    expect(d.sections[0]).toMatchObject({ orientation: 'portrait', widthMm: 210, heightMm: 297 });
    expect(tables(d)).toHaveLength(1);
    expect(paragraphs(d).some((p) => p.text.startsWith('УТВЕРЖДЕНА'))).toBe(false);
    expect(paragraphs(d)[0]!.text).toMatch(/^Приложение 1 к приказу/);
  });

  it('converts with LibreOffice to the expected number of pages; first pages saved as pictures', () => {
    const zeya = toPdf(out('zeya.docx'));
    expect(pdfPages(zeya)).toEqual({ pages: 7, pageSize: expect.stringMatching(/^841\.89 x 595\.\d+ pts \(A4\)$/) });
    firstPagePng(zeya, 'appendix-zeya');
    const karpinsk = toPdf(out('karpinsk.docx'));
    // The passport, the demo's indicator tables and the plan.
    expect(pdfPages(karpinsk).pages).toBe(3);
    // The header row repeats on the second page.
    const text = pdfText(karpinsk).split('\f');
    expect(text[2]).toContain('Ключевой результат');
    firstPagePng(karpinsk, 'appendix-karpinsk');
  });

  it('refuses an order that does not approve the roadmap, leaving nothing at --out', () => {
    const target = out('wrong-order.docx');
    const r = cli('export', 'appendix', '--db', dbFile, '--roadmap', String(ids.zeya), '--order', String(ids.order), '--out', target);
    expect(r.status).toBe(1);
    expect(r.stderr.trim().split('\n')).toEqual([
      'Приказ № 38-д от 28.03.2022 не утверждает эту дорожную карту: добавьте её в приложения приказа.',
    ]);
    expect(fs.existsSync(target)).toBe(false);
    expect(fs.readdirSync(dir).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });
});

describe('the order', () => {
  it('has the name block, ПРИКАЗ, date and number, place, title, basis, ПРИКАЗЫВАЮ, numbered clauses, control, signature', () => {
    const d = readDocx(exportOk('order', '--order', String(ids.order), '--out', out('order.docx')));
    const texts = paragraphs(d)
      .map((p) => p.text)
      .filter(Boolean);
    expect(texts.slice(0, 5)).toEqual([
      'ОТДЕЛ ОБРАЗОВАНИЯ АДМИНИСТРАЦИИ ГОРОДСКОГО ОКРУГА КАРПИНСК',
      'ПРИКАЗ',
      '28.03.2022\t№ 38-д',
      'г. Карпинск',
      expect.stringMatching(/^Об утверждении дорожной карты, муниципальных координаторов/),
    ]);
    expect(texts[5]).toMatch(/^На основании информационного письма/);
    expect(texts[6]).toBe('ПРИКАЗЫВАЮ:');
    expect(texts.slice(7, 12).map((t) => t.slice(0, 3))).toEqual(['1. ', '2. ', '3. ', '4. ', '5. ']);
    expect(texts[7]).toMatch(/^1\. Разработать и утвердить «дорожную карту»/);
    expect(texts[11]).toBe(
      '5. Контроль исполнения настоящего приказа возложить на заместителя начальника отдела образования администрации ГО Карпинск Л.Л. Евсееву.',
    );
    expect(texts[12]).toBe('Начальник отдела образования\tВ.В. Грек');
    expect(paragraphs(d).find((p) => p.text === 'ПРИКАЗ')).toMatchObject({ bold: true, alignment: 'CENTER' });
  });

  it('carries its appendix on a new landscape page with its mark and stamp', () => {
    const d = readDocx(out('order.docx'));
    expect(d.sections.map((s) => s.orientation)).toEqual(['portrait', 'landscape']);
    expect(d.sections[0]).toMatchObject({ leftMm: 30, rightMm: 15, topMm: 20, bottomMm: 20, differentFirstPage: true });
    expect(paragraphs(d).find((p) => p.text.startsWith('Приложение 1 к приказу'))!.text).toBe(
      'Приложение 1 к приказу отдела образования администрации городского округа Карпинск от 28.03.2022 № 38-д',
    );
    expect(
      tables(d)
        .at(-1)!
        .rows[0]!.cells.map((c) => c.text),
    ).toEqual(['№ п/п', 'Наименование мероприятия', 'Сроки реализации', 'Исполнители', 'Ключевой результат']);
    const pdf = toPdf(out('order.docx'));
    // The order, then the appendix: its passport with the demo's indicators, and the plan.
    expect(pdfPages(pdf).pages).toBe(4);
    firstPagePng(pdf, 'order');
  });
});

describe('the protocol', () => {
  it('has ПРОТОКОЛ, date, number, place, chair, secretary, attendees, invited, the agenda, СЛУШАЛИ / ВЫСТУПИЛИ / РЕШИЛИ and signatures', () => {
    const d = readDocx(exportOk('protocol', '--meeting', String(ids.meeting), '--out', out('protocol.docx')));
    const texts = paragraphs(d)
      .map((p) => p.text)
      .filter(Boolean);
    expect(texts).toEqual([
      'ОТДЕЛ ОБРАЗОВАНИЯ АДМИНИСТРАЦИИ ГОРОДСКОГО ОКРУГА КАРПИНСК',
      'ПРОТОКОЛ',
      'заседания рабочей группы',
      '14.04.2022\t№ 1',
      'г. Карпинск, отдел образования, каб. 12',
      'Председатель – Гокова В.Я.',
      'Секретарь – Русанова Е.А.',
      'Присутствовали: Евсеева Л.Л., Ремизова Н.Е., Зайдулина М.В., Вибе Н.Н., Глухова О.А., Панина Л.Б.',
      'Приглашённые: Грек В.В. – начальник отдела образования',
      'ПОВЕСТКА ДНЯ:',
      '1. Об утверждении плана работы рабочей группы по реализации «дорожной карты»',
      '2. О результатах муниципального тестирования педагогов',
      '1. СЛУШАЛИ:',
      'Гокову В.Я., руководителя рабочей группы, о проекте плана работы на 2022 год.',
      'ВЫСТУПИЛИ:',
      'Евсеева Л.Л. предложила дополнить план посещением уроков школьными кураторами.',
      'РЕШИЛИ:',
      '1.1. Утвердить план работы рабочей группы на 2022 год с учётом предложений. Ответственный: Гокова В.Я. Срок: До 20 апреля 2022.',
      '1.2. Школьным кураторам составить график посещения уроков. Ответственный: Ремизова Н.Е., Зайдулина М.В. Срок: До 30.04.2022.',
      '2. СЛУШАЛИ:',
      'Русанову Е.А., муниципального координатора, о результатах тестирования педагогов начальной школы.',
      'РЕШИЛИ:',
      '2.1. Руководителям ОО учесть результаты тестирования при планировании курсов повышения квалификации. Ответственный: Руководители ОО. Срок: Май 2022.',
      'Председатель\tВ.Я. Гокова',
      'Секретарь\tЕ.А. Русанова',
    ]);
    expect(d.sections[0]).toMatchObject({ orientation: 'portrait', widthMm: 210, leftMm: 30 });
    const pdf = toPdf(out('protocol.docx'));
    expect(pdfPages(pdf).pages).toBe(2);
    firstPagePng(pdf, 'protocol');
  });
});
