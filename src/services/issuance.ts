import { sql } from 'drizzle-orm';
import { utf8ToBytes } from '../crypto/bytes.js';
import { canonicalJson, canonicalJsonBytes } from '../crypto/canonical-json.js';
import { newCertificateId } from '../crypto/certificate-id.js';
import { kidHint } from '../crypto/jwk.js';
import { sha256Hex } from '../crypto/sha256.js';
import {
  assembleToken,
  encodeTokenPayload,
  recordDigest,
  tokenSigningInput,
} from '../crypto/token.js';
import { localDay } from '../domain/calendar.js';
import type { CertificateRecord } from '../domain/certificate.js';
import { AppError } from '../domain/errors.js';
import { assertCertificateRequest, type CertificateRequestInput } from '../domain/validity.js';
import type { Logger } from '../logging/logger.js';
import type { Clock } from '../runtime/clock.js';
import type { RandomBytes } from '../runtime/random.js';
import type { Signer } from '../signer/signer.js';
import { allocateStatusIndex } from '../statuslist/index-allocation.js';
import type { Tx } from '../store/database.js';
import { appendLogEntry } from '../store/log-append.js';
import type {
  CertificateRow,
  ProviderKeyRow,
  ProviderRow,
  RegistryStore,
} from '../store/registry-store.js';
import { certificateIssuedEntry } from '../translog/log-entry.js';
import { activeSigningKey } from './signing-keys.js';

/** How long the list of provider keys is reused between reads. */
const KEY_LIST_TTL_MS = 5_000;

export interface IssueCommand {
  /** `officer:<id>` or `system:<worker>`: recorded as the actor of the issuance. */
  actor: string;
  providerId: string;
  request: CertificateRequestInput;
  idempotencyKey?: string | undefined;
  requestId?: string | undefined;
}

export interface IssueResult {
  certificate: CertificateRow;
  /** False when an Idempotency-Key replay returned the certificate issued before. */
  created: boolean;
}

export interface IssuanceDeps {
  store: RegistryStore;
  signer: Signer;
  clock: Clock;
  random: RandomBytes;
  logger: Logger;
}

/**
 * Issues certificates: checks the request, builds the record, signs its digest and records it
 * with its event in one transaction. Only this service holds the signer.
 */
export class IssuanceService {
  #providers = new Map<string, ProviderRow>();
  #keys: { rows: ProviderKeyRow[]; readAt: number } | undefined;

  constructor(private readonly deps: IssuanceDeps) {}

