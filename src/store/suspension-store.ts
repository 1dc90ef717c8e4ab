import { and, desc, eq, inArray, isNull } from 'drizzle-orm';

import { certificateSuspensions, certificates } from '../../db/schema.js';
import type { Database, Tx } from './database.js';
import type { CertificateRow } from './registry-store.js';

export type SuspensionRow = typeof certificateSuspensions.$inferSelect;

/**
 * Suspension and reinstatement: the certificate's status and its open suspension move together,
 * each guarded by the status it leaves, so two officers at once make one change, not two.
 */
export class SuspensionStore {
  constructor(private readonly db: Database) {}

  /** Suspends an active certificate; undefined when it was not active any more. */
  async suspend(
    tx: Tx,
    id: string,
    change: { at: Date; reason: string; comment: string | null; by: string },
  ): Promise<CertificateRow | undefined> {
    const rows = await tx
      .update(certificates)
      .set({ status: 'suspended', suspendedAt: change.at, suspensionReason: change.reason })
      .where(and(eq(certificates.id, id), eq(certificates.status, 'active')))
      .returning();
    if (!rows[0]) return undefined;

    await tx.insert(certificateSuspensions).values({
      certificateId: id,
      suspendedAt: change.at,
      suspendedBy: change.by,
      reason: change.reason,
      comment: change.comment,
    });
    return rows[0];
  }

  /** Ends the open suspension; undefined when the certificate was not suspended any more. */
  async reinstate(
    tx: Tx,
    id: string,
    change: { at: Date; comment: string | null; by: string },
  ): Promise<CertificateRow | undefined> {
    const rows = await tx
      .update(certificates)
      .set({ status: 'active', suspendedAt: null, suspensionReason: null })
      .where(and(eq(certificates.id, id), eq(certificates.status, 'suspended')))
      .returning();
    if (!rows[0]) return undefined;

    await tx
      .update(certificateSuspensions)
      .set({
        reinstatedAt: change.at,
        reinstatedBy: change.by,
        reinstatementComment: change.comment,
      })
      .where(
        and(
          eq(certificateSuspensions.certificateId, id),
          isNull(certificateSuspensions.reinstatedAt),
        ),
      );
    return rows[0];
  }

  /** A certificate's suspensions, newest first, for its issuing provider. */
  history(certificateId: string): Promise<SuspensionRow[]> {
    return this.db
      .select()
      .from(certificateSuspensions)
      .where(eq(certificateSuspensions.certificateId, certificateId))
      .orderBy(desc(certificateSuspensions.seq));
  }
}

/** Statuses a revocation may end: a suspended certificate can still be revoked for good. */
export const REVOCABLE = inArray(certificates.status, ['active', 'suspended']);
