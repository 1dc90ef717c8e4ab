/**
 * What a bank does with receipts, for the tests: ask for one, and check it with node:crypto and a
 * canonical JSON written here again (sorted members, JSON.stringify escapes), beside our verifier.
 */
import { createPublicKey, verify as verifySignature } from 'node:crypto';
import { expect } from 'vitest';
import type { Receipt } from '../../src/receipts/receipt.js';
import type { TestRegistry } from '../support/app.js';

/** `POST /api/v1/verify/<token>/receipt`, expecting 200 and JSON. */
export async function postReceipt(
  registry: TestRegistry,
  token: string,
  headers: Record<string, string> = {},
): Promise<Receipt> {
  const response = await registry.request(`/api/v1/verify/${token}/receipt`, {
    method: 'POST',
    headers,
  });
  const text = await response.text();
  expect(response.status, text).toBe(200);
  expect(response.headers.get('content-type')).toMatch(/^application\/json/);
  return JSON.parse(text) as Receipt;
}

/**
 * RFC 8785 for the values a receipt holds (strings, safe integers, booleans, arrays, objects):
 * members sorted by UTF-16 code units, JSON.stringify's escaping of strings, no whitespace.
 */
export function sortedJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(sortedJson).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const members = Object.keys(value)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${sortedJson((value as Record<string, unknown>)[k])}`);
    return `{${members.join(',')}}`;
  }
  return JSON.stringify(value);
}

/** Checks the receipt's signature with node:crypto under the published verifier key. */
export function nodeVerifiesReceipt(receipt: Receipt, keyString: string): boolean {
  const typedKey = Buffer.from(keyString.split('+').slice(2).join('+'), 'base64');
  const jwk = { kty: 'OKP', crv: 'Ed25519', x: typedKey.subarray(1).toString('base64url') };
  const key = createPublicKey({ key: jwk, format: 'jwk' });

  const { signature, ...signed } = receipt;
  const message = Buffer.concat([
    Buffer.from('KZ-REGISTRY-RECEIPT\u0000'),
    Buffer.from(sortedJson(signed), 'utf8'),
  ]);
  return verifySignature(null, message, key, Buffer.from(signature.value, 'base64'));
}
