/**
 * The server-rendered verify page (`/v/<token>`) tells the reader what to do: compare with the
 * paper only when the certificate is valid; otherwise do not accept it, and whom the holder
 * should turn to. Regression: revoked and suspended pages said "compare with the paper" and showed
 * "Valid 03.12.2026 – …" right under "Revoked".
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { kidHint } from '../../src/crypto/jwk.js';
import {
  assembleToken,
  encodeTokenPayload,
  newCertificateId,
  tokenSigningInput,
} from '../../src/crypto/token.js';
import { fixedClock } from '../../src/runtime/clock.js';
import { secureRandom } from '../../src/runtime/random.js';
import { LocalSigner } from '../../src/signer/local-signer.js';
import { LANGUAGES, type Language } from '../../src/web/i18n/languages.js';
import { translator } from '../../src/web/i18n/translator.js';
import { type CertificateJson, issue, postRevoke, tokenOf } from '../e2e/client.js';
import { ASTANA, asOfficer, startTestRegistry, type TestRegistry } from '../support/app.js';
import { databaseTargets } from '../support/databases.js';
import { guardianshipRequest } from '../support/requests.js';

const ISSUER: Record<Language, string> = {
  kk: 'Астана қаласының әкімдігі',
  ru: 'Акимат города Астаны',
  en: 'Akimat of Astana city',
};
/** "Do not accept" in the reader's own words, checked literally, not only through the catalog. */
const DO_NOT_ACCEPT: Record<Language, string> = {
  kk: 'Анықтаманы қабылдамаңыз.',
  ru: 'Не принимайте справку.',
  en: 'Do not accept this certificate.',
};
const NOW = '2026-12-03T07:00:00Z';

const clock = fixedClock(NOW);
let registry: TestRegistry;
const tokens: Record<'valid' | 'revoked' | 'suspended' | 'expired', string> = {
  valid: '',
  revoked: '',
  suspended: '',
  expired: '',
};
let expiring: CertificateJson;

beforeAll(async () => {
  const pglite = databaseTargets.find((target) => target.name === 'pglite');
  if (!pglite) throw new Error('the PGlite target is always present');
  registry = await startTestRegistry(pglite, { clock });

  const request = (number: string) =>
    guardianshipRequest({ decision: { number, date: '2026-11-20' }, validUntil: '2029-12-04' });
  tokens.valid = tokenOf((await issue(registry, request('1-15/1001'))).verifyUrl);

  const revoked = await issue(registry, request('1-15/1002'));
  const revoke = await postRevoke(registry, revoked.id, { reason: 'guardianship_terminated' });
  expect(revoke.status).toBe(200);
  tokens.revoked = tokenOf(revoked.verifyUrl);

  const suspended = await issue(registry, request('1-15/1003'));
  const suspend = await registry.request(`/api/v1/certificates/${suspended.id}/suspend`, {
    method: 'POST',
    headers: asOfficer(ASTANA),
    body: JSON.stringify({ reason: 'court_proceedings' }),
  });
  expect(suspend.status).toBe(200);
  tokens.suspended = tokenOf(suspended.verifyUrl);

  expiring = await issue(
    registry,
    guardianshipRequest({
      decision: { number: '1-15/1004', date: '2026-11-20' },
      validUntil: '2027-03-01',
    }),
  );
  tokens.expired = tokenOf(expiring.verifyUrl);
});
beforeEach(() => {
  clock.set(NOW);
});
afterAll(async () => {
  await registry?.close();
});

async function page(token: string, lang: Language): Promise<string> {
  const response = await registry.request(`/v/${token}?lang=${lang}`);
  expect(response.headers.get('content-type')).toContain('text/html');
  return response.text();
}

/** The text of the first element with this class, as the reader sees it (tags and entities). */
function textOf(html: string, className: string): string | undefined {
  const match = new RegExp(`<(\\w+) class="${className}">([^<]*)</\\1>`).exec(html);
  return match?.[2]?.replaceAll('&quot;', '"').replaceAll('&#39;', "'").replaceAll('&amp;', '&');
}

/** The label (dt) right before the validity dates. */
function validityLabelOf(html: string): string | undefined {
  return /<dt>([^<]*)<\/dt><dd class="validity">/.exec(html)?.[1];
}

