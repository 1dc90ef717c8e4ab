import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { localDay } from '../../src/domain/calendar.js';
import { RETURNING_APPLICANT } from '../../src/gateway/fixture-cases.js';
import { demoPersonas, type Persona } from '../../src/gateway/fixture-data.js';
import { RECEIPT_EXIT, runReceiptVerify } from '../../src/receipts/receipt-cli.js';
import type { VerificationResult } from '../../src/services/verification-result.js';
import { sessionCookie, signSignIn } from '../auth/sign-in-client.js';
import { pdfText, readQrFromPng } from '../documents/decode.js';
import { type EdgeRig, startEdgeRig } from '../support/edge-rig.js';
import { guardianshipRequest } from '../support/requests.js';

const ASTANA = { authorization: 'Bearer demo-officer-astana' };
const ALMATY = { authorization: 'Bearer demo-officer-almaty' };

let rig: EdgeRig;

/** A demo persona of today, as the fixture gateway of `wrangler dev` knows it. */
function persona(key: string): Persona {
  const found = demoPersonas(localDay(new Date())).find((p) => p.key === key);
  if (!found) throw new Error(`no demo persona ${key}`);
  return found;
}

function seed(who: Persona): string {
  if (!who.edsSeed) throw new Error(`persona ${who.key} holds no EDS`);
  return who.edsSeed;
}

beforeAll(async () => {
  rig = await startEdgeRig(8810);
}, 180_000);

afterAll(async () => {
  await rig?.close();
});

function issue(body: unknown = guardianshipRequest(), headers: Record<string, string> = {}) {
  return rig.fetch('/api/v1/certificates', {
    method: 'POST',
    headers: { ...ASTANA, 'content-type': 'application/json', ...headers },
    body: JSON.stringify(body),
  });
}

async function issued(): Promise<{ id: string; token: string }> {
  const response = await issue();
  expect(response.status, rig.output().slice(-2000)).toBe(201);
  const json = (await response.json()) as { id: string; verifyUrl: string };
  return { id: json.id, token: json.verifyUrl.split('/V/')[1] ?? '' };
}

async function verify(
  token: string,
): Promise<{ result: VerificationResult; cache: string | null }> {
  const response = await rig.fetch(`/api/v1/verify/${token}`);
  expect(response.status).toBe(200);
  return {
    result: (await response.json()) as VerificationResult,
    cache: response.headers.get('x-edge-cache'),
  };
}

/** One character of the signature changed: same id, same dates, a forged signature. */
function forge(token: string): string {
  const at = token.length - 20;
  return `${token.slice(0, at)}${token[at] === 'A' ? 'B' : 'A'}${token.slice(at + 1)}`;
}

function revoke(id: string, via: 'worker' | 'node') {
  const init = {
    method: 'POST',
    headers: { ...ASTANA, 'content-type': 'application/json' },
    body: JSON.stringify({ reason: 'guardianship_terminated', comment: 'Шешім № 1-15/2400' }),
  };
  const path = `/api/v1/certificates/${id}/revoke`;
  return via === 'worker' ? rig.fetch(path, init) : rig.node.request(path, init);
}

