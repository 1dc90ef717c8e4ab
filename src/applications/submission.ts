import { base64 } from '@scure/base';
import { applications } from '../../db/schema.js';
import { canonicalJsonBytes } from '../crypto/canonical-json.js';
import { sha256Hex } from '../crypto/sha256.js';
import { localDay } from '../domain/calendar.js';
import type { CertificateType } from '../domain/certificate.js';
import { AppError, fieldError } from '../domain/errors.js';
import { parseIin } from '../domain/iin.js';
import type { StateGateway } from '../gateway/gateway.js';
import type { Logger } from '../logging/logger.js';
import type { Clock } from '../runtime/clock.js';
import type { RandomBytes } from '../runtime/random.js';
import type { Database, Tx } from '../store/database.js';
import type { RegistryStore } from '../store/registry-store.js';
import { verifyApplicantSignature } from './applicant-signature.js';
import {
  applicationDocument,
  isCanonicalInstant,
  SIGNED_DOCUMENT_MAX_AGE_MS,
  SIGNED_DOCUMENT_MAX_SKEW_MS,
} from './application-document.js';
import type { ApplicationRow, ApplicationStore } from './application-store.js';
import { MAX_ATTACHMENT_BYTES, sniffAttachmentType } from './attachment-type.js';
import { isApplicationId, newApplicationId, newAttachmentId } from './ids.js';
import { type ChangeRecords, recordedChange } from './status-move.js';
import {
  APPLICATIONS_PER_DAY,
  lockApplicant,
  type Standing,
  standingOf,
  untilDayEnds,
} from './submission-limits.js';

/** The term of the service: 30 minutes from delivery (DESIGN.md). */
export const TERM_MS = 30 * 60_000;

export interface SubmitCommand {
  applicant: { iin: string; method: 'eds' | 'otp' };
  type: CertificateType;
  childIin: string;
  attachment?: Uint8Array | undefined;
  /** An EDS-signed document: the id and time the client put in it, and its signature. */
  signed?: { applicationId: string; submittedAt: string; signature: string } | undefined;
  idempotencyKey?: string | undefined;
  requestId?: string | undefined;
}

/**
 * What became of a submission that had the right form. The two refusals under the limits on
 * applying (submission-limits.ts) are answers, not exceptions: the web layer needs the open
 * application's id and the wait to tell the client.
 */
export type SubmitResult =
  | {
      status: 'stored';
      application: ApplicationRow;
      /** False when an Idempotency-Key (or a signed id) replay returned the earlier application. */
      created: boolean;
    }
  /** The applicant's application for this child and type is not yet issued or refused. */
  | { status: 'application_open'; openApplicationId: string }
  /** The applicant stored `limit` applications on the Almaty day already. */
  | { status: 'rate_limited'; limit: number; retryAfterMs: number };

export interface SubmissionDeps {
  db: Database;
  store: RegistryStore;
  applications: ApplicationStore;
  gateway: StateGateway;
  clock: Clock;
  random: RandomBytes;
  logger: Logger;
  /** Called after an application is stored, so a processor can pick it up at once. */
  onSubmitted?: () => void;
}

/**
 * Takes applications in: checks them, stores the application, its document, attachment, first
 * transition, notification and event in one transaction, and only then acknowledges. No state
 * system is asked here except the PKI for a signature; the facts are the processor's business.
 */
export class SubmissionService {
  constructor(private readonly deps: SubmissionDeps) {}

  /**
   * The document a client would sign for this application, with a fresh id and the current
   * time; nothing is stored. `POST /api/v1/applications/prepare` serves it.
   */
  prepare(input: {
    applicantIin: string;
    type: CertificateType;
    childIin: string;
    attachmentSha256?: string | undefined;
  }) {
    checkChildIin(input.childIin, input.applicantIin);
    const applicationId = newApplicationId(this.deps.random);
    const submittedAt = this.deps.clock.now().toISOString();
    const document = applicationDocument({ ...input, applicationId, submittedAt });
    return { applicationId, submittedAt, document };
  }

