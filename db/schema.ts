/**
 * The registry schema. One file, one section per table; each column says what it holds.
 *
 * Personal data (names, IINs) lives only in `certificates.record`, the canonical signed record.
 * The event log names ids, never people.
 */
import { sql } from 'drizzle-orm';
import {
  bigserial,
  date,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
} from 'drizzle-orm/pg-core';

const instant = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });

/** Service providers: local executive bodies (akimats) that issue in their own name. */
export const providers = pgTable('providers', {
  /** Readable id, e.g. `prv_astana`. */
  id: text('id').primaryKey(),
  /** Short code printed in serials, e.g. `AST`. Upper-case Latin letters. */
  code: text('code').notNull().unique(),
  nameKk: text('name_kk').notNull(),
  nameRu: text('name_ru').notNull(),
  nameEn: text('name_en').notNull(),
  createdAt: instant('created_at').notNull(),
});

/** Public halves of the providers' Ed25519 signing keys. Private keys never enter the database. */
export const providerKeys = pgTable(
  'provider_keys',
  {
    /** RFC 7638 JWK thumbprint (SHA-256, base64url): the `kid` in JWKS. */
    kid: text('kid').primaryKey(),
    /** First 8 bytes of the thumbprint, hex: the key hint carried inside QR tokens. */
    kidHint: text('kid_hint').notNull(),
    providerId: text('provider_id')
      .notNull()
      .references(() => providers.id),
    /** Raw 32-byte Ed25519 public key, base64url. */
    publicKey: text('public_key').notNull(),
    /** `active` signs new certificates; `retired` only verifies; `compromised` see compromisedAt. */
    status: text('status').notNull(),
    notBefore: instant('not_before').notNull(),
    notAfter: instant('not_after'),
    compromisedAt: instant('compromised_at'),
    createdAt: instant('created_at').notNull(),
  },
  (t) => [
    index('provider_keys_provider_idx').on(t.providerId),
    index('provider_keys_hint_idx').on(t.kidHint),
  ],
);

/** Authorized persons of a provider. Bearer tokens are stored as SHA-256 hashes only. */
export const officers = pgTable('officers', {
  id: text('id').primaryKey(),
  providerId: text('provider_id')
    .notNull()
    .references(() => providers.id),
  fullName: text('full_name').notNull(),
  /** Hex SHA-256 of the bearer token. */
  tokenHash: text('token_hash').notNull().unique(),
  /** Subset of `issuer`, `revoker`, `reviewer`, `admin`. */
  roles: jsonb('roles').$type<string[]>().notNull(),
  createdAt: instant('created_at').notNull(),
  disabledAt: instant('disabled_at'),
});

/** Issued certificates. `record` holds the exact canonical bytes whose digest the token signs. */
export const certificates = pgTable(
  'certificates',
  {
    /** `crt_` + 26 base32 characters: 128 random bits. */
    id: text('id').primaryKey(),
    providerId: text('provider_id')
      .notNull()
      .references(() => providers.id),
    kid: text('kid')
      .notNull()
      .references(() => providerKeys.kid),
    /** Human serial, unique per provider, e.g. `AST-2026-000042`. */
    serial: text('serial').notNull(),
    type: text('type').notNull(),
    /** Canonical JSON (RFC 8785) of the certificate record, as signed. */
    record: text('record').notNull(),
    /** Hex SHA-256 of `record`. */
    recordDigest: text('record_digest').notNull(),
    /** The signed QR token (base32, upper case). */
    token: text('token').notNull(),
    validFrom: date('valid_from', { mode: 'string' }).notNull(),
    validUntil: date('valid_until', { mode: 'string' }).notNull(),
    issuedAt: instant('issued_at').notNull(),
    issuedBy: text('issued_by').notNull(),
    /** `active` or `revoked`. */
    status: text('status').notNull(),
    revokedAt: instant('revoked_at'),
    revocationReason: text('revocation_reason'),
    revocationComment: text('revocation_comment'),
    revokedBy: text('revoked_by'),
    /** The client's Idempotency-Key and a hash of the request body it came with. */
    idempotencyKey: text('idempotency_key'),
    requestHash: text('request_hash'),
  },
  (t) => [
    uniqueIndex('certificates_serial_uq').on(t.providerId, t.serial),
    uniqueIndex('certificates_idempotency_uq')
      .on(t.providerId, t.idempotencyKey)
      .where(sql`${t.idempotencyKey} is not null`),
    index('certificates_provider_issued_idx').on(t.providerId, t.issuedAt),
  ],
);

/** Per provider and year, the last serial number handed out. */
export const serialCounters = pgTable(
  'serial_counters',
  {
    providerId: text('provider_id')
      .notNull()
      .references(() => providers.id),
    year: integer('year').notNull(),
    last: integer('last').notNull(),
  },
  (t) => [primaryKey({ columns: [t.providerId, t.year] })],
);

/**
 * Append-only audit log, written in the same transaction as the change it records.
 * `data` holds ids and codes only: never names, IINs or tokens.
 */
export const events = pgTable(
  'events',
  {
    seq: bigserial('seq', { mode: 'number' }).primaryKey(),
    at: instant('at').notNull(),
    /** e.g. `certificate.issued`, `certificate.revoked`, `key.created`. */
    kind: text('kind').notNull(),
    /** `officer:<id>`, `system`, … */
    actor: text('actor').notNull(),
    providerId: text('provider_id'),
    certificateId: text('certificate_id'),
    requestId: text('request_id'),
    data: jsonb('data').$type<Record<string, unknown>>().notNull(),
  },
  (t) => [index('events_certificate_idx').on(t.certificateId)],
);
