import { and, desc, eq, gt, isNull, lt, sql } from 'drizzle-orm';
import { otpCodes } from '../../db/schema.js';
import { bytesToHex } from '../crypto/bytes.js';
import { AppError } from '../domain/errors.js';
import { maskIin } from '../domain/iin.js';
import { readIin } from '../domain/request-form.js';
import type { PersonRecord, StateGateway } from '../gateway/gateway.js';
import type { Logger } from '../logging/logger.js';
import type { SmsSender } from '../notifier/sms.js';
import { signInCodeText } from '../notifier/sms-text.js';
import type { Clock } from '../runtime/clock.js';
import type { RandomBytes } from '../runtime/random.js';
import type { Database, Tx } from '../store/database.js';
import { lookUpPerson } from './look-up-person.js';
import { newOtpCode } from './otp-code.js';
import { NO_CODE, NO_PHONE, OTP_SALT_BYTES, type OtpHasher } from './otp-hasher.js';
import {
  lookBack,
  OTP_LIMITS_PER_IIN,
  OTP_LIMITS_PER_PHONE,
  type RateLimit,
  waitBeforeNext,
} from './otp-rate-limit.js';
import { isKzPhone, phoneHint, standInPhoneHint } from './phone-hint.js';
import type { CitizenSession, SessionService } from './sessions.js';

/** A code is valid for five minutes (the service standard). */
export const OTP_TTL_MS = 5 * 60_000;

/** Wrong codes allowed per code; the third wrong one blocks it. */
export const OTP_MAX_ATTEMPTS = 3;

export interface OtpSignInDeps {
  db: Database;
  gateway: StateGateway;
  sessions: SessionService;
  sms: SmsSender;
  hasher: OtpHasher;
  clock: Clock;
  random: RandomBytes;
  logger: Logger;
}

/** The answer to a code request. Identical in form whether or not an SMS went out. */
export type OtpRequestResult =
  | { status: 'sent'; phoneHint: string; expiresAt: Date }
  | { status: 'rate_limited'; scope: 'iin' | 'phone'; retryAfterMs: number };

type Column = typeof otpCodes.iin | typeof otpCodes.phoneHash;

/**
 * Sign-in with a one-time code sent by SMS to the phone the identity documents register to the
 * IIN. Only a keyed, salted hash of each code is stored; a new request replaces the previous
 * code; a code allows three attempts and lives five minutes.
 *
 * There is no account oracle: an IIN that is unknown, deceased or without a phone gets the same
 * answer as any other (a stand-in phone hint that stays the same for that IIN), no SMS, and a
 * row that no code matches, so rate limits and wrong-code answers behave alike too.
 */
export class OtpSignIn {
  constructor(private readonly deps: OtpSignInDeps) {}

  /**
   * Sends a new code to the IIN's registered phone, unless a rate limit says to wait.
   *
   * @throws AppError `invalid_iin` naming `iin`; `service_unavailable` when the identity gateway
   *   or the SMS gateway cannot be reached (no code stays behind then).
   */
  async request(iin: string, logger = this.deps.logger): Promise<OtpRequestResult> {
    readIin(iin, 'iin');
    const now = this.deps.clock.now();

    // A cheap check before the gateway is asked, so a flood of requests never reaches it.
    const early = await this.wait(this.deps.db, otpCodes.iin, iin, OTP_LIMITS_PER_IIN, now);
    if (early > 0) return { status: 'rate_limited', scope: 'iin', retryAfterMs: early };

    const person = await lookUpPerson(this.deps.gateway, iin);
    const phone = reachablePhone(person);
    const code = newOtpCode(this.deps.random);
    const row = {
      id: `otp_${bytesToHex(this.deps.random(16))}`,
      iin,
      phoneHash: phone ? this.deps.hasher.hashPhone(phone) : NO_PHONE,
      codeHash: phone
        ? this.deps.hasher.hashCode(iin, code, this.deps.random(OTP_SALT_BYTES))
        : NO_CODE,
      createdAt: now,
      expiresAt: new Date(now.getTime() + OTP_TTL_MS),
      attempts: 0,
      consumedAt: null,
    };

    const limited = await this.store(row, phone !== undefined, now);
    if (limited) return limited;

    if (phone) {
      await this.send(row.id, phone, code, logger);
      logger.info('auth.otp.sent', { person: maskIin(iin) });
    } else {
      // No IIN at all here, masked or not: the reason may be a death.
      logger.info('auth.otp.not_sent', { why: noPhoneReason(person) });
    }

    const hint = phone ? phoneHint(phone) : undefined;
    return {
      status: 'sent',
      phoneHint: hint ?? standInPhoneHint(this.deps.hasher.decoyBytes(iin)),
      expiresAt: row.expiresAt,
    };
  }

