/**
 * The leaf data of the registry's transparency log: one RFC 8785 JSON object per event. It names
 * the event by ids, codes and digests only, so the public log carries no name, IIN or free text:
 *
 *     {"at":"2026-12-03T07:00:00.000Z","certificateId":"crt_…","kid":"…",
 *      "kind":"certificate.issued","providerId":"prv_astana",
 *      "recordDigest":"<hex SHA-256 of the canonical record>","v":1}
 *
 * The record digest cannot be inverted by guessing IINs: every record embeds a 128-bit random
 * certificate id. A holder of the record recomputes the digest and finds the certificate here.
 */

import { z } from 'zod';

import { canonicalJsonBytes } from '../crypto/canonical-json.js';

export const LOG_ENTRY_KINDS = [
  'certificate.issued',
  'certificate.revoked',
  'certificate.suspended',
  'certificate.reinstated',
  'key.registered',
  'key.retired',
  'key.compromised',
] as const;
export type LogEntryKind = (typeof LOG_ENTRY_KINDS)[number];

const ID = z.string().regex(/^[A-Za-z0-9_-]{1,100}$/);
const INSTANT = z.iso.datetime();

const SCHEMAS = {
  'certificate.issued': z.strictObject({
    v: z.literal(1),
    kind: z.literal('certificate.issued'),
    at: INSTANT,
    providerId: ID,
    certificateId: ID,
    recordDigest: z.string().regex(/^[0-9a-f]{64}$/),
    kid: ID,
  }),
  'certificate.revoked': z.strictObject({
    v: z.literal(1),
    kind: z.literal('certificate.revoked'),
    at: INSTANT,
    providerId: ID,
    certificateId: ID,
    /** A reason code from the closed list; the officer's comment never enters the log. */
    reason: ID,
  }),
  'certificate.suspended': z.strictObject({
    v: z.literal(1),
    kind: z.literal('certificate.suspended'),
    at: INSTANT,
    providerId: ID,
    certificateId: ID,
    /** A suspension reason code; the comment stays with the provider. */
    reason: ID,
  }),
  'certificate.reinstated': z.strictObject({
    v: z.literal(1),
    kind: z.literal('certificate.reinstated'),
    at: INSTANT,
    providerId: ID,
    certificateId: ID,
  }),
  'key.registered': z.strictObject({
    v: z.literal(1),
    kind: z.literal('key.registered'),
    at: INSTANT,
    providerId: ID,
    kid: ID,
    /** The raw Ed25519 public key, base64url: the log alone then tells which keys existed. */
    publicKey: z.string().regex(/^[A-Za-z0-9_-]{43}$/),
  }),
  /** The key signs nothing from `at` on; what it signed before stays valid. */
  'key.retired': z.strictObject({
    v: z.literal(1),
    kind: z.literal('key.retired'),
    at: INSTANT,
    providerId: ID,
    kid: ID,
  }),
  /** Certificates the key signed with an issue time at or after `since` are invalid. */
  'key.compromised': z.strictObject({
    v: z.literal(1),
    kind: z.literal('key.compromised'),
    at: INSTANT,
    providerId: ID,
    kid: ID,
    since: INSTANT,
  }),
};

export type CertificateIssuedEntry = z.infer<(typeof SCHEMAS)['certificate.issued']>;
export type CertificateRevokedEntry = z.infer<(typeof SCHEMAS)['certificate.revoked']>;
export type KeyRegisteredEntry = z.infer<(typeof SCHEMAS)['key.registered']>;
export type CertificateSuspendedEntry = z.infer<(typeof SCHEMAS)['certificate.suspended']>;
export type CertificateReinstatedEntry = z.infer<(typeof SCHEMAS)['certificate.reinstated']>;
export type KeyRetiredEntry = z.infer<(typeof SCHEMAS)['key.retired']>;
export type KeyCompromisedEntry = z.infer<(typeof SCHEMAS)['key.compromised']>;
export type LogEntry =
  | CertificateIssuedEntry
  | CertificateRevokedEntry
  | CertificateSuspendedEntry
  | CertificateReinstatedEntry
  | KeyRegisteredEntry
  | KeyRetiredEntry
  | KeyCompromisedEntry;

/** The leaf of an issuance, written in the transaction that stores the certificate. */
export function certificateIssuedEntry(event: {
  at: Date;
  providerId: string;
  certificateId: string;
  recordDigest: string;
  kid: string;
}): CertificateIssuedEntry {
  return { v: 1, kind: 'certificate.issued', ...event, at: event.at.toISOString() };
}

/** The leaf of a revocation, written in the transaction that marks the certificate revoked. */
export function certificateRevokedEntry(event: {
  at: Date;
  providerId: string;
  certificateId: string;
  reason: string;
}): CertificateRevokedEntry {
  return { v: 1, kind: 'certificate.revoked', ...event, at: event.at.toISOString() };
}

/** The leaf of a provider key's publication, written with the key row. */
export function keyRegisteredEntry(event: {
  at: Date;
  providerId: string;
  kid: string;
  publicKey: string;
}): KeyRegisteredEntry {
  return { v: 1, kind: 'key.registered', ...event, at: event.at.toISOString() };
}

/** The leaf of a suspension, written in the transaction that suspends the certificate. */
export function certificateSuspendedEntry(event: {
  at: Date;
  providerId: string;
  certificateId: string;
  reason: string;
}): CertificateSuspendedEntry {
  return { v: 1, kind: 'certificate.suspended', ...event, at: event.at.toISOString() };
}

/** The leaf of a reinstatement: the suspension ended and the certificate counts again. */
export function certificateReinstatedEntry(event: {
  at: Date;
  providerId: string;
  certificateId: string;
}): CertificateReinstatedEntry {
  return { v: 1, kind: 'certificate.reinstated', ...event, at: event.at.toISOString() };
}

/** The leaf of a key's retirement (by itself or by a rotation), written with the key row. */
export function keyRetiredEntry(event: { at: Date; providerId: string; kid: string }) {
  const entry: KeyRetiredEntry = {
    v: 1,
    kind: 'key.retired',
    ...event,
    at: event.at.toISOString(),
  };
  return entry;
}

/** The leaf of a key declared compromised from `since` on. */
export function keyCompromisedEntry(event: {
  at: Date;
  providerId: string;
  kid: string;
  since: Date;
}): KeyCompromisedEntry {
  return {
    v: 1,
    kind: 'key.compromised',
    ...event,
    at: event.at.toISOString(),
    since: event.since.toISOString(),
  };
}

/** The exact leaf data: the canonical JSON bytes, which HASH(0x00 || data) covers. */
export function encodeLogEntry(entry: LogEntry): Uint8Array {
  return canonicalJsonBytes(entry);
}

/**
 * Reads leaf data as a monitor must: well-formed UTF-8 JSON of a known kind with exactly its
 * members, in canonical form, so one event has one spelling. Answers null for anything else.
 */
export function decodeLogEntry(data: Uint8Array): LogEntry | null {
  let value: unknown;
  try {
    value = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(data));
  } catch {
    return null;
  }

  const kind = (value as { kind?: unknown } | null)?.kind;
  const schema = SCHEMAS[kind as LogEntryKind];
  const parsed = schema?.safeParse(value);
  if (!parsed?.success) return null;

  const entry = parsed.data as LogEntry;
  return sameBytes(encodeLogEntry(entry), data) ? entry : null;
}

function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  return a.length === b.length && a.every((byte, i) => byte === b[i]);
}
