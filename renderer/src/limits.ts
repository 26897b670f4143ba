/**
 * Text fields never cut what is typed or pasted (antd's maxLength would, silently): they count
 * towards the API's limit, show the counter once the text nears it and turn red past it; saving then
 * is refused with «Не более N символов (сейчас M)», by the form's own check (rules) or by the API.
 */
import { LIMITS, tooLongMessage } from '../../shared/limits';

export { LIMITS };

/** Props for an antd Input or TextArea: a counter from 80 % of the limit on, nothing cut. */
export function limited(max: number) {
  return {
    count: {
      max,
      show: ({ count }: { count: number }) => (count >= max * 0.8 ? `${count} / ${max}` : ''),
    },
  };
}

/** A Form.Item rule refusing text over the limit with the same words as the API. */
export function limitRule(max: number) {
  return {
    validator: (_: unknown, value: unknown) =>
      typeof value === 'string' && value.length > max ? Promise.reject(new Error(tooLongMessage(max, value.length))) : Promise.resolve(),
  };
}