  async submit(command: SubmitCommand): Promise<SubmitResult> {
    const { clock, random } = this.deps;
    const now = clock.now();
    const iin = command.applicant.iin;

    // 1. The form: the child's IIN and the attached file.
    checkChildIin(command.childIin, iin);
    const attachment = command.attachment && readAttachment(command.attachment);

    // 2. The document, and the signature over it when the client signed.
    const documentFields = {
      applicantIin: iin,
      childIin: command.childIin,
      type: command.type,
      attachmentSha256: attachment?.sha256,
    };
    let applicationId = newApplicationId(random);
    let submittedAt = now;
    let signedWith: string = command.applicant.method === 'eds' ? 'eds_session' : 'otp';
    let signature: string | null = null;

    if (command.signed) {
      applicationId = checkSignedId(command.signed.applicationId);
      submittedAt = checkSignedTime(command.signed.submittedAt, now);
      signedWith = 'eds';
      signature = command.signed.signature;
    }
    const document = applicationDocument({
      ...documentFields,
      applicationId,
      submittedAt: submittedAt.toISOString(),
    });
    if (signature !== null) {
      await verifyApplicantSignature(this.deps.gateway, iin, document, signature);
    }

    // 3. Store, or find the application this request already made.
    const requestHash = sha256Hex(
      canonicalJsonBytes({
        type: command.type,
        childIin: command.childIin,
        attachmentSha256: attachment?.sha256 ?? null,
      }),
    );
    const row: ApplicationRow = {
      id: applicationId,
      applicantIin: iin,
      childIin: command.childIin,
      type: command.type,
      status: 'submitted',
      providerId: null,
      submittedAt,
      deadline: new Date(submittedAt.getTime() + TERM_MS),
      signedWith,
      document,
      applicantSignature: signature,
      certificateId: null,
      refusalCode: null,
      refusalComment: null,
      overdueAt: null,
      nextAttemptAt: submittedAt,
      attempts: 0,
      lastError: null,
      idempotencyKey: command.idempotencyKey ?? null,
      requestHash,
    };

    const result = await this.store(row, attachment, command.requestId, now);
    const { logger } = this.deps;
    if (result.status === 'stored' && result.created) {
      logger.info('application.submitted', {
        requestId: command.requestId,
        applicationId: row.id,
        signedWith,
      });
      this.deps.onSubmitted?.();
    } else if (result.status === 'application_open') {
      logger.info('application.already_open', {
        requestId: command.requestId,
        openApplicationId: result.openApplicationId,
      });
    } else if (result.status === 'rate_limited') {
      logger.warn('application.daily_limit', { requestId: command.requestId, limit: result.limit });
    }
    return result;
  }

  /**
   * In one transaction, holding the applicant's lock: finds what an identical request stored, or
   * checks the limits on applying and inserts the application with its first transition,
   * notification and event in one statement, and its attachment.
   */
  private async store(
    row: ApplicationRow,
    attachment: ReturnType<typeof readAttachment> | undefined,
    requestId: string | undefined,
    now: Date,
  ): Promise<SubmitResult> {
    const { store, db, random } = this.deps;
    const insert = db
      .insert(applications)
      .values(row)
      .onConflictDoNothing()
      .returning({ id: applications.id, applicantIin: applications.applicantIin });
    const first = { from: null, to: 'submitted', at: row.submittedAt, actor: 'applicant' } as const;
    const records: ChangeRecords = {
      notify: { kind: 'submitted' },
      event: {
        kind: 'application.submitted',
        requestId: requestId ?? null,
        data: {
          applicationId: row.id,
          type: row.type,
          signedWith: row.signedWith,
          attachment: attachment !== undefined,
        },
      },
    };

    return store.transaction(async (tx): Promise<SubmitResult> => {
      // 1. This applicant's turn, and where they stand. An application counts on the Almaty day
      // of its submittedAt: a document signed before midnight and delivered after it counts on
      // the day before, where the limit still holds.
      await lockApplicant(tx, row.applicantIin);
      const day = localDay(row.submittedAt);
      const standing = await standingOf(tx, row, day);

      // 2. Over a limit: a replay still answers what it stored first; anything else is refused.
      if (overLimit(standing)) {
        const earlier = await this.earlier(tx, row);
        if (earlier) return { status: 'stored', application: earlier, created: false };
        if (standing.openId !== undefined) {
          return { status: 'application_open', openApplicationId: standing.openId };
        }
        const retryAfterMs = untilDayEnds(day, now);
        return { status: 'rate_limited', limit: APPLICATIONS_PER_DAY, retryAfterMs };
      }

      // 3. Store; a conflict on the id or the Idempotency-Key means a request came before.
      const done = await recordedChange(
        tx,
        insert.getSQL(),
        { ...first, note: row.signedWith },
        records,
      );
      if (!done) {
        const earlier = await this.earlier(tx, row);
        if (earlier) return { status: 'stored', application: earlier, created: false };
        throw takenId();
      }
      if (attachment) {
        await this.deps.applications.insertAttachment(tx, {
          id: newAttachmentId(random),
          applicationId: row.id,
          mediaType: attachment.mediaType,
          size: attachment.bytes.length,
          sha256: attachment.sha256,
          content: base64.encode(attachment.bytes),
          createdAt: row.submittedAt,
        });
      }
      return { status: 'stored', application: row, created: true };
    });
  }