  async issue(command: IssueCommand): Promise<IssueResult> {
    const { store, clock, logger } = this.deps;
    const now = clock.now();
    const today = localDay(now);

    // 1. The rules, before anything is locked or signed.
    const checked = assertCertificateRequest(command.request, today);
    const requestHash = sha256Hex(canonicalJsonBytes(command.request));

    // 2. The provider and its signing key.
    const provider = await this.provider(command.providerId);
    const key = activeSigningKey(await this.keys(now), this.deps.signer, provider.id, now);

    // 3. Lock the idempotency key, replay or sign, and record with the event: one transaction.
    const result = await store.transaction(async (tx) => {
      if (command.idempotencyKey) {
        const replay = await this.replay(tx, provider.id, command.idempotencyKey, requestHash);
        if (replay) return { certificate: replay, created: false };
      }

      const year = Number(today.slice(0, 4));
      const serialNo = await store.nextSerial(tx, provider.id, year);
      const record: CertificateRecord = {
        v: 1,
        id: newCertificateId(this.deps.random),
        serial: `${provider.code}-${year}-${String(serialNo).padStart(6, '0')}`,
        type: checked.request.type,
        provider: { id: provider.id, nameKk: provider.nameKk, nameRu: provider.nameRu },
        guardian: checked.request.guardian,
        child: checked.request.child,
        decision: checked.request.decision,
        validFrom: checked.validFrom,
        validUntil: checked.validUntil,
        issuedAt: now.toISOString(),
        kid: key.kid,
      };

      // The exact bytes checked and stored are the bytes whose digest is signed.
      const recordText = canonicalJson(record);
      const recordBytes = utf8ToBytes(recordText);
      const digest = recordDigest(recordBytes);
      const payload = encodeTokenPayload({
        kidHint: kidHint(key.kid),
        certificateId: record.id,
        validFrom: record.validFrom,
        validUntil: record.validUntil,
        digest,
      });

      logger.info('signing.start', {
        requestId: command.requestId,
        certificateId: record.id,
        kid: key.kid,
      });
      const signature = await this.deps.signer.sign(key.kid, tokenSigningInput(payload));
      logger.info('signing.done', { requestId: command.requestId, certificateId: record.id });

      const row: CertificateRow = {
        id: record.id,
        providerId: provider.id,
        kid: key.kid,
        serial: record.serial,
        type: record.type,
        record: recordText,
        recordDigest: sha256Hex(recordBytes),
        token: assembleToken(payload, signature),
        validFrom: record.validFrom,
        validUntil: record.validUntil,
        issuedAt: now,
        issuedBy: command.actor,
        status: 'active',
        suspendedAt: null,
        suspensionReason: null,
        statusIndex: null,
        revokedAt: null,
        revocationReason: null,
        revocationComment: null,
        revokedBy: null,
        idempotencyKey: command.idempotencyKey ?? null,
        requestHash,
      };
      // A random free index in the provider's status list, for offline verifiers.
      row.statusIndex = await allocateStatusIndex(this.deps.random, (statusIndex) =>
        store.insertCertificateAtFreeIndex(tx, { ...row, statusIndex }),
      );
      await store.appendEvent(tx, {
        at: now,
        kind: 'certificate.issued',
        actor: command.actor,
        providerId: provider.id,
        certificateId: record.id,
        requestId: command.requestId ?? null,
        data: { serial: record.serial, type: record.type, kid: key.kid },
      });

      // Last, as it locks the log head until commit: the public log records the issuance.
      await appendLogEntry(
        tx,
        certificateIssuedEntry({
          at: now,
          providerId: provider.id,
          certificateId: record.id,
          recordDigest: row.recordDigest,
          kid: key.kid,
        }),
      );
      return { certificate: row, created: true };
    });

    if (result.created) {
      logger.info('certificate.issued', {
        requestId: command.requestId,
        certificateId: result.certificate.id,
        providerId: provider.id,
      });
    }
    return result;
  }

  /** Drops the cached key list, so a key registered or retired just now takes effect at once. */
  forgetKeys(): void {
    this.#keys = undefined;
  }

  private async provider(id: string): Promise<ProviderRow> {
    const cached = this.#providers.get(id);
    if (cached) return cached;

    const provider = await this.deps.store.provider(id);
    if (!provider) throw new AppError('not_found', 'The provider does not exist');
    this.#providers.set(id, provider);
    return provider;
  }

  /** Provider keys, re-read at most every few seconds: other instances may rotate keys too. */
  private async keys(now: Date): Promise<ProviderKeyRow[]> {
    if (this.#keys && now.getTime() - this.#keys.readAt < KEY_LIST_TTL_MS) return this.#keys.rows;

    const rows = await this.deps.store.listKeys();
    this.#keys = { rows, readAt: now.getTime() };
    return rows;
  }

  /**
   * The certificate an Idempotency-Key already produced, if any. A transaction-scoped advisory
   * lock makes a concurrent retry wait for the first attempt instead of signing a second time.
   */
  private async replay(
    tx: Tx,
    providerId: string,
    idempotencyKey: string,
    requestHash: string,
  ): Promise<CertificateRow | undefined> {
    await tx.execute(
      sql`select pg_advisory_xact_lock(hashtext(${`${providerId}:${idempotencyKey}`}))`,
    );

    const existing = await this.deps.store.byIdempotencyKey(tx, providerId, idempotencyKey);
    if (!existing) return undefined;
    if (existing.requestHash !== requestHash) {
      throw new AppError(
        'idempotency_conflict',
        'This Idempotency-Key was already used with a different request body',
      );
    }
    return existing;
  }
}