describe('the Worker in workerd (wrangler dev)', () => {
  it('is healthy and publishes the same JWKS as the Node service', async () => {
    const health = await rig.fetch('/healthz');
    expect(await health.json()).toEqual({ status: 'ok', database: 'ok' });

    const jwks = await rig.fetch('/.well-known/jwks.json');
    expect(jwks.status).toBe(200);
    const keys = ((await jwks.json()) as { keys: { kid: string; crv: string }[] }).keys;
    expect(keys.map((k) => k.crv)).toEqual(['Ed25519', 'Ed25519']);
    const fromNode = await (await rig.node.request('/.well-known/jwks.json')).json();
    expect({ keys }).toEqual(fromNode);
  });

  it('issues, verifies, and shows the verify page and a static asset', async () => {
    const { id, token } = await issued();
    expect(id).toMatch(/^crt_[a-z2-7]{26}$/);

    const { result } = await verify(token);
    expect(result.verdict).toBe('valid');
    expect(result.certificate?.id).toBe(id);
    expect(result.certificate?.guardian).toBe('Әбілқасымова Г. С.');

    const page = await rig.fetch(`/V/${token}?lang=ru`);
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toContain('text/html');
    const html = await page.text();
    expect(html).toContain('Справка подлинная и действительна');
    expect(html).toContain('Әбілқасымова Г. С.');

    const css = await rig.fetch('/styles.css');
    expect(css.status).toBe(200);
    expect(css.headers.get('content-type')).toContain('text/css');
    expect(await css.text()).toContain('.verdict');
  });

  it('answers the demo certificates seeded as by npm start, one of them revoked', async () => {
    const verdicts = [];
    for (const token of rig.demoTokens) verdicts.push((await verify(token)).result.verdict);
    expect(verdicts.sort()).toEqual(['revoked', 'valid', 'valid']);
  });

  it('shows the returning applicant the certificate seeded in her cabinet', async () => {
    const who = persona(RETURNING_APPLICANT);
    const challenge = await rig.fetch('/api/v1/auth/eds/challenge', { method: 'POST' });
    const { nonce } = (await challenge.json()) as { nonce: string };
    const signIn = await rig.fetch('/api/v1/auth/eds', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        iin: who.iin,
        nonce,
        signature: signSignIn(seed(who), nonce, who.iin),
      }),
    });
    expect(signIn.status, rig.output().slice(-2000)).toBe(200);

    const list = await rig.fetch('/api/v1/cabinet/certificates', {
      headers: { cookie: sessionCookie(signIn) },
    });
    const { certificates } = (await list.json()) as { certificates: { verifyUrl: string }[] };
    expect(certificates).toHaveLength(1);
    const token = certificates[0]?.verifyUrl.split('/V/')[1] ?? '';
    expect(token).toBe(rig.returningApplicantToken);
    expect((await verify(token)).result.verdict).toBe('valid');
  });

  it('refuses an officer of another provider exactly as an unknown id', async () => {
    const { id } = await issued();
    const response = await rig.fetch(`/api/v1/certificates/${id}/revoke`, {
      method: 'POST',
      headers: { ...ALMATY, 'content-type': 'application/json' },
      body: JSON.stringify({ reason: 'issued_in_error' }),
    });
    expect(response.status).toBe(404);
    const body = (await response.json()) as { error: { code: string } };
    expect(body.error.code).toBe('not_found');
  });
});

describe('documents rendered in workerd (WebAssembly builds)', () => {
  it('renders the PDF with its text layer and the PNG with a QR that opens the verify URL', async () => {
    const response = await issue();
    const { id, verifyUrl } = (await response.json()) as { id: string; verifyUrl: string };

    const pdf = await rig.fetch(`/api/v1/certificates/${id}/document.pdf`, { headers: ASTANA });
    expect(pdf.status, rig.output().slice(-2000)).toBe(200);
    expect(pdf.headers.get('content-type')).toBe('application/pdf');
    const text = pdfText(new Uint8Array(await pdf.arrayBuffer()));
    expect(text).toContain('Қорғаншылық туралы анықтама');
    expect(text).toContain('Әбілқасымова Гүлнұр Серікқызы');

    const png = await rig.fetch(`/api/v1/certificates/${id}/document.png`, { headers: ASTANA });
    expect(png.status).toBe(200);
    expect(png.headers.get('content-type')).toBe('image/png');
    expect(readQrFromPng(new Uint8Array(await png.arrayBuffer()))).toBe(verifyUrl);
  }, 60_000);

  it('renders a receipt PDF that the offline checker verifies with the log key', async () => {
    const { token } = await issued();
    const pdf = await rig.fetch(`/api/v1/verify/${token}/receipt.pdf`, { method: 'POST' });
    expect(pdf.status, rig.output().slice(-2000)).toBe(200);
    expect(pdf.headers.get('content-type')).toBe('application/pdf');
    const bytes = new Uint8Array(await pdf.arrayBuffer());
    expect(pdfText(bytes)).toContain('valid');

    const key = await (await rig.fetch('/api/v1/log/key')).text();
    const outcome = await runReceiptVerify(['receipt.pdf', '--key', key], async (path) => {
      if (path !== 'receipt.pdf') throw new Error(`unexpected read of ${path}`);
      return bytes;
    });
    expect(outcome.lines[0]).toBe('Receipt verified: signed by the registry log key, unchanged.');
    expect(outcome.code).toBe(RECEIPT_EXIT.verified);
    expect(outcome.lines.join('\n')).toMatch(/verdict +valid/);
  }, 60_000);

  it('gives another provider the same 404 as an unknown id', async () => {
    const { id } = await issued();
    const pdf = await rig.fetch(`/api/v1/certificates/${id}/document.pdf`, { headers: ALMATY });
    expect(pdf.status).toBe(404);
    expect(((await pdf.json()) as { error: { code: string } }).error.code).toBe('not_found');
  });
});

