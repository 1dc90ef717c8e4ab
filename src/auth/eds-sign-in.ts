import { and, eq, gt, isNull, lt } from 'drizzle-orm';
import { edsChallenges } from '../../db/schema.js';
import { fromBase64Url, toBase64Url } from '../crypto/bytes.js';
import { verifyStrict } from '../crypto/ed25519.js';
import { AppError } from '../domain/errors.js';
import { maskIin } from '../domain/iin.js';
import { readIin } from '../domain/request-form.js';
import type { PersonRecord, StateGateway } from '../gateway/gateway.js';
import type { Logger } from '../logging/logger.js';
import type { Clock } from '../runtime/clock.js';
import type { RandomBytes } from '../runtime/random.js';
import type { Database } from '../store/database.js';
import { edsSignInMessage } from './eds-message.js';
import { lookUpPerson } from './look-up-person.js';
import type { CitizenSession, SessionService } from './sessions.js';

/** A challenge must be signed and sent back within two minutes. */
export const EDS_CHALLENGE_TTL_MS = 2 * 60_000;

/** Nonces are 32 random bytes: unguessable, and never repeated in practice. */
export const EDS_NONCE_BYTES = 32;

/**
 * Spent and expired challenges are kept this long after they expire, so a late answer is told
 * "expired" rather than "unknown"; then they are deleted.
 */
const KEEP_EXPIRED_MS = 60 * 60_000;

export interface EdsSignInDeps {
  db: Database;
  gateway: StateGateway;
  sessions: SessionService;
  clock: Clock;
  random: RandomBytes;
  logger: Logger;
}

export interface EdsSignInRequest {
  iin: string;
  /** The challenge nonce, as the server sent it. */
  nonce: string;
  /** The Ed25519 signature over {@link edsSignInMessage}, unpadded base64url (64 bytes). */
  signature: string;
}

/**
 * Sign-in with the citizen's EDS: challenge and response. The server hands out a fresh nonce;
 * the citizen signs the sign-in message for it and their IIN; the signature must verify (strict
 * RFC 8032) under the public key the national PKI registers to that IIN, as the gateway reports
 * it. Each nonce is good for one attempt, right or wrong.
 */
export class EdsSignIn {
  constructor(private readonly deps: EdsSignInDeps) {}

  /** A fresh nonce to sign, valid for two minutes and one attempt. */
  async challenge(): Promise<{ nonce: string; expiresAt: Date }> {
    const now = this.deps.clock.now();
    const nonce = toBase64Url(this.deps.random(EDS_NONCE_BYTES));
    const expiresAt = new Date(now.getTime() + EDS_CHALLENGE_TTL_MS);

    // Anyone may ask for challenges, so old ones are cleared as new ones come.
    const stale = new Date(now.getTime() - KEEP_EXPIRED_MS);
    await this.deps.db.delete(edsChallenges).where(lt(edsChallenges.expiresAt, stale));
    await this.deps.db.insert(edsChallenges).values({ nonce, createdAt: now, expiresAt });
    return { nonce, expiresAt };
  }

  /**
   * Spends the nonce of an attempt refused before it could be checked (a malformed IIN or
   * signature): a nonce serves one attempt, right or wrong. Unknown or spent nonces are left.
   */
  async spend(nonce: string): Promise<void> {
    await this.deps.db
      .update(edsChallenges)
      .set({ usedAt: this.deps.clock.now() })
      .where(and(eq(edsChallenges.nonce, nonce), isNull(edsChallenges.usedAt)));
  }

  /**
   * Opens a session when the signature verifies. An IIN that is unknown, deceased or holds no
   * EDS gets the same `eds_signature_invalid` as a wrong signature: the answer does not tell
   * whether the IIN has a key.
   *
   * @throws AppError `eds_challenge_invalid` (unknown, used or expired nonce),
   *   `eds_signature_invalid`, `invalid_iin`, `validation_failed` (signature not base64url),
   *   `service_unavailable` (identity gateway down; the nonce stays unused).
   */
  async signIn(
    request: EdsSignInRequest,
    logger = this.deps.logger,
  ): Promise<{ token: string; session: CitizenSession }> {
    const { iin, nonce } = request;
    let signature: Uint8Array;
    try {
      readIin(iin, 'iin');
      signature = decodeSignature(request.signature);
    } catch (error) {
      await this.spend(nonce);
      throw error;
    }
    const now = this.deps.clock.now();

    const [challenge] = await this.deps.db
      .select()
      .from(edsChallenges)
      .where(eq(edsChallenges.nonce, nonce));
    if (!challenge) throw challengeInvalid('was not issued by this registry');
    if (challenge.usedAt) throw challengeInvalid('was already used; ask for a new one');
    if (challenge.expiresAt <= now) throw challengeInvalid('has expired; ask for a new one');

    // Asked before the nonce is spent, so an unreachable gateway leaves it usable for a retry.
    const person = await lookUpPerson(this.deps.gateway, iin);

    const [spent] = await this.deps.db
      .update(edsChallenges)
      .set({ usedAt: now })
      .where(
        and(
          eq(edsChallenges.nonce, nonce),
          isNull(edsChallenges.usedAt),
          gt(edsChallenges.expiresAt, now),
        ),
      )
      .returning({ nonce: edsChallenges.nonce });
    if (!spent) throw challengeInvalid('was already used; ask for a new one');

    const key = registeredKey(person, logger);
    const message = edsSignInMessage(nonce, iin);
    if (!key || !(await verifyStrict(key, message, signature))) {
      logger.info('auth.eds.rejected', { person: maskIin(iin) });
      throw new AppError(
        'eds_signature_invalid',
        'signature: does not verify under the EDS key registered to this IIN',
        'signature',
      );
    }

    const opened = await this.deps.sessions.open(iin, 'eds');
    logger.info('auth.signed_in', { method: 'eds', person: maskIin(iin) });
    return opened;
  }
}

/** The raw public key to verify with, or undefined when the person cannot sign in by EDS. */
function registeredKey(person: PersonRecord | null, logger: Logger): Uint8Array | undefined {
  if (!person?.alive || !person.edsPublicKey) return undefined;

  try {
    return fromBase64Url(person.edsPublicKey, 'edsPublicKey');
  } catch {
    // The gateway broke its contract; the citizen cannot fix that, an operator must.
    logger.error('auth.eds.key_unreadable', { source: 'identity' });
    return undefined;
  }
}

function decodeSignature(text: string): Uint8Array {
  let bytes: Uint8Array | undefined;
  try {
    bytes = fromBase64Url(text, 'signature');
  } catch {
    bytes = undefined;
  }
  if (bytes?.length !== 64) {
    throw new AppError(
      'validation_failed',
      'signature: expected 64 bytes as unpadded base64url (86 characters)',
      'signature',
    );
  }
  return bytes;
}

function challengeInvalid(why: string): AppError {
  return new AppError('eds_challenge_invalid', `nonce: the challenge ${why}`, 'nonce');
}
