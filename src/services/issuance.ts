import { canonicalJsonBytes } from '../crypto/canonical-json.js';
import { sha256Hex } from '../crypto/sha256.js';
import { localDay } from '../domain/calendar.js';
import { AppError } from '../domain/errors.js';
import { assertCertificateRequest, type CertificateRequestInput } from '../domain/validity.js';
import type { Logger } from '../logging/logger.js';
import type { Clock } from '../runtime/clock.js';
import type { RandomBytes } from '../runtime/random.js';
import type { Signer } from '../signer/signer.js';
import type { ProviderKeyRow, ProviderRow, RegistryStore } from '../store/registry-store.js';
import { GroupCommit } from './group-commit.js';
import { type IssueResult, type PreparedIssuance, recordIssuances } from './issuance-batch.js';
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

export type { IssueResult } from './issuance-batch.js';

export interface IssuanceDeps {
  store: RegistryStore;
  signer: Signer;
  clock: Clock;
  random: RandomBytes;
  logger: Logger;
}

/**
 * Issues certificates: checks the request, builds the record, signs its digest and records it
 * with its event and log leaf in one transaction; concurrent issuances share that transaction
 * (group commit, see issuance-batch.ts). Only this service holds the signer.
 */
export class IssuanceService {
  #providers = new Map<string, ProviderRow>();
  #keys: { rows: ProviderKeyRow[]; readAt: number } | undefined;

  /** Issuances waiting for, or in, the transaction they share. */
  #batches: GroupCommit<PreparedIssuance, IssueResult>;

  constructor(private readonly deps: IssuanceDeps) {
    this.#batches = new GroupCommit((items) => recordIssuances(deps, items));
  }

  async issue(command: IssueCommand): Promise<IssueResult> {
    const { clock, logger } = this.deps;
    const now = clock.now();
    const today = localDay(now);

    // 1. The rules, before anything is locked or signed.
    const checked = assertCertificateRequest(command.request, today);
    const requestHash = sha256Hex(canonicalJsonBytes(command.request));

    // 2. The provider and its signing key.
    const provider = await this.provider(command.providerId);
    const key = activeSigningKey(await this.keys(now), this.deps.signer, provider.id, now, logger);

    // 3. Lock the idempotency key, replay or sign, and record with the event and the log leaf:
    // one transaction, shared with the issuances that arrive meanwhile (issuance-batch.ts).
    const result = await this.#batches.submit({
      actor: command.actor,
      requestId: command.requestId,
      idempotencyKey: command.idempotencyKey,
      checked,
      requestHash,
      provider,
      kid: key.kid,
      now,
      year: Number(today.slice(0, 4)),
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
}
