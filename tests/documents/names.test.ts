/** The words on documents: genitive of the body, the stamp's participle, signatures, file names, periods, clauses. */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  clipAtWord,
  accusativeOfTitle,
  approvedParticiple,
  genitiveOfBody,
  genitiveOfTitle,
  initialsFirst,
  periodText,
  safeFileName,
} from '../../electron/documents/names';
import { numberClauses } from '../../electron/documents/order';
import { responsibleOf } from '../../electron/documents/protocol';
import { writeFileAtomic } from '../../electron/files/write-atomic';
import { tempDir } from '../helpers';

describe('document words', () => {
  it('puts the body in the genitive for «к приказу …»', () => {
    expect(genitiveOfBody('Отдел образования администрации городского округа Карпинск')).toBe(
      'отдела образования администрации городского округа Карпинск',
    );
    expect(genitiveOfBody('Управление образования администрации Тамбовского района')).toBe(
      'управления образования администрации Тамбовского района',
    );
    expect(genitiveOfBody('Комитет по образованию администрации Ульчского муниципального района')).toBe(
      'комитета по образованию администрации Ульчского муниципального района',
    );
    expect(genitiveOfBody('МКУ «Управление образования»')).toBe('МКУ «Управление образования»');
  });

  it('makes the stamp agree with the document', () => {
    expect(approvedParticiple('«Дорожная карта» по реализации мероприятий')).toBe('УТВЕРЖДЕНА');
    expect(approvedParticiple('Дорожная карта по поддержке школ')).toBe('УТВЕРЖДЕНА');
    expect(approvedParticiple('муниципальная «дорожная карта»')).toBe('УТВЕРЖДЕНА');
    expect(approvedParticiple('План мероприятий («дорожная карта»)')).toBe('УТВЕРЖДЁН');
    expect(approvedParticiple('Положение о рабочей группе')).toBe('УТВЕРЖДЕНО');
    expect(approvedParticiple('Программа перехода в эффективный режим')).toBe('УТВЕРЖДЕНА');
  });

  it("inflects the title for the order's clauses and heading", () => {
    expect(accusativeOfTitle('«Дорожная карта» по реализации мероприятий')).toBe('«дорожную карту» по реализации мероприятий');
    expect(genitiveOfTitle('Дорожная карта по поддержке школ')).toBe('дорожной карты по поддержке школ');
    expect(genitiveOfTitle('План мероприятий на 2022 год')).toBe('плана мероприятий на 2022 год');
  });

  it('writes signatures as «И.О. Фамилия»', () => {
    expect(initialsFirst('Грек В.В.')).toBe('В.В. Грек');
    expect(initialsFirst('Гокова В. Я.')).toBe('В.Я. Гокова');
    expect(initialsFirst('Русанова Елена Александровна')).toBe('Е.А. Русанова');
    expect(initialsFirst('В.В. Грек')).toBe('В.В. Грек');
  });

  it('names files as a person would, with the characters Windows forbids replaced', () => {
    expect(safeFileName('Приложение 1 к приказу № 121-од от 12.04.2022')).toBe('Приложение 1 к приказу № 121-од от 12.04.2022');
    expect(safeFileName('Приказ № 1/2 от "01.01.2024"?: <итог>|*')).toBe('Приказ № 1_2 от _01.01.2024___ _итог___');
    expect(safeFileName('Протокол.  ')).toBe('Протокол');
    expect(safeFileName('CON')).toBe('_CON');
  });

  it('says the period as people do', () => {
    expect(periodText('2022-01-01', '2022-12-31')).toBe('2022 год');
    expect(periodText('2021-01-01', '2023-12-31')).toBe('2021–2023 годы');
    expect(periodText('2023-09-01', '2024-05-31')).toBe('2023/2024 учебный год');
    expect(periodText('2024-02-01', '2024-11-30')).toBe('с 01.02.2024 по 30.11.2024');
  });

  it("numbers the order's clauses, keeping the user's own sub-numbers", () => {
    expect(
      numberClauses(
        'Разработать план\nНазначить координатора\nМуниципальному координатору:\n3.1. Обеспечить участие\nРуководителям ОО:',
        'Контроль оставляю за собой.',
      ),
    ).toEqual([
      '1. Разработать план',
      '2. Назначить координатора',
      '3. Муниципальному координатору:',
      '3.1. Обеспечить участие',
      '4. Руководителям ОО:',
      '5. Контроль оставляю за собой.',
    ]);
    expect(numberClauses('5. Пятый\nШестой', '')).toEqual(['5. Пятый', '6. Шестой']);
  });

  it('does not name the responsible person twice', () => {
    expect(responsibleOf('Ремизова Н.Е.', 'Ремизова Н.Е., Зайдулина М.В.')).toBe('Ремизова Н.Е., Зайдулина М.В.');
    expect(responsibleOf('Гокова В.Я.', '')).toBe('Гокова В.Я.');
    expect(responsibleOf('Гокова В.Я.', 'кураторы')).toBe('Гокова В.Я., кураторы');
    expect(responsibleOf('', 'Руководители ОО')).toBe('Руководители ОО');
  });
});

describe('writing files', () => {
  it('writes through a temporary file and leaves nothing behind when it cannot', () => {
    const dir = tempDir();
    const target = path.join(dir, 'a.docx');
    writeFileAtomic(target, Buffer.from('PK first'));
    writeFileAtomic(target, Buffer.from('PK second'));
    expect(fs.readFileSync(target, 'utf8')).toBe('PK second');
    expect(fs.readdirSync(dir)).toEqual(['a.docx']);
    expect(() => writeFileAtomic(path.join(dir, 'нет такой папки', 'b.docx'), Buffer.from('x'))).toThrow(/папка .* не существует/);
    fs.mkdirSync(path.join(dir, 'folder.docx'));
    expect(() => writeFileAtomic(path.join(dir, 'folder.docx'), Buffer.from('x'))).toThrow(/это папка, а не файл/);
    fs.writeFileSync(path.join(dir, 'file'), 'x');
    expect(() => writeFileAtomic(path.join(dir, 'file', 'c.docx'), Buffer.from('x'))).toThrow(/Не удалось записать «c\.docx»/);
    expect(fs.readdirSync(dir).sort()).toEqual(['a.docx', 'file', 'folder.docx']);
  });
});

describe('a long title in a file name', () => {
  it('is cut at a word boundary with «…», never in the middle of a word', () => {
    const title = 'План мероприятий («дорожная карта») по повышению качества образования школы со сниженными результатами';
    expect(clipAtWord(title, 80)).toBe('План мероприятий («дорожная карта») по повышению качества образования школы со…');
    expect(clipAtWord('Короткое название', 80)).toBe('Короткое название');
  });
});
