/**
 * What the application tests share: the demo personas of the test day, a citizen's HTTP calls,
 * a signer for the personas' EDS keys made with node:crypto (independent of the registry's own
 * Ed25519 code), and processors built on a test registry.
 */
import { createPrivateKey, sign } from 'node:crypto';
import { expect } from 'vitest';
import { ApplicationStore } from '../../src/applications/application-store.js';
import { ApplicationProcessor, type ProcessorDeps } from '../../src/applications/processor.js';
import { localDay } from '../../src/domain/calendar.js';
import { demoPersonas, type Persona } from '../../src/gateway/fixture-data.js';
import { FixtureGateway } from '../../src/gateway/fixture-gateway.js';
import { secureRandom } from '../../src/runtime/random.js';
import type { TestRegistry } from '../support/app.js';
import { signedInAs } from '../support/citizen.js';
import { makeIin } from '../support/iin.js';

/** The persona with this key on the test day (2026-12-03 in Almaty). */
export function persona(key: string): Persona {
  const found = demoPersonas(localDay(new Date('2026-12-03T07:00:00Z'))).find((p) => p.key === key);
  if (!found) throw new Error(`no demo persona ${key}`);
  return found;
}

export type Headers = Record<string, string>;

/** A citizen signed in by SMS code (or EDS), as the headers a browser would send. */
export function citizen(registry: TestRegistry, who: Persona, method: 'otp' | 'eds' = 'otp') {
  return signedInAs(registry, who.iin, method);
}

/**
 * The `n`-th valid IIN of a girl of 9 that no state record knows: a child to apply for in tests
 * of submission alone, where nothing is processed. Each test that stores an application takes
 * its own, so the one-open-application rule (per applicant, child and type) never joins them.
 */
export function unknownChild(n: number): string {
  return makeIin('2017-06-15', 'female', 9_000 + 10 * n);
}

/** `POST /api/v1/applications` as JSON. */
export function apply(
  registry: TestRegistry,
  headers: Headers,
  body: Record<string, unknown>,
  extra: Headers = {},
) {
  return registry.request('/api/v1/applications', {
    method: 'POST',
    headers: { ...headers, 'content-type': 'application/json', ...extra },
    body: JSON.stringify(body),
  });
}

/** `POST /api/v1/applications` as multipart/form-data with a file. */
export function applyWithFile(
  registry: TestRegistry,
  headers: Headers,
  fields: Record<string, string>,
  file: { bytes: Uint8Array; name: string; type: string },
) {
  const form = new FormData();
  for (const [name, value] of Object.entries(fields)) form.set(name, value);
  form.set(
    'attachment',
    new Blob([file.bytes as Uint8Array<ArrayBuffer>], { type: file.type }),
    file.name,
  );
  return registry.request('/api/v1/applications', { method: 'POST', headers, body: form });
}

/** Applies for the persona's own child and type; answers the new application's id. */
export async function applyAs(registry: TestRegistry, who: Persona, headers?: Headers) {
  const response = await apply(registry, headers ?? (await citizen(registry, who)), {
    type: who.type,
    childIin: who.childIin,
  });
  expect(response.status).toBe(202);
  return ((await response.json()) as { id: string }).id;
}

/** `GET` with the given headers, answering the status and the JSON body. */
export async function getJson<T = Record<string, unknown>>(
  registry: TestRegistry,
  path: string,
  headers: Headers,
): Promise<{ status: number; body: T }> {
  const response = await registry.request(path, { headers });
  return { status: response.status, body: (await response.json()) as T };
}

/** A processor on the test registry, with its own worker name and optional fault hooks. */
export function processorFor(registry: TestRegistry, extra: Partial<ProcessorDeps> = {}) {
  return new ApplicationProcessor({
    db: registry.database.db,
    store: registry.store,
    applications: new ApplicationStore(registry.database.db),
    gateway: registry.gateway,
    issuance: registry.services.issuance,
    clock: registry.clock,
    random: secureRandom,
    logger: registry.logger,
    ...extra,
  });
}

/** The registry's fixture gateway, to take sources down and bring them back. */
export function fixtureGateway(registry: TestRegistry): FixtureGateway {
  if (!(registry.gateway instanceof FixtureGateway)) throw new Error('not the fixture gateway');
  return registry.gateway;
}

/** Signs `text` with the persona's demo EDS seed through node:crypto (PKCS#8, RFC 8410). */
export function edsSign(who: Persona, text: string): string {
  if (!who.edsSeed) throw new Error(`persona ${who.key} holds no EDS`);
  const seed = Buffer.from(who.edsSeed, 'base64url');
  const der = Buffer.concat([Buffer.from('302e020100300506032b657004220420', 'hex'), seed]);
  const key = createPrivateKey({ key: der, format: 'der', type: 'pkcs8' });
  return sign(null, Buffer.from(text, 'utf8'), key).toString('base64url');
}

/** The body of an error answer, checked for the one error shape. */
export async function errorOf(response: Response) {
  const body = (await response.json()) as {
    error: { code: string; message: string; field?: string };
    requestId: string;
  };
  expect(body.requestId).toMatch(/^req_/);
  return body.error;
}

/** Bytes that open like a PNG, a PDF and a JPEG. */
export const PNG = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]);
export const PDF = new TextEncoder().encode('%PDF-1.7\n1 0 obj << >> endobj\n%%EOF\n');
export const JPEG = new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 0, 16, 0x4a, 0x46, 0x49, 0x46]);
