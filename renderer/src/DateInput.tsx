/**
 * A date field for forms. Given text that is no date (31.02.2024), antd's picker silently goes back
 * to its previous value when the field is left — and the form would then save that value (today's,
 * say) as if the user had chosen it. Here the field is emptied instead and marked red, so the form's
 * own rule («Укажите дату») stops the save until a real date is typed; the words «Такой даты нет: …»
 * are said by the page-wide check (date-check.tsx, shared/dates.ts).
 */
import { DatePicker, type DatePickerProps } from 'antd';
import { useState } from 'react';
import { missingDateProblem } from '../../shared/dates';

export function DateInput({ onChange, onBlur, status, ...rest }: DatePickerProps) {
  const [bad, setBad] = useState(false);
  return (
    <DatePicker
      {...rest}
      status={bad ? 'error' : status}
      onChange={(date, text) => {
        setBad(false);
        onChange?.(date, text);
      }}
      onBlur={(e, info) => {
        if (missingDateProblem((e.target as HTMLInputElement).value ?? '')) {
          setBad(true);
          onChange?.(null as never, '');
        }
        onBlur?.(e, info);
      }}
    />
  );
}
