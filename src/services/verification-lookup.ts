import { RateLimiterMemory, RateLimiterRes } from 'rate-limiter-flexible';
import { utf8ToBytes } from '../crypto/bytes.js';
import { sha256 } from '../crypto/sha256.js';
import type { Clock } from '../runtime/clock.js';
import type { RegistryStore } from '../store/registry-store.js';
import type { VerificationService } from './verification.js';
import type { VerificationResult } from './verification-result.js';

/**
 * Tries per visitor, and wrong IINs per serial. Serials are sequential and printed, so the IIN
 * is what proves the asker holds the paper; the per-serial limit stops a guess spread over many
 * addresses. In memory per process, like the other limits of the public pages.
 */
export const LOOKUP_LIMITS = {
  perVisitor: { points: 10, durationSeconds: 600 },
  missesPerSerial: { points: 20, durationSeconds: 3600 },
};

export type LookupOutcome =
  | { ok: true; result: VerificationResult }
  | { ok: false; retryAfter: number };

/**
 * "Serial plus the holder's IIN", as on the state portal: finds the certificate by its serial,
 * accepts it only if the IIN is the guardian's or the child's, and answers the same verdict as
 * its QR code. A serial and IIN that do not match answer `not_found`, exactly like a serial that
 * does not exist, so the answer does not confirm that a serial was issued.
 */
export class VerificationLookup {
  readonly #perVisitor = limiter(LOOKUP_LIMITS.perVisitor);
  readonly #missesPerSerial = limiter(LOOKUP_LIMITS.missesPerSerial);

  constructor(
    private readonly deps: {
      store: RegistryStore;
      verification: VerificationService;
      clock: Clock;
    },
  ) {}

  /** `visitor` is a pseudonym of the caller; `serial` and `iin` are already well formed. */
  async lookup(serial: string, iin: string, visitor: string): Promise<LookupOutcome> {
    const wait =
      (await waitFor(this.#perVisitor, visitor)) ??
      (await blockedFor(this.#missesPerSerial, serial));
    if (wait !== undefined) return { ok: false, retryAfter: wait };

    const rows = await this.deps.store.certificatesBySerial(serial);
    const row = rows.find((candidate) => holdsIin(candidate.record, iin));
    if (row) return { ok: true, result: await this.deps.verification.verify(row.token) };

    await this.#missesPerSerial.penalty(serial, 1);
    return {
      ok: true,
      result: {
        verdict: 'not_found',
        message: 'The registry holds no certificate with this serial and IIN',
        checkedAt: this.deps.clock.now().toISOString(),
      },
    };
  }
}

function limiter(limit: { points: number; durationSeconds: number }) {
  return new RateLimiterMemory({ points: limit.points, duration: limit.durationSeconds });
}

/** Seconds to wait when over the limit after counting this try; undefined when within it. */
async function waitFor(limiter: RateLimiterMemory, key: string): Promise<number | undefined> {
  try {
    await limiter.consume(key);
    return undefined;
  } catch (error) {
    if (error instanceof RateLimiterRes) return Math.ceil(error.msBeforeNext / 1000);
    throw error;
  }
}

/** Seconds to wait when a key has used up its points; looking does not count. */
async function blockedFor(limiter: RateLimiterMemory, key: string): Promise<number | undefined> {
  const state = await limiter.get(key);
  if (!state || state.consumedPoints < limiter.points) return undefined;
  return Math.ceil(state.msBeforeNext / 1000);
}

/**
 * Whether a stored record names this IIN as guardian or child. Compared as digests, so the time
 * taken does not depend on how many leading digits match.
 */
function holdsIin(recordText: string, iin: string): boolean {
  let record: { guardian?: { iin?: unknown }; child?: { iin?: unknown } };
  try {
    record = JSON.parse(recordText);
  } catch {
    return false;
  }
  const wanted = digest(iin);
  return [record.guardian?.iin, record.child?.iin].some(
    (held) => typeof held === 'string' && equalBytes(digest(held), wanted),
  );
}

const digest = (text: string) => sha256(utf8ToBytes(text));

function equalBytes(a: Uint8Array, b: Uint8Array): boolean {
  let diff = a.length ^ b.length;
  for (let i = 0; i < a.length && i < b.length; i++) diff |= (a[i] ?? 0) ^ (b[i] ?? 0);
  return diff === 0;
}
