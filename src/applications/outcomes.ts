/**
 * The final steps of an application, shared by the processor and the officers' review. Each is
 * one guarded statement (see status-move.ts): the status change, its transition, the applicant's
 * notification and the audit event happen together or not at all. Events carry ids and codes,
 * never persons. Each answers false when the caller no longer held the row.
 */

import type { Clock } from '../runtime/clock.js';
import type { Database } from '../store/database.js';
import type { CertificateRow } from '../store/registry-store.js';
import type { ApplicationRow, ApplicationStatus } from './application-store.js';
import { moveApplication } from './status-move.js';

export interface OutcomeContext {
  application: ApplicationRow;
  /** The status the caller holds the row in: `processing`, or `review` for an officer. */
  from: ApplicationStatus;
  /** The claim the caller holds, when it holds one. */
  fence?: number;
  actor: string;
  requestId?: string | undefined;
}

export class Outcomes {
  constructor(private readonly deps: { db: Database; clock: Clock }) {}

  /** Links the certificate and tells the applicant. */
  issued(context: OutcomeContext, certificate: CertificateRow): Promise<boolean> {
    return moveApplication(
      this.deps.db,
      {
        ...this.base(context),
        to: 'issued',
        set: {
          certificateId: certificate.id,
          providerId: certificate.providerId,
          nextAttemptAt: null,
          lastError: null,
        },
      },
      {
        notify: { kind: 'issued', certificateId: certificate.id },
        event: {
          kind: 'application.issued',
          providerId: certificate.providerId,
          certificateId: certificate.id,
          requestId: context.requestId ?? null,
          data: { applicationId: context.application.id },
        },
      },
    );
  }

  /** Refuses with a reason code (and an officer's comment for the applicant). */
  refused(
    context: OutcomeContext,
    reason: string,
    extra: { providerId?: string | null; comment?: string | null } = {},
  ): Promise<boolean> {
    const providerId = extra.providerId ?? context.application.providerId;
    return moveApplication(
      this.deps.db,
      {
        ...this.base(context),
        to: 'refused',
        note: reason,
        set: {
          refusalCode: reason,
          refusalComment: extra.comment ?? null,
          providerId,
          nextAttemptAt: null,
          lastError: null,
        },
      },
      {
        notify: { kind: 'refused', reasonCode: reason },
        event: {
          kind: 'application.refused',
          providerId,
          requestId: context.requestId ?? null,
          data: { applicationId: context.application.id, reason },
        },
      },
    );
  }

  /** Hands the application to the officers of `providerId`. */
  review(context: OutcomeContext, providerId: string, note: string): Promise<boolean> {
    return moveApplication(
      this.deps.db,
      { ...this.base(context), to: 'review', note, set: { providerId, nextAttemptAt: null } },
      {
        event: {
          kind: 'application.review',
          providerId,
          requestId: context.requestId ?? null,
          data: { applicationId: context.application.id, note },
        },
      },
    );
  }

  /** Puts the application back in the queue, due again after `delayMs`; never a refusal. */
  retry(context: OutcomeContext, delayMs: number, error: string): Promise<boolean> {
    const at = this.deps.clock.now();
    return moveApplication(this.deps.db, {
      ...this.base(context),
      at,
      to: 'submitted',
      note: error,
      set: { nextAttemptAt: new Date(at.getTime() + delayMs), lastError: error },
    });
  }

  private base(context: OutcomeContext) {
    return {
      id: context.application.id,
      from: context.from,
      fence: context.fence,
      at: this.deps.clock.now(),
      actor: context.actor,
    };
  }
}
