import { base64 } from '@scure/base';
import { localDay } from '../domain/calendar.js';
import type { CertificateType } from '../domain/certificate.js';
import { AppError, isAppError } from '../domain/errors.js';
import { isGatewayUnavailable, type StateGateway } from '../gateway/gateway.js';
import type { Logger } from '../logging/logger.js';
import type { Clock } from '../runtime/clock.js';
import type { IssuanceService } from '../services/issuance.js';
import type { Database } from '../store/database.js';
import type { RegistryStore } from '../store/registry-store.js';
import type { ApplicationRow, ApplicationStore, AttachmentInfo } from './application-store.js';
import { isOverdue } from './deadline.js';
import { decide, type Finding } from './decide.js';
import { isApplicationId } from './ids.js';
import { issueForApplication } from './issue-for-application.js';
import { Outcomes } from './outcomes.js';
import type { OFFICER_REFUSALS } from './refusal-reasons.js';
import { moveApplication } from './status-move.js';

/** The officer acting, as the bearer token resolved them. */
export interface Reviewer {
  id: string;
  providerId: string;
}

export interface ReviewDeps {
  db: Database;
  store: RegistryStore;
  applications: ApplicationStore;
  gateway: StateGateway;
  issuance: IssuanceService;
  clock: Clock;
  logger: Logger;
}

/** How long an officer's approval holds the row before the processor may take it over. */
const APPROVAL_LEASE_MS = 60_000;

/** The most applications one queue page lists. */
const QUEUE_LIMIT = 200;

/**
 * The officers' side of applications that the state records could not settle: the queue of
 * their own provider, the attached copy, approval (which issues) and refusal. Another provider's
 * application is answered exactly like a missing one. Every action is an event naming the
 * officer and the application, and nothing about the persons.
 */
export class ReviewService {
  readonly #outcomes: Outcomes;

  constructor(private readonly deps: ReviewDeps) {
    this.#outcomes = new Outcomes(deps);
  }

  /** The provider's review queue, the nearest deadline first, with attachment details. */
  async queue(officer: Reviewer) {
    const rows = await this.deps.applications.reviewQueue(officer.providerId, QUEUE_LIMIT);
    const attachments = await this.deps.applications.attachmentInfo(rows.map((row) => row.id));
    const byApplication = new Map(attachments.map((a) => [a.applicationId, a]));
    const now = this.deps.clock.now();
    return rows.map((application) => ({
      application,
      overdue: isOverdue(application, now),
      attachment: byApplication.get(application.id),
    }));
  }

  /**
   * One application with what the state records say now. `finding` is undefined when the
   * gateway cannot be asked: the officer still sees the application and its attachment.
   */
  async read(officer: Reviewer, id: string) {
    const application = await this.own(officer, id);
    const [attachment] = await this.deps.applications.attachmentInfo([id]);

    let finding: Finding | undefined;
    try {
      finding = await this.findings(application);
    } catch (error) {
      if (!isGatewayUnavailable(error)) throw error;
    }
    const overdue = isOverdue(application, this.deps.clock.now());
    return { application, overdue, attachment: attachment as AttachmentInfo | undefined, finding };
  }

  /** The attached file, recorded in the event log as viewed by the officer. */
  async attachment(officer: Reviewer, id: string, requestId?: string) {
    const application = await this.own(officer, id);
    const row = await this.deps.applications.attachment(application.id);
    if (!row) throw new AppError('not_found', 'This application has no attachment');

    await this.deps.store.appendEvent(this.deps.store.db, {
      at: this.deps.clock.now(),
      kind: 'application.attachment_viewed',
      actor: `officer:${officer.id}`,
      providerId: officer.providerId,
      requestId: requestId ?? null,
      data: { applicationId: application.id, attachmentId: row.id },
    });
    return { mediaType: row.mediaType, bytes: base64.decode(row.content), sha256: row.sha256 };
  }

