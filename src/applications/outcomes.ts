/**
 * The final steps of an application, shared by the processor and the officers' review. Each
 * runs in one transaction: the status change, its transition, the applicant's notification and
 * the audit event commit together or not at all. Events carry ids and codes, never persons.
 */

import type { Clock } from '../runtime/clock.js';
import type { CertificateRow, RegistryStore } from '../store/registry-store.js';
import type { ApplicationRow, ApplicationStatus, ApplicationStore } from './application-store.js';

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
  constructor(
    private readonly deps: { store: RegistryStore; applications: ApplicationStore; clock: Clock },
  ) {}

  /** Links the certificate and tells the applicant. Undefined when the claim was lost. */
  issued(context: OutcomeContext, certificate: CertificateRow) {
    const { store, applications } = this.deps;
    const at = this.deps.clock.now();
    const { application } = context;

    return store.transaction(async (tx) => {
      const row = await applications.move(tx, {
        ...this.base(context, at),
        to: 'issued',
        set: {
          certificateId: certificate.id,
          providerId: certificate.providerId,
          nextAttemptAt: null,
          lastError: null,
        },
      });
      if (!row) return undefined;

      await applications.notify(tx, {
        iin: application.applicantIin,
        kind: 'issued',
        at,
        applicationId: application.id,
        certificateId: certificate.id,
      });
      await store.appendEvent(tx, {
        at,
        kind: 'application.issued',
        actor: context.actor,
        providerId: certificate.providerId,
        certificateId: certificate.id,
        requestId: context.requestId ?? null,
        data: { applicationId: application.id },
      });
      return row;
    });
  }

  /** Refuses with a reason code (and an officer's comment for the applicant). */
  refused(
    context: OutcomeContext,
    reason: string,
    extra: { providerId?: string | null; comment?: string | null } = {},
  ) {
    const { store, applications } = this.deps;
    const at = this.deps.clock.now();
    const { application } = context;
    const providerId = extra.providerId ?? application.providerId;

    return store.transaction(async (tx) => {
      const row = await applications.move(tx, {
        ...this.base(context, at),
        to: 'refused',
        note: reason,
        set: {
          refusalCode: reason,
          refusalComment: extra.comment ?? null,
          providerId,
          nextAttemptAt: null,
          lastError: null,
        },
      });
      if (!row) return undefined;

      await applications.notify(tx, {
        iin: application.applicantIin,
        kind: 'refused',
        at,
        applicationId: application.id,
        reasonCode: reason,
      });
      await store.appendEvent(tx, {
        at,
        kind: 'application.refused',
        actor: context.actor,
        providerId,
        requestId: context.requestId ?? null,
        data: { applicationId: application.id, reason },
      });
      return row;
    });
  }

  /** Hands the application to the officers of `providerId`. */
  review(context: OutcomeContext, providerId: string, note: string) {
    const { store, applications } = this.deps;
    const at = this.deps.clock.now();

    return store.transaction(async (tx) => {
      const row = await applications.move(tx, {
        ...this.base(context, at),
        to: 'review',
        note,
        set: { providerId, nextAttemptAt: null },
      });
      if (!row) return undefined;

      await store.appendEvent(tx, {
        at,
        kind: 'application.review',
        actor: context.actor,
        providerId,
        requestId: context.requestId ?? null,
        data: { applicationId: context.application.id, note },
      });
      return row;
    });
  }

  /** Puts the application back in the queue, due again after `delayMs`; never a refusal. */
  retry(context: OutcomeContext, delayMs: number, error: string) {
    const at = this.deps.clock.now();
    return this.deps.store.transaction((tx) =>
      this.deps.applications.move(tx, {
        ...this.base(context, at),
        to: 'submitted',
        note: error,
        set: { nextAttemptAt: new Date(at.getTime() + delayMs), lastError: error },
      }),
    );
  }

  private base(context: OutcomeContext, at: Date) {
    return {
      id: context.application.id,
      from: context.from,
      fence: context.fence,
      at,
      actor: context.actor,
    };
  }
}
