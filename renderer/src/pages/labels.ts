/**
 * Russian labels of stored codes, one place for the whole UI. The renderer may not import db/ at run
 * time, so the status labels repeat db/executions.ts; tests/architecture.test.ts keeps them equal.
 */
export const STATUS_LABELS = {
  not_started: 'не начато',
  in_progress: 'в работе',
  done: 'выполнено',
  done_late: 'выполнено с нарушением срока',
  not_done: 'не выполнено',
  postponed: 'перенесено',
} as const;
export type Status = keyof typeof STATUS_LABELS;
export const STATUS_COLORS: Record<Status, string> = {
  not_started: 'default',
  in_progress: 'processing',
  done: 'success',
  done_late: 'warning',
  not_done: 'error',
  postponed: 'purple',
};
export const STATUS_OPTIONS = (Object.keys(STATUS_LABELS) as Status[]).map((value) => ({ value, label: STATUS_LABELS[value] }));

export const ROLE_LABELS = { head: 'руководитель', deputy: 'заместитель руководителя', secretary: 'секретарь', member: 'член рабочей группы' } as const;
export const ROLE_OPTIONS = (Object.keys(ROLE_LABELS) as (keyof typeof ROLE_LABELS)[]).map((value) => ({ value, label: ROLE_LABELS[value] }));

const ROMAN = ['I', 'II', 'III', 'IV'];
export const quarterLabel = (q: string) => {
  const [y, n] = q.split('-Q');
  return `${ROMAN[Number(n) - 1]} кв. ${y}`;
};