  /**
   * The application an earlier, identical request stored, if there is one. The same key with
   * another request, or a signed id already naming another application, is a conflict.
   */
  private async earlier(tx: Tx, row: ApplicationRow): Promise<ApplicationRow | undefined> {
    const { applications } = this.deps;

    const byKey = row.idempotencyKey
      ? await applications.byIdempotencyKey(row.applicantIin, row.idempotencyKey, tx)
      : undefined;
    if (byKey) {
      if (byKey.requestHash === row.requestHash) return byKey;
      throw new AppError(
        'idempotency_conflict',
        'This Idempotency-Key was already used with a different application',
      );
    }

    // The id of a signed document is taken: the same document delivered twice is one
    // application; anything else reusing the id is refused.
    const byId = await applications.byId(row.id, tx);
    if (byId === undefined) return undefined;
    if (byId.applicantIin === row.applicantIin && byId.requestHash === row.requestHash) {
      return byId;
    }
    throw takenId();
  }
}

function overLimit(standing: Standing): boolean {
  return standing.openId !== undefined || standing.onTheDay >= APPLICATIONS_PER_DAY;
}

function takenId(): AppError {
  return fieldError(
    'conflict',
    'applicationId',
    'this id already names another application; sign a document with a fresh id',
  );
}

function checkChildIin(childIin: string, applicantIin: string): void {
  const parsed = parseIin(childIin);
  if (!parsed.ok) {
    const failure = parsed.reason.replace('_', ' ');
    const detail = `expected a valid IIN of 12 digits; it fails on ${failure}`;
    throw fieldError('invalid_iin', 'childIin', detail);
  }
  if (childIin === applicantIin) {
    throw fieldError('same_person', 'childIin', "expected the child's IIN; found your own");
  }
}

function readAttachment(bytes: Uint8Array) {
  if (bytes.length === 0) {
    throw fieldError('validation_failed', 'attachment', 'expected a file; found an empty one');
  }
  if (bytes.length > MAX_ATTACHMENT_BYTES) {
    const detail = `expected at most ${MAX_ATTACHMENT_BYTES} bytes (5 MB); found ${bytes.length}`;
    throw fieldError('payload_too_large', 'attachment', detail);
  }
  const mediaType = sniffAttachmentType(bytes);
  if (!mediaType) {
    const detail = 'expected a PDF, JPEG or PNG file; its content is none of them';
    throw fieldError('unsupported_media_type', 'attachment', detail);
  }
  return { bytes, mediaType, sha256: sha256Hex(bytes) };
}

function checkSignedId(applicationId: string): string {
  if (!isApplicationId(applicationId)) {
    const detail = 'expected "app_" and 26 lower-case base32 characters (16 random bytes)';
    throw fieldError('validation_failed', 'applicationId', detail);
  }
  return applicationId;
}

function checkSignedTime(text: string, now: Date): Date {
  if (!isCanonicalInstant(text)) {
    const detail = 'expected an instant as toISOString writes it, e.g. 2026-12-03T07:00:00.000Z';
    throw fieldError('validation_failed', 'submittedAt', detail);
  }
  const at = new Date(text);
  const age = now.getTime() - at.getTime();
  if (age > SIGNED_DOCUMENT_MAX_AGE_MS || age < -SIGNED_DOCUMENT_MAX_SKEW_MS) {
    const detail = 'expected the time of signing, at most 10 minutes ago; sign a fresh document';
    throw fieldError('date_out_of_range', 'submittedAt', detail);
  }
  return at;
}
