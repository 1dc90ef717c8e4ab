import { desc, inArray, sql } from 'drizzle-orm';
import { verificationLog } from '../../db/schema.js';
import { fieldError } from '../domain/errors.js';
import type { Logger } from '../logging/logger.js';
import type { Database } from '../store/database.js';
import type { VerificationResult } from './verification-result.js';

export type VerificationLogRow = typeof verificationLog.$inferSelect;

export interface VerificationEntry {
  certificateId: string;
  at: Date;
  verdict: string;
  /** The verifier's organisation when it named one; never an IP address. */
  organization: string | null;
}

export interface VerificationLogOptions {
  db: Database;
  logger: Logger;
  /** How long an entry may wait in memory before it is written. Default 1 s. */
  flushIntervalMs?: number;
  /** Entries kept at most while the database is slow; beyond, new ones are counted and dropped. */
  maxPending?: number;
}

/** Rows per INSERT: well under PostgreSQL's 65 535 parameters at four columns a row. */
const CHUNK = 1_000;

/** The most entries the cabinet shows per certificate. */
const HISTORY_LIMIT = 50;

/**
 * The most entries one certificate gets in an hour (by the check's time, UTC hours, per process).
 * Anyone who has seen the QR code can verify, and name any organisation: without a bound, one
 * script could write its own text into a holder's cabinet forty times a minute and push the
 * real checks out of the 50 shown. A real certificate is checked a few times a year.
 */
export const ENTRIES_PER_CERTIFICATE_HOUR = 10;

/**
 * Who checked which certificate and when, for the holder's cabinet. The verify path only notes
 * the check in memory; a timer writes the entries in batches about once a second, so a scan costs
 * no database round trip. Within one batch, repeated checks of a certificate with the same verdict
 * by the same organisation are one entry (the first): the holder learns who checked and when,
 * and a scanner stuck in a loop cannot fill the table. The price is that a crash loses up to a
 * second of history, which is a courtesy to the holder, not an audit record.
 */
export class VerificationLog {
  #pending = new Map<string, VerificationEntry>();
  /** Entries taken this hour, per certificate; a later hour starts afresh. */
  #hour = { number: Number.NEGATIVE_INFINITY, counts: new Map<string, number>() };
  #timer: ReturnType<typeof setTimeout> | undefined;
  #flushing: Promise<void> = Promise.resolve();
  #dropped = 0;

  constructor(private readonly options: VerificationLogOptions) {}

  record(entry: VerificationEntry): void {
    const key = `${entry.certificateId}\u0000${entry.verdict}\u0000${entry.organization ?? ''}`;
    if (this.#pending.has(key)) return;
    if (!this.#withinHourlyBound(entry)) return;
    if (this.#pending.size >= (this.options.maxPending ?? 50_000)) {
      this.#dropped += 1;
      return;
    }
    this.#pending.set(key, entry);
    if (this.#pending.size >= CHUNK) {
      void this.flush();
      return;
    }
    this.#timer ??= unref(
      setTimeout(() => void this.flush(), this.options.flushIntervalMs ?? 1_000),
    );
  }

  /**
   * Records a verdict about a certificate of this registry (a token that names none, or a
   * forgery, has no holder to tell). `organizationHeader` is `X-Verifier-Organization`.
   */
  recordVerdict(result: VerificationResult, organizationHeader: string | undefined): void {
    if (!result.certificate) return;
    this.record({
      certificateId: result.certificate.id,
      at: new Date(result.checkedAt),
      verdict: result.verdict,
      // The API routes refused a bad name before verifying; the HTML pages drop it.
      organization: organizationOrNull(organizationHeader),
    });
  }

  /** Counts the entry against its certificate's hour; false when the hour is used up. */
  #withinHourlyBound(entry: VerificationEntry): boolean {
    const hour = Math.floor(entry.at.getTime() / 3_600_000);
    if (hour > this.#hour.number) this.#hour = { number: hour, counts: new Map() };
    const taken = this.#hour.counts.get(entry.certificateId) ?? 0;
    if (taken >= ENTRIES_PER_CERTIFICATE_HOUR) return false;
    this.#hour.counts.set(entry.certificateId, taken + 1);
    return true;
  }

