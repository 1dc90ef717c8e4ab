import { and, eq, gt, isNull } from 'drizzle-orm';
import { sessions } from '../../db/schema.js';
import { bytesToHex, toBase64Url } from '../crypto/bytes.js';
import { sha256Hex } from '../crypto/sha256.js';
import type { Clock } from '../runtime/clock.js';
import type { RandomBytes } from '../runtime/random.js';
import type { Database } from '../store/database.js';

/** How a citizen proved who they are. */
export type SignInMethod = 'eds' | 'otp';

export interface CitizenSession {
  iin: string;
  method: SignInMethod;
  csrfToken: string;
  expiresAt: Date;
}

/** A session lasts a working hour; the portal asks to sign in again after that. */
export const SESSION_TTL_MS = 60 * 60 * 1000;

const hashToken = (token: string) => sha256Hex(new TextEncoder().encode(token));

/**
 * Citizen sessions: a random bearer value for the cookie, stored only as its SHA-256, with a
 * CSRF token for the double-submit check on state-changing requests.
 */
export class SessionService {
  constructor(private readonly deps: { db: Database; clock: Clock; random: RandomBytes }) {}

  /** Opens a session; returns the cookie value (shown once, never stored) and the session. */
  async open(
    iin: string,
    method: SignInMethod,
  ): Promise<{ token: string; session: CitizenSession }> {
    const now = this.deps.clock.now();
    const token = toBase64Url(this.deps.random(32));
    const session: CitizenSession = {
      iin,
      method,
      csrfToken: bytesToHex(this.deps.random(16)),
      expiresAt: new Date(now.getTime() + SESSION_TTL_MS),
    };

    await this.deps.db.insert(sessions).values({
      tokenHash: hashToken(token),
      iin,
      method,
      csrfToken: session.csrfToken,
      createdAt: now,
      expiresAt: session.expiresAt,
      revokedAt: null,
    });
    return { token, session };
  }

  /** The live session for a cookie value, or undefined when unknown, expired or signed out. */
  async find(token: string): Promise<CitizenSession | undefined> {
    const now = this.deps.clock.now();
    const rows = await this.deps.db
      .select()
      .from(sessions)
      .where(
        and(
          eq(sessions.tokenHash, hashToken(token)),
          gt(sessions.expiresAt, now),
          isNull(sessions.revokedAt),
        ),
      )
      .limit(1);

    const row = rows[0];
    if (!row) return undefined;
    return {
      iin: row.iin,
      method: row.method as SignInMethod,
      csrfToken: row.csrfToken,
      expiresAt: row.expiresAt,
    };
  }

  async close(token: string): Promise<void> {
    await this.deps.db
      .update(sessions)
      .set({ revokedAt: this.deps.clock.now() })
      .where(eq(sessions.tokenHash, hashToken(token)));
  }
}
