import { and, count, eq, gte, inArray, lt, sql } from 'drizzle-orm';
import { applications } from '../../db/schema.js';
import { addDays, startOfLocalDay } from '../domain/calendar.js';
import type { Day } from '../domain/certificate.js';
import type { Tx } from '../store/database.js';
import { OPEN_STATUSES } from './application-store.js';

/**
 * What keeps one applicant from filling the storage and the officers' queue (README, "Limits on
 * applying"):
 *
 * - **One open application** (submitted, processing or in review) per applicant, child and
 *   certificate type. The next one is taken once that one is issued or refused.
 * - **At most {@link APPLICATIONS_PER_DAY} applications a day** per applicant, counting every
 *   application stored on that Almaty calendar day, whatever became of it.
 *
 * Both are read from the applications table in the transaction that stores the new application,
 * after {@link lockApplicant}: submissions of one applicant take turns, in every process that
 * shares the database, so two at once cannot both pass either rule. Another applicant is never
 * held up.
 */
export const APPLICATIONS_PER_DAY = 10;

/** Where an applicant stands before one more application. */
export interface Standing {
  /** Applications the applicant stored on the day. */
  onTheDay: number;
  /** The id of the applicant's open application for the same child and type, if any. */
  openId: string | undefined;
}

/**
 * Waits for, and holds until the transaction ends, the lock on this applicant's submissions.
 * The key is a hash of a text naming the IIN; the IIN goes as a bound parameter, not in the SQL.
 */
export async function lockApplicant(tx: Tx, applicantIin: string): Promise<void> {
  const key = `applications:${applicantIin}`;
  await tx.execute(sql`select pg_advisory_xact_lock(hashtextextended(${key}, 0))`);
}

/**
 * Counts the applicant's applications on `day` and finds an open one for the same child and type.
 * Read after the lock, so everything an earlier turn stored is seen.
 */
export async function standingOf(
  tx: Tx,
  applicant: { applicantIin: string; childIin: string; type: string },
  day: Day,
): Promise<Standing> {
  const [counted] = await tx
    .select({ n: count() })
    .from(applications)
    .where(
      and(
        eq(applications.applicantIin, applicant.applicantIin),
        gte(applications.submittedAt, startOfLocalDay(day)),
        lt(applications.submittedAt, startOfLocalDay(addDays(day, 1))),
      ),
    );

  const [open] = await tx
    .select({ id: applications.id })
    .from(applications)
    .where(
      and(
        eq(applications.applicantIin, applicant.applicantIin),
        eq(applications.childIin, applicant.childIin),
        eq(applications.type, applicant.type),
        inArray(applications.status, OPEN_STATUSES),
      ),
    )
    .orderBy(applications.submittedAt)
    .limit(1);

  return { onTheDay: Number(counted?.n ?? 0), openId: open?.id };
}

/** Milliseconds from `now` until `day` is over and a new day's applications count; at least 1 s. */
export function untilDayEnds(day: Day, now: Date): number {
  const next = startOfLocalDay(addDays(day, 1)).getTime();
  return Math.max(1_000, next - now.getTime());
}
