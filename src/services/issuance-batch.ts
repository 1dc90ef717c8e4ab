import { sql } from 'drizzle-orm';
import { utf8ToBytes } from '../crypto/bytes.js';
import { canonicalJson } from '../crypto/canonical-json.js';
import { newCertificateId } from '../crypto/certificate-id.js';
import { kidHint } from '../crypto/jwk.js';
import { sha256Hex } from '../crypto/sha256.js';
import {
  assembleToken,
  encodeTokenPayload,
  recordDigest,
  tokenSigningInput,
} from '../crypto/token.js';
import type { CertificateRecord } from '../domain/certificate.js';
import { AppError } from '../domain/errors.js';
import type { CheckedRequest } from '../domain/validity.js';
import type { Logger } from '../logging/logger.js';
import type { RandomBytes } from '../runtime/random.js';
import type { Signer } from '../signer/signer.js';
import { allocateStatusIndexes } from '../statuslist/index-allocation.js';
import type { Tx } from '../store/database.js';
import { appendLogEntries } from '../store/log-append.js';
import type { CertificateRow, ProviderRow, RegistryStore } from '../store/registry-store.js';
import { lockLogHead } from '../store/sql-tree-store.js';
import { certificateIssuedEntry } from '../translog/log-entry.js';

/** One issuance, checked and ready to record: everything that needs no lock is done. */
export interface PreparedIssuance {
  actor: string;
  requestId: string | undefined;
  idempotencyKey: string | undefined;
  checked: CheckedRequest;
  requestHash: string;
  provider: ProviderRow;
  kid: string;
  now: Date;
  /** The Almaty calendar year of `now`, which numbers the serial. */
  year: number;
}

export interface IssueResult {
  certificate: CertificateRow;
  /** False when an Idempotency-Key replay returned the certificate issued before. */
  created: boolean;
}

export interface BatchDeps {
  store: RegistryStore;
  signer: Signer;
  random: RandomBytes;
  logger: Logger;
}

/**
 * Records a batch of issuances in one transaction, with the same rules as one: each
 * Idempotency-Key is locked and looked up first (a replay signs nothing), serials are reserved,
 * each record is signed, and the certificates, their events and their log leaves are written in
 * the statement that moves the log head, so each commits with its leaf or not at all. Nothing
 * signed leaves this function unless its transaction committed; a crash loses only signatures
 * that no one ever saw, of records that were never stored.
 *
 * A batch costs about seven statements whatever its size (without keys: begin, serials, head
 * lock, edge read, the write, commit), where one issuance at a time cost eight each.
 *
 * Items after the first with the same provider and Idempotency-Key replay the first: its
 * certificate, or the conflict if their body differs, as if they had come just after it.
 */
export function recordIssuances(
  deps: BatchDeps,
  items: readonly PreparedIssuance[],
): Promise<(IssueResult | Error)[]> {
  return deps.store.transaction((tx) => recordAll(deps, tx, items));
}

async function recordAll(
  deps: BatchDeps,
  tx: Tx,
  items: readonly PreparedIssuance[],
): Promise<(IssueResult | Error)[]> {
  const { store, logger } = deps;
  const outcomes: (IssueResult | Error | undefined)[] = items.map(() => undefined);

  // 1. Idempotency: lock every key (in a fixed order: no deadlock between batches), then read
  // in a statement of its own, which sees whatever a batch that held a lock committed.
  const keyed = items.filter((item) => item.idempotencyKey !== undefined);
  if (keyed.length > 0) {
    const locks = [...new Set(keyed.map((item) => idempotencyKey(item) as string))].sort();
    const list = sql.join(
      locks.map((k) => sql`${k}`),
      sql`, `,
    );
    await tx.execute(
      sql`select pg_advisory_xact_lock(hashtext(k))
          from unnest(array[${list}]::text[]) with ordinality as t(k, n) order by n`,
    );
    const existing = await store.byIdempotencyKeys(
      tx,
      keyed.map((item) => ({ providerId: item.provider.id, key: item.idempotencyKey as string })),
    );
    items.forEach((item, i) => {
      const found = existing.get(idempotencyKey(item) ?? '');
      if (found) outcomes[i] = replayOf(found, item);
    });
  }

  // A key new to the registry that several items of the batch carry: the first issues, the
  // others replay it.
  const leads = new Map<string, number>();
  const fresh: { item: PreparedIssuance; i: number }[] = [];
  const followers: { item: PreparedIssuance; i: number; lead: number }[] = [];
  items.forEach((item, i) => {
    if (outcomes[i] !== undefined) return;
    const key = idempotencyKey(item);
    const lead = key === undefined ? undefined : leads.get(key);
    if (lead !== undefined) {
      followers.push({ item, i, lead });
      return;
    }
    if (key !== undefined) leads.set(key, i);
    fresh.push({ item, i });
  });
  if (fresh.length === 0) return outcomes as (IssueResult | Error)[];

  // 2. Serials: one range per provider and year, in one statement.
  const wants = new Map<string, { providerId: string; year: number; count: number }>();
  for (const { item } of fresh) {
    const at = `${item.provider.id}:${item.year}`;
    const want = wants.get(at) ?? { providerId: item.provider.id, year: item.year, count: 0 };
    want.count += 1;
    wants.set(at, want);
  }
  const next = await store.reserveSerials(tx, [...wants.values()]);

  // 3. Records and signatures. The exact bytes stored are the bytes whose digest is signed.
  const rows = await Promise.all(
    fresh.map(({ item }) => {
      const at = `${item.provider.id}:${item.year}`;
      const serialNo = next.get(at) as number;
      next.set(at, serialNo + 1);
      return signRecord(deps, item, serialNo);
    }),
  );

  // 4. A random free index in each provider's status list, for offline verifiers. Read under
  // the log head's lock (which the append below takes anyway and keeps to commit), so no other
  // batch can take the same index between the look-up and the write.
  await lockLogHead(tx);
  await assignStatusIndexes(deps, tx, rows);

  // 5. Certificates, events and log leaves, with the head, in one statement; then commit.
  const events = rows.map((row, n) => {
    const item = fresh[n]?.item as PreparedIssuance;
    return {
      at: item.now,
      kind: 'certificate.issued',
      actor: item.actor,
      providerId: row.providerId,
      certificateId: row.id,
      requestId: item.requestId ?? null,
      data: { serial: row.serial, type: row.type, kid: row.kid },
    };
  });
  const entries = rows.map((row) =>
    certificateIssuedEntry({
      at: row.issuedAt,
      providerId: row.providerId,
      certificateId: row.id,
      recordDigest: row.recordDigest,
      kid: row.kid,
    }),
  );
  await appendLogEntries(tx, entries, store.issuanceWrites(rows, events));

  fresh.forEach(({ i }, n) => {
    outcomes[i] = { certificate: rows[n] as CertificateRow, created: true };
  });
  for (const { item, i, lead } of followers) {
    const issued = outcomes[lead] as IssueResult;
    outcomes[i] = replayOf(issued.certificate, item);
  }
  logger.debug('issuance.batch', { size: items.length, issued: rows.length });
  return outcomes as (IssueResult | Error)[];
}

