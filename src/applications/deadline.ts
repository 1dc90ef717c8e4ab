import { type ApplicationRow, OPEN_STATUSES } from './application-store.js';

/**
 * Whether an application has run past its 30-minute term unfinished. Computed at each read, so
 * the flag is exact even between the processor's overdue sweeps (which announce it once).
 */
export function isOverdue(row: Pick<ApplicationRow, 'status' | 'deadline'>, now: Date): boolean {
  return OPEN_STATUSES.includes(row.status as (typeof OPEN_STATUSES)[number]) && row.deadline < now;
}