describe.each(LANGUAGES)('the verify page in %s says what to do', (lang) => {
  const t = translator(lang);

  it('valid: compare with the paper, and no "do not accept"', async () => {
    const html = await page(tokens.valid, lang);

    expect(textOf(html, 'verdict-text')).toBe(t('verdict.valid'));
    expect(textOf(html, 'hint')).toBe(t('labels.compare'));
    expect(textOf(html, 'verdict-advice')).toBeUndefined();
    expect(html).not.toContain(DO_NOT_ACCEPT[lang]);
    expect(validityLabelOf(html)).toBe(t('labels.validity'));
  });

  it('revoked: do not accept, the holder turns to the issuer named; the dates labelled as stated', async () => {
    const html = await page(tokens.revoked, lang);

    expect(textOf(html, 'verdict-text')).toBe(t('verdict.revoked'));
    const advice = textOf(html, 'verdict-advice');
    expect(advice).toBe(t('advice.revoked', { issuer: ISSUER[lang] }));
    expect(advice?.startsWith(DO_NOT_ACCEPT[lang])).toBe(true);
    expect(advice).toContain(ISSUER[lang]);
    expect(html).not.toContain(t('labels.compare'));
    expect(validityLabelOf(html)).toBe(t('labels.validityRevoked'));
    expect(html).toContain('03.12.2026 – 04.12.2029');
  });

  it('suspended: not now, the holder turns to the issuer named; the dates labelled as stated', async () => {
    const html = await page(tokens.suspended, lang);

    expect(textOf(html, 'verdict-text')).toBe(t('verdict.suspended'));
    const advice = textOf(html, 'verdict-advice');
    expect(advice).toBe(t('advice.suspended', { issuer: ISSUER[lang] }));
    expect(advice).toContain(ISSUER[lang]);
    expect(html).not.toContain(t('labels.compare'));
    expect(validityLabelOf(html)).toBe(t('labels.validitySuspended'));
  });

  it('expired: do not accept, the holder turns to the issuer named', async () => {
    clock.set('2027-03-02T04:00:00Z');
    const html = await page(tokens.expired, lang);

    expect(textOf(html, 'verdict-text')).toBe(t('verdict.expired'));
    const advice = textOf(html, 'verdict-advice');
    expect(advice).toBe(t('advice.expired', { issuer: ISSUER[lang] }));
    expect(advice?.startsWith(DO_NOT_ACCEPT[lang])).toBe(true);
    expect(html).not.toContain(t('labels.compare'));
  });

  it('invalid (tampered): the cause, then "may be a forgery, do not accept"', async () => {
    const token = tokens.valid;
    const last = token.at(-2) === 'A' ? 'B' : 'A';
    const html = await page(`${token.slice(0, -2)}${last}${token.at(-1)}`, lang);

    expect(textOf(html, 'verdict-text')).toBe(t('verdict.invalid'));
    expect(textOf(html, 'verdict-cause')).toBe(t('cause.signature'));
    const advice = textOf(html, 'verdict-advice');
    expect(advice).toBe(t('advice.invalid'));
    expect(advice).toContain(DO_NOT_ACCEPT[lang].replace(/\.$/, ''));
  });

  it('not found: do not accept, turn to the issuer or 1414', async () => {
    const key = registry.keys.find((k) => k.providerId === 'prv_astana');
    if (!key) throw new Error('no Astana key');
    const signer = await LocalSigner.create([key]);
    const payload = encodeTokenPayload({
      certificateId: newCertificateId(secureRandom),
      validFrom: '2026-12-03',
      validUntil: '2030-01-01',
      digest: new Uint8Array(16),
      kidHint: kidHint(key.kid),
    });
    const token = assembleToken(payload, await signer.sign(key.kid, tokenSigningInput(payload)));
    const html = await page(token, lang);

    expect(textOf(html, 'verdict-text')).toBe(t('verdict.not_found'));
    const advice = textOf(html, 'verdict-advice');
    expect(advice).toBe(t('labels.notFoundAdvice'));
    expect(advice?.startsWith(DO_NOT_ACCEPT[lang])).toBe(true);
    expect(advice).toContain('1414');
  });
});

describe('the advice reads as written', () => {
  it('in Kazakh', async () => {
    expect(textOf(await page(tokens.revoked, 'kk'), 'verdict-advice')).toBe(
      'Анықтаманы қабылдамаңыз. Анықтама иесі оны берген органға хабарласуы керек: ' +
        'Астана қаласының әкімдігі.',
    );
    expect(textOf(await page(tokens.suspended, 'kk'), 'verdict-advice')).toBe(
      'Анықтаманы қазір қабылдамаңыз. Анықтама иесі оны берген органға хабарласуы керек: ' +
        'Астана қаласының әкімдігі.',
    );
  });

  it('in Russian', async () => {
    expect(textOf(await page(tokens.suspended, 'ru'), 'verdict-advice')).toBe(
      'Сейчас справку не принимайте. Её владельцу нужно обратиться в выдавший орган: ' +
        'Акимат города Астаны.',
    );
  });

  it('in English', async () => {
    expect(textOf(await page(tokens.revoked, 'en'), 'verdict-advice')).toBe(
      'Do not accept this certificate. Its holder should contact the body that issued it: ' +
        'Akimat of Astana city.',
    );
  });
});
