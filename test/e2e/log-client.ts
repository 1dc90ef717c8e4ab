/**
 * What an outside auditor does with the log endpoints, for the end-to-end tests. The checks here
 * use node:crypto and the reference tree of test/translog, never src/translog, so that the
 * registry's log is judged by a second implementation.
 */
import { createHash, createPublicKey, verify as verifySignature } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { expect } from 'vitest';
import type { MonitorState } from '../../src/monitor/monitor-state.js';
import { runMonitor } from '../../src/monitor/run-monitor.js';
import type { TestRegistry } from '../support/app.js';
import { ReferenceTree } from '../translog/reference-merkle.js';

export const REGISTRY_URL = 'http://localhost';

/** A checkpoint read by hand: the body lines, and the key name and blob of its signature. */
export interface ReadCheckpoint {
  origin: string;
  size: number;
  root: Buffer;
  signedText: string;
}

/** GET a log endpoint and expect 200; answers the text. */
export async function getText(registry: TestRegistry, path: string): Promise<string> {
  const response = await registry.request(path);
  const text = await response.text();
  expect(response.status, text).toBe(200);
  return text;
}

export async function getJson<T>(registry: TestRegistry, path: string): Promise<T> {
  return JSON.parse(await getText(registry, path)) as T;
}

/**
 * The published checkpoint after the clock moved past the one-second policy, so that it covers
 * everything appended so far. Its signature is checked with node:crypto against the key the
 * registry publishes, the key id recomputed by hand.
 */
export async function freshCheckpoint(registry: TestRegistry): Promise<ReadCheckpoint> {
  registry.clock.advance?.(1_000);
  const note = await getText(registry, '/api/v1/log/checkpoint');
  const key = await getText(registry, '/api/v1/log/key');
  return readSignedCheckpoint(note, key);
}

/** Parses and verifies a signed checkpoint with node:crypto, independently of src/translog. */
export function readSignedCheckpoint(note: string, keyString: string): ReadCheckpoint {
  // The name has no `+` and the key id is hex; only the base64 key may hold more of them.
  const [, name, keyIdHex, typedKeyText] = /^([^+]+)\+([0-9a-f]{8})\+(.+)$/.exec(keyString) ?? [];
  if (!name || !keyIdHex || !typedKeyText) throw new Error(`not a verifier key: ${keyString}`);
  const typedKey = Buffer.from(typedKeyText, 'base64');
  expect(typedKey[0]).toBe(0x01);
  const publicKey = typedKey.subarray(1);
  const keyId = createHash('sha256')
    .update(Buffer.concat([Buffer.from(`${name}\n`), typedKey]))
    .digest()
    .subarray(0, 4);
  expect(keyId.toString('hex')).toBe(keyIdHex);

  const split = note.lastIndexOf('\n\n');
  const body = note.slice(0, split + 1);
  const [signatureLine] = note.slice(split + 2).split('\n');
  const [dash, signer, blobText] = (signatureLine ?? '').split(' ');
  expect(dash).toBe('—');
  expect(signer).toBe(name);
  const blob = Buffer.from(blobText ?? '', 'base64');
  expect(blob.subarray(0, 4).equals(keyId)).toBe(true);

  const jwk = { kty: 'OKP', crv: 'Ed25519', x: publicKey.toString('base64url') };
  const keyObject = createPublicKey({ key: jwk, format: 'jwk' });
  expect(verifySignature(null, Buffer.from(body), keyObject, blob.subarray(4))).toBe(true);

  const [origin, sizeText, rootText] = body.split('\n') as [string, string, string];
  expect(origin).toBe(name);
  return {
    origin,
    size: Number(sizeText),
    root: Buffer.from(rootText, 'base64'),
    signedText: note,
  };
}

/** Every entry up to `size`, through `GET /api/v1/log/entries/<i>`, into a reference tree. */
export async function referenceTree(registry: TestRegistry, size: number) {
  const tree = new ReferenceTree();
  const leaves: Buffer[] = [];
  for (let index = 0; index < size; index++) {
    const entry = await getJson<{ index: number; leaf: string }>(
      registry,
      `/api/v1/log/entries/${index}`,
    );
    expect(entry.index).toBe(index);
    const leaf = Buffer.from(entry.leaf, 'base64');
    leaves.push(leaf);
    tree.push(leaf);
  }
  return { tree, leaves, events: leaves.map((leaf) => JSON.parse(leaf.toString('utf8'))) };
}

/** RFC 9162 §2.1.3.2, written again with node:crypto: does the path lead to the root? */
export function inclusionHolds(
  leaf: Buffer,
  index: number,
  size: number,
  proof: Buffer[],
  root: Buffer,
): boolean {
  const hash = (...parts: Buffer[]) => createHash('sha256').update(Buffer.concat(parts)).digest();
  let fn = index;
  let sn = size - 1;
  let r = hash(Buffer.of(0), leaf);

  for (const p of proof) {
    if (sn === 0) return false;
    if (fn % 2 === 1 || fn === sn) {
      r = hash(Buffer.of(1), p, r);
      while (fn % 2 === 0 && fn !== 0) {
        fn = Math.floor(fn / 2);
        sn = Math.floor(sn / 2);
      }
    } else {
      r = hash(Buffer.of(1), r, p);
    }
    fn = Math.floor(fn / 2);
    sn = Math.floor(sn / 2);
  }
  return sn === 0 && r.equals(root);
}

/** One monitor run against the app in-process: fetch is `app.request`. */
export function monitor(registry: TestRegistry, state?: MonitorState, provider?: string) {
  return runMonitor({
    registryUrl: REGISTRY_URL,
    fetch: (url, init) => Promise.resolve(registry.app.request(url, init)),
    state,
    provider,
    now: () => registry.clock.now(),
  });
}

/**
 * Runs SQL as the database owner (a superuser, as an attacker with database access would be),
 * one statement at a time: PGlite prepares each, and a prepared statement holds one command.
 */
export async function asSuperuser(registry: TestRegistry, ...statements: string[]): Promise<void> {
  for (const statement of statements) await registry.database.db.execute(sql.raw(statement));
}
