/**
 * The processing queue is the applications table itself: a row is due when it is `submitted`
 * (or `processing` with an expired lease) and its `next_attempt_at` has come. A worker claims due
 * rows with `SELECT … FOR UPDATE SKIP LOCKED`, so two workers never take the same row, and marks
 * them `processing` with a lease. A worker that dies leaves its rows to be claimed again when the
 * lease runs out; the claim count (`attempts`) fences the late worker out of finishing them.
 */

import { and, inArray, lte, sql } from 'drizzle-orm';
import { applications, applicationTransitions } from '../../db/schema.js';
import type { ApplicationRow, ApplicationStore } from './application-store.js';

export interface ClaimOptions {
  now: Date;
  /** How long the claim holds before another worker may take the row over. */
  leaseMs: number;
  limit: number;
  /** `system:<worker>`, recorded on the transition. */
  actor: string;
}

/** A claimed row; `attempts` is the fence for finishing it. */
export type Claimed = ApplicationRow & { status: 'processing' };

/** Claims up to `limit` due applications, the nearest deadline first. */
export async function claimDue(store: ApplicationStore, options: ClaimOptions): Promise<Claimed[]> {
  const { now, leaseMs, limit, actor } = options;

  return store.db.transaction(async (tx) => {
    const due = await tx
      .select({ id: applications.id, status: applications.status })
      .from(applications)
      .where(
        and(
          inArray(applications.status, ['submitted', 'processing']),
          lte(applications.nextAttemptAt, now),
        ),
      )
      .orderBy(applications.deadline)
      .limit(limit)
      .for('update', { skipLocked: true });
    if (due.length === 0) return [];

    const claimed = await tx
      .update(applications)
      .set({
        status: 'processing',
        attempts: sql`${applications.attempts} + 1`,
        nextAttemptAt: new Date(now.getTime() + leaseMs),
      })
      .where(
        inArray(
          applications.id,
          due.map((row) => row.id),
        ),
      )
      .returning();

    // A row found `processing` was left by a worker whose lease ran out.
    await tx.insert(applicationTransitions).values(
      due.map((row) => ({
        applicationId: row.id,
        from: row.status,
        to: 'processing',
        at: now,
        actor,
        note: row.status === 'processing' ? 'lease_expired' : null,
      })),
    );
    return claimed as Claimed[];
  });
}
