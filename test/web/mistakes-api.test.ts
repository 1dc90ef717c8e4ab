import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  MISTAKE_LIMIT,
  reportedPath,
  reportedText,
} from '../../src/public-pages/mistake-reports.js';
import { expectError } from '../e2e/client.js';
import { ALMATY, ASTANA, startTestRegistry, type TestRegistry } from '../support/app.js';
import { databaseTargets } from '../support/databases.js';

const THANKS = 'Thank you, the error report has been received';
const SORRY = 'Sorry, the error report cannot be processed right now. Please try later.';

const report = (registry: TestRegistry, body: unknown, headers: Record<string, string> = {}) =>
  registry.request('/api/v1/mistakes', {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });

const good = { page: '/service', selected: 'попечителство', comment: 'опечатка', lang: 'ru' };

describe.each(databaseTargets)('mistake reports on $name', (target) => {
  let registry: TestRegistry;

  beforeAll(async () => {
    registry = await startTestRegistry(target);
  });
  afterAll(async () => {
    await registry?.close();
  });

  it('stores a report and answers the thanks in the page language', async () => {
    const response = await report(registry, { ...good, lang: 'en' });
    expect(response.status).toBe(201);
    expect(await response.json()).toEqual({ received: true, message: THANKS });

    const ru = await report(registry, good);
    expect(await ru.json()).toEqual({
      received: true,
      message: 'Спасибо, сообщение об ошибке получено',
    });

    const list = await registry.request('/api/v1/mistakes?limit=1', { headers: ASTANA });
    expect(list.status).toBe(200);
    const { reports } = (await list.json()) as { reports: Record<string, unknown>[] };
    expect(reports).toEqual([
      {
        seq: expect.any(Number),
        page: '/service',
        selected: 'попечителство',
        comment: 'опечатка',
        lang: 'ru',
        at: '2026-12-03T07:00:00.000Z',
      },
    ]);
  });

  it('lists for any officer, newest first, page by page; never for the public', async () => {
    const all = (await (
      await registry.request('/api/v1/mistakes', { headers: ALMATY })
    ).json()) as { reports: { seq: number }[] };
    expect(all.reports.length).toBeGreaterThanOrEqual(2);
    const seqs = all.reports.map((r) => r.seq);
    expect(seqs).toEqual([...seqs].sort((a, b) => b - a));

    const before = seqs[0] as number;
    const next = (await (
      await registry.request(`/api/v1/mistakes?before=${before}`, { headers: ASTANA })
    ).json()) as { reports: { seq: number }[] };
    expect(next.reports.every((r) => r.seq < before)).toBe(true);

    await expectError(await registry.request('/api/v1/mistakes'), {
      status: 401,
      code: 'unauthorized',
      message: /bearer token is required/,
    });
    await expectError(
      await registry.request('/api/v1/mistakes', {
        headers: { authorization: 'Bearer not-an-officer-token' },
      }),
      { status: 401, code: 'unauthorized', message: 'The bearer token is not valid' },
    );
  });

  it.each([
    ['limit', '?limit=0', /limit: /],
    ['limit', '?limit=201', /limit: /],
    ['before', '?before=x', /before: /],
    ['order', '?order=asc', /order: /],
  ])('refuses a bad %s in the listing query, naming it', async (field, query, message) => {
    await expectError(await registry.request(`/api/v1/mistakes${query}`, { headers: ASTANA }), {
      status: 400,
      code: 'validation_failed',
      field,
      message,
    });
  });

  it.each([
    ['page', { ...good, page: 'https://elsewhere.example/' }, /^page: expected the page path/],
    ['page', { ...good, page: undefined }, /^page: is required/],
    ['page', { ...good, page: '//elsewhere.example/x' }, /^page: expected the page path/],
    ['selected', { ...good, selected: '   ' }, /^selected: select the text/],
    ['selected', { ...good, selected: 'x'.repeat(1001) }, /^selected: /],
    ['comment', { ...good, comment: 'x'.repeat(1001) }, /^comment: /],
    ['lang', { ...good, lang: 'de' }, /^lang: /],
    ['ip', { ...good, ip: '10.0.0.1' }, /^ip: unknown field/],
  ])('refuses a bad %s with 400 naming it', async (field, body, message) => {
    await expectError(await report(registry, body), {
      status: 400,
      code: 'validation_failed',
      field,
      message,
    });
  });

  it('refuses a body that is not JSON', async () => {
    await expectError(await report(registry, '{"page":'), {
      status: 400,
      code: 'malformed_json',
      message: 'The request body is not valid JSON',
    });
    await expectError(
      await registry.request('/api/v1/mistakes', { method: 'POST', body: 'page=/' }),
      { status: 415, code: 'unsupported_media_type', message: /application\/json/ },
    );
  });

  it('keeps the no-JS form page on this site: another site becomes the front page', async () => {
    const html = await (await registry.request('/report-mistake?page=%2F%2Fevil.example')).text();
    expect(html).toContain('name="page" value="/"');
    expect(html).not.toContain('evil.example');
  });

  it('stores the path only: no query, and never a verify token', () => {
    expect(reportedPath('/service?lang=en#top')).toBe('/service');
    expect(reportedPath('/v/ABCDEF234567?lang=kk')).toBe('/v/*');
    expect(reportedPath('/V/ABCDEF234567')).toBe('/v/*');
  });

  it('blots out IINs and phone numbers in the selection and comment, not serials or dates', () => {
    const dots = (n: number) => '\u2022'.repeat(n);
    expect(reportedText('ЖСН 860517402319 қате')).toBe(`ЖСН ${dots(12)} қате`);
    expect(reportedText('звоните +7 (701) 123-45-67!')).toBe(
      `звоните +${dots(1)} (${dots(3)}) ${dots(3)}-${dots(2)}-${dots(2)}!`,
    );
    expect(reportedText('87011234567')).toBe(dots(11));
    expect(reportedText('AST-2026-000001 от 04.12.2026, № 1-15/1990')).toBe(
      'AST-2026-000001 от 04.12.2026, № 1-15/1990',
    );
    expect(reportedText('до 2034 года, 123 456 789')).toBe('до 2034 года, 123 456 789');
  });

  it('stores a report with its IIN blotted out, as officers then read it', async () => {
    const sent = await registry.request('/api/v1/mistakes', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({
        page: '/cabinet',
        selected: 'ИИН ребёнка 181024511473',
        comment: 'мой телефон 8 701 123 45 67',
        lang: 'ru',
      }),
    });
    expect(sent.status).toBe(201);
    const listed = await registry.request('/api/v1/mistakes', { headers: ASTANA });
    const text = await listed.text();
    expect(text).toContain('ИИН ребёнка \u2022\u2022\u2022');
    expect(text).not.toContain('181024511473');
    expect(text).not.toContain('123 45 67');
  });
});