  /** Writes what is pending; resolves once it is stored (or given up, which is logged). */
  flush(): Promise<void> {
    if (this.#timer !== undefined) clearTimeout(this.#timer);
    this.#timer = undefined;

    const batch = [...this.#pending.values()];
    this.#pending = new Map();
    const dropped = this.#dropped;
    this.#dropped = 0;

    this.#flushing = this.#flushing.then(() => this.write(batch, dropped));
    return this.#flushing;
  }

  /** The latest checks of each certificate, newest first. */
  async history(certificateIds: string[]): Promise<Map<string, VerificationLogRow[]>> {
    const byCertificate = new Map<string, VerificationLogRow[]>();
    if (certificateIds.length === 0) return byCertificate;

    await this.flush();
    const rows = await this.options.db
      .select()
      .from(verificationLog)
      .where(inArray(verificationLog.certificateId, certificateIds))
      .orderBy(desc(verificationLog.at), desc(verificationLog.seq))
      .limit(HISTORY_LIMIT * certificateIds.length);

    for (const row of rows) {
      const list = byCertificate.get(row.certificateId) ?? [];
      if (list.length < HISTORY_LIMIT) list.push(row);
      byCertificate.set(row.certificateId, list);
    }
    return byCertificate;
  }

  private async write(batch: VerificationEntry[], dropped: number): Promise<void> {
    if (dropped > 0) this.options.logger.warn('verification_log.dropped', { count: dropped });

    for (let start = 0; start < batch.length; start += CHUNK) {
      const chunk = batch.slice(start, start + CHUNK);
      try {
        // One JSON parameter instead of four per row: binding thousands of scalars is what
        // costs on the event loop the verify path shares, not the rows themselves.
        const rows = chunk.map((e) => ({
          certificate_id: e.certificateId,
          at: e.at.toISOString(),
          verdict: e.verdict,
          organization: e.organization,
        }));
        await this.options.db.execute(sql`
          insert into ${verificationLog} (certificate_id, at, verdict, organization)
          select certificate_id, at, verdict, organization
          from json_to_recordset(${JSON.stringify(rows)}::json)
            as r(certificate_id text, at timestamptz, verdict text, organization text)`);
      } catch (error) {
        const message = error instanceof Error ? error.message.split('\n')[0] : typeof error;
        this.options.logger.error('verification_log.write_failed', {
          count: chunk.length,
          error: message,
        });
      }
    }
  }
}

/** The request header a verifier names itself in. */
export const VERIFIER_HEADER = 'X-Verifier-Organization';
const MAX_ORGANIZATION_CHARS = 100;

export type VerifierOrganization =
  | { ok: true; name: string | null }
  | { ok: false; detail: string };

/**
 * The organisation a verifier names in `X-Verifier-Organization`, trimmed; `null` when absent or
 * blank. Node hands header values over as Latin-1 decoded bytes, so a raw UTF-8 name (АО Банк)
 * arrives as mojibake: bytes that are valid UTF-8 are decoded as such. Percent-encoded UTF-8 is
 * decoded too. Anything else is refused rather than stored garbled: bytes that are not UTF-8,
 * broken percent-encoding, control and invisible format characters, more than 100 characters.
 */
export function parseVerifierOrganization(header: string | undefined): VerifierOrganization {
  if (header === undefined) return { ok: true, name: null };

  let text = utf8OfHeader(header);
  if (text === undefined) return { ok: false, detail: 'is not valid UTF-8' };
  if (/%[0-9a-f]{2}/i.test(text)) {
    try {
      text = decodeURIComponent(text);
    } catch {
      return { ok: false, detail: 'is not valid percent-encoded UTF-8' };
    }
  }
  if (/\p{Cc}/u.test(text)) return { ok: false, detail: 'must not contain control characters' };
  // Direction overrides and zero-width characters would let a name shown to the holder read
  // otherwise than it is stored.
  if (/\p{Cf}/u.test(text)) {
    return { ok: false, detail: 'must not contain invisible or direction-changing characters' };
  }
  const name = text.trim();
  if ([...name].length > MAX_ORGANIZATION_CHARS) {
    return { ok: false, detail: `expected at most ${MAX_ORGANIZATION_CHARS} characters` };
  }
  return { ok: true, name: name === '' ? null : name };
}

/**
 * The organisation, or throws.
 *
 * @throws AppError `validation_failed` naming `X-Verifier-Organization`.
 */
export function verifierOrganization(header: string | undefined): string | null {
  const parsed = parseVerifierOrganization(header);
  if (!parsed.ok) throw fieldError('validation_failed', VERIFIER_HEADER, parsed.detail);
  return parsed.name;
}

/** The name, or null for a missing or unusable header. */
function organizationOrNull(header: string | undefined): string | null {
  const parsed = parseVerifierOrganization(header);
  return parsed.ok ? parsed.name : null;
}

/** The header as UTF-8 text: Latin-1 characters are taken as the bytes they were on the wire. */
function utf8OfHeader(value: string): string | undefined {
  // ASCII as is; a character above U+00FF means the runtime decoded the value already.
  const codes = Array.from(value, (char) => char.codePointAt(0) ?? 0);
  if (codes.every((code) => code < 0x80) || codes.some((code) => code > 0xff)) return value;
  const bytes = Uint8Array.from(codes);
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return undefined;
  }
}

/** Lets a pending flush not keep a Node process alive; Workers return a number, left as is. */
function unref<T>(timer: T): T {
  (timer as { unref?: () => void }).unref?.();
  return timer;
}
