/**
 * The registry schema. One file, one section per table; each column says what it holds.
 *
 * Personal data (names, IINs) lives only in `certificates.record`, the canonical signed record.
 * The event log names ids, never people.
 */
import { sql } from 'drizzle-orm';
import {
  bigint,
  bigserial,
  check,
  customType,
  date,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  smallint,
  text,
  uniqueIndex,
} from 'drizzle-orm/pg-core';
import { instant } from './instant.js';

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
    /** `active` signs new certificates; `retired` only verifies; `compromised`: compromisedAt. */
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
    /** `active`, `suspended` (reversible, see certificateSuspensions) or `revoked` (final). */
    status: text('status').notNull(),
    /** The open suspension's start and reason code, read by verification with the row. */
    suspendedAt: instant('suspended_at'),
    suspensionReason: text('suspension_reason'),
    /**
     * The certificate's position in its provider's status list (src/statuslist), drawn at
     * random from the unused ones at issuance; null for certificates issued before lists.
     */
    statusIndex: integer('status_index'),
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
    // The verify page's lookup by the serial printed on the paper (and the holder's IIN).
    index('certificates_serial_idx').on(t.serial),
    uniqueIndex('certificates_status_index_uq').on(t.providerId, t.statusIndex),
    // The status list reads a provider's suspended and revoked certificates: few of them.
    index('certificates_provider_unsettled_idx')
      .on(t.providerId)
      .where(sql`${t.status} <> 'active'`),
  ],
);

/**
 * Every suspension of a certificate and its end, with the officers' comments (which stay out of
 * events and the public log). At most one is open per certificate.
 */