  /**
   * Approves: the records are read again (the decision may have ended since), the certificate is
   * issued by the officer's provider and the applicant told. Approving an application already
   * issued answers it as it is, so a repeated click is harmless.
   */
  async approve(officer: Reviewer, id: string, requestId?: string): Promise<ApplicationRow> {
    const { db, clock } = this.deps;
    const actor = `officer:${officer.id}`;
    const application = await this.own(officer, id);
    if (application.status === 'issued') return application;
    assertInReview(application);

    // 1. Take the row out of the queue, so a refusal cannot cross the approval.
    const now = clock.now();
    const fence = application.attempts + 1;
    const nextAttemptAt = new Date(now.getTime() + APPROVAL_LEASE_MS);
    const moved = await moveApplication(
      db,
      {
        id,
        from: 'review',
        to: 'processing',
        at: now,
        actor,
        note: 'approved',
        set: { attempts: fence, nextAttemptAt },
      },
      {
        event: {
          kind: 'application.approved',
          providerId: officer.providerId,
          requestId: requestId ?? null,
          data: { applicationId: id },
        },
      },
    );
    if (!moved) return this.afterRace(officer, id);
    const claimed = { ...application, status: 'processing', attempts: fence, nextAttemptAt };

    // 2. The records again, then issue and record; any failure puts it back in the queue.
    const context = { application: claimed, from: 'processing' as const, fence, actor, requestId };
    try {
      const finding = await this.findings(claimed);
      if (finding.outcome === 'refuse') {
        throw new AppError(
          'conflict',
          `The state records no longer support issuance (${finding.reason}); refuse instead`,
        );
      }
      const certificate = await issueForApplication(this.deps, claimed, finding, actor, requestId);
      await this.#outcomes.issued(context, certificate);
      return this.afterRace(officer, id);
    } catch (error) {
      await this.backToQueue(context, error);
      if (isGatewayUnavailable(error)) {
        throw new AppError(
          'service_unavailable',
          'The state records cannot be read right now; approve again shortly',
        );
      }
      throw error;
    }
  }

  /** Refuses with one of the officers' reason codes and an optional comment to the applicant. */
  async refuse(
    officer: Reviewer,
    id: string,
    refusal: { reason: (typeof OFFICER_REFUSALS)[number]; comment?: string | undefined },
    requestId?: string,
  ): Promise<ApplicationRow> {
    const application = await this.own(officer, id);
    if (application.status === 'refused' && application.refusalCode === refusal.reason) {
      return application;
    }
    assertInReview(application);

    const context = {
      application,
      from: 'review' as const,
      actor: `officer:${officer.id}`,
      requestId,
    };
    await this.#outcomes.refused(context, refusal.reason, { comment: refusal.comment ?? null });
    return this.afterRace(officer, id);
  }

  /** The application if the officer's provider handles it; anything else is `not_found`. */
  private async own(officer: Reviewer, id: string): Promise<ApplicationRow> {
    const row = isApplicationId(id) ? await this.deps.applications.byId(id) : undefined;
    if (!row || row.providerId !== officer.providerId) {
      throw new AppError('not_found', 'No application with this id is handled by your provider');
    }
    return row;
  }

  private findings(application: ApplicationRow): Promise<Finding> {
    const facts = { ...application, type: application.type as CertificateType };
    return decide(this.deps.gateway, facts, localDay(this.deps.clock.now()));
  }

  /**
   * Where the application stands after an action: final is the answer (ours, or a concurrent
   * officer's); anything else means someone else holds it now.
   */
  private async afterRace(officer: Reviewer, id: string): Promise<ApplicationRow> {
    const now = await this.own(officer, id);
    if (now.status === 'issued' || now.status === 'refused') return now;
    throw new AppError('conflict', `The application is ${now.status} and cannot be changed now`);
  }

  private async backToQueue(
    context: { application: ApplicationRow; fence: number; actor: string },
    error: unknown,
  ): Promise<void> {
    const note = isGatewayUnavailable(error)
      ? 'gateway_unavailable'
      : isAppError(error)
        ? error.code
        : 'internal';
    try {
      await moveApplication(this.deps.db, {
        id: context.application.id,
        from: 'processing',
        to: 'review',
        fence: context.fence,
        at: this.deps.clock.now(),
        actor: context.actor,
        note,
        set: { nextAttemptAt: null },
      });
    } catch {
      // The lease runs out and the processor settles the row; see processor.ts, step 1.
      this.deps.logger.error('review.release_failed', { applicationId: context.application.id });
    }
  }
}

function assertInReview(application: ApplicationRow): void {
  if (application.status !== 'review') {
    throw new AppError(
      'conflict',
      `The application is ${application.status}, not waiting for review`,
    );
  }
}
