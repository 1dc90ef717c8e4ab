import { localDay } from '../domain/calendar.js';
import type { CertificateType } from '../domain/certificate.js';
import { isAppError } from '../domain/errors.js';
import { backoffDelay } from '../gateway/backoff.js';
import { isGatewayUnavailable, type StateGateway } from '../gateway/gateway.js';
import type { Logger } from '../logging/logger.js';
import type { Clock } from '../runtime/clock.js';
import type { RandomBytes } from '../runtime/random.js';
import type { IssuanceService } from '../services/issuance.js';
import type { Database } from '../store/database.js';
import type { CertificateRow, RegistryStore } from '../store/registry-store.js';
import type { ApplicationStore } from './application-store.js';
import { issuanceKey } from './certificate-request.js';
import { decide } from './decide.js';
import { issueForApplication } from './issue-for-application.js';
import { type OutcomeContext, Outcomes } from './outcomes.js';
import { type Claimed, claimDue } from './queue.js';
import { BIRTH_CERTIFICATE_REQUIRED } from './refusal-reasons.js';

export interface ProcessorDeps {
  db: Database;
  store: RegistryStore;
  applications: ApplicationStore;
  gateway: StateGateway;
  issuance: IssuanceService;
  clock: Clock;
  random: RandomBytes;
  logger: Logger;
  /** Names the worker in transitions and events (`system:<id>`). Default `processor`. */
  workerId?: string;
  /** How long a claim holds before another worker may take it over. Default 60 s. */
  leaseMs?: number;
  /** Rows claimed and worked on together. Default 16. */
  batchSize?: number;
  /** Test hooks: throw from one to stand for a crash at that point. */
  faults?: { afterIssue?: (applicationId: string) => void | Promise<void> };
  /** Told when an application reaches `issued`, `refused` or `review` (the benchmark listens). */
  onSettled?: (applicationId: string, status: 'issued' | 'refused' | 'review') => void;
}

/** Retries while a state source is down: 1 s doubling to 1 min, so the term is not wasted. */
const RETRY = { baseDelayMs: 1_000, maxDelayMs: 60_000 };

/**
 * Issuance failures that another attempt may cure: an unknown provider waits for its setup, and
 * a key this instance holds no seed for waits for an instance that does (or for the seed).
 */
const RETRIED_CODES = new Set([
  'not_found',
  'service_unavailable',
  'signing_key_not_held',
  'internal',
]);

/**
 * Works the application queue: claims due applications, asks the state records, and issues,
 * refuses or hands over for review. Safe to run in several processes at once: see queue.ts for
 * the claim and issue-for-application.ts for why a certificate is never signed twice.
 */
export class ApplicationProcessor {
  readonly #outcomes: Outcomes;
  readonly #actor: string;

  constructor(private readonly deps: ProcessorDeps) {
    this.#outcomes = new Outcomes(deps);
    this.#actor = `system:${deps.workerId ?? 'processor'}`;
  }

  /** Claims one batch of due applications and works it; answers how many were claimed. */
  async runOnce(): Promise<number> {
    const claimed = await claimDue(this.deps.applications, {
      now: this.deps.clock.now(),
      leaseMs: this.deps.leaseMs ?? 60_000,
      limit: this.deps.batchSize ?? 16,
      actor: this.#actor,
    });

    await Promise.all(claimed.map((row) => this.process(row)));
    return claimed.length;
  }

  /** Runs batches until none is due (tests and the benchmark drive the queue this way). */
  async drain(): Promise<number> {
    let total = 0;
    for (let n = await this.runOnce(); n > 0; n = await this.runOnce()) total += n;
    return total;
  }

  /**
   * Flags open applications past their deadline, once each, with an event for the provider's
   * officers and a warning in the log. Answers how many were flagged.
   */
  async flagOverdue(): Promise<number> {
    const { store, applications, clock, logger } = this.deps;
    const now = clock.now();

    const flagged = await store.transaction(async (tx) => {
      const rows = await applications.markOverdue(tx, now);
      for (const row of rows) {
        await store.appendEvent(tx, {
          at: now,
          kind: 'application.overdue',
          actor: this.#actor,
          providerId: row.providerId,
          data: { applicationId: row.id, status: row.status },
        });
      }
      return rows;
    });

    for (const row of flagged) {
      logger.warn('application.overdue', { applicationId: row.id, providerId: row.providerId });
    }
    return flagged.length;
  }