export const certificateSuspensions = pgTable(
  'certificate_suspensions',
  {
    seq: bigserial('seq', { mode: 'number' }).primaryKey(),
    certificateId: text('certificate_id')
      .notNull()
      .references(() => certificates.id),
    suspendedAt: instant('suspended_at').notNull(),
    suspendedBy: text('suspended_by').notNull(),
    /** A code from the closed list of suspension reasons. */
    reason: text('reason').notNull(),
    comment: text('comment'),
    reinstatedAt: instant('reinstated_at'),
    reinstatedBy: text('reinstated_by'),
    reinstatementComment: text('reinstatement_comment'),
  },
  (t) => [
    index('certificate_suspensions_certificate_idx').on(t.certificateId, t.seq),
    uniqueIndex('certificate_suspensions_open_uq')
      .on(t.certificateId)
      .where(sql`${t.reinstatedAt} is null`),
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

// ---------------------------------------------------------------------------------------------
// Citizen applications (issue 3): sign-in, applications and their processing, the cabinet.
// ---------------------------------------------------------------------------------------------

/**
 * Applications for a certificate. A row is the durable queue entry too: workers claim due rows
 * with `FOR UPDATE SKIP LOCKED`, so a crash leaves the row to be claimed again.
 */
export const applications = pgTable(
  'applications',
  {
    /** `app_` + 26 base32 characters. */
    id: text('id').primaryKey(),
    applicantIin: text('applicant_iin').notNull(),
    childIin: text('child_iin').notNull(),
    type: text('type').notNull(),
    /** `submitted`, `processing`, `review`, `issued`, `refused`. */
    status: text('status').notNull(),
    /** The provider that decides: known once the guardianship decision is found. */
    providerId: text('provider_id').references(() => providers.id),
    submittedAt: instant('submitted_at').notNull(),
    /** Submission + 30 minutes: the term of the service. */
    deadline: instant('deadline').notNull(),
    /**
     * How the applicant signed: `eds` (a signature over `document` is stored), `otp` (a session
     * opened by SMS code) or `eds_session` (a session opened by EDS, the document not signed).
     */
    signedWith: text('signed_with').notNull(),
    /** The canonical electronic document the applicant signed (RFC 8785 JSON). */
    document: text('document').notNull(),
    /** Ed25519 signature of `document` by the applicant's EDS key (base64url); null for OTP. */
    applicantSignature: text('applicant_signature'),
    certificateId: text('certificate_id').references(() => certificates.id),
    refusalCode: text('refusal_code'),
    /** The reviewing officer's words to the applicant when refusing; not in events or logs. */
    refusalComment: text('refusal_comment'),
    /** When the deadline passed unfinished and officers were told; set once. */
    overdueAt: instant('overdue_at'),
    /** Queue: when the next processing attempt is due, and how many were made. */
    nextAttemptAt: instant('next_attempt_at'),
    attempts: integer('attempts').notNull().default(0),
    /** Code of the last transient failure (e.g. `gateway_unavailable`), for officers. */
    lastError: text('last_error'),
    idempotencyKey: text('idempotency_key'),
    requestHash: text('request_hash'),
  },
  (t) => [
    index('applications_applicant_idx').on(t.applicantIin, t.submittedAt),
    index('applications_due_idx').on(t.status, t.nextAttemptAt),
    index('applications_provider_idx').on(t.providerId, t.status),
    index('applications_certificate_idx').on(t.certificateId),
    uniqueIndex('applications_idempotency_uq')
      .on(t.applicantIin, t.idempotencyKey)
      .where(sql`${t.idempotencyKey} is not null`),
  ],
);

/** Every status change of an application, with its time and actor. Append-only. */
export const applicationTransitions = pgTable(
  'application_transitions',
  {
    seq: bigserial('seq', { mode: 'number' }).primaryKey(),
    applicationId: text('application_id')
      .notNull()
      .references(() => applications.id),
    from: text('from_status'),
    to: text('to_status').notNull(),
    at: instant('at').notNull(),
    actor: text('actor').notNull(),
    /** Refusal code or a short machine note; never personal data. */
    note: text('note'),
  },
  (t) => [index('application_transitions_app_idx').on(t.applicationId, t.seq)],
);

/** Files attached to applications (a copy of a birth certificate), type checked by content. */
export const attachments = pgTable('attachments', {
  id: text('id').primaryKey(),
  applicationId: text('application_id')
    .notNull()
    .references(() => applications.id),
  /** `application/pdf`, `image/jpeg` or `image/png`, from the file's magic bytes. */
  mediaType: text('media_type').notNull(),
  size: integer('size').notNull(),
  sha256: text('sha256').notNull(),
  /** The file, base64. At most 5 MB before encoding. */
  content: text('content').notNull(),
  createdAt: instant('created_at').notNull(),
});

/** One-time passwords sent by SMS: hashed, short-lived, with an attempt counter. */
export const otpCodes = pgTable(
  'otp_codes',
  {
    id: text('id').primaryKey(),
    iin: text('iin').notNull(),
    /** Hash of the phone the code went to, for the per-phone rate limit. */
    phoneHash: text('phone_hash').notNull(),
    /** Salted hash of the 6-digit code; the code itself is never stored. */
    codeHash: text('code_hash').notNull(),
    createdAt: instant('created_at').notNull(),
    expiresAt: instant('expires_at').notNull(),
    attempts: integer('attempts').notNull().default(0),
    consumedAt: instant('consumed_at'),
  },
  (t) => [
    index('otp_codes_iin_idx').on(t.iin, t.createdAt),
    index('otp_codes_phone_idx').on(t.phoneHash, t.createdAt),
  ],
);

/** Fresh nonces for EDS sign-in: single use, short-lived. */
export const edsChallenges = pgTable('eds_challenges', {
  nonce: text('nonce').primaryKey(),
  createdAt: instant('created_at').notNull(),
  expiresAt: instant('expires_at').notNull(),
  usedAt: instant('used_at'),
});

/** Citizen sessions. The cookie carries a random token; only its hash is stored. */
export const sessions = pgTable('sessions', {
  tokenHash: text('token_hash').primaryKey(),
  iin: text('iin').notNull(),
  /** `eds` or `otp`. */
  method: text('method').notNull(),
  /** Double-submit CSRF token for state-changing requests. */
  csrfToken: text('csrf_token').notNull(),
  createdAt: instant('created_at').notNull(),
  expiresAt: instant('expires_at').notNull(),
  revokedAt: instant('revoked_at'),
});

/** What the personal cabinet shows: submitted, issued, refused, revoked. */
export const notifications = pgTable(
  'notifications',
  {
    seq: bigserial('seq', { mode: 'number' }).primaryKey(),
    iin: text('iin').notNull(),
    kind: text('kind').notNull(),
    applicationId: text('application_id'),
    certificateId: text('certificate_id'),
    /** Refusal or revocation code; the cabinet renders the text in the reader's language. */
    reasonCode: text('reason_code'),
    createdAt: instant('created_at').notNull(),
    readAt: instant('read_at'),
  },
  (t) => [index('notifications_iin_idx').on(t.iin, t.seq)],
);

/** SMS messages in dev and demo mode: the outbox the demo prints and tests read. */
export const smsOutbox = pgTable('sms_outbox', {
  seq: bigserial('seq', { mode: 'number' }).primaryKey(),
  phone: text('phone').notNull(),
  text: text('text').notNull(),
  createdAt: instant('created_at').notNull(),
});

/** Who checked a certificate and when, for the holder's cabinet. No IP addresses are kept. */
export const verificationLog = pgTable(
  'verification_log',
  {
    seq: bigserial('seq', { mode: 'number' }).primaryKey(),
    certificateId: text('certificate_id').notNull(),
    at: instant('at').notNull(),
    verdict: text('verdict').notNull(),
    /** The verifier's organisation, when it named one (`X-Verifier-Organization`). */
    organization: text('organization'),
  },
  (t) => [index('verification_log_certificate_idx').on(t.certificateId, t.at)],
);

// ---------------------------------------------------------------------------------------------
// Transparency log (issue 5): its entries, the Merkle tree as stored subtrees, the head, and the
// signed checkpoints. All append-only (migration 0006); only the head's size moves, forward.
// ---------------------------------------------------------------------------------------------

/**
 * Raw bytes for hashes and leaf data. PGlite answers bytea as Uint8Array and postgres.js as
 * Buffer; both are copied into a plain Uint8Array so that callers compare like with like.
 */
const bytes = customType<{ data: Uint8Array; driverData: Uint8Array }>({
  dataType: () => 'bytea',
  fromDriver: (value) => Uint8Array.from(value),
});

/**
 * One row per leaf. `data` is the leaf data exactly as hashed and served: RFC 8785 JSON naming
 * the event by ids, codes and digests (src/translog/log-entry.ts), never a name or an IIN.
 */
export const logEntries = pgTable(
  'log_entries',
  {
    /** The leaf index, from 0, without gaps. */
    index: bigint('index', { mode: 'number' }).primaryKey(),
    /** `certificate.issued`, `certificate.revoked` or `key.registered`. */
    kind: text('kind').notNull(),
    certificateId: text('certificate_id'),
    /** The provider in whose name the event happened: what `npm run monitor --provider` filters. */
    providerId: text('provider_id').notNull(),
    data: bytes('data').notNull(),
  },
  (t) => [
    // Inclusion proofs are asked by certificate: its one issuance entry.
    uniqueIndex('log_entries_issued_uq')
      .on(t.certificateId)
      .where(sql`${t.kind} = 'certificate.issued'`),
    index('log_entries_provider_idx').on(t.providerId, t.index),
  ],
);

/**
 * The hash of every complete perfect subtree: row (level, index) covers the leaves from
 * index · 2^level on; level 0 holds the leaf hashes. Layout and invariants: tree-store.ts.
 */
export const logNodes = pgTable(
  'log_nodes',
  {
    level: smallint('level').notNull(),
    index: bigint('index', { mode: 'number' }).notNull(),
    /** 32 bytes of SHA-256 (RFC 9162 §2.1.1). */
    hash: bytes('hash').notNull(),
  },
  (t) => [primaryKey({ columns: [t.level, t.index] })],
);

/**
 * The single row (`id` = 1) holding the number of committed leaves. Appenders and checkpoint
 * signers lock it (`select … for update`), which puts every append in one total order.
 */
export const logHead = pgTable(
  'log_head',
  {
    id: smallint('id').primaryKey(),
    size: bigint('size', { mode: 'number' }).notNull(),
  },
  (t) => [check('log_head_one_row', sql`${t.id} = 1`), check('log_head_size', sql`${t.size} >= 0`)],
);

/**
 * Signed checkpoints (c2sp.org/tlog-checkpoint). The size is the key, so a size has one root
 * forever; a trigger refuses any size not above every earlier one or beyond the head.
 */
export const logCheckpoints = pgTable('log_checkpoints', {
  size: bigint('size', { mode: 'number' }).primaryKey(),
  /** MTH of the first `size` leaves, 32 bytes. */
  root: bytes('root').notNull(),
  /** The signed note exactly as `GET /api/v1/log/checkpoint` serves it. */
  note: text('note').notNull(),
  signedAt: instant('signed_at').notNull(),
});

// ---------------------------------------------------------------------------------------------
// The public pages (issue 4): mistake reports and visitor counts. Neither holds an IP address.
// ---------------------------------------------------------------------------------------------

/** "Report a mistake": what a reader selected on a page, and their comment. */
export const mistakeReports = pgTable(
  'mistake_reports',
  {
    seq: bigserial('seq', { mode: 'number' }).primaryKey(),
    /** The page's path, never its query; a verify page's token is replaced by `*`. */
    pagePath: text('page_path').notNull(),
    selectedText: text('selected_text').notNull(),
    comment: text('comment'),
    /** The page's language: `kk`, `ru` or `en`. */
    lang: text('lang').notNull(),
    createdAt: instant('created_at').notNull(),
  },
  (t) => [index('mistake_reports_created_idx').on(t.createdAt)],
);

/**
 * Visitors of a public page per Almaty day: each visitor counts once a day per process, known
 * by a hash of their address under a salt that lives in memory for that day only.
 */
export const pageVisitDays = pgTable(
  'page_visit_days',
  {
    page: text('page').notNull(),
    day: date('day', { mode: 'string' }).notNull(),
    visitors: integer('visitors').notNull(),
  },
  (t) => [primaryKey({ columns: [t.page, t.day] })],
);
