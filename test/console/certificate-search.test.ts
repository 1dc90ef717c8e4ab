import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type CertificateJson, expectError, issue } from '../e2e/client.js';
import { ALMATY, ASTANA, startTestRegistry, type TestRegistry } from '../support/app.js';
import { databaseTargets } from '../support/databases.js';
import { guardianshipRequest, trusteeshipRequest } from '../support/requests.js';

const search = (registry: TestRegistry, query: string, officer = ASTANA) =>
  registry.request(`/api/v1/certificates?query=${encodeURIComponent(query)}`, {
    headers: officer,
  });

const serialsOf = async (response: Response) => {
  expect(response.status).toBe(200);
  const body = (await response.json()) as { certificates: CertificateJson[] };
  return body.certificates.map((c) => c.serial);
};

describe.each(databaseTargets)('GET /api/v1/certificates?query= ($name)', (target) => {
  let registry: TestRegistry;
  let astanaKazakh: CertificateJson;
  let astanaRussian: CertificateJson;
  let almatyRussian: CertificateJson;

  beforeAll(async () => {
    registry = await startTestRegistry(target);
    astanaKazakh = await issue(registry, guardianshipRequest());
    astanaRussian = await issue(registry, trusteeshipRequest());
    // The same family in the other provider's registry: same surname, same serial pattern.
    almatyRussian = await issue(registry, trusteeshipRequest(), ALMATY);
  });
  afterAll(async () => {
    await registry?.close();
  });

  it('finds a certificate by its whole serial and by its beginning', async () => {
    await expect(serialsOf(await search(registry, astanaKazakh.serial))).resolves.toEqual([
      astanaKazakh.serial,
    ]);
    const prefix = astanaKazakh.serial.slice(0, 9).toLowerCase();
    await expect(serialsOf(await search(registry, prefix))).resolves.toEqual([
      astanaRussian.serial,
      astanaKazakh.serial,
    ]);
  });

  it("finds by the guardian's or the child's surname, in any letter case, Kazakh letters too", async () => {
    await expect(serialsOf(await search(registry, 'иванов'))).resolves.toEqual([
      astanaRussian.serial,
    ]);
    await expect(serialsOf(await search(registry, 'ИВАНОВА'))).resolves.toEqual([
      astanaRussian.serial,
    ]);
    await expect(serialsOf(await search(registry, 'нұрлан'))).resolves.toEqual([
      astanaKazakh.serial,
    ]);
    await expect(serialsOf(await search(registry, 'Әбілқасымова'))).resolves.toEqual([
      astanaKazakh.serial,
    ]);
  });

  it('finds surnames stored with capitals inside or in lower case, as the officer typed them', async () => {
    const base = guardianshipRequest();
    const latin = await issue(
      registry,
      guardianshipRequest({
        guardian: { ...base.guardian, lastName: "O'Brien-McDonald", firstName: 'Aigerim' },
        child: { ...base.child, lastName: 'éclair', firstName: 'Alikhan' },
      }),
    );
    for (const query of ["O'Brien", "o'brien", "O'BRIEN-MCD", 'ÉCLAIR']) {
      await expect(serialsOf(await search(registry, query))).resolves.toEqual([latin.serial]);
    }
    // Still the issuing provider's only.
    await expect(serialsOf(await search(registry, "o'brien", ALMATY))).resolves.toEqual([]);
  });

  it("never shows another provider's certificates, by surname or by their serial", async () => {
    const astana = await serialsOf(await search(registry, 'Иванов'));
    expect(astana).not.toContain(almatyRussian.serial);
    await expect(serialsOf(await search(registry, almatyRussian.serial))).resolves.toEqual([]);

    // And the other way round: Almaty's officer sees Almaty's only.
    await expect(serialsOf(await search(registry, 'Иванов', ALMATY))).resolves.toEqual([
      almatyRussian.serial,
    ]);
    await expect(serialsOf(await search(registry, astanaKazakh.serial, ALMATY))).resolves.toEqual(
      [],
    );
  });

  it('treats LIKE wildcards in the query as letters, not patterns', async () => {
    // `%` and `_` are refused by the schema; a surname beginning that matches nothing is empty.
    await expect(serialsOf(await search(registry, 'Ив-'))).resolves.toEqual([]);
  });

  it.each([
    ['missing', undefined, 'query: is required'],
    ['one letter', 'И', 'query: at least 2 characters'],
    ['too long', 'А'.repeat(61), 'query: at most 60 characters'],
    ['a wildcard', 'Ив%', 'query: expected a serial or a surname'],
    ['an underscore', 'AST_2026', 'query: expected a serial or a surname'],
  ])('answers 400 naming the field for a query %s', async (_, query, message) => {
    const path =
      query === undefined
        ? '/api/v1/certificates'
        : `/api/v1/certificates?query=${encodeURIComponent(query)}`;
    await expectError(await registry.request(path, { headers: ASTANA }), {
      status: 400,
      code: 'validation_failed',
      field: 'query',
      message,
    });
  });

  it('answers 401 without an officer token and with a wrong one', async () => {
    await expectError(await registry.request('/api/v1/certificates?query=Иванов'), {
      status: 401,
      code: 'unauthorized',
      message: 'An officer bearer token is required (Authorization: Bearer …)',
    });
    await expectError(
      await search(registry, 'Иванов', { authorization: 'Bearer not-an-officer-token' }),
      { status: 401, code: 'unauthorized', message: 'The bearer token is not valid' },
    );
  });
});
