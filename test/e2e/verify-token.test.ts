import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestRegistry, type TestRegistry } from '../support/app.js';
import { databaseTargets } from '../support/databases.js';
import { issue, tokenOf, verify } from './client.js';

/** The token with the character at `index` replaced by another one. */
function withCharacter(token: string, index: number, replacement?: string): string {
  const current = token[index];
  const next = replacement ?? (current === 'A' ? 'B' : 'A');
  return token.slice(0, index) + next + token.slice(index + 1);
}

// Character i of the base32 text carries bits 5i..5i+4 of the 109-byte token: byte 0 is the
// version, bytes 1-8 the kid hint, 9-24 the certificate id, 29-44 the digest, 45-108 the signature.
const EDITS_KEEPING_BASE32 = [
  { part: 'the certificate id', index: 20, cause: 'signature' },
  { part: 'the validity dates', index: 42, cause: 'signature' },
  { part: 'the record digest', index: 60, cause: 'signature' },
  { part: 'the signature', index: 100, cause: 'signature' },
  { part: 'the kid hint', index: 5, cause: 'unknown_key' },
] as const;

describe.each(databaseTargets)('verifying a scanned token on $name', (target) => {
  let registry: TestRegistry;
  let token: string;

  beforeAll(async () => {
    registry = await startTestRegistry(target);
    token = tokenOf((await issue(registry)).verifyUrl);
  });
  afterAll(async () => {
    await registry?.close();
  });

  it('accepts the token as printed', async () => {
    expect((await verify(registry, token)).verdict).toBe('valid');
  });

  it('accepts the token in lower case, as a camera app may rewrite it', async () => {
    const result = await verify(registry, token.toLowerCase());
    expect(result.verdict).toBe('valid');

    const page = await registry.request(`/v/${token.toLowerCase()}`);
    expect(await page.text()).toContain('verdict-valid');
  });

  it.each([
    { what: 'a trailing newline', wrap: (t: string) => `${t}%0A` },
    { what: 'surrounding spaces', wrap: (t: string) => `%20${t}%20` },
    { what: 'mixed case', wrap: (t: string) => t.slice(0, 80) + t.slice(80).toLowerCase() },
  ])('accepts the token with $what, as scanners add them', async ({ wrap }) => {
    expect((await verify(registry, wrap(token))).verdict).toBe('valid');
  });

  it.each(EDITS_KEEPING_BASE32)(
    'answers invalid ($cause) when one character of $part changes',
    async ({ index, cause }) => {
      const result = await verify(registry, withCharacter(token, index));

      expect(result.verdict).toBe('invalid');
      expect(result.cause).toBe(cause);
      expect(result.certificate).toBeUndefined();
      expect(result.message).toMatch(
        cause === 'signature' ? /signature does not match/ : /signing key we never published/,
      );
    },
  );

  it('answers invalid (format) when the version character changes', async () => {
    const result = await verify(registry, withCharacter(token, 0, 'C'));

    expect(result).toMatchObject({ verdict: 'invalid', cause: 'format' });
    expect(result.message).toMatch(/^Not a certificate of this registry: unknown token version/);
  });

  it.each([
    { what: 'a digit outside base32', replacement: '1' },
    { what: 'a zero', replacement: '0' },
    { what: 'a padding sign', replacement: '=' },
  ])('answers invalid (format) when one character becomes $what', async ({ replacement }) => {
    const result = await verify(
      registry,
      encodeURIComponent(withCharacter(token, 90, replacement)),
    );

    expect(result).toMatchObject({ verdict: 'invalid', cause: 'format' });
    expect(result.message).toBe(
      'Not a certificate of this registry: token must be base32 text (letters A-Z and digits 2-7, no padding)',
    );
  });

  it('answers invalid (format) when the unused last bits are set', async () => {
    // 175 characters hold 875 bits for 872: a last character with its low bits set spells the
    // same bytes a second way, which strict decoding refuses.
    const last = token.at(-1) ?? '';
    const variant = String.fromCharCode(last.charCodeAt(0) + 1);
    const result = await verify(registry, token.slice(0, -1) + variant);

    expect(result).toMatchObject({ verdict: 'invalid', cause: 'format' });
  });

  it.each([174, 170, 160, 100, 1])(
    'answers invalid (format) for a scan cut to %i characters',
    async (length) => {
      const result = await verify(registry, token.slice(0, length));

      expect(result).toMatchObject({ verdict: 'invalid', cause: 'format' });
      expect(result.message).toMatch(/^Not a certificate of this registry: token must be/);
    },
  );

  // Regression: parseToken once decoded base32 before checking the length, so a cut scan heard
  // that it was not base32 text (its unused last bits are not zero) instead of being short.
  it.each([174, 171])(
    'names the expected length for a scan cut to %i characters',
    async (length) => {
      const result = await verify(registry, token.slice(0, length));

      expect(result.message).toBe(
        `Not a certificate of this registry: token must be 175 characters long, got ${length}`,
      );
    },
  );

  it('answers invalid (format) for a token with a character too many', async () => {
    const result = await verify(registry, `${token}A`);

    expect(result).toMatchObject({ verdict: 'invalid', cause: 'format' });
    expect(result.message).toBe(
      'Not a certificate of this registry: token must be 175 characters long, got 176',
    );
  });

  it('shows a changed token as invalid on the page too', async () => {
    const response = await registry.request(`/V/${withCharacter(token, 100)}`);
    const html = await response.text();

    expect(response.status).toBe(200);
    expect(html).toContain('verdict-invalid');
    expect(html).toContain('Подпись не совпадает: код изменён или подделан.');
  });
});
