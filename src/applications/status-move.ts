import { and, eq, type SQL, sql } from 'drizzle-orm';
import { applications, applicationTransitions, events, notifications } from '../../db/schema.js';
import type { Database, Tx } from '../store/database.js';
import type { EventInput } from '../store/registry-store.js';
import type { ApplicationRow, ApplicationStatus } from './application-store.js';
import type { NotificationKind } from './notification-messages.js';

/** One status change, applied only if the row is still where the caller last saw it. */
export interface Move {
  id: string;
  from: ApplicationStatus;
  to: ApplicationStatus;
  /** The `attempts` value of the caller's claim: a worker whose lease was taken over loses. */
  fence?: number;
  /** Other columns to set with the status. */
  set?: Partial<Omit<ApplicationRow, 'id' | 'status'>>;
  at: Date;
  actor: string;
  /** A code, never personal data. */
  note?: string | null;
}

/** What else is written if, and only if, the change happens. */
export interface ChangeRecords {
  /** A notification to the applicant, in their cabinet. */
  notify?: { kind: NotificationKind; certificateId?: string | null; reasonCode?: string | null };
  /** An audit event; its time and actor are the change's. */
  event?: Omit<EventInput, 'at' | 'actor'>;
}

/**
 * Moves an application from one status to another and records the transition, the applicant's
 * notification and the audit event in ONE statement (see {@link recordedChange}). Answers false
 * when someone else moved the row first (or took over the claim).
 */
export function moveApplication(
  db: Tx | Database,
  move: Move,
  records: ChangeRecords = {},
): Promise<boolean> {
  const conditions = [eq(applications.id, move.id), eq(applications.status, move.from)];
  if (move.fence !== undefined) conditions.push(eq(applications.attempts, move.fence));

  const update = db
    .update(applications)
    .set({ ...move.set, status: move.to })
    .where(and(...conditions))
    .returning({ id: applications.id, applicantIin: applications.applicantIin });

  return recordedChange(db, update.getSQL(), { ...move, from: move.from }, records);
}

/**
 * Runs `change` (an INSERT or UPDATE of `applications` returning `id` and `applicant_iin`) and,
 * for the row it touched, inserts the transition, the notification and the event: data-modifying
 * CTEs that insert only when the change matched a row. One statement is atomic without a
 * transaction around it and costs one round trip instead of six, which is most of the work per
 * application. Answers whether the change touched a row.
 */
export async function recordedChange(
  db: Tx | Database,
  change: SQL,
  transition: {
    from: ApplicationStatus | null;
    to: ApplicationStatus;
    at: Date;
    actor: string;
    note?: string | null;
  },
  records: ChangeRecords,
): Promise<boolean> {
  const at = sql`${transition.at.toISOString()}::timestamptz`;
  const steps: SQL[] = [
    sql`with changed as (${change})`,
    sql`, transition as (
      insert into ${applicationTransitions}
        (application_id, from_status, to_status, at, actor, note)
      select id, ${transition.from}, ${transition.to}, ${at}, ${transition.actor},
        ${transition.note ?? null} from changed)`,
  ];

  const notice = records.notify;
  if (notice) {
    steps.push(sql`, notice as (
      insert into ${notifications}
        (iin, kind, application_id, certificate_id, reason_code, created_at)
      select applicant_iin, ${notice.kind}, id, ${notice.certificateId ?? null},
        ${notice.reasonCode ?? null}, ${at} from changed)`);
  }

  const event = records.event;
  if (event) {
    steps.push(sql`, audit as (
      insert into ${events}
        (at, kind, actor, provider_id, certificate_id, request_id, data)
      select ${at}, ${event.kind}, ${transition.actor}, ${event.providerId ?? null},
        ${event.certificateId ?? null}, ${event.requestId ?? null},
        ${JSON.stringify(event.data ?? {})}::jsonb from changed)`);
  }

  steps.push(sql` select id from changed`);
  const result = await db.execute(sql.join(steps));
  return rowsOf(result).length > 0;
}

/** postgres-js answers an array of rows, PGlite an object holding them. */
function rowsOf(result: unknown): unknown[] {
  if (Array.isArray(result)) return result;
  return (result as { rows?: unknown[] }).rows ?? [];
}
