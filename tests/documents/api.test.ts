/** Documents through the API: preview, download (the browser mode), save through the desktop host, opening only what was saved. */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { callApi } from '../../electron/api/call';
import type { ApiContext, Host } from '../../electron/api/define';
import { fillDemo } from '../../electron/demo';
import { apiOf, freshDb, tempDir } from '../helpers';

function setup() {
  const db = freshDb();
  fillDemo(db);
  const id = (sql: string) => db.sqlite.prepare(sql).pluck().get() as number;
  return {
    db,
    karpinsk: id("SELECT id FROM roadmaps WHERE title LIKE '%Карпинск%'"),
    order: id("SELECT id FROM orders WHERE number = '38-д'"),
    meeting: id('SELECT id FROM meetings'),
  };
}

describe('documents through the API', () => {
  it('previews the main fields and a file name a person would type', async () => {
    const { db, karpinsk, order, meeting } = setup();
    const ctx = { db };
    expect(await callApi(ctx, 'documents.preview', { request: { kind: 'appendix', roadmapId: karpinsk } })).toMatchObject({
      ok: true,
      value: {
        fileName: 'Приложение 1 к приказу № 38-д от 28.03.2022.docx',
        lines: expect.arrayContaining([
          { label: 'Разделов / мероприятий', value: '3 / 7' },
          { label: 'Ориентация', value: 'альбомная' },
        ]),
      },
    });
    expect(await callApi(ctx, 'documents.preview', { request: { kind: 'order', orderId: order } })).toMatchObject({
      ok: true,
      value: { fileName: 'Приказ № 38-д от 28.03.2022.docx' },
    });
    expect(await callApi(ctx, 'documents.preview', { request: { kind: 'protocol', meetingId: meeting } })).toMatchObject({
      ok: true,
      value: { fileName: 'Протокол № 1 от 14.04.2022.docx' },
    });
    expect(await callApi(ctx, 'documents.preview', { request: { kind: 'protocol', meetingId: 999 } })).toMatchObject({
      ok: false,
      error: { message: 'Не найдено: заседание № 999. Возможно, запись уже удалена.' },
    });
  });

  it('gives the file for download in the browser mode, and refuses desktop-only actions there', async () => {
    const { db, order } = setup();
    const r = await callApi({ db }, 'documents.download', { request: { kind: 'order', orderId: order } });
    expect(r.ok).toBe(true);
    const { fileName, base64 } = (r as { value: { fileName: string; base64: string } }).value;
    expect(fileName).toBe('Приказ № 38-д от 28.03.2022.docx');
    expect(Buffer.from(base64, 'base64').subarray(0, 2).toString()).toBe('PK');
    expect(await callApi({ db }, 'documents.save', { request: { kind: 'order', orderId: order } })).toMatchObject({
      ok: false,
      error: { code: 'no_host' },
    });
  });

  it('saves through the save dialog into the last folder, then opens only files it saved', async () => {
    const { db, karpinsk } = setup();
    const folder = tempDir();
    const asked: string[] = [];
    const opened: string[] = [];
    const host: Host = {
      chooseSavePath: async (p) => {
        asked.push(p);
        return path.join(folder, path.basename(p));
      },
      chooseFolder: async () => folder,
      openPath: async (p) => void opened.push(p),
      showInFolder: (p) => void opened.push(`folder:${p}`),
    };
    const ctx: ApiContext = { db, host, savedPaths: new Set() };
    const first = await callApi(ctx, 'documents.save', { request: { kind: 'appendix', roadmapId: karpinsk } });
    const saved = path.join(folder, 'Приложение 1 к приказу № 38-д от 28.03.2022.docx');
    expect(first).toEqual({ ok: true, value: { cancelled: false, path: saved } });
    expect(fs.readFileSync(saved).subarray(0, 2).toString()).toBe('PK');
    expect(asked[0]).toBe('Приложение 1 к приказу № 38-д от 28.03.2022.docx');
    // The second time the dialog opens in the folder used last.
    await callApi(ctx, 'documents.save', { request: { kind: 'appendix', roadmapId: karpinsk } });
    expect(asked[1]).toBe(saved);
    expect(await callApi(ctx, 'files.open', { path: saved })).toEqual({ ok: true, value: null });
    expect(await callApi(ctx, 'files.showInFolder', { path: saved })).toEqual({ ok: true, value: null });
    expect(opened).toEqual([saved, `folder:${saved}`]);
    expect(await callApi(ctx, 'files.open', { path: '/etc/passwd' })).toMatchObject({ ok: false, error: { code: 'unknown_file' } });
    const cancelled = await callApi({ ...ctx, host: { ...host, chooseSavePath: async () => null } }, 'documents.save', {
      request: { kind: 'appendix', roadmapId: karpinsk },
    });
    expect(cancelled).toEqual({ ok: true, value: { cancelled: true } });
  });

  it('offers a starting text for the order from the roadmap, the coordinator and the curators', async () => {
    const { db, karpinsk } = setup();
    const r = await callApi({ db }, 'orders.suggest', { appendices: [{ roadmapId: karpinsk, appendixNumber: '1' }] });
    expect(r.ok).toBe(true);
    const s = (r as { value: { title: string; clauses: string; control: string } }).value;
    expect(s.title).toBe(
      'Об утверждении «дорожной карты» по реализации мероприятий, направленных на повышение качества образования общеобразовательными учреждениями ГО Карпинск в 2022 году',
    );
    expect(s.clauses.split('\n')).toEqual([
      'Утвердить «дорожную карту» по реализации мероприятий, направленных на повышение качества образования общеобразовательными учреждениями ГО Карпинск в 2022 году (приложение 1).',
      'Назначить муниципальным координатором проекта адресной методической помощи школам с низкими образовательными результатами «500+» методиста МАУ «ЦОИ» Е.А. Русанову.',
      'Назначить школьным куратором проекта «500+» в МАОУ СОШ № 2 заместителя директора по УВР МАОУ СОШ № 5 Н.Е. Ремизову.',
      'Назначить школьным куратором проекта «500+» в МАОУ СОШ № 24 и МАОУ СОШ № 33 заместителя директора по УВР МАОУ СОШ № 16 М.В. Зайдулину.',
      'Руководителям общеобразовательных организаций МАОУ СОШ № 2 (Н.Н. Вибе), МАОУ СОШ № 24 (О.А. Глухова), МАОУ СОШ № 33 (Л.Б. Панина) разработать планы мероприятий на основании «дорожной карты», направленные на повышение качества образования.',
    ]);
    // A title typed with a closing full stop gives one sentence, not «… . (приложение 2).»
    const dotted = apiOf(db)('roadmaps.create', {
      title: 'Дорожная карта ШНОР на 2025 год.',
      periodStart: '2025-01-01',
      periodEnd: '2025-12-31',
    });
    const r2 = await callApi({ db }, 'orders.suggest', { appendices: [{ roadmapId: dotted.id, appendixNumber: '2' }] });
    expect((r2 as { value: { clauses: string } }).value.clauses.split('\n')[0]).toBe(
      'Утвердить дорожную карту ШНОР на 2025 год (приложение 2).',
    );
  });
});

