import { expect, test } from 'vitest';
import { missingDateProblem } from '../../shared/dates';

test.each([
  ['31.02.2024', 'Такой даты нет: 31.02.2024'],
  ['2024-02-31', 'Такой даты нет: 31.02.2024'],
  ['29.02.2023', 'Такой даты нет: 29.02.2023'],
  ['1.13.2024', 'Такой даты нет: 01.13.2024'],
  ['00.01.2024', 'Такой даты нет: 00.01.2024'],
  ['29.02.2024', null],
  ['2024-12-31', null],
  ['31.0', null], // not a whole date yet: the field is still being typed
  ['', null],
])('%s', (text, message) => expect(missingDateProblem(text)).toBe(message));
