/**
 * A date typed into any date field that is not in the calendar (31.02.2024) is named at once:
 * «Такой даты нет: 31.02.2024» — the same words as the API's (shared/dates.ts). The pickers
 * themselves only drop such text silently, so one listener watches every picker on every page.
 */
import { App } from 'antd';
import { useEffect } from 'react';
import { missingDateProblem } from '../../shared/dates';

export function DateTypingCheck() {
  const { message } = App.useApp();
  useEffect(() => {
    const check = (e: Event) => {
      const input = e.target;
      if (!(input instanceof HTMLInputElement) || !input.closest('.ant-picker')) return;
      const problem = missingDateProblem(input.value);
      if (!problem) return;
      void message.error({ content: problem, key: 'no-such-date' });
    };
    document.addEventListener('input', check, true);
    return () => document.removeEventListener('input', check, true);
  }, [message]);
  return null;
}