/** Sets `statusIndex` on each row: random, free, and distinct within the batch. */
async function assignStatusIndexes(deps: BatchDeps, tx: Tx, rows: CertificateRow[]) {
  const byProvider = new Map<string, CertificateRow[]>();
  for (const row of rows)
    byProvider.set(row.providerId, [...(byProvider.get(row.providerId) ?? []), row]);

  for (const [providerId, own] of byProvider) {
    const indexes = await allocateStatusIndexes(deps.random, own.length, (candidates) =>
      deps.store.takenStatusIndexes(tx, providerId, candidates),
    );
    own.forEach((row, n) => {
      row.statusIndex = indexes[n] as number;
    });
  }
}

/** The answer to a request whose key already produced `certificate`. */
function replayOf(certificate: CertificateRow, item: PreparedIssuance): IssueResult | Error {
  if (certificate.requestHash !== item.requestHash) return idempotencyConflict();
  return { certificate, created: false };
}

/** Builds the record with its serial, signs it, and answers the row to store. */
async function signRecord(
  deps: BatchDeps,
  item: PreparedIssuance,
  serialNo: number,
): Promise<CertificateRow> {
  const { provider, checked, now, kid } = item;
  const record: CertificateRecord = {
    v: 1,
    id: newCertificateId(deps.random),
    serial: `${provider.code}-${item.year}-${String(serialNo).padStart(6, '0')}`,
    type: checked.request.type,
    provider: { id: provider.id, nameKk: provider.nameKk, nameRu: provider.nameRu },
    guardian: checked.request.guardian,
    child: checked.request.child,
    decision: checked.request.decision,
    validFrom: checked.validFrom,
    validUntil: checked.validUntil,
    issuedAt: now.toISOString(),
    kid,
  };

  const recordText = canonicalJson(record);
  const recordBytes = utf8ToBytes(recordText);
  const payload = encodeTokenPayload({
    kidHint: kidHint(kid),
    certificateId: record.id,
    validFrom: record.validFrom,
    validUntil: record.validUntil,
    digest: recordDigest(recordBytes),
  });

  const { logger } = deps;
  logger.info('signing.start', { requestId: item.requestId, certificateId: record.id, kid });
  const signature = await deps.signer.sign(kid, tokenSigningInput(payload));
  logger.info('signing.done', { requestId: item.requestId, certificateId: record.id });

  return {
    id: record.id,
    providerId: provider.id,
    kid,
    serial: record.serial,
    type: record.type,
    record: recordText,
    recordDigest: sha256Hex(recordBytes),
    token: assembleToken(payload, signature),
    validFrom: record.validFrom,
    validUntil: record.validUntil,
    issuedAt: now,
    issuedBy: item.actor,
    status: 'active',
    suspendedAt: null,
    suspensionReason: null,
    statusIndex: null,
    revokedAt: null,
    revocationReason: null,
    revocationComment: null,
    revokedBy: null,
    idempotencyKey: item.idempotencyKey ?? null,
    requestHash: item.requestHash,
  };
}

function idempotencyKey(item: PreparedIssuance): string | undefined {
  return item.idempotencyKey === undefined
    ? undefined
    : `${item.provider.id}:${item.idempotencyKey}`;
}

function idempotencyConflict(): AppError {
  return new AppError(
    'idempotency_conflict',
    'This Idempotency-Key was already used with a different request body',
  );
}
