import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyConsistency } from '../../src/translog/verify-proof.js';
import { ALMATY, startTestRegistry, type TestRegistry } from '../support/app.js';
import { databaseTargets } from '../support/databases.js';
import { trusteeshipRequest } from '../support/requests.js';
import { type CertificateJson, expectError, issue, postRevoke, TWELVE_DIGITS } from './client.js';
import {
  freshCheckpoint,
  getJson,
  getText,
  inclusionHolds,
  type ReadCheckpoint,
  referenceTree,
} from './log-client.js';

interface InclusionJson {
  index: number;
  size: number;
  proof: string[];
}

interface ConsistencyJson {
  from: number;
  to: number;
  proof: string[];
}

const b64 = (hashes: Uint8Array[]) => hashes.map((h) => Buffer.from(h).toString('base64'));

describe.each(databaseTargets)('the transparency log endpoints on $name', (target) => {
  let registry: TestRegistry;
  const issued: CertificateJson[] = [];
  let first: ReadCheckpoint;

  beforeAll(async () => {
    registry = await startTestRegistry(target);
    issued.push(await issue(registry), await issue(registry, trusteeshipRequest()));
    issued.push(await issue(registry, trusteeshipRequest(), ALMATY));
    await postRevoke(registry, issued[0]?.id as string, {
      reason: 'issued_in_error',
      comment: 'Акимат ошибся в фамилии Әбілқасымова',
    });
    first = await freshCheckpoint(registry);
  });
  afterAll(async () => {
    await registry?.close();
  });

  it('publishes its key in the signed-note verifier key format, as text', async () => {
    const response = await registry.request('/api/v1/log/key');

    expect(response.headers.get('content-type')).toBe('text/plain; charset=utf-8');
    expect(await response.text()).toMatch(
      /^verify\.example\.kz\/registry-log\+[0-9a-f]{8}\+[A-Za-z0-9+/]{44}$/,
    );
  });

  it('serves a checkpoint that node:crypto verifies under that key', async () => {
    const response = await registry.request('/api/v1/log/checkpoint');

    expect(response.headers.get('content-type')).toBe('text/plain; charset=utf-8');
    expect(first.origin).toBe('verify.example.kz/registry-log');
    // Two keys, three issuances and a revocation.
    expect(first.size).toBe(6);
    expect(first.root).toHaveLength(32);
  });

  it('serves every entry, and the entries build the signed root', async () => {
    const { tree, events } = await referenceTree(registry, first.size);

    expect(Buffer.from(tree.root(first.size))).toEqual(first.root);
    expect(events.map((e) => e.kind)).toEqual([
      'key.registered',
      'key.registered',
      'certificate.issued',
      'certificate.issued',
      'certificate.issued',
      'certificate.revoked',
    ]);
    expect(events[2]).toEqual({
      v: 1,
      kind: 'certificate.issued',
      at: '2026-12-03T07:00:00.000Z',
      providerId: 'prv_astana',
      certificateId: issued[0]?.id,
      recordDigest: expect.stringMatching(/^[0-9a-f]{64}$/),
      kid: issued[0]?.kid,
    });
    expect(events[5]).toEqual({
      v: 1,
      kind: 'certificate.revoked',
      at: '2026-12-03T07:00:00.000Z',
      providerId: 'prv_astana',
      certificateId: issued[0]?.id,
      reason: 'issued_in_error',
    });
  });

  it('keeps personal data and officers’ comments out of the log', async () => {
    const { leaves } = await referenceTree(registry, first.size);
    const text = leaves.map((leaf) => leaf.toString('utf8')).join('\n');

    expect(text).not.toMatch(TWELVE_DIGITS);
    for (const word of ['Әбілқасымова', 'Иванов', 'Дарья', 'Акимат', '1-15/2345']) {
      expect(text).not.toContain(word);
    }
  });

  it('gives inclusion proofs that an independent verifier accepts', async () => {
    const { tree, leaves } = await referenceTree(registry, first.size);

    for (const [n, certificate] of issued.entries()) {
      const answer = await getJson<InclusionJson>(
        registry,
        `/api/v1/log/proof/inclusion?certificate=${certificate.id}&size=${first.size}`,
      );
      const proof = answer.proof.map((hash) => Buffer.from(hash, 'base64'));

      expect(answer).toMatchObject({ index: 2 + n, size: first.size });
      expect(answer.proof).toEqual(b64(tree.path(answer.index, 0, first.size)));
      const leaf = leaves[answer.index] as Buffer;
      expect(inclusionHolds(leaf, answer.index, first.size, proof, first.root)).toBe(true);
      expect(inclusionHolds(leaf, answer.index, first.size, proof.reverse(), first.root)).toBe(
        proof.length < 2,
      );
    }
  });

  it('gives consistency proofs between its checkpoints', async () => {
    await issue(registry, trusteeshipRequest(), ALMATY);
    await issue(registry);
    const second = await freshCheckpoint(registry);
    const { tree } = await referenceTree(registry, second.size);

    expect(second.size).toBe(first.size + 2);
    for (const from of [0, 1, 3, first.size, second.size]) {
      const answer = await getJson<ConsistencyJson>(
        registry,
        `/api/v1/log/proof/consistency?from=${from}&to=${second.size}`,
      );

      expect(answer.proof, `from ${from}`).toEqual(b64(tree.consistency(from, second.size)));
      const claim = {
        from,
        to: second.size,
        fromRoot: tree.root(from),
        toRoot: second.root,
        proof: answer.proof.map((hash) => Buffer.from(hash, 'base64')),
      };
      expect(verifyConsistency(claim), `from ${from}`).toEqual({ ok: true });
    }
  });

  it('signs at most one checkpoint a second, and answers the latest meanwhile', async () => {
    const before = await getText(registry, '/api/v1/log/checkpoint');
    await issue(registry);

    expect(await getText(registry, '/api/v1/log/checkpoint')).toBe(before);
    registry.clock.advance?.(999);
    expect(await getText(registry, '/api/v1/log/checkpoint')).toBe(before);
    registry.clock.advance?.(1);
    expect(await getText(registry, '/api/v1/log/checkpoint')).not.toBe(before);
  });

  describe('refuses what it cannot answer with 4xx, naming the parameter', () => {
    const cases: [string, string, number, string, string, RegExp][] = [
      ['a word for an index', '/entries/one', 400, 'validation_failed', 'index', /whole number/],
      ['a negative index', '/entries/-1', 400, 'validation_failed', 'index', /whole number/],
      ['leading zeros', '/entries/007', 400, 'validation_failed', 'index', /leading zeros/],
      ['a huge index', '/entries/99999999999999999999', 400, 'validation_failed', 'index', /./],
      ['an unsigned entry', '/entries/1000', 400, 'size_beyond_checkpoint', 'index', /beyond/],
      ['no certificate', '/proof/inclusion?size=3', 400, 'validation_failed', 'certificate', /id/],
      [
        'a malformed certificate id',
        '/proof/inclusion?certificate=crt_x&size=3',
        400,
        'validation_failed',
        'certificate',
        /expected a certificate id/,
      ],
      [
        'an unknown certificate',
        '/proof/inclusion?certificate=crt_aaaaaaaaaaaaaaaaaaaaaaaaaa&size=3',
        404,
        'not_found',
        'certificate',
        /no issuance/,
      ],
      ['no size', '/proof/inclusion?certificate=CRT', 400, 'validation_failed', 'size', /required/],
      ['size 0', '/proof/inclusion?certificate=CRT&size=0', 400, 'validation_failed', 'size', /1/],
      [
        'a size beyond the checkpoint',
        '/proof/inclusion?certificate=CRT&size=1000',
        400,
        'size_beyond_checkpoint',
        'size',
        /latest checkpoint/,
      ],
      [
        'a tree before the certificate',
        '/proof/inclusion?certificate=CRT&size=2',
        404,
        'not_found',
        'size',
        /not in the tree of size 2/,
      ],
      ['no from', '/proof/consistency?to=3', 400, 'validation_failed', 'from', /required/],
      ['a word for to', '/proof/consistency?from=1&to=x', 400, 'validation_failed', 'to', /whole/],
      [
        'from above to',
        '/proof/consistency?from=4&to=3',
        400,
        'validation_failed',
        'from',
        /at most/,
      ],
      [
        'to beyond the checkpoint',
        '/proof/consistency?from=1&to=1000',
        400,
        'size_beyond_checkpoint',
        'to',
        /latest checkpoint/,
      ],
    ];

    it.each(cases)('%s', async (_name, path, status, code, field, message) => {
      const url = `/api/v1/log${path.replace('CRT', issued[0]?.id as string)}`;
      await expectError(await registry.request(url), { status, code, field, message });
    });
  });
});
