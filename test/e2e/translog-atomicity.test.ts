import { count, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { logEntries, logHead, logNodes } from '../../db/schema.js';
import { decodeLogEntry } from '../../src/translog/log-entry.js';
import { ALMATY, startTestRegistry, type TestRegistry } from '../support/app.js';
import { databaseTargets } from '../support/databases.js';
import { trusteeshipRequest } from '../support/requests.js';
import { issue, postIssue, postRevoke, tokenOf, verify } from './client.js';
import { asSuperuser, freshCheckpoint, getJson, referenceTree } from './log-client.js';

/** A deferred trigger that fails the transaction at COMMIT: after every statement in it ran. */
const FAIL_AT_COMMIT = [
  `create function test_fail_commit() returns trigger language plpgsql as $$
   begin raise exception 'injected failure at commit'; end; $$`,
  `create constraint trigger certificates_fail_commit after insert on certificates
   deferrable initially deferred for each row execute function test_fail_commit()`,
];

describe.each(databaseTargets)('log entries and their transactions on $name', (target) => {
  let registry: TestRegistry;

  beforeAll(async () => {
    registry = await startTestRegistry(target);
  });
  afterAll(async () => {
    await registry?.close();
  });

  const db = () => registry.database.db;
  const logState = async () => {
    const [head] = await db().select().from(logHead);
    const [entries] = await db().select({ n: count() }).from(logEntries);
    const [leaves] = await db().select({ n: count() }).from(logNodes).where(eq(logNodes.level, 0));
    return { size: head?.size, entries: entries?.n, leaves: leaves?.n };
  };
  const entriesOf = async (certificateId: string) =>
    (await db().select().from(logEntries).where(eq(logEntries.certificateId, certificateId))).map(
      (row) => ({ index: row.index, kind: row.kind, entry: decodeLogEntry(row.data) }),
    );

  it('records each provider key it publishes, before any certificate', async () => {
    const jwks = await getJson<{ keys: { kid: string; x: string; provider: string }[] }>(
      registry,
      '/.well-known/jwks.json',
    );
    const rows = await db().select().from(logEntries).where(eq(logEntries.kind, 'key.registered'));

    expect(rows.map((row) => row.index)).toEqual([0, 1]);
    expect(rows.map((row) => decodeLogEntry(row.data))).toEqual(
      expect.arrayContaining(
        jwks.keys.map((key) =>
          expect.objectContaining({ kid: key.kid, publicKey: key.x, providerId: key.provider }),
        ),
      ),
    );
  });

  it('appends the issuance with the certificate: head, entry and leaf together', async () => {
    const before = await logState();
    const certificate = await issue(registry);
    const row = await registry.store.certificate(certificate.id);

    expect(await logState()).toEqual({
      size: (before.size ?? 0) + 1,
      entries: (before.entries ?? 0) + 1,
      leaves: (before.leaves ?? 0) + 1,
    });
    expect(await entriesOf(certificate.id)).toEqual([
      {
        index: before.size,
        kind: 'certificate.issued',
        entry: expect.objectContaining({ recordDigest: row?.recordDigest, kid: certificate.kid }),
      },
    ]);
  });

  it('leaves no entry, leaf or head move when the issuance fails at commit', async () => {
    await asSuperuser(registry, ...FAIL_AT_COMMIT);
    const before = await logState();
    try {
      const response = await postIssue(registry);
      expect(response.status).toBe(500);
      expect(await logState()).toEqual(before);
    } finally {
      await asSuperuser(registry, 'drop trigger certificates_fail_commit on certificates');
    }

    // The next issuance takes the very index the failed one would have had: no gap.
    const next = await issue(registry);
    expect((await entriesOf(next.id))[0]?.index).toBe(before.size);
  });

  it('appends the revocation with the status change, without the comment', async () => {
    const certificate = await issue(registry, trusteeshipRequest(), ALMATY);
    const response = await postRevoke(
      registry,
      certificate.id,
      { reason: 'guardianship_terminated', comment: 'Решение суда № 2-118' },
      ALMATY,
    );
    expect(response.status).toBe(200);

    const entries = await entriesOf(certificate.id);
    expect(entries.map((e) => e.kind)).toEqual(['certificate.issued', 'certificate.revoked']);
    expect(entries[1]?.entry).toEqual({
      v: 1,
      kind: 'certificate.revoked',
      at: '2026-12-03T07:00:00.000Z',
      providerId: 'prv_almaty_medeu',
      certificateId: certificate.id,
      reason: 'guardianship_terminated',
    });
  });

  it('keeps the certificate valid when the revocation cannot reach the log', async () => {
    const certificate = await issue(registry);
    await asSuperuser(
      registry,
      `create function test_refuse_revoked() returns trigger language plpgsql as $$
       begin raise exception 'injected log failure'; end; $$`,
      `create trigger log_entries_refuse_revoked before insert on log_entries for each row
       when (new.kind = 'certificate.revoked') execute function test_refuse_revoked()`,
    );
    try {
      const response = await postRevoke(registry, certificate.id, { reason: 'superseded' });
      expect(response.status).toBe(500);
    } finally {
      await asSuperuser(registry, 'drop trigger log_entries_refuse_revoked on log_entries');
    }

    expect((await verify(registry, tokenOf(certificate.verifyUrl))).verdict).toBe('valid');
    expect((await registry.store.eventsFor(certificate.id)).map((e) => e.kind)).toEqual([
      'certificate.issued',
    ]);
  });

  it('puts concurrent issuances in one order without gaps, and the tree agrees', async () => {
    const before = await logState();
    const certificates = await Promise.all(
      Array.from({ length: 12 }, (_, i) =>
        i % 2 === 0 ? issue(registry) : issue(registry, trusteeshipRequest(), ALMATY),
      ),
    );
    const indices = (await Promise.all(certificates.map((c) => entriesOf(c.id)))).map(
      ([entry]) => entry?.index,
    );

    expect([...indices].sort((a, b) => (a ?? 0) - (b ?? 0))).toEqual(
      Array.from({ length: 12 }, (_, i) => (before.size ?? 0) + i),
    );
    const checkpoint = await freshCheckpoint(registry);
    const { tree } = await referenceTree(registry, checkpoint.size);
    expect(Buffer.from(tree.root(checkpoint.size))).toEqual(checkpoint.root);
  });

  it.each([
    ['change an entry', 'update log_entries set kind = kind where index = 0', /append-only/],
    ['delete an entry', 'delete from log_entries where index = 0', /append-only/],
    ['change a node', 'update log_nodes set hash = hash where level = 0', /append-only/],
    ['delete a node', 'delete from log_nodes where level = 0 and index = 0', /append-only/],
    ['empty the entries', 'truncate log_entries', /append-only/],
    ['delete a checkpoint', 'delete from log_checkpoints', /append-only/],
    ['shrink the head', 'update log_head set size = 0', /only grows/],
    ['delete the head', 'delete from log_head', /only grows/],
    ['sign a smaller size', 'insert into log_checkpoints values (1, ROOT, NOTE)', /not above/],
    ['sign beyond the tree', 'insert into log_checkpoints values (1e6, ROOT, NOTE)', /beyond/],
  ])('refuses to %s', async (_name, statement, reason) => {
    await freshCheckpoint(registry);
    const filled = statement.replace('ROOT', "'\\x00'").replace('NOTE', "'n', now()");

    const failure = await asSuperuser(registry, filled).catch((error: Error) => error);
    expect(failure).toBeInstanceOf(Error);
    expect(String((failure as Error).cause)).toMatch(reason);
  });
});
