import { z } from 'zod';
import { TOKEN_TEXT_LENGTH } from './crypto/token.js';

/**
 * The QR holds `<PUBLIC_URL>/V/<token>` in alphanumeric mode; version 10 at level Q takes 221
 * characters, so the base URL gets what the token and `/V/` leave.
 */
const MAX_PUBLIC_URL_LENGTH = 221 - '/V/'.length - TOKEN_TEXT_LENGTH;

/**
 * Configuration, read once at start from the environment and validated here. Nothing below the
 * entry points reads the environment: they receive this object.
 */
const schema = z
  .object({
    PORT: z.coerce.number().int().min(1).max(65_535).default(8787),
    PUBLIC_URL: z
      .url({ protocol: /^https?$/, message: 'PUBLIC_URL must be an http(s) URL' })
      .max(MAX_PUBLIC_URL_LENGTH, {
        message:
          `PUBLIC_URL must be at most ${MAX_PUBLIC_URL_LENGTH} characters, ` +
          'or the QR code outgrows version 10 at level Q',
      })
      .optional(),
    DATA_DIR: z.string().min(1).default('./data'),
    DATABASE_URL: z
      .string()
      .regex(/^postgres(ql)?:\/\//, 'DATABASE_URL must start with postgres:// or postgresql://')
      .optional(),
    NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
    /** Production signing keys: a JSON array of `{ providerId, seed }` (base64url seeds). */
    SIGNING_KEYS: z.string().min(1).optional(),
    /** The transparency log's checkpoint key: a 32-byte Ed25519 seed, base64url. */
    LOG_SIGNING_KEY: z
      .string()
      .regex(/^[A-Za-z0-9_-]{43}$/, 'LOG_SIGNING_KEY must be 32 bytes as 43 base64url characters')
      .optional(),
    LOG_LEVEL: z.enum(['debug', 'info', 'warn', 'error', 'silent']).default('info'),
    /** The state-systems gateway; unset in demo mode means the fixture gateway. */
    GATEWAY_URL: z
      .url({ protocol: /^https?$/, message: 'GATEWAY_URL must be an http(s) URL' })
      .optional(),
    GATEWAY_TOKEN: z.string().min(1).optional(),
    /** The HTTP SMS gateway for sign-in codes; unset in demo mode means the SMS outbox table. */
    SMS_GATEWAY_URL: z
      .url({ protocol: /^https?$/, message: 'SMS_GATEWAY_URL must be an http(s) URL' })
      .optional(),
    SMS_GATEWAY_TOKEN: z.string().min(1).optional(),
    /** Keys the hashes of sign-in codes and phones; at least 32 characters of randomness. */
    OTP_SECRET: z.string().min(32, 'OTP_SECRET must be at least 32 characters').optional(),
  })
  .superRefine((env, ctx) => {
    if (env.NODE_ENV !== 'production') return;

    if (!env.PUBLIC_URL?.startsWith('https://')) {
      ctx.addIssue({
        code: 'custom',
        path: ['PUBLIC_URL'],
        message: 'must be https in production',
      });
    }
    if (!env.GATEWAY_URL || !env.GATEWAY_TOKEN) {
      ctx.addIssue({
        code: 'custom',
        path: ['GATEWAY_URL'],
        message: 'GATEWAY_URL and GATEWAY_TOKEN are required in production',
      });
    }
    if (!env.SMS_GATEWAY_URL || !env.SMS_GATEWAY_TOKEN) {
      ctx.addIssue({
        code: 'custom',
        path: ['SMS_GATEWAY_URL'],
        message: 'SMS_GATEWAY_URL and SMS_GATEWAY_TOKEN are required in production',
      });
    }
    if (!env.OTP_SECRET) {
      ctx.addIssue({ code: 'custom', path: ['OTP_SECRET'], message: 'is required in production' });
    }
    if (!env.SIGNING_KEYS) {
      ctx.addIssue({
        code: 'custom',
        path: ['SIGNING_KEYS'],
        message: 'is required in production',
      });
    }
    if (!env.LOG_SIGNING_KEY) {
      ctx.addIssue({
        code: 'custom',
        path: ['LOG_SIGNING_KEY'],
        message: 'is required in production',
      });
    }
  });

export interface Config {
  port: number;
  /** Base of verify URLs printed into QR codes, without a trailing slash. */
  publicUrl: string;
  dataDir: string;
  databaseUrl: string | undefined;
  production: boolean;
  /** Demo data and demo officer tokens exist only when this is true. */
  demo: boolean;
  signingKeys: string | undefined;
  /** The log's checkpoint key seed; undefined means the demo key file (demo mode only). */
  logSigningKey: string | undefined;
  logLevel: 'debug' | 'info' | 'warn' | 'error' | 'silent';
  /** The real state-systems gateway; undefined means the demo fixture gateway. */
  gateway: { url: string; token: string } | undefined;
  /** The HTTP SMS gateway; undefined means the demo SMS outbox. */
  sms: { url: string; token: string } | undefined;
  /** Key of the sign-in code hashes; undefined means the public demo key (demo mode only). */
  otpSecret: string | undefined;
}

/** Thrown when the environment is not a valid configuration. Names the variables, not values. */
export class ConfigError extends Error {
  override name = 'ConfigError';
}

export function loadConfig(env: Record<string, string | undefined>): Config {
  const parsed = schema.safeParse(env);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
    throw new ConfigError(`Invalid configuration:\n  ${problems.join('\n  ')}`);
  }

  const e = parsed.data;
  const publicUrl = (e.PUBLIC_URL ?? `http://localhost:${e.PORT}`).replace(/\/+$/, '');
  const production = e.NODE_ENV === 'production';

  return {
    port: e.PORT,
    publicUrl,
    dataDir: e.DATA_DIR,
    databaseUrl: e.DATABASE_URL,
    production,
    demo: !production,
    signingKeys: e.SIGNING_KEYS,
    logSigningKey: e.LOG_SIGNING_KEY,
    logLevel: e.LOG_LEVEL,
    gateway:
      e.GATEWAY_URL && e.GATEWAY_TOKEN ? { url: e.GATEWAY_URL, token: e.GATEWAY_TOKEN } : undefined,
    sms:
      e.SMS_GATEWAY_URL && e.SMS_GATEWAY_TOKEN
        ? { url: e.SMS_GATEWAY_URL, token: e.SMS_GATEWAY_TOKEN }
        : undefined,
    otpSecret: e.OTP_SECRET,
  };
}
