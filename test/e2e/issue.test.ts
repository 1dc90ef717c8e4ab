import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ASTANA, PUBLIC_URL, startTestRegistry, type TestRegistry } from '../support/app.js';
import { databaseTargets } from '../support/databases.js';
import { guardianshipRequest, trusteeshipRequest } from '../support/requests.js';
import {
  type CertificateJson,
  download,
  issue,
  readQr,
  TWELVE_DIGITS,
  tokenOf,
  verify,
} from './client.js';

describe.each(databaseTargets)('issue, scan the QR, open it: on $name', (target) => {
  let registry: TestRegistry;
  let issued: CertificateJson;
  let scanned: { text: string; version: number };

  beforeAll(async () => {
    registry = await startTestRegistry(target);
    issued = await issue(registry);

    const qr = readQr(await download(registry, issued.id, 'png'));
    if (!qr) throw new Error('jsQR found no QR code in document.png');
    scanned = qr;
  });
  afterAll(async () => {
    await registry?.close();
  });

  it('answers 201 with the id, the serial, the verify URL and a Location', async () => {
    expect(issued).toMatchObject({
      serial: 'AST-2026-000001',
      type: 'guardianship',
      status: 'active',
      validFrom: '2026-12-03',
      validUntil: '2032-03-08',
      provider: { id: 'prv_astana' },
      documents: {
        pdf: `/api/v1/certificates/${issued.id}/document.pdf`,
        png: `/api/v1/certificates/${issued.id}/document.png`,
      },
    });
    expect(issued.id).toMatch(/^crt_[a-z2-7]{26}$/);
    expect(issued.verifyUrl).toMatch(/^HTTPS:\/\/VERIFY\.EXAMPLE\.KZ\/V\/[A-Z2-7]{175}$/);
  });

  it('reads back the same certificate for its issuing officer', async () => {
    const response = await registry.request(`/api/v1/certificates/${issued.id}`, {
      headers: ASTANA,
    });

    expect(response.status).toBe(200);
    expect(await response.json()).toEqual(issued);
  });

  it('prints a QR that an independent decoder reads as the upper-case verify URL', () => {
    expect(scanned.text).toBe(issued.verifyUrl);
    expect(scanned.text).toBe(`${PUBLIC_URL.toUpperCase()}/V/${tokenOf(issued.verifyUrl)}`);
  });

  it('fits the QR in version 10 or less, so it stays scannable at 30 mm', () => {
    expect(scanned.version).toBeLessThanOrEqual(10);
  });

  it('opens the scanned URL (upper-case /V/) as a page that says valid', async () => {
    const path = new URL(scanned.text).pathname;
    expect(path.startsWith('/V/')).toBe(true);

    const response = await registry.request(path);
    const html = await response.text();

    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^text\/html/);
    expect(html).toContain('verdict-valid');
    expect(html).toContain('Справка подлинная и действительна');
    expect(html).toContain('AST-2026-000001');
    expect(html).toContain('Әбілқасымова Г. С.');
    expect(html).not.toMatch(TWELVE_DIGITS);
  });

  it('shows the page in Kazakh when asked', async () => {
    const path = new URL(scanned.text).pathname;
    const html = await (await registry.request(`${path}?lang=kk`)).text();

    expect(html).toContain('Анықтама түпнұсқа және жарамды');
  });

  it('verifies the scanned token through the API as valid, with what a clerk compares', async () => {
    const token = tokenOf(scanned.text);
    const response = await registry.request(`/api/v1/verify/${token}`);
    const text = await response.text();

    expect(response.status).toBe(200);
    expect(response.headers.get('cache-control')).toBe('no-store');
    expect(JSON.parse(text)).toEqual({
      verdict: 'valid',
      message: 'The certificate is authentic and valid',
      checkedAt: '2026-12-03T07:00:00.000Z',
      certificate: {
        id: issued.id,
        serial: 'AST-2026-000001',
        type: 'guardianship',
        issuer: {
          id: 'prv_astana',
          nameKk: 'Астана қаласының әкімдігі',
          nameRu: 'Акимат города Астаны',
          nameEn: 'Akimat of Astana city',
        },
        guardian: 'Әбілқасымова Г. С.',
        child: 'Нұрланұлы Ә.',
        validFrom: '2026-12-03',
        validUntil: '2032-03-08',
        issuedAt: '2026-12-03T07:00:00.000Z',
        kid: issued.kid,
      },
      // Where an offline verifier looks the status up: a random index in the provider's list.
      statusList: {
        url: 'https://verify.example.kz/api/v1/status-lists/prv_astana',
        index: expect.any(Number),
      },
      // After the two provider keys, the issuance is the log's third entry.
      log: {
        index: 2,
        checkpointSize: 3,
        signedAt: '2026-12-03T07:00:00.000Z',
        proofVerified: true,
      },
    });
  });

  it('never puts a full IIN in the verification answer', async () => {
    const text = await (
      await registry.request(`/api/v1/verify/${tokenOf(issued.verifyUrl)}`)
    ).text();
    const request = guardianshipRequest();

    expect(text).not.toContain(request.guardian.iin);
    expect(text).not.toContain(request.child.iin);
    expect(text).not.toMatch(TWELVE_DIGITS);
  });

  it('issues a trusteeship with the next serial and Russian initials', async () => {
    const second = await issue(registry, trusteeshipRequest());
    const result = await verify(registry, tokenOf(second.verifyUrl));

    expect(second.serial).toBe('AST-2026-000002');
    expect(result).toMatchObject({
      verdict: 'valid',
      certificate: {
        type: 'trusteeship',
        guardian: 'Иванов С. П.',
        child: 'Иванова Д. А.',
        validUntil: '2029-06-29',
      },
    });
  });

  it('drops a blank patronymic, as many Kazakh names have none', async () => {
    const request = guardianshipRequest();
    const body = { ...request, guardian: { ...request.guardian, middleName: '  ' } };
    const certificate = await issue(registry, body);

    expect(certificate.guardian).not.toHaveProperty('middleName');
    const result = await verify(registry, tokenOf(certificate.verifyUrl));
    expect(result.certificate?.guardian).toBe('Әбілқасымова Г.');
  });
});
