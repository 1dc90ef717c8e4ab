import type { StateGateway } from '../gateway/gateway.js';
import type { Logger } from '../logging/logger.js';
import { OutboxSms } from '../notifier/outbox-sms.js';
import type { SmsSender } from '../notifier/sms.js';
import type { Clock } from '../runtime/clock.js';
import type { RandomBytes } from '../runtime/random.js';
import type { Database } from '../store/database.js';
import { EdsSignIn } from './eds-sign-in.js';
import { DEMO_OTP_SECRET, OtpHasher } from './otp-hasher.js';
import { OtpSignIn } from './otp-sign-in.js';
import { SessionService } from './sessions.js';

/** Citizen sign-in as the web layer sees it. */
export interface AuthServices {
  otp: OtpSignIn;
  eds: EdsSignIn;
  /** The SMS outbox, readable only in demo mode (`GET /api/v1/dev/sms-outbox`); else absent. */
  outbox?: OutboxSms;
}

export interface AuthDeps {
  db: Database;
  gateway: StateGateway;
  clock: Clock;
  random: RandomBytes;
  logger: Logger;
  /** Where codes go. Optional only in demo mode, where the outbox is the default. */
  sms?: SmsSender;
  /** Keys the hashes of codes and phones (`OTP_SECRET`). Optional only in demo mode. */
  otpSecret?: string;
  /** Demo mode: the defaults above apply and the outbox can be read. */
  demo?: boolean;
}

/**
 * Wires OTP and EDS sign-in. Outside demo mode an SMS sender and a secret must be given, so a
 * production deployment can never fall back to the readable outbox or the public demo key.
 *
 * @throws Error when a required dependency is missing outside demo mode.
 */
export function createAuth(deps: AuthDeps): AuthServices {
  const outbox = deps.demo ? new OutboxSms(deps) : undefined;
  const sms = deps.sms ?? outbox;
  const secret = deps.otpSecret ?? (deps.demo ? DEMO_OTP_SECRET : undefined);
  if (!sms || !secret) {
    throw new Error('An SMS sender and OTP_SECRET are required outside demo mode');
  }

  // Sessions are rows: this instance and the one the middleware holds see the same ones.
  const sessions = new SessionService(deps);
  const hasher = new OtpHasher(secret);
  const auth: AuthServices = {
    otp: new OtpSignIn({ ...deps, sessions, sms, hasher }),
    eds: new EdsSignIn({ ...deps, sessions }),
  };
  if (outbox) auth.outbox = outbox;
  return auth;
}
