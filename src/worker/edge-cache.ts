import type { Context, MiddlewareHandler } from 'hono';
import { bytesToHex } from '../crypto/bytes.js';
import { isCertificateId } from '../crypto/certificate-id.js';
import { parseToken } from '../crypto/token.js';
import { endOfLocalDay, startOfLocalDay } from '../domain/calendar.js';
import type { Clock } from '../runtime/clock.js';
import type { VerificationResult } from '../services/verification-result.js';
import type { AppEnv } from '../web/env.js';
import { LANGUAGE_COOKIE, LANGUAGES, type Language, pickLanguage } from '../web/i18n/languages.js';
import { setSecurityHeaders } from '../web/middleware/security-headers.js';

/**
 * How long an answer about a certificate that is still in force may be served from an edge data
 * center: the bound on how late a revocation or a key compromise shows where it was not made. The
 * data center that handles a revocation purges at once, and the isolate that handles a compromise
 * stops reading what it cached before (see `#generation`); the Cache API cannot purge the others.
 */
export const EDGE_TTL_MS = 30_000;

/** Revoked and expired are final: nothing makes such a certificate valid again. */
const FINAL_TTL_MS = 3_600_000;

/** The part of the Cache API this uses; a Map-backed stand-in serves the Node tests. */
export interface EdgeCacheStore {
  match(key: string): Promise<Response | undefined>;
  put(key: string, response: Response): Promise<void>;
  delete(key: string): Promise<boolean>;
}

const EXPIRES = 'x-edge-expires';
const TOKEN = 'x-edge-token';
const KEY_BASE = 'https://edge-cache.registry.invalid/verify';
/** The generation every isolate starts in, so isolates of a data center share their entries. */
const FIRST_GENERATION = 'g0';

/**
 * Caches verification answers (the JSON API and the page) per certificate at the edge: one QR is
 * scanned many times. Only answers whose signature and registry record checked out are kept,
 * under the certificate id, and served only for the very token that produced them, so a forged
 * token can neither fill nor read the entry. Freshness is judged by the injected clock.
 */
export class EdgeVerifyCache {
  /**
   * Part of every cache key. A key compromise can make any number of a key's certificates
   * invalid, too many to purge one by one, so the isolate that handles it moves to a new
   * generation and never reads an older entry again. A random one, so that two isolates that
   * each saw a different compromise never share what they cached in between.
   */
  #generation = FIRST_GENERATION;

  constructor(
    private readonly open: () => Promise<EdgeCacheStore> = () => caches.open('verify'),
    private readonly ttlMs = EDGE_TTL_MS,
  ) {}

