import { LRUCache } from 'lru-cache';
import { verifyStrict } from '../crypto/ed25519.js';
import { type ParsedToken, parseToken } from '../crypto/token.js';
import { endOfLocalDay, startOfLocalDay } from '../domain/calendar.js';
import type { CertificateRecord } from '../domain/certificate.js';
import { initials } from '../domain/names.js';
import type { Clock } from '../runtime/clock.js';
import type { CertificateRow, ProviderRow, RegistryStore } from '../store/registry-store.js';
import { isUnavailableError } from '../store/unavailable.js';
import type { Keyring, VerificationKey } from './keyring.js';
import type { LogPositions } from './log-position.js';
import type {
  CertificateSummary,
  InvalidCause,
  VerificationResult,
} from './verification-result.js';
import { type CachedRow, VerificationRows } from './verification-rows.js';

export interface VerificationDeps {
  store: RegistryStore;
  keyring: Keyring;
  clock: Clock;
  /**
   * How long a registry row read for verification may be reused. Revocations made through this
   * process are dropped from the cache at once; this bounds how late another process's
   * revocation (several Node instances on one PostgreSQL) can show. Default 1 s.
   */
  statusTtlMs?: number;
  /** The URL of a provider's status list, to point offline verifiers there. */
  statusListUrl?: (providerId: string) => string;
  /** The transparency log, to show where each certificate's issuance is recorded. */
  logPositions?: Pick<LogPositions, 'position'>;
}

/** Tokens and rows kept in memory: one QR is scanned many times, by many verifiers. */
const CACHE_ENTRIES = 20_000;

/**
 * Answers "is this certificate authentic and valid now?" for a QR token. Every answer is a
 * verdict; it throws only when the check cannot run (the registry is unreachable).
 */
export class VerificationService {
  #providers = new Map<string, ProviderRow>();
  /** Token text -> the key its signature verified under. A pure function of bytes, so exact. */
  #signatures = new LRUCache<string, VerificationKey>({ max: CACHE_ENTRIES });
  /** Token text -> its parse, kept once the signature verified; also a pure function of bytes. */
  #tokens = new LRUCache<string, ParsedToken>({ max: CACHE_ENTRIES });
  /** Registry rows, reused for `statusTtlMs`, read in shared statements (verification-rows.ts). */
  #rows: VerificationRows;

