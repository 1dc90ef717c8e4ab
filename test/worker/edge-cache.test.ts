import { type Context, Hono } from 'hono';
import { beforeEach, describe, expect, it } from 'vitest';
import { assembleToken, encodeTokenPayload } from '../../src/crypto/token.js';
import { fixedClock } from '../../src/runtime/clock.js';
import type { Verdict, VerificationResult } from '../../src/services/verification-result.js';
import type { AppEnv } from '../../src/web/env.js';
import { language } from '../../src/web/middleware/language.js';
import { type EdgeCacheStore, EdgeVerifyCache } from '../../src/worker/edge-cache.js';

// The edge cache's rules with a clock the test moves and a Map for the Cache API; the workerd
// tests (workerd.test.ts) check the same bound against the real Cache API under wrangler dev.

const ID = 'crt_aaaaaaaaaaaaaaaaaaaaaaaaaa';
const OTHER = 'crt_bbbbbbbbbbbbbbbbbbbbbbbbbb';

function token(certificateId: string, signatureByte = 7): string {
  const payload = encodeTokenPayload({
    kidHint: '0123456789abcdef',
    certificateId,
    validFrom: '2026-12-01',
    validUntil: '2027-03-01',
    digest: new Uint8Array(16).fill(3),
  });
  return assembleToken(payload, new Uint8Array(64).fill(signatureByte));
}

class MapCache implements EdgeCacheStore {
  entries = new Map<string, Response>();
  async match(key: string) {
    return this.entries.get(key)?.clone();
  }
  async put(key: string, response: Response) {
    this.entries.set(key, response);
  }
  async delete(key: string) {
    return this.entries.delete(key);
  }
}

let clock: ReturnType<typeof fixedClock>;
let store: MapCache;
let answer: { verdict: Verdict; validFrom?: string; validUntil?: string };
let computed: number;
let app: Hono<AppEnv>;
let cache: EdgeVerifyCache;

beforeEach(() => {
  clock = fixedClock('2026-12-03T07:00:00Z');
  store = new MapCache();
  answer = { verdict: 'valid' };
  computed = 0;
  cache = new EdgeVerifyCache(async () => store);
  app = new Hono<AppEnv>();
  // As in the app: the language is chosen before the cache keys the page by it.
  app.use(language);
  app.use(cache.middleware(clock));
  const verify = (c: Context<AppEnv>) => {
    computed += 1;
    const result: VerificationResult = {
      verdict: answer.verdict,
      message: 'm',
      checkedAt: clock.now().toISOString(),
      ...(['valid', 'revoked', 'expired', 'not_yet_valid'].includes(answer.verdict)
        ? {
            certificate: summary(
              answer.validFrom ?? '2026-12-01',
              answer.validUntil ?? '2027-03-01',
            ),
          }
        : {}),
    };
    c.set('verification', result);
    return c.json(result);
  };
  app.get('/api/v1/verify/:token', verify);
  app.get('/v/:token', verify);
  app.post('/api/v1/certificates/:id/revoke', (c) =>
    c.req.param('id') === ID ? c.json({ ok: true }) : c.json({ error: {} }, 404),
  );
  app.post('/api/v1/providers/:providerId/keys/:kid/compromise', (c) =>
    c.req.param('kid') === 'k' ? c.json({ ok: true }) : c.json({ error: {} }, 404),
  );
});

function summary(validFrom: string, validUntil: string) {
  return {
    id: ID,
    serial: 'AST-2026-000001',
    type: 'guardianship' as const,
    issuer: { id: 'prv_astana', nameKk: 'a', nameRu: 'a', nameEn: 'a' },
    guardian: 'Әбілқасымова Г. С.',
    child: 'Нұрланұлы Ә.',
    validFrom,
    validUntil,
    issuedAt: '2026-12-01T05:00:00.000Z',
    kid: 'k',
  };
}

async function get(path: string, headers: Record<string, string> = {}) {
  const response = await app.request(path, { headers });
  return {
    state: response.headers.get('x-edge-cache'),
    cacheControl: response.headers.get('cache-control'),
    internal: response.headers.get('x-edge-token'),
  };
}