describe('a document that would come out empty', () => {
  it('is warned about in the preview, before anything is written: a roadmap without measures, an order without clauses, a protocol without agenda', async () => {
    const db = freshDb();
    const api = apiOf(db);
    const roadmap = api('roadmaps.create', { title: 'Пустая карта', periodStart: '2024-01-01', periodEnd: '2024-12-31' });
    const order = api('orders.save', { id: null, values: { number: '1', date: '2024-01-10', title: 'Об утверждении' } });
    const meeting = api('meetings.save', { id: null, values: { date: '2024-02-01', number: '1' } });
    const warnings = async (request: object) =>
      ((await callApi({ db }, 'documents.preview', { request })) as { value: { warnings: string[] } }).value.warnings;
    expect(await warnings({ kind: 'appendix', roadmapId: roadmap.id })).toEqual([
      'В дорожной карте нет ни одного мероприятия: приложение выйдет с пустой таблицей плана.',
    ]);
    expect(await warnings({ kind: 'order', orderId: order.id })).toEqual([
      'В приказе нет ни одного пункта: после «ПРИКАЗЫВАЮ:» ничего не будет.',
    ]);
    expect(await warnings({ kind: 'protocol', meetingId: meeting.id })).toEqual([
      'В протоколе нет ни одного вопроса повестки: не будет ни «СЛУШАЛИ», ни «РЕШИЛИ».',
    ]);
    // Documents with content carry no warning.
    api('plan.addMeasure', { roadmapId: roadmap.id, sectionId: null, values: { name: 'Семинар' } });
    expect(await warnings({ kind: 'appendix', roadmapId: roadmap.id })).toEqual([]);
  });
});
