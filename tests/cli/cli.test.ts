/** The headless way in, run as a real process the way a user or a script would. */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli, tempDir } from '../helpers';

function cli(...args: string[]) {
  const r = runCli(args);
  return {
    code: r.status,
    out: r.stdout,
    err: r.stderr,
    lines: r.stdout
      .trim()
      .split('\n')
      .filter(Boolean)
      .map((l) => JSON.parse(l) as Record<string, unknown>),
  };
}

describe('cli demo, list, dump', () => {
  const db = path.join(tempDir(), 'demo.sqlite');

  it('fills an empty database with the demo district', () => {
    const r = cli('demo', '--db', db);
    expect(r.code).toBe(0);
    expect(r.lines).toEqual([{ roadmaps: 2, measures: 38, people: 9, schools: 6 }]);
  });

  it('refuses to fill a database that already has data, with one Russian line and a non-zero exit', () => {
    const r = cli('demo', '--db', db);
    expect(r.code).not.toBe(0);
    expect(r.err.trim().split('\n')).toEqual(['Демонстрационные данные заполняются только в пустую базу: в этой уже есть записи.']);
  });

  it('refuses to read a database that is not there (a mistyped --db), creating nothing', () => {
    const typo = path.join(tempDir(), 'опечатка.sqlite');
    for (const args of [
      ['list', '--db', typo],
      ['backup', '--db', typo, '--out', `${typo}.copy`],
    ]) {
      const r = cli(...args);
      expect(r.code).toBe(1);
      expect(r.err.trim()).toBe(`Файла базы данных «${typo}» нет. Проверьте путь в --db (или RMK_DB).`);
    }
    expect(fs.readdirSync(path.dirname(typo))).toEqual([]);
  });

  it('lists roadmaps (by default), orders, meetings, schools and people, one JSON line per record', () => {
    const roadmaps = cli('list', '--db', db).lines;
    expect(roadmaps.map((r) => [r.title, r.measures])).toEqual(
      expect.arrayContaining([
        [expect.stringContaining('(МОАУ ЦО) на 2022 год'), 31],
        [expect.stringContaining('ГО Карпинск в 2022 году'), 7],
      ]),
    );
    expect(cli('list', 'orders', '--db', db).lines.map((o) => [o.number, o.date])).toEqual(
      expect.arrayContaining([
        ['38-д', '2022-03-28'],
        ['121 –о д', '2022-04-12'],
      ]),
    );
    expect(cli('list', 'meetings', '--db', db).lines).toMatchObject([{ number: '1', date: '2022-04-14', items: 2, decisions: 3 }]);
    const schools = cli('list', 'schools', '--db', db).lines;
    expect(schools.find((s) => s.shortName === 'МАОУ СОШ № 2')).toMatchObject({ isShnor: true, is500: true });
    expect(cli('list', 'people', '--db', db).lines.map((p) => p.name)).toContain('Русанова Е.А.');
  });

  it('dumps the Zeya roadmap: 31 measures, outside any section, with terms, executors and results as written', () => {
    const zeya = cli('list', '--db', db).lines.find((r) => String(r.title).includes('МОАУ ЦО'))!;
    const r = cli('dump', '--db', db, '--roadmap', String(zeya.id));
    expect(r.code).toBe(0);
    const d = r.lines[0] as {
      periodStart: string;
      captions: Record<string, string>;
      sections: { title: string | null; measures: Record<string, string>[] }[];
    };
    expect(d.periodStart).toBe('2022-01-01');
    expect(d.captions).toMatchObject({ name: 'Мероприятия', term: 'Сроки исполнения', result: 'Целевые ориентиры' });
    expect(d.sections).toHaveLength(1);
    expect(d.sections[0]!.title).toBeNull();
    const ms = d.sections[0]!.measures;
    expect(ms).toHaveLength(31);
    expect(ms[4]).toMatchObject({
      number: '5.',
      term: 'С 11.04.2022',
      executors: 'Отдел образования Руководитель ОО',
      result: 'Прохождение тестирования 100%',
    });
    expect(ms[7]!.term).toBe('Май, июнь 2022');
    expect(ms[16]!.name).toContain('перевода образовательных организаций в эффективный режим работы, в том числе МОАУ ЦО');
  });

  it('dumps a roadmap with sections numbered 1, 2, 3 and its passport', () => {
    const k = cli('list', '--db', db).lines.find((r) => String(r.title).includes('Карпинск'))!;
    const d = cli('dump', '--db', db, '--roadmap', String(k.id)).lines[0] as {
      passport: Record<string, string>;
      sections: { number: string; title: string; measures: { number: string; term: string }[] }[];
    };
    expect(d.sections.map((s) => s.number)).toEqual(['1', '2', '3']);
    expect(d.sections[1]!.measures.map((m) => [m.number, m.term])).toEqual([
      ['2.1', 'Ежеквартально'],
      ['2.2', 'Февраль –ноябрь 2022'],
    ]);
    expect(d.passport.goal).toContain('Повышение качества образования');
  });

  it('fails with one Russian line on an unknown roadmap, a bad id, an unknown command and a non-database file', () => {
    const bad = path.join(tempDir(), 'not.sqlite');
    fs.writeFileSync(bad, 'PK\u0003\u0004 not a database at all, really not');
    for (const [args, msg] of [
      [['dump', '--db', db, '--roadmap', '999'], /Не найдено: дорожная карта № 999/],
      [['dump', '--db', db, '--roadmap', 'abc'], /--roadmap должен быть положительным целым числом/],
      [['dump', '--db', db], /Укажите --roadmap ID/],
      [['frobnicate', '--db', db], /Неизвестная команда «frobnicate»/],
      [['list', 'cats', '--db', db], /Нечего перечислить: «cats»/],
      [['list', '--db', bad], /не является базой данных программы/],
      [['list', '--bogus'], /Неверные параметры команды/],
    ] as [string[], RegExp][]) {
      const r = cli(...args);
      expect(r.code, args.join(' ')).not.toBe(0);
      expect(r.err.trim().split('\n'), args.join(' ')).toHaveLength(1);
      expect(r.err, args.join(' ')).toMatch(msg);
      expect(r.out).toBe('');
    }
    expect(fs.readFileSync(bad, 'utf8')).toBe('PK\u0003\u0004 not a database at all, really not');
  });

  it('takes the database from RMK_DB when --db is not given', () => {
    const r = runCli(['list', 'meetings'], { env: { RMK_DB: db } });
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('"date":"2022-04-14"');
  });
});