describe('the edge cache of verification answers', () => {
  it('serves a valid answer for 30 s of the clock, then asks again', async () => {
    expect((await get(`/api/v1/verify/${token(ID)}`)).state).toBe('MISS');
    clock.advance(29_999);
    const hit = await get(`/api/v1/verify/${token(ID)}`);
    expect(hit).toEqual({ state: 'HIT', cacheControl: 'no-store', internal: null });
    clock.advance(1);
    expect((await get(`/api/v1/verify/${token(ID)}`)).state).toBe('MISS');
    expect(computed).toBe(2);
  });

  it('never keeps a valid answer past the last second of the validity', async () => {
    clock.set('2027-03-01T18:59:50Z'); // 23:59:50 in Almaty (UTC+5) on the last valid day
    answer = { verdict: 'valid' };
    await get(`/api/v1/verify/${token(ID)}`);
    clock.advance(9_000);
    expect((await get(`/api/v1/verify/${token(ID)}`)).state).toBe('HIT');
    clock.advance(1_000);
    expect((await get(`/api/v1/verify/${token(ID)}`)).state).toBe('MISS');
  });

  it('never keeps a not-yet-valid answer past the first moment of validity', async () => {
    clock.set('2026-11-30T18:59:55Z'); // 5 s before 2026-12-01 00:00 in Almaty
    answer = { verdict: 'not_yet_valid' };
    await get(`/api/v1/verify/${token(ID)}`);
    clock.advance(4_999);
    expect((await get(`/api/v1/verify/${token(ID)}`)).state).toBe('HIT');
    clock.advance(1);
    expect((await get(`/api/v1/verify/${token(ID)}`)).state).toBe('MISS');
  });

  it('keeps final verdicts for an hour', async () => {
    answer = { verdict: 'revoked' };
    await get(`/api/v1/verify/${token(ID)}`);
    clock.advance(3_599_000);
    expect((await get(`/api/v1/verify/${token(ID)}`)).state).toBe('HIT');
    clock.advance(1_000);
    expect((await get(`/api/v1/verify/${token(ID)}`)).state).toBe('MISS');
  });

  it.each(['not_found', 'invalid', 'status_unavailable'] as const)(
    'never keeps %s',
    async (verdict) => {
      answer = { verdict };
      await get(`/api/v1/verify/${token(ID)}`);
      expect((await get(`/api/v1/verify/${token(ID)}`)).state).toBe('MISS');
      expect(store.entries.size).toBe(0);
    },
  );

  it('serves an entry only to the token that filled it', async () => {
    await get(`/api/v1/verify/${token(ID)}`);
    expect((await get(`/api/v1/verify/${token(ID, 9)}`)).state).toBe('MISS');
    expect(computed).toBe(2);
  });

  it('keeps the page per language, apart from the API', async () => {
    await get(`/v/${token(ID)}?lang=ru`);
    expect((await get(`/v/${token(ID)}?lang=kk`)).state).toBe('MISS');
    expect((await get(`/v/${token(ID)}`, { 'accept-language': 'ru-RU' })).state).toBe('HIT');
    expect((await get(`/api/v1/verify/${token(ID)}`)).state).toBe('MISS');
  });

  it('purges every variant on a revocation answered 200, and nothing on a 404', async () => {
    await get(`/api/v1/verify/${token(ID)}`);
    await get(`/v/${token(ID)}?lang=en`);
    await app.request(`/api/v1/certificates/${OTHER}/revoke`, { method: 'POST' });
    expect(store.entries.size).toBe(2);

    await app.request(`/api/v1/certificates/${ID}/revoke`, { method: 'POST' });
    expect(store.entries.size).toBe(0);
    expect((await get(`/api/v1/verify/${token(ID)}`)).state).toBe('MISS');
  });

  it('reads nothing cached before a key compromise answered 200, and keeps it on a 404', async () => {
    await get(`/api/v1/verify/${token(ID)}`);
    await get(`/v/${token(ID)}?lang=kk`);
    await app.request('/api/v1/providers/prv_astana/keys/unknown/compromise', { method: 'POST' });
    expect((await get(`/api/v1/verify/${token(ID)}`)).state).toBe('HIT');

    await app.request('/api/v1/providers/prv_astana/keys/k/compromise', { method: 'POST' });
    expect((await get(`/api/v1/verify/${token(ID)}`)).state).toBe('MISS');
    expect((await get(`/v/${token(ID)}?lang=kk`)).state).toBe('MISS');
    expect(
      await cache.lookup(
        new Request(`https://verify.example.kz/api/v1/verify/${token(ID)}`),
        clock.now().getTime(),
      ),
    ).toBeDefined();
    expect(computed).toBe(4);
  });

  it('purges a revocation in its own generation and in the one other isolates read', async () => {
    const other = new EdgeVerifyCache(async () => store);
    const otherApp = new Hono<AppEnv>();
    otherApp.use(language);
    otherApp.use(other.middleware(clock));
    otherApp.get('/api/v1/verify/:token', (c) => {
      const result: VerificationResult = {
        verdict: 'valid',
        message: 'm',
        checkedAt: clock.now().toISOString(),
        certificate: summary('2026-12-01', '2027-03-01'),
      };
      c.set('verification', result);
      return c.json(result);
    });
    // Another isolate of the data center, still in the first generation, caches an answer.
    await otherApp.request(`/api/v1/verify/${token(ID)}`);
    await app.request('/api/v1/providers/prv_astana/keys/k/compromise', { method: 'POST' });
    await get(`/api/v1/verify/${token(ID)}`);
    expect(store.entries.size).toBe(2);

    await app.request(`/api/v1/certificates/${ID}/revoke`, { method: 'POST' });
    expect(store.entries.size).toBe(0);
  });

  it('leaves anything that is not a token of this registry alone', async () => {
    const response = await app.request('/api/v1/verify/NOT-A-TOKEN');
    expect(response.headers.get('x-edge-cache')).toBeNull();
    expect(store.entries.size).toBe(0);
  });
});

