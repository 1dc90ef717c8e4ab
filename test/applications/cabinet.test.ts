import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ASTANA, asOfficer, startTestRegistry, type TestRegistry } from '../support/app.js';
import { databaseTargets } from '../support/databases.js';
import { applyAs, citizen, errorOf, getJson, type Headers, persona } from './support.js';

const first = persona('issued-guardianship-astana');
const second = persona('issued-trusteeship-almaty');

interface CabinetCertificate {
  id: string;
  serial: string;
  status: string;
  verifyUrl: string;
  documents: { pdf: string; png: string };
  application: { id: string };
  verifications: { at: string; verdict: string; organization: string | null }[];
  revocation?: { at: string; reason: string; comment?: string | null };
}

describe.each(databaseTargets)('the personal cabinet on $name', (target) => {
  let registry: TestRegistry;
  let alice: Headers;
  let bob: Headers;
  let aliceApplication: string;
  let aliceCertificate: CabinetCertificate;

  beforeAll(async () => {
    registry = await startTestRegistry(target);
    alice = await citizen(registry, first);
    bob = await citizen(registry, second);
    aliceApplication = await applyAs(registry, first, alice);
    await registry.processor.drain();

    const held = await getJson<{ certificates: CabinetCertificate[] }>(
      registry,
      '/api/v1/cabinet/certificates',
      alice,
    );
    aliceCertificate = held.body.certificates[0] as CabinetCertificate;
  });
  afterAll(async () => {
    await registry.close();
  });

  it('lists the applicant’s applications with status and deadline', async () => {
    const list = await getJson<{ applications: Record<string, unknown>[] }>(
      registry,
      '/api/v1/cabinet/applications',
      alice,
    );
    expect(list.status).toBe(200);
    expect(list.body.applications).toEqual([
      expect.objectContaining({
        id: aliceApplication,
        status: 'issued',
        deadline: '2026-12-03T07:30:00.000Z',
        overdue: false,
      }),
    ]);
  });

  it('lists the certificates issued to the applicant, with downloads that work', async () => {
    expect(aliceCertificate).toMatchObject({
      status: 'active',
      application: { id: aliceApplication },
      documents: {
        pdf: `/api/v1/cabinet/certificates/${aliceCertificate.id}/document.pdf`,
        png: `/api/v1/cabinet/certificates/${aliceCertificate.id}/document.png`,
      },
    });

    const pdf = await registry.request(aliceCertificate.documents.pdf, { headers: alice });
    expect(pdf.status).toBe(200);
    expect(pdf.headers.get('content-type')).toBe('application/pdf');
    expect(new TextDecoder().decode((await pdf.arrayBuffer()).slice(0, 5))).toBe('%PDF-');

    const png = await registry.request(aliceCertificate.documents.png, { headers: alice });
    expect(png.status).toBe(200);
    expect(png.headers.get('content-type')).toBe('image/png');
  });

  it('shows who checked the certificate and when, never where from', async () => {
    const token = aliceCertificate.verifyUrl.split('/V/')[1] ?? '';
    // The same school scanning twice in the same second is one entry.
    for (let i = 0; i < 2; i++) {
      await registry.request(`/api/v1/verify/${token}`, {
        headers: { 'x-verifier-organization': encodeURIComponent('№ 12 мектеп-гимназиясы') },
      });
    }
    registry.clock.advance?.(1_000);
    await registry.request(`/api/v1/verify/${token}`, {
      headers: { 'x-verifier-organization': `  "Halyk" Bank\\ ${'x'.repeat(86)}  ` },
    });
    registry.clock.advance?.(1_000);
    await registry.request(`/v/${token}`);
    registry.clock.advance?.(-2_000);

    const held = await getJson<{ certificates: CabinetCertificate[] }>(
      registry,
      '/api/v1/cabinet/certificates',
      alice,
    );
    const verifications = held.body.certificates[0]?.verifications ?? [];
    expect(verifications.map((v) => v.organization)).toEqual([
      null,
      `"Halyk" Bank\\ ${'x'.repeat(86)}`,
      '№ 12 мектеп-гимназиясы',
    ]);
    expect(verifications.map((v) => v.verdict)).toEqual(['valid', 'valid', 'valid']);
    expect(verifications[2]?.at).toBe('2026-12-03T07:00:00.000Z');
  });

  it('takes at most 10 checks of a certificate an hour, so no one can fill the history', async () => {
    const token = aliceCertificate.verifyUrl.split('/V/')[1] ?? '';
    const history = async () => {
      const held = await getJson<{ certificates: CabinetCertificate[] }>(
        registry,
        '/api/v1/cabinet/certificates',
        alice,
      );
      return held.body.certificates[0]?.verifications ?? [];
    };
    const before = (await history()).length; // the checks of the test above, this same hour
    for (let i = 0; i < 15; i++) {
      const response = await registry.request(`/api/v1/verify/${token}`, {
        headers: { 'x-verifier-organization': `Call +7 700 000 00 ${String(i).padStart(2, '0')}` },
      });
      expect(response.status).toBe(200); // the check itself is answered as always
    }
    expect((await history()).length).toBe(10);
    expect(before).toBeLessThan(10);

    // The next hour takes checks again (read back within the session's life).
    registry.clock.advance?.(3_600_000);
    try {
      await registry.request(`/api/v1/verify/${token}`, {
        headers: { 'x-verifier-organization': encodeURIComponent('№ 12 мектеп-гимназиясы') },
      });
    } finally {
      registry.clock.advance?.(-3_600_000);
    }
    const after = await history();
    expect(after.length).toBe(11);
    expect(after[0]?.organization).toBe('№ 12 мектеп-гимназиясы');
  });

  it('keeps one citizen out of another’s application, certificates and downloads', async () => {
    // Another's application answers exactly like one that does not exist.
    const other = await registry.request(`/api/v1/applications/${aliceApplication}`, {
      headers: bob,
    });
    const missing = await registry.request('/api/v1/applications/app_aaaaaaaaaaaaaaaaaaaaaaaaaa', {
      headers: bob,
    });
    expect([other.status, missing.status]).toEqual([404, 404]);
    const [otherError, missingError] = [await errorOf(other), await errorOf(missing)];
    expect(otherError.code).toBe('not_found');
    expect(otherError.message).toBe(missingError.message);

    for (const path of [aliceCertificate.documents.pdf, aliceCertificate.documents.png]) {
      expect((await registry.request(path, { headers: bob })).status).toBe(404);
    }
    for (const path of ['applications', 'certificates', 'notifications']) {
      const list = await getJson<Record<string, unknown[]>>(
        registry,
        `/api/v1/cabinet/${path}`,
        bob,
      );
      expect(list.body[path]).toEqual([]);
    }
  });

  it('requires a session for every cabinet call', async () => {
    for (const path of [
      '/api/v1/cabinet/applications',
      '/api/v1/cabinet/certificates',
      '/api/v1/cabinet/notifications',
      `/api/v1/applications/${aliceApplication}`,
      aliceCertificate.documents.pdf,
    ]) {
      expect((await registry.request(path)).status).toBe(401);
    }
  });

  it('notifies the holder when the provider revokes the certificate, once', async () => {
    const revoke = () =>
      registry.request(`/api/v1/certificates/${aliceCertificate.id}/revoke`, {
        method: 'POST',
        headers: asOfficer(ASTANA),
        body: JSON.stringify({ reason: 'guardianship_terminated', comment: 'Дело № 7, внутр.' }),
      });
    expect((await revoke()).status).toBe(200);
    expect((await revoke()).status).toBe(200);

    const notes = await getJson<{
      notifications: {
        kind: string;
        certificateId: string;
        reason: { code: string; text: { ru: string } };
      }[];
    }>(registry, '/api/v1/cabinet/notifications', alice);
    expect(notes.body.notifications.map((n) => n.kind)).toEqual(['revoked', 'issued', 'submitted']);
    expect(notes.body.notifications[0]).toMatchObject({
      certificateId: aliceCertificate.id,
      reason: {
        code: 'guardianship_terminated',
        text: { ru: 'Опека (попечительство) прекращена.' },
      },
    });

    const held = await getJson<{ certificates: CabinetCertificate[] }>(
      registry,
      '/api/v1/cabinet/certificates',
      alice,
    );
    expect(held.body.certificates[0]?.status).toBe('revoked');
    // The reason is the holder's; the officer's comment stays in the provider's file.
    expect(held.body.certificates[0]?.revocation).toEqual({
      at: expect.any(String),
      reason: 'guardianship_terminated',
    });
    expect(JSON.stringify(notes.body)).not.toContain('Дело № 7');
    const officer = await registry.request(`/api/v1/certificates/${aliceCertificate.id}`, {
      headers: asOfficer(ASTANA),
    });
    expect(((await officer.json()) as CabinetCertificate).revocation?.comment).toBe(
      'Дело № 7, внутр.',
    );
  });

  it('no longer hands the holder the documents of a revoked certificate', async () => {
    // Runs after the revocation above.
    for (const path of [aliceCertificate.documents.pdf, aliceCertificate.documents.png]) {
      const held = await registry.request(path, { headers: alice });
      expect(held.status).toBe(409);
      expect(held.headers.get('content-type')).toMatch(/^application\/json/);
      expect(await errorOf(held)).toEqual({
        code: 'certificate_revoked',
        message:
          'The certificate is revoked and no longer valid; its documents are not issued any more',
      });

      // Another citizen still learns nothing, not even that it was revoked.
      const other = await registry.request(path, { headers: bob });
      expect(other.status).toBe(404);
      expect((await errorOf(other)).code).toBe('not_found');
    }

    // The provider keeps its file: the officer's download is unchanged.
    const officer = await registry.request(
      `/api/v1/certificates/${aliceCertificate.id}/document.pdf`,
      { headers: asOfficer(ASTANA) },
    );
    expect(officer.status).toBe(200);
    expect(officer.headers.get('content-type')).toBe('application/pdf');
  });

  it('applying again gives a new certificate beside the first', async () => {
    registry.clock.advance?.(60_000);
    await applyAs(registry, first, alice);
    await registry.processor.drain();
    const held = await getJson<{ certificates: CabinetCertificate[] }>(
      registry,
      '/api/v1/cabinet/certificates',
      alice,
    );
    expect(held.body.certificates.map((c) => c.status)).toEqual(['active', 'revoked']);
  });

  it('tells the holder of a suspension with its reason, and of its end', async () => {
    const held = await getJson<{ certificates: CabinetCertificate[] }>(
      registry,
      '/api/v1/cabinet/certificates',
      alice,
    );
    const id = held.body.certificates[0]?.id;
    const act = (action: string, body: unknown) =>
      registry.request(`/api/v1/certificates/${id}/${action}`, {
        method: 'POST',
        headers: asOfficer(ASTANA),
        body: JSON.stringify(body),
      });
    expect((await act('suspend', { reason: 'under_review', comment: 'Проверка' })).status).toBe(
      200,
    );
    expect((await act('suspend', { reason: 'under_review' })).status).toBe(200);
    // A suspension may end: the holder keeps the documents meanwhile.
    const pdf = await registry.request(`/api/v1/cabinet/certificates/${id}/document.pdf`, {
      headers: alice,
    });
    expect(pdf.status).toBe(200);
    expect(
      (
        await getJson<{ certificates: CabinetCertificate[] }>(
          registry,
          '/api/v1/cabinet/certificates',
          alice,
        )
      ).body.certificates[0],
    ).toMatchObject({
      status: 'suspended',
      suspension: { at: expect.any(String), reason: 'under_review' },
    });
    expect((await act('reinstate', {})).status).toBe(200);

    const notes = await getJson<{
      notifications: { kind: string; certificateId: string; reason: unknown }[];
    }>(registry, '/api/v1/cabinet/notifications', alice);
    const about = notes.body.notifications.filter((n) => n.certificateId === id);
    expect(about.map((n) => n.kind)).toEqual(['reinstated', 'suspended', 'issued']);
    expect(about[1]?.reason).toEqual({
      code: 'under_review',
      text: {
        kk: 'Қорғаншылық және қамқоршылық органы тексеру жүргізуде.',
        ru: 'Орган опеки и попечительства проводит проверку.',
        en: 'The guardianship authority is reviewing the case.',
      },
    });
    expect(about[0]?.reason).toBeNull();
    expect(JSON.stringify(notes.body)).not.toContain('Проверка');
  });
});