  constructor(private readonly deps: VerificationDeps) {
    this.#rows = new VerificationRows({
      store: deps.store,
      ttlMs: deps.statusTtlMs ?? 1_000,
      now: () => deps.clock.now().getTime(),
      summarize: (row) => this.summary(row),
    });
  }

  /** Drops what is cached about a certificate; revocation calls this so it shows at once. */
  forget(certificateId: string): void {
    this.#rows.forget(certificateId);
  }

  async verify(text: string): Promise<VerificationResult> {
    let result = await this.verdict(text);
    const row = result.certificate && this.#rows.peek(result.certificate.id);
    if (!row) return result;

    if (row.statusIndex !== null && this.deps.statusListUrl) {
      const statusList = { url: this.deps.statusListUrl(row.providerId), index: row.statusIndex };
      result = { ...result, statusList };
    }
    if (!this.deps.logPositions) return result;

    // 5. The public log: where this issuance is recorded, with its inclusion proof checked.
    const log = await this.deps.logPositions.position(row.id, row.recordDigest);
    return log ? { ...result, log } : result;
  }

  private async verdict(text: string): Promise<VerificationResult> {
    const now = this.deps.clock.now();
    const checkedAt = now.toISOString();

    // 1. Form: a QR of another system, a truncated scan or garbage stops here.
    const tokenText = text.trim().toUpperCase();
    const known = this.#tokens.get(tokenText);
    const parsed = known ? ({ ok: true, token: known } as const) : parseToken(tokenText);
    if (!parsed.ok) {
      return invalid(checkedAt, 'format', `Not a certificate of this registry: ${parsed.message}`);
    }
    const token = parsed.token;

    // 2. Authenticity: a key we publish, and a strict Ed25519 signature by it.
    const key = await this.signingKey(tokenText, token);
    if (key === 'unknown') {
      return invalid(
        checkedAt,
        'unknown_key',
        'The certificate names a signing key we never published',
      );
    }
    if (!key) {
      return invalid(
        checkedAt,
        'signature',
        'The signature does not match: the code was altered or forged',
      );
    }

    // 3. The registry record the token binds to, byte for byte. Unreachable, the answer says
    // the signature holds and the status is unknown: never valid.
    let cached: CachedRow | undefined;
    try {
      cached = await this.row(token.certificateId, now);
    } catch (error) {
      if (!isUnavailableError(error)) throw error;
      return {
        verdict: 'status_unavailable',
        message:
          'The signature is authentic, but the registry cannot be reached to confirm the ' +
          'certificate is still in force; check again shortly',
        checkedAt,
      };
    }
    if (!cached) {
      return {
        verdict: 'not_found',
        message: 'The registry holds no certificate with this id',
        checkedAt,
      };
    }
    const { row, summary: certificate } = cached;
    if (!certificate || !matches(cached, token, key)) {
      return invalid(
        checkedAt,
        'record_mismatch',
        'The registry record does not match the signed code',
      );
    }

    // A compromised key: what it signed from the compromise on proves nothing (README, "Key
    // lifecycle"); what the registry recorded before stays valid.
    const signer = await this.deps.keyring.current(key.kid);
    if (signer?.compromisedAt && row.issuedAt >= signer.compromisedAt) {
      return invalid(
        checkedAt,
        'key_compromised',
        "The certificate was signed after its issuer's key was compromised",
      );
    }

    // 4. Status, then the validity window in the Asia/Almaty calendar.
    if (row.status === 'revoked' && row.revokedAt) {
      return {
        verdict: 'revoked',
        message: 'The certificate was revoked by its issuer',
        checkedAt,
        certificate,
        revocation: {
          at: row.revokedAt.toISOString(),
          reason: row.revocationReason ?? 'unspecified',
        },
      };
    }
    if (row.status === 'suspended' && row.suspendedAt) {
      return {
        verdict: 'suspended',
        message: 'The certificate is suspended by its issuer for the time being',
        checkedAt,
        certificate,
        suspension: {
          at: row.suspendedAt.toISOString(),
          reason: row.suspensionReason ?? 'unspecified',
        },
      };
    }
    if (now < startOfLocalDay(row.validFrom)) {
      return {
        verdict: 'not_yet_valid',
        message: 'The certificate is not valid yet',
        checkedAt,
        certificate,
      };
    }
    if (now > endOfLocalDay(row.validUntil)) {
      return { verdict: 'expired', message: 'The certificate has expired', checkedAt, certificate };
    }
    return {
      verdict: 'valid',
      message: 'The certificate is authentic and valid',
      checkedAt,
      certificate,
    };
  }

  /** The published key that signed the token, `undefined` if none verifies, or `'unknown'`. */
  private async signingKey(
    tokenText: string,
    token: ParsedToken,
  ): Promise<VerificationKey | undefined | 'unknown'> {
    const known = this.#signatures.get(tokenText);
    if (known) return known;

    const candidates = await this.deps.keyring.byHint(token.kidHint);
    if (candidates.length === 0) return 'unknown';

    for (const key of candidates) {
      if (await verifyStrict(key.publicKey, token.signingInput, token.signature)) {
        this.#signatures.set(tokenText, key);
        this.#tokens.set(tokenText, token);
        return key;
      }
    }
    return undefined;
  }

  /** The registry row and its summary, from the cache while it is fresh. */
  private row(id: string, now: Date): Promise<CachedRow | undefined> {
    return this.#rows.get(id, now.getTime());
  }

  private async summary(row: CertificateRow): Promise<CertificateSummary | undefined> {
    const record = parseRecord(row.record);
    if (!record) return undefined;
    const provider = await this.provider(row.providerId);
    return {
      id: row.id,
      serial: row.serial,
      type: record.type,
      issuer: {
        id: row.providerId,
        nameKk: record.provider.nameKk,
        nameRu: record.provider.nameRu,
        nameEn: provider?.nameEn ?? record.provider.nameRu,
      },
      guardian: initials(record.guardian),
      child: initials(record.child),
      validFrom: row.validFrom,
      validUntil: row.validUntil,
      issuedAt: record.issuedAt,
      kid: row.kid,
    };
  }

  private async provider(id: string): Promise<ProviderRow | undefined> {
    const cached = this.#providers.get(id);
    if (cached) return cached;
    const row = await this.deps.store.provider(id);
    if (row) this.#providers.set(id, row);
    return row;
  }
}

/**
 * The stored record must be the one the signature covers: same key, same dates, and a record
 * whose bytes still hash to the signed digest. An edit of the database shows up here.
 */
function matches(cached: CachedRow, token: ParsedToken, key: VerificationKey): boolean {
  const { row } = cached;
  return (
    row.kid === key.kid &&
    row.validFrom === token.validFrom &&
    row.validUntil === token.validUntil &&
    row.recordDigest.startsWith(token.digest) &&
    cached.digest === token.digest
  );
}

/** The stored record, or undefined when an edit of the database left it unreadable. */
function parseRecord(text: string): CertificateRecord | undefined {
  try {
    return JSON.parse(text) as CertificateRecord;
  } catch {
    return undefined;
  }
}

function invalid(checkedAt: string, cause: InvalidCause, message: string): VerificationResult {
  return { verdict: 'invalid', cause, message, checkedAt };
}