  /**
   * The Hono middleware: answers from the cache, fills it, purges on revocation, and starts a
   * new generation on a key compromise.
   */
  middleware(
    clock: Clock,
    ctx?: { waitUntil(p: Promise<unknown>): void },
  ): MiddlewareHandler<AppEnv> {
    return async (c, next) => {
      const revoked = revokePath(c);
      if (revoked) {
        await next();
        if (c.res.status === 200) await this.purge(revoked);
        return;
      }
      if (isCompromisePath(c)) {
        await next();
        if (c.res.status === 200) this.newGeneration();
        return;
      }

      const target = verifyTarget(c.req.method, c.req.path, c.get('lang'), this.#generation);
      if (!target) return next();

      const cache = await this.open();
      const now = clock.now().getTime();
      const hit = await this.fresh(cache, target, now);
      if (hit) return served(hit, 'HIT');

      await next();
      const result = c.get('verification');
      const until = result && c.res.status === 200 ? this.cacheUntil(result, now) : undefined;
      if (until) {
        const stored = stamp(c.res.clone(), target.token, until, now);
        const put = cache.put(target.key, stored);
        if (ctx) ctx.waitUntil(put);
        else await put;
      }
      c.res = served(c.res, 'MISS');
    };
  }

  /**
   * A fresh cached answer to a verification request, before any app is built for it: the
   * Worker entry asks this first, so a warm scan costs no configuration, registry or router.
   * The answer carries the security headers the app would have set.
   */
  async lookup(request: Request, now: number): Promise<Response | undefined> {
    const url = new URL(request.url);
    const lang = pickLanguage(
      url.searchParams.get('lang') ?? undefined,
      request.headers.get('accept-language') ?? undefined,
      cookieValue(request.headers.get('cookie'), LANGUAGE_COOKIE),
    );
    const target = verifyTarget(request.method, url.pathname, lang, this.#generation);
    if (!target) return undefined;

    const hit = await this.fresh(await this.open(), target, now);
    if (!hit) return undefined;
    const answer = served(hit, 'HIT');
    setSecurityHeaders(answer.headers, url.protocol === 'https:');
    answer.headers.set(
      'X-Request-Id',
      `req_${bytesToHex(crypto.getRandomValues(new Uint8Array(8)))}`,
    );
    return answer;
  }

  /** The stored answer for this very token, while it is fresh. */
  private async fresh(cache: EdgeCacheStore, target: Target, now: number) {
    const hit = await cache.match(target.key);
    if (!hit || hit.headers.get(TOKEN) !== target.token) return undefined;
    return Number(hit.headers.get(EXPIRES)) > now ? hit : undefined;
  }

  /**
   * Drops every cached answer about a certificate in this data center: those of this isolate's
   * generation and of the first one, which the other isolates read.
   */
  async purge(certificateId: string): Promise<void> {
    const cache = await this.open();
    const generations = [...new Set([FIRST_GENERATION, this.#generation])];
    await Promise.all(
      generations.flatMap((g) =>
        variants().map((v) => cache.delete(cacheKey(g, certificateId, v))),
      ),
    );
  }

  /**
   * Stops this isolate from reading anything cached before now: after a key compromise, which
   * turns an unknown number of the key's certificates invalid. Retirement and rotation change no
   * verdict (what a retired key signed stays valid), so they keep the cache.
   */
  newGeneration(): void {
    this.#generation = `g${bytesToHex(crypto.getRandomValues(new Uint8Array(8)))}`;
  }

  /** Until when an answer may be reused: never past a change the calendar alone would make. */
  private cacheUntil(result: VerificationResult, now: number): number | undefined {
    const certificate = result.certificate;
    if (!certificate) return undefined;
    switch (result.verdict) {
      case 'valid':
        return Math.min(now + this.ttlMs, endOfLocalDay(certificate.validUntil).getTime() + 1);
      case 'not_yet_valid':
        return Math.min(now + this.ttlMs, startOfLocalDay(certificate.validFrom).getTime());
      case 'revoked':
      case 'expired':
        return now + FINAL_TTL_MS;
      default:
        // Not found (a replica may lag behind the primary), invalid, or the registry was
        // unreachable: always asked afresh.
        return undefined;
    }
  }
}

interface Target {
  key: string;
  token: string;
}

function verifyTarget(
  method: string,
  path: string,
  lang: Language,
  generation: string,
): Target | undefined {
  if (method !== 'GET') return undefined;
  const match = /^\/(api\/v1\/verify|v|V)\/([^/]+)$/.exec(path);
  if (!match?.[1] || !match[2]) return undefined;

  const token = decodeURIComponent(match[2]).trim().toUpperCase();
  const parsed = parseToken(token);
  if (!parsed.ok) return undefined;

  // The page in the visitor's language, chosen as the language middleware does.
  const variant = match[1] === 'api/v1/verify' ? 'api' : `page-${lang}`;
  return { key: cacheKey(generation, parsed.token.certificateId, variant), token };
}

/** A change of status made here (revoke, suspend, reinstate): its answers are purged at once. */
function revokePath(c: Context<AppEnv>): string | undefined {
  if (c.req.method !== 'POST') return undefined;
  const id = /^\/api\/v1\/certificates\/([^/]+)\/(revoke|suspend|reinstate)$/.exec(c.req.path)?.[1];
  return id && isCertificateId(id) ? id : undefined;
}

/** A key declared compromised here: some of its certificates may be invalid from now on. */
function isCompromisePath(c: Context<AppEnv>): boolean {
  return (
    c.req.method === 'POST' &&
    /^\/api\/v1\/providers\/[^/]+\/keys\/[^/]+\/compromise$/.test(c.req.path)
  );
}

function variants(): string[] {
  return ['api', ...LANGUAGES.map((l) => `page-${l}`)];
}

function cacheKey(generation: string, certificateId: string, variant: string): string {
  return `${KEY_BASE}/${generation}/${certificateId}/${variant}`;
}

/** The stored copy: the Cache API drops it by itself once `max-age` has passed in real time. */
function stamp(response: Response, token: string, until: number, now: number): Response {
  const headers = new Headers(response.headers);
  headers.set(EXPIRES, String(until));
  headers.set(TOKEN, token);
  headers.set('cache-control', `public, max-age=${Math.max(1, Math.ceil((until - now) / 1000))}`);
  return new Response(response.body, { status: response.status, headers });
}

/** What the client gets: its own no-store, without the cache's bookkeeping. */
function served(response: Response, state: 'HIT' | 'MISS'): Response {
  const headers = new Headers(response.headers);
  headers.delete(EXPIRES);
  headers.delete(TOKEN);
  // The id of the request that filled the cache is not this one's.
  headers.delete('x-request-id');
  headers.set('cache-control', 'no-store');
  headers.set('x-edge-cache', state);
  return new Response(response.body, { status: response.status, headers });
}

/** One cookie's value from a Cookie header (RFC 6265 §4.2), without decoding. */
function cookieValue(header: string | null, name: string): string | undefined {
  for (const part of (header ?? '').split(';')) {
    const [key, ...value] = part.trim().split('=');
    if (key === name) return value.join('=');
  }
  return undefined;
}