describe('the edge cache of verification answers', () => {
  it('serves repeated scans from the cache and purges at once on a revocation made here', async () => {
    const { id, token } = await issued();
    expect((await verify(token)).cache).toBe('MISS');
    const second = await verify(token);
    expect(second.cache).toBe('HIT');
    expect(second.result.verdict).toBe('valid');

    const revoked = await revoke(id, 'worker');
    expect(revoked.status).toBe(200);

    const after = await verify(token);
    expect(after.result.verdict).toBe('revoked');
    expect(after.result.revocation?.reason).toBe('guardianship_terminated');
  });

  it('shows a revocation made elsewhere within 30 s of the clock', async () => {
    const { id, token } = await issued();
    expect((await verify(token)).cache).toBe('MISS');

    // Another instance (the Node service on the same database) revokes: nothing purges here.
    const revoked = await revoke(id, 'node');
    expect(revoked.status).toBe(200);

    await rig.advanceClock(29_000);
    const stale = await verify(token);
    expect(stale.cache).toBe('HIT');
    expect(stale.result.verdict).toBe('valid');

    await rig.advanceClock(1_000);
    const fresh = await verify(token);
    expect(fresh.cache).toBe('MISS');
    expect(fresh.result.verdict).toBe('revoked');
  });

  it('never serves a cached answer to another token naming the same certificate', async () => {
    const { token } = await issued();
    await verify(token);
    const forged = forge(token);
    const { result, cache } = await verify(forged);
    expect(result.verdict).toBe('invalid');
    expect(result.cause).toBe('signature');
    expect(cache).toBe('MISS');
  });
});

describe('the database unreachable behind the Worker', () => {
  it('answers 503 with Retry-After for writes, status_unavailable for verification, and recovers', {
    timeout: 60_000,
  }, async () => {
    const before = await issued();
    // Verified once so the Worker knows the keys, but through the page: the API is not cached.
    await rig.fetch(`/V/${before.token}`);

    rig.database.blackhole();
    try {
      const write = await issue(guardianshipRequest(), { 'idempotency-key': 'edge-outage-1' });
      expect(write.status, rig.output().slice(-3000)).toBe(503);
      expect(write.headers.get('retry-after')).toBe('5');
      const body = (await write.json()) as { error: { code: string; message: string } };
      expect(body.error.code).toBe('service_unavailable');
      expect(body.error.message).toBe('The registry is temporarily unavailable');

      const { result } = await verify(before.token);
      expect(result.verdict).toBe('status_unavailable');
      expect(result.certificate).toBeUndefined();

      expect((await verify(forge(before.token))).result.verdict).toBe('invalid');

      expect((await rig.fetch('/healthz')).status).toBe(503);
    } finally {
      await rig.database.start();
    }

    // Back without a restart; the refused issuance left nothing: the same key issues anew.
    expect((await rig.fetch('/healthz')).status).toBe(200);
    expect((await verify(before.token)).result.verdict).toBe('valid');
    const retry = await issue(guardianshipRequest(), { 'idempotency-key': 'edge-outage-1' });
    expect(retry.status).toBe(201);
    expect(retry.headers.get('idempotent-replayed')).toBeNull();
  });
});