  /**
   * Checks a code and, when it is right, opens a session. Every check counts an attempt first,
   * atomically, so concurrent guesses cannot exceed the three allowed.
   *
   * @throws AppError `otp_invalid` (with `attemptsLeft`; the same for an IIN that no code can
   *   match, so it tells nothing about the person), `otp_attempts_exhausted`,
   *   `otp_expired` (expired, used, replaced or never requested), `invalid_iin`.
   */
  async verify(
    iin: string,
    code: string,
    logger = this.deps.logger,
  ): Promise<{ token: string; session: CitizenSession }> {
    readIin(iin, 'iin');
    const now = this.deps.clock.now();
    const { db } = this.deps;

    const [latest] = await db
      .select()
      .from(otpCodes)
      .where(eq(otpCodes.iin, iin))
      .orderBy(desc(otpCodes.createdAt))
      .limit(1);
    if (!latest) throw noCode('no code was requested for this IIN; request one');
    throwIfUnusable(latest, now);

    const [counted] = await db
      .update(otpCodes)
      .set({ attempts: sql`${otpCodes.attempts} + 1` })
      .where(
        and(
          eq(otpCodes.id, latest.id),
          lt(otpCodes.attempts, OTP_MAX_ATTEMPTS),
          isNull(otpCodes.consumedAt),
          gt(otpCodes.expiresAt, now),
        ),
      )
      .returning({ attempts: otpCodes.attempts });
    if (!counted) {
      // Another request used up or consumed the code between the read and the update.
      const [again] = await db.select().from(otpCodes).where(eq(otpCodes.id, latest.id));
      if (again) throwIfUnusable(again, now);
      throw noCode('the code is no longer valid; request a new one');
    }

    if (!this.deps.hasher.codeMatches(iin, code, latest.codeHash)) {
      logger.info('auth.otp.wrong_code', { person: maskIin(iin), attempt: counted.attempts });
      const left = OTP_MAX_ATTEMPTS - counted.attempts;
      if (left <= 0) throw exhausted();
      throw new AppError(
        'otp_invalid',
        `code: does not match the code sent; ${left} attempt${left === 1 ? '' : 's'} left`,
        'code',
        { attemptsLeft: left },
      );
    }

    const [consumed] = await db
      .update(otpCodes)
      .set({ consumedAt: now })
      .where(and(eq(otpCodes.id, latest.id), isNull(otpCodes.consumedAt)))
      .returning({ id: otpCodes.id });
    if (!consumed) throw noCode('the code was already used; request a new one');

    const opened = await this.deps.sessions.open(iin, 'otp');
    logger.info('auth.signed_in', { method: 'otp', person: maskIin(iin) });
    return opened;
  }

  /**
   * Stores a new code in place of the IIN's previous one, unless a limit says to wait. Requests
   * for one IIN and one phone are serialised by advisory locks, so two at once cannot both pass.
   */
  private store(
    row: typeof otpCodes.$inferInsert,
    hasPhone: boolean,
    now: Date,
  ): Promise<OtpRequestResult | undefined> {
    return this.deps.db.transaction(async (tx) => {
      await lock(tx, `otp:iin:${row.iin}`);
      if (hasPhone) await lock(tx, `otp:phone:${row.phoneHash}`);

      const byIin = await this.wait(tx, otpCodes.iin, row.iin, OTP_LIMITS_PER_IIN, now);
      if (byIin > 0) return { status: 'rate_limited', scope: 'iin', retryAfterMs: byIin };
      const byPhone = hasPhone
        ? await this.wait(tx, otpCodes.phoneHash, row.phoneHash, OTP_LIMITS_PER_PHONE, now)
        : 0;
      if (byPhone > 0) return { status: 'rate_limited', scope: 'phone', retryAfterMs: byPhone };

      await tx
        .update(otpCodes)
        .set({ consumedAt: now })
        .where(and(eq(otpCodes.iin, row.iin), isNull(otpCodes.consumedAt)));
      await tx.insert(otpCodes).values(row);
      return undefined;
    });
  }

  /** Milliseconds to wait before one more request for this IIN or phone; 0 when none. */
  private async wait(
    db: Database | Tx,
    column: Column,
    value: string,
    limits: readonly RateLimit[],
    now: Date,
  ): Promise<number> {
    const { windowMs, count } = lookBack(limits);
    const rows = await db
      .select({ createdAt: otpCodes.createdAt })
      .from(otpCodes)
      .where(and(eq(column, value), gt(otpCodes.createdAt, new Date(now.getTime() - windowMs))))
      .orderBy(desc(otpCodes.createdAt))
      .limit(count);
    return waitBeforeNext(
      rows.map((r) => r.createdAt),
      now,
      limits,
    );
  }

  /** Sends the SMS; when it cannot go out, the code is deleted so it does not use up a limit. */
  private async send(id: string, phone: string, code: string, logger: Logger): Promise<void> {
    try {
      await this.deps.sms.send(phone, signInCodeText(code));
    } catch (error) {
      await this.deps.db.delete(otpCodes).where(eq(otpCodes.id, id));
      const reason = (error as { reason?: unknown })?.reason ?? 'unknown';
      logger.warn('auth.otp.sms_failed', { reason });
      throw new AppError(
        'service_unavailable',
        'The SMS could not be sent right now; try again in a few seconds',
        undefined,
        { cause: error },
      );
    }
  }
}

/** The phone to send to, or undefined when the person must get no SMS. */
function reachablePhone(person: PersonRecord | null): string | undefined {
  if (!person?.alive || !person.phone || !isKzPhone(person.phone)) return undefined;
  return person.phone;
}

/** For the log only, never for the answer. */
function noPhoneReason(person: PersonRecord | null): string {
  if (!person) return 'unknown_iin';
  if (!person.alive) return 'deceased';
  return person.phone ? 'phone_not_kz_mobile' : 'no_phone';
}

async function lock(tx: Tx, key: string): Promise<void> {
  await tx.execute(sql`select pg_advisory_xact_lock(hashtextextended(${key}, 0))`);
}

function throwIfUnusable(row: typeof otpCodes.$inferSelect, now: Date): void {
  if (row.consumedAt) throw noCode('the code was already used or replaced; request a new one');
  if (row.expiresAt <= now) throw noCode('the code has expired (5 minutes); request a new one');
  if (row.attempts >= OTP_MAX_ATTEMPTS) throw exhausted();
}

function noCode(message: string): AppError {
  return new AppError('otp_expired', `code: ${message}`, 'code');
}

function exhausted(): AppError {
  return new AppError(
    'otp_attempts_exhausted',
    `code: ${OTP_MAX_ATTEMPTS} wrong attempts; this code is blocked, request a new one`,
    'code',
  );
}
