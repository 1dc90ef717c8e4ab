import { readdirSync, readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { VECTORS } from '../crypto/vectors.js';
import { startTestRegistry, type TestRegistry } from '../support/app.js';
import { databaseTargets } from '../support/databases.js';
import { issue, readQr, tokenOf } from './client.js';

/** EU Digital COVID Certificate test QR codes (../shared/vectors/SOURCES.md): another system's QRs. */
const FOREIGN = new URL('qr-foreign/', VECTORS);

const foreignQrs = readdirSync(FOREIGN)
  .filter((file) => file.endsWith('.png'))
  .map((png) => {
    const name = png.slice(0, -'.png'.length);
    return {
      name,
      png: new Uint8Array(readFileSync(new URL(png, FOREIGN))),
      text: readFileSync(new URL(`${name}.txt`, FOREIGN), 'utf8'),
    };
  });

/** Texts a camera or a curious visitor may bring that are no token of ours. */
const GARBAGE = [
  { what: 'a link to another site', text: 'https://evil.example/v/ABCDEF' },
  { what: 'a plain word', text: 'hello' },
  { what: 'SQL', text: "' OR 1=1; DROP TABLE certificates; --" },
  { what: 'markup', text: '"><script>alert(1)</script>' },
  { what: 'Kazakh letters', text: 'Әбілқасымова' },
  { what: 'an emoji', text: '🙂' },
  { what: 'a path climbing up', text: '../../etc/passwd' },
  { what: 'a lone percent sign', text: '%' },
  { what: 'ten thousand letters', text: 'A'.repeat(10_000) },
  { what: 'a NUL byte', text: 'AB\u0000CD' },
];

describe('the foreign QR vectors', () => {
  it('holds some codes to test with', () => {
    expect(foreignQrs.length).toBeGreaterThanOrEqual(5);
  });

  it.each(foreignQrs)('the PNG of $name decodes with jsQR to its text', ({ png, text }) => {
    expect(readQr(png)?.text).toBe(text);
  });
});

describe.each(databaseTargets)('foreign and garbage QR texts on $name', (target) => {
  let registry: TestRegistry;

  beforeAll(async () => {
    registry = await startTestRegistry(target);
  });
  afterAll(async () => {
    await registry?.close();
  });

  const cases = [
    ...foreignQrs.map(({ name, text }) => ({ what: `the EU test QR ${name}`, text })),
    ...GARBAGE,
  ];

  it.each(cases)('answers $what through the API with invalid (format)', async ({ text }) => {
    const response = await registry.request(`/api/v1/verify/${encodeURIComponent(text)}`);

    expect(response.status).toBe(200);
    const result = (await response.json()) as Record<string, unknown>;
    expect(result).toMatchObject({ verdict: 'invalid', cause: 'format' });
    expect(result.message).toMatch(/^Not a certificate of this registry: \S/);
    expect(result).not.toHaveProperty('certificate');
  });

  it.each(foreignQrs)('tells $name that it is not a token of ours', async ({ text }) => {
    const response = await registry.request(`/api/v1/verify/${encodeURIComponent(text)}`);
    const { message } = (await response.json()) as { message: string };

    // `HC1:` is no base32; the longest codes are refused on length before any decoding.
    expect(message).toBe(
      text.length > 512
        ? `Not a certificate of this registry: token must be 175 characters long, got ${text.length}`
        : 'Not a certificate of this registry: token must be base32 text (letters A-Z and digits 2-7, no padding)',
    );
  });

  it.each(cases)('answers $what on the page with the invalid verdict', async ({ text }) => {
    const response = await registry.request(`/v/${encodeURIComponent(text)}`);
    const html = await response.text();

    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^text\/html/);
    expect(html).toContain('verdict-invalid');
    expect(html).toContain('Этот код не является справкой этого реестра.');
    expect(html).not.toContain('<script>alert');
  });

  it.each(cases)(
    'answers $what pasted on the front page: not a link, or an invalid code',
    async ({ text }) => {
      const response = await registry.request(`/verify?code=${encodeURIComponent(text)}`);

      // Text too short to be a token stays on the front page with a hint; a token-length text
      // goes to its verify page, which judges it.
      if (response.status === 422) {
        expect(await response.text()).toMatch(/Это не ссылка из QR-кода\.|ведёт на другой сайт/);
      } else {
        expect(response.status).toBe(303);
        expect(response.headers.get('location')).toMatch(/^\/v\/[A-Z2-7]+$/);
      }
    },
  );

  it.each([
    ['another host', 'https://evil.example/V/'],
    ['a lookalike host', 'https://verify.example.kz.evil.example/V/'],
    ['another port', 'https://verify.example.kz:8443/V/'],
  ])('names a pasted link to %s and does not follow it', async (_, prefix) => {
    const { verifyUrl } = await issue(registry);
    const text = `${prefix}${tokenOf(verifyUrl)}`;
    const response = await registry.request(`/verify?code=${encodeURIComponent(text)}&lang=kk`);

    expect(response.status).toBe(422);
    expect(response.headers.get('location')).toBeNull();
    const html = await response.text();
    const host = new URL(text).host;
    expect(html).toContain(`Бұл QR-код басқа сайтқа апарады: ${host}.`);
    expect(html).toContain('Анықтамаларды тек verify.example.kz тексереді.');
  });

  it('follows the same link on this registry, in either case of the host', async () => {
    const { verifyUrl } = await issue(registry);
    const text = verifyUrl.replace('verify.example.kz', 'VERIFY.example.kz');
    const response = await registry.request(`/verify?code=${encodeURIComponent(text)}`);

    expect(response.status).toBe(303);
    expect(response.headers.get('location')).toBe(`/v/${tokenOf(verifyUrl)}`);
  });

  it('tells someone who typed the serial from the paper that it is not a link', async () => {
    const response = await registry.request('/verify?code=AST-2026-000003&lang=en');

    expect(response.status).toBe(422);
    const html = await response.text();
    expect(html).toContain('This is not the link from a QR code.');
    expect(html).not.toContain('forged');
  });
});
