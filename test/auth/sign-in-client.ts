/**
 * Sign-in over HTTP as a browser or a curl user does it, for the tests in this folder. The EDS
 * signer here is node:crypto (OpenSSL), independent of the registry's own Ed25519 code, and the
 * signed message is spelt out again rather than imported, so a change to the public contract
 * breaks these tests.
 */

import { createPrivateKey, sign } from 'node:crypto';
import { demoPersonas, type Persona } from '../../src/gateway/fixture-data.js';
import type { TestRegistry } from '../support/app.js';

export const TODAY = '2026-12-03';

/** A demo persona of the fixture gateway the test registry starts with. */
export function persona(key: string): Persona {
  const found = demoPersonas(TODAY).find((p) => p.key === key);
  if (!found) throw new Error(`no persona ${key}`);
  return found;
}

/** POSTs JSON (or nothing) with optional extra headers. */
export function post(
  registry: TestRegistry,
  path: string,
  body?: unknown,
  headers: Record<string, string> = {},
) {
  return registry.request(path, {
    method: 'POST',
    headers: body === undefined ? headers : { 'content-type': 'application/json', ...headers },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
}

export interface OutboxEntry {
  seq: number;
  phone: string;
  text: string;
  sentAt: string;
}

/** The demo outbox, newest first, read over HTTP as the demo does. */
export async function outbox(registry: TestRegistry): Promise<OutboxEntry[]> {
  const response = await registry.request('/api/v1/dev/sms-outbox');
  if (response.status !== 200) throw new Error(`outbox answered ${response.status}`);
  return ((await response.json()) as { messages: OutboxEntry[] }).messages;
}

/** The code in the newest SMS to `phone`. */
export async function lastCode(registry: TestRegistry, phone: string): Promise<string> {
  const message = (await outbox(registry)).find((m) => m.phone === phone);
  const code = message ? /\b(\d{6})\b/.exec(message.text)?.[1] : undefined;
  if (!code) throw new Error('no code in the outbox for this phone');
  return code;
}

/** The error body of the API. */
export async function errorOf(response: Response) {
  return ((await response.json()) as { error: { code: string; message: string; field?: string } })
    .error;
}

/** DER prefix of a PKCS#8 Ed25519 private key (RFC 8410); the 32-byte seed follows it. */
const PKCS8_ED25519 = Buffer.from('302e020100300506032b657004220420', 'hex');

/** The sign-in signature of `iin` over `nonce` with the seed (base64url), by node:crypto. */
export function signSignIn(seed: string, nonce: string, iin: string): string {
  const key = createPrivateKey({
    key: Buffer.concat([PKCS8_ED25519, Buffer.from(seed, 'base64url')]),
    format: 'der',
    type: 'pkcs8',
  });
  const message = Buffer.from(`KZ-REGISTRY-SIGNIN\0${nonce}\0${iin}`, 'utf8');
  return sign(null, message, key).toString('base64url');
}

/** A fresh challenge nonce. */
export async function challenge(registry: TestRegistry): Promise<string> {
  const response = await post(registry, '/api/v1/auth/eds/challenge');
  if (response.status !== 201) throw new Error(`challenge answered ${response.status}`);
  return ((await response.json()) as { nonce: string }).nonce;
}

/** The `name=value` pair of the session cookie in a response, for the next request. */
export function sessionCookie(response: Response): string {
  const header = response.headers.get('set-cookie') ?? '';
  const pair = /(?:^|,\s*)(session=[^;]+)/.exec(header)?.[1];
  if (!pair) throw new Error('no session cookie');
  return pair;
}
