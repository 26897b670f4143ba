/**
 * Russian labels of stored codes for the screens: the lists themselves live in shared/labels.ts and
 * shared/quarters.ts (one place for Node and the renderer); only what is screen-only is here.
 */
import { EXECUTION_STATUSES, ROLE_LABELS, STATUS_LABELS, type ExecutionStatus, type MemberRole } from '../../../shared/labels';
export { quarterLabel } from '../../../shared/quarters';
export { ROLE_LABELS, STATUS_LABELS };

export type Status = ExecutionStatus;
export const STATUS_COLORS: Record<Status, string> = {
  not_started: 'default',
  in_progress: 'processing',
  done: 'success',
  done_late: 'warning',
  not_done: 'error',
  postponed: 'purple',
};
export const STATUS_OPTIONS = EXECUTION_STATUSES.map((value) => ({ value, label: STATUS_LABELS[value] }));
export const ROLE_OPTIONS = (Object.keys(ROLE_LABELS) as MemberRole[]).map((value) => ({ value, label: ROLE_LABELS[value] }));