describe('cli term', () => {
  const run = (args: string[], input?: string) => {
    const r = runCli(['term', ...args], { input });
    return { code: r.status, out: r.stdout, err: r.stderr };
  };

  it('prints the structured term as one JSON line', () => {
    const r = run(['--period', '2024-01-01..2024-12-31', 'Март –май 2024']);
    expect(r.code).toBe(0);
    expect(r.out).toBe('{"kind":"range","start":"2024-03-01","end":"2024-05-31","due":["2024-05-31"]}\n');
  });

  it('reads one term per line from standard input and answers in order, unparsed ones included', () => {
    const r = run(['--period', '2024-01-01..2024-12-31', '--stdin'], 'до 5мая 2024\nПо мере поступления запросов\n\nежегодно в мае\n');
    expect(r.code).toBe(0);
    expect(
      r.out
        .trim()
        .split('\n')
        .map((l) => JSON.parse(l).kind),
    ).toEqual(['deadline', 'unparsed', 'unparsed', 'recurring']);
  });

  it('fails only for a bad --period, with one Russian line', () => {
    for (const p of ['2024-01-01', '2024-12-31..2024-01-01', '2024-02-30..2024-12-31', 'вчера..сегодня']) {
      const r = run(['--period', p, 'до 1 мая']);
      expect(r.code, p).toBe(1);
      expect(r.err.trim().split('\n'), p).toEqual([expect.stringMatching(/^Неверный --period/)]);
    }
  });
});

describe('cli call: any API method through the same door as the UI', () => {
  const db = path.join(tempDir(), 'call.sqlite');

  it('runs a method with JSON input and prints its value as JSON; undo and redo work from the command line too', () => {
    expect(cli('demo', '--db', db).code).toBe(0);
    const roadmaps = cli('call', '--db', db, 'roadmaps.list');
    expect(roadmaps.code).toBe(0);
    const list = JSON.parse(roadmaps.out) as { id: number; title: string }[];
    expect(list).toHaveLength(2);
    const k = list.find((r) => r.title.includes('Карпинск'))!;
    const created = cli('call', '--db', db, 'plan.addSection', JSON.stringify({ roadmapId: k.id, title: 'Из командной строки' }));
    expect(created.code, created.err).toBe(0);
    expect(typeof JSON.parse(created.out)).toBe('number');
    const plan = JSON.parse(cli('call', '--db', db, 'plan.get', JSON.stringify({ roadmapId: k.id })).out) as {
      sections: { title: string }[];
      undo: { last: string };
    };
    expect(plan.sections.map((s) => s.title)).toContain('Из командной строки');
    expect(plan.undo.last).toBe('Добавление раздела');
    expect(JSON.parse(cli('call', '--db', db, 'plan.undo', JSON.stringify({ roadmapId: k.id })).out)).toEqual({
      undone: 'Добавление раздела',
    });
    expect(JSON.parse(cli('call', '--db', db, 'plan.redo', JSON.stringify({ roadmapId: k.id })).out)).toEqual({
      redone: 'Добавление раздела',
    });
  });

  it("refuses bad input with the UI's Russian message on one line and exit 1, writing nothing", () => {
    for (const [args, msg] of [
      [
        ['call', '--db', db, 'plan.addSection', '{"roadmapId":1,"title":"  "}'],
        /^Неверные данные — «Название»: Поле обязательно для заполнения\.$/,
      ],
      [['call', '--db', db, 'roadmaps.get', '{"id":999}'], /^Не найдено: дорожная карта № 999/],
      [['call', '--db', db, 'sqlite.exec', '{}'], /^Неизвестное действие программы\.$/],
      [['call', '--db', db, 'plan.get', '{roadmapId: 1}'], /^Входные данные должны быть записаны в JSON, например/],
      [['call', '--db', db], /^Укажите действие/],
      [
        ['export', 'report', '--db', db, '--quarter', '2022-Q2', '--date', '2022-02-31', '--out', path.join(tempDir(), 'r.xlsx')],
        /^Неверные данные — «Дата»: Такой даты нет: 31\.02\.2022\.$/,
      ],
    ] as [string[], RegExp][]) {
      const r = cli(...args);
      expect(r.code, args.join(' ')).toBe(1);
      expect(r.err.trim().split('\n'), args.join(' ')).toEqual([expect.stringMatching(msg)]);
      expect(r.out).toBe('');
    }
  });
});