describe('answering from the cache before the app (the Worker entry)', () => {
  const at = (path: string, headers: Record<string, string> = {}) =>
    new Request(`https://verify.example.kz${path}`, { headers });

  it('answers a warm scan with the security headers and no bookkeeping, fresh only', async () => {
    await get(`/api/v1/verify/${token(ID)}`);
    const hit = await cache.lookup(at(`/api/v1/verify/${token(ID)}`), clock.now().getTime());
    if (hit === undefined) throw new Error('a warm scan was not answered from the cache');

    expect(hit.status).toBe(200);
    expect(hit.headers.get('x-edge-cache')).toBe('HIT');
    expect(hit.headers.get('content-security-policy')).toContain("default-src 'self'");
    expect(hit.headers.get('strict-transport-security')).toContain('max-age=');
    expect(hit.headers.get('x-edge-token')).toBeNull();
    expect(hit.headers.get('x-request-id')).toMatch(/^req_[0-9a-f]{16}$/);
    expect(((await hit.json()) as { verdict: string }).verdict).toBe('valid');

    clock.advance(30_000);
    expect(await cache.lookup(at(`/api/v1/verify/${token(ID)}`), clock.now().getTime())).toBe(
      undefined,
    );
  });

  it('misses for another token, another language of the page, and anything not a scan', async () => {
    await get(`/v/${token(ID)}`, { 'accept-language': 'kk' });
    const now = clock.now().getTime();

    expect(await cache.lookup(at(`/v/${token(ID, 9)}`, { 'accept-language': 'kk' }), now)).toBe(
      undefined,
    );
    expect(await cache.lookup(at(`/v/${token(ID)}`, { cookie: 'lang=en' }), now)).toBe(undefined);
    expect(
      (await cache.lookup(at(`/v/${token(ID)}`, { cookie: 'x=1; lang=kk' }), now))?.status,
    ).toBe(200);
    expect(await cache.lookup(at('/api/v1/certificates'), now)).toBe(undefined);
  });
});
