import { and, desc, eq, inArray, isNotNull, isNull, lt } from 'drizzle-orm';
import {
  applications,
  applicationTransitions,
  attachments,
  certificates,
  notifications,
  providers,
} from '../../db/schema.js';
import type { Database, Tx } from '../store/database.js';
import type { CertificateRow } from '../store/registry-store.js';
import type { NotificationKind } from './notification-messages.js';

export type ApplicationRow = typeof applications.$inferSelect;
export type TransitionRow = typeof applicationTransitions.$inferSelect;
export type AttachmentRow = typeof attachments.$inferSelect;
export type NotificationRow = typeof notifications.$inferSelect;

/** Where an application stands. `issued` and `refused` are final. */
export type ApplicationStatus = 'submitted' | 'processing' | 'review' | 'issued' | 'refused';

export const OPEN_STATUSES: ApplicationStatus[] = ['submitted', 'processing', 'review'];

/** An attachment without its content, for lists and checks. */
export type AttachmentInfo = Omit<AttachmentRow, 'content'>;

/**
 * Queries on applications and what hangs off them: transitions, attachments, notifications.
 * Status changes after submission go through `moveApplication` (status-move.ts), which records
 * the transition with the change.
 */
export class ApplicationStore {
  constructor(readonly db: Database) {}

  async byId(id: string, tx: Tx | Database = this.db): Promise<ApplicationRow | undefined> {
    const rows = await tx.select().from(applications).where(eq(applications.id, id)).limit(1);
    return rows[0];
  }

  async byIdempotencyKey(
    iin: string,
    key: string,
    tx: Tx | Database = this.db,
  ): Promise<ApplicationRow | undefined> {
    const rows = await tx
      .select()
      .from(applications)
      .where(and(eq(applications.applicantIin, iin), eq(applications.idempotencyKey, key)))
      .limit(1);
    return rows[0];
  }

  transitions(applicationId: string): Promise<TransitionRow[]> {
    return this.db
      .select()
      .from(applicationTransitions)
      .where(eq(applicationTransitions.applicationId, applicationId))
      .orderBy(applicationTransitions.seq);
  }

  async insertAttachment(tx: Tx, row: AttachmentRow): Promise<void> {
    await tx.insert(attachments).values(row);
  }

  /** Attachments of these applications, without their content. */
  attachmentInfo(applicationIds: string[]): Promise<AttachmentInfo[]> {
    if (applicationIds.length === 0) return Promise.resolve([]);
    return this.db
      .select({
        id: attachments.id,
        applicationId: attachments.applicationId,
        mediaType: attachments.mediaType,
        size: attachments.size,
        sha256: attachments.sha256,
        createdAt: attachments.createdAt,
      })
      .from(attachments)
      .where(inArray(attachments.applicationId, applicationIds));
  }

  async attachment(applicationId: string): Promise<AttachmentRow | undefined> {
    const rows = await this.db
      .select()
      .from(attachments)
      .where(eq(attachments.applicationId, applicationId))
      .limit(1);
    return rows[0];
  }

  async notify(
    tx: Tx,
    notice: {
      iin: string;
      kind: NotificationKind;
      at: Date;
      applicationId?: string | null;
      certificateId?: string | null;
      reasonCode?: string | null;
    },
  ): Promise<void> {
    await tx.insert(notifications).values({
      iin: notice.iin,
      kind: notice.kind,
      applicationId: notice.applicationId ?? null,
      certificateId: notice.certificateId ?? null,
      reasonCode: notice.reasonCode ?? null,
      createdAt: notice.at,
      readAt: null,
    });
  }

  notifications(iin: string, limit: number): Promise<NotificationRow[]> {
    return this.db
      .select()
      .from(notifications)
      .where(eq(notifications.iin, iin))
      .orderBy(desc(notifications.seq))
      .limit(limit);
  }

  /** Whether a notification of this kind about this certificate was already written. */
  async notified(tx: Tx, kind: NotificationKind, certificateId: string): Promise<boolean> {
    const rows = await tx
      .select({ seq: notifications.seq })
      .from(notifications)
      .where(and(eq(notifications.kind, kind), eq(notifications.certificateId, certificateId)))
      .limit(1);
    return rows.length > 0;
  }

  /** The applicant's applications, newest first. */
  ofApplicant(iin: string, limit: number): Promise<ApplicationRow[]> {
    return this.db
      .select()
      .from(applications)
      .where(eq(applications.applicantIin, iin))
      .orderBy(desc(applications.submittedAt))
      .limit(limit);
  }

  /**
   * Certificates issued on the applicant's applications, newest first; only `certificateId`
   * when it is given.
   */
  certificatesOfApplicant(
    iin: string,
    limit: number,
    certificateId?: string,
  ): Promise<{ applicationId: string; certificate: CertificateRow }[]> {
    const conditions = [eq(applications.applicantIin, iin), isNotNull(applications.certificateId)];
    if (certificateId !== undefined) conditions.push(eq(applications.certificateId, certificateId));

    return this.db
      .select({ applicationId: applications.id, certificate: certificates })
      .from(applications)
      .innerJoin(certificates, eq(certificates.id, applications.certificateId))
      .where(and(...conditions))
      .orderBy(desc(certificates.issuedAt), desc(certificates.serial))
      .limit(limit);
  }

  /** The application a certificate was issued on, if it came from one. */
  async byCertificate(certificateId: string, tx: Tx | Database = this.db) {
    const rows = await tx
      .select()
      .from(applications)
      .where(eq(applications.certificateId, certificateId))
      .limit(1);
    return rows[0];
  }

  /**
   * The certificate already issued under this Idempotency-Key by any provider. The unique index
   * on (provider, key) serves the lookup once per provider, and providers are few.
   */
  async certificateByKey(key: string): Promise<CertificateRow | undefined> {
    const rows = await this.db
      .select()
      .from(certificates)
      .where(
        and(
          inArray(certificates.providerId, this.db.select({ id: providers.id }).from(providers)),
          eq(certificates.idempotencyKey, key),
        ),
      )
      .limit(1);
    return rows[0];
  }

  /** A provider's applications waiting for an officer, the nearest deadline first. */
  reviewQueue(providerId: string, limit: number): Promise<ApplicationRow[]> {
    return this.db
      .select()
      .from(applications)
      .where(and(eq(applications.providerId, providerId), eq(applications.status, 'review')))
      .orderBy(applications.deadline)
      .limit(limit);
  }

  /**
   * Marks open applications past their deadline, once each: the `overdue_at IS NULL` condition
   * makes a second sweep (or a second worker) find nothing to announce.
   */
  markOverdue(tx: Tx, now: Date) {
    return tx
      .update(applications)
      .set({ overdueAt: now })
      .where(
        and(
          inArray(applications.status, OPEN_STATUSES),
          lt(applications.deadline, now),
          isNull(applications.overdueAt),
        ),
      )
      .returning({
        id: applications.id,
        providerId: applications.providerId,
        status: applications.status,
      });
  }
}