describe('the apology', () => {
  // A registry of its own: its limit is used up.
  let registry: TestRegistry;
  beforeAll(async () => {
    registry = await startTestRegistry(databaseTargets[0] as (typeof databaseTargets)[number]);
  });
  afterAll(async () => {
    await registry?.close().catch(() => {});
  });

  it('answers it once a visitor is over the limit, with Retry-After', async () => {
    for (let i = 0; i < MISTAKE_LIMIT.points; i++) {
      expect((await report(registry, good)).status).toBe(201);
    }
    const over = await report(registry, { ...good, lang: 'en' });
    await expectError(over, { status: 429, code: 'rate_limited', message: SORRY });
    expect(Number(over.headers.get('retry-after'))).toBeGreaterThan(0);
  });
});

describe('the apology when storing fails', () => {
  let registry: TestRegistry;
  beforeAll(async () => {
    registry = await startTestRegistry(databaseTargets[0] as (typeof databaseTargets)[number]);
  });
  afterAll(async () => {
    await registry?.close().catch(() => {});
  });

  it('answers it when the report cannot be stored, in the page language', async () => {
    await registry.database.close();

    await expectError(await report(registry, { ...good, lang: 'kk' }), {
      status: 503,
      code: 'service_unavailable',
      message:
        'Кешіріңіз, қазір қате туралы хабарламаны өңдеу мүмкін емес. Кейінірек қайталап көріңіз.',
    });
    expect(registry.logger.lines.some((l) => l.includes('"mistake.not_stored"'))).toBe(true);
  });
});
