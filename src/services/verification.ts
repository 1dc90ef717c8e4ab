import { bytesToHex, utf8ToBytes } from '../crypto/bytes.js';
import { verifyStrict } from '../crypto/ed25519.js';
import { type ParsedToken, parseToken, recordDigest } from '../crypto/token.js';
import { endOfLocalDay, startOfLocalDay } from '../domain/calendar.js';
import type { CertificateRecord } from '../domain/certificate.js';
import { initials } from '../domain/names.js';
import type { Clock } from '../runtime/clock.js';
import type { CertificateRow, ProviderRow, RegistryStore } from '../store/registry-store.js';
import type { Keyring, VerificationKey } from './keyring.js';
import type {
  CertificateSummary,
  InvalidCause,
  VerificationResult,
} from './verification-result.js';

export interface VerificationDeps {
  store: RegistryStore;
  keyring: Keyring;
  clock: Clock;
}

/**
 * Answers "is this certificate authentic and valid now?" for a QR token. Every answer is a
 * verdict; it throws only when the check cannot run (the registry is unreachable).
 */
export class VerificationService {
  #providers = new Map<string, ProviderRow>();

  constructor(private readonly deps: VerificationDeps) {}

  async verify(text: string): Promise<VerificationResult> {
    const now = this.deps.clock.now();
    const checkedAt = now.toISOString();

    // 1. Form: a QR of another system, a truncated scan or garbage stops here.
    const parsed = parseToken(text.trim().toUpperCase());
    if (!parsed.ok) {
      return invalid(checkedAt, 'format', `Not a certificate of this registry: ${parsed.message}`);
    }
    const token = parsed.token;

    // 2. Authenticity: a key we publish, and a strict Ed25519 signature by it.
    const key = await this.signingKey(token);
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

    // 3. The registry record the token binds to, byte for byte.
    const row = await this.deps.store.certificate(token.certificateId);
    if (!row) {
      return {
        verdict: 'not_found',
        message: 'The registry holds no certificate with this id',
        checkedAt,
      };
    }
    if (!matches(row, token, key)) {
      return invalid(
        checkedAt,
        'record_mismatch',
        'The registry record does not match the signed code',
      );
    }
    const certificate = await this.summary(row);

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
  private async signingKey(token: ParsedToken): Promise<VerificationKey | undefined | 'unknown'> {
    const candidates = await this.deps.keyring.byHint(token.kidHint);
    if (candidates.length === 0) return 'unknown';

    for (const key of candidates) {
      if (await verifyStrict(key.publicKey, token.signingInput, token.signature)) return key;
    }
    return undefined;
  }

  private async summary(row: CertificateRow): Promise<CertificateSummary> {
    const record = JSON.parse(row.record) as CertificateRecord;
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
function matches(row: CertificateRow, token: ParsedToken, key: VerificationKey): boolean {
  return (
    row.kid === key.kid &&
    row.validFrom === token.validFrom &&
    row.validUntil === token.validUntil &&
    row.recordDigest.startsWith(token.digest) &&
    bytesToHex(recordDigest(utf8ToBytes(row.record))) === token.digest
  );
}

function invalid(checkedAt: string, cause: InvalidCause, message: string): VerificationResult {
  return { verdict: 'invalid', cause, message, checkedAt };
}