  private async process(application: Claimed): Promise<void> {
    const context: OutcomeContext = {
      application,
      from: 'processing',
      fence: application.attempts,
      actor: this.#actor,
    };

    try {
      await this.settle(context, application);
    } catch (error) {
      await this.retryLater(context, error);
    }
  }

  private async settle(context: OutcomeContext, application: Claimed): Promise<void> {
    const { applications, clock } = this.deps;

    // 1. A claim after the first may find the certificate already signed by a worker (or an
    //    officer) that stopped before recording it: that certificate is the result.
    if (application.attempts > 1) {
      const existing = await applications.certificateByKey(issuanceKey(application.id));
      if (existing) {
        return this.done(application.id, 'issued', await this.#outcomes.issued(context, existing));
      }
    }

    // 2. The state records decide.
    const facts = { ...application, type: application.type as CertificateType };
    const finding = await decide(this.deps.gateway, facts, localDay(clock.now()));

    if (finding.outcome === 'refuse') {
      const moved = await this.#outcomes.refused(context, finding.reason);
      return this.done(application.id, 'refused', moved);
    }

    if (finding.outcome === 'review') {
      const [attachment] = await applications.attachmentInfo([application.id]);
      const providerId = finding.decision.providerId;
      if (!attachment) {
        const moved = await this.#outcomes.refused(context, BIRTH_CERTIFICATE_REQUIRED, {
          providerId,
        });
        return this.done(application.id, 'refused', moved);
      }
      const moved = await this.#outcomes.review(context, providerId, 'birth_record_missing');
      return this.done(application.id, 'review', moved);
    }

    // 3. Issue, then record. A crash between the two is repaired by step 1 on the next claim.
    let certificate: CertificateRow;
    try {
      certificate = await issueForApplication(this.deps, application, finding, this.#actor);
    } catch (error) {
      // The records break a rule of issuance (a decision dated in the future, say): that needs
      // a person, not another attempt. Anything else is retried.
      if (!isAppError(error) || RETRIED_CODES.has(error.code)) throw error;
      const moved = await this.#outcomes.review(context, finding.decision.providerId, error.code);
      return this.done(application.id, 'review', moved);
    }
    await this.deps.faults?.afterIssue?.(application.id);
    this.done(application.id, 'issued', await this.#outcomes.issued(context, certificate));
  }

  private done(id: string, status: 'issued' | 'refused' | 'review', moved: boolean): void {
    if (!moved) {
      // Another worker took the row over after our lease ran out; its result stands.
      this.deps.logger.warn('application.claim_lost', { applicationId: id });
      return;
    }
    this.deps.logger.info('application.settled', { applicationId: id, status });
    this.deps.onSettled?.(id, status);
  }

  /**
   * Anything that stopped the attempt: a state source down (expected, retried without limit
   * while the deadline counts), or a fault of ours (logged, retried the same way). Neither
   * refuses the application.
   */
  private async retryLater(context: OutcomeContext, error: unknown): Promise<void> {
    const { logger, random } = this.deps;
    const id = context.application.id;
    const unavailable = isGatewayUnavailable(error);
    const code = unavailable ? 'gateway_unavailable' : isAppError(error) ? error.code : 'internal';

    const jitter = () => (random(4).reduce((n, byte) => n * 256 + byte, 0) >>> 0) / 2 ** 32;
    let delay = backoffDelay(context.application.attempts, RETRY, jitter);
    if (unavailable && error.retryAfterMs !== undefined)
      delay = Math.max(delay, error.retryAfterMs);

    if (unavailable) {
      logger.warn('application.retry', { applicationId: id, source: error.source, delayMs: delay });
    } else {
      const message = error instanceof Error ? error.message.split('\n')[0] : typeof error;
      logger.error('application.failed', {
        applicationId: id,
        code,
        error: message,
        delayMs: delay,
      });
    }

    try {
      await this.#outcomes.retry(context, delay, code);
    } catch (releaseError) {
      // The lease runs out on its own and the row is claimed again.
      const message = releaseError instanceof Error ? releaseError.message.split('\n')[0] : '';
      logger.error('application.release_failed', { applicationId: id, error: message });
    }
  }
}
