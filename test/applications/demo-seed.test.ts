import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.js';
import { DEMO_PROVIDERS } from '../../src/demo/demo-data.js';
import { RETURNING_APPLICANT } from '../../src/gateway/fixture-cases.js';
import { FixtureGateway } from '../../src/gateway/fixture-gateway.js';
import { captureLogger } from '../../src/logging/logger.js';
import { bootNode } from '../../src/node/boot.js';
import { fixedClock } from '../../src/runtime/clock.js';
import { generateProviderKey, type ProviderKeyMaterial } from '../../src/signer/key-material.js';
import type { DatabaseHandle } from '../../src/store/database.js';
import { localNoteSigningKey, type NoteSigningKey } from '../../src/translog/note-key.js';
import { challenge, persona, post, sessionCookie, signSignIn } from '../auth/sign-in-client.js';
import { PUBLIC_URL, type TestRegistry } from '../support/app.js';
import { databaseTargets } from '../support/databases.js';
import { citizen, getJson, type Headers } from './support.js';

const returning = persona(RETURNING_APPLICANT);
const other = persona('issued-guardianship-astana');

interface CabinetCertificate {
  id: string;
  status: string;
  verifyUrl: string;
  documents: { pdf: string; png: string };
  application: { id: string };
}

interface CabinetApplication {
  id: string;
  status: string;
  history: { from: string | null; to: string; by: string }[];
}

/**
 * The demo as `npm start` boots it (demo mode, fixture gateway, demo certificates seeded), on a
 * database a test keeps open across starts; the keys stay the same from one start to the next.
 */
async function bootDemo(
  database: DatabaseHandle,
  keys: ProviderKeyMaterial[],
  logKey: NoteSigningKey,
  at: string,
): Promise<TestRegistry> {
  const clock = fixedClock(at);
  const logger = captureLogger();
  const config = loadConfig({ PUBLIC_URL, NODE_ENV: 'test', LOG_LEVEL: 'silent' });
  expect(config.demo).toBe(true);

  const booted = await bootNode({
    config,
    clock,
    logger,
    keys,
    logKey,
    database,
    processing: false,
  });
  const request = (path: string, init?: RequestInit) =>
    booted.app.request(`http://localhost${path}`, init);
  return { ...booted, clock, logger, keys, logKey, request };
}

/** Signs in with the persona's EDS key file, as the cabinet page does. */
async function signInByEds(registry: TestRegistry, who: typeof returning): Promise<Headers> {
  if (!who.edsSeed) throw new Error('this persona holds an EDS');
  const nonce = await challenge(registry);
  const signature = signSignIn(who.edsSeed, nonce, who.iin);
  const response = await post(registry, '/api/v1/auth/eds', { iin: who.iin, nonce, signature });
  expect(response.status).toBe(200);
  return { cookie: sessionCookie(response) };
}

function cabinetCertificates(registry: TestRegistry, headers: Headers) {
  return getJson<{ certificates: CabinetCertificate[] }>(
    registry,
    '/api/v1/cabinet/certificates',
    headers,
  );
}

describe.each(databaseTargets)('the demo’s returning applicant on $name', (target) => {
  let database: DatabaseHandle;
  let keys: ProviderKeyMaterial[];
  let logKey: NoteSigningKey;
  let first: TestRegistry;
  let held: CabinetCertificate;

  beforeAll(async () => {
    database = await target.open();
    keys = await Promise.all(DEMO_PROVIDERS.map((p) => generateProviderKey(p.id)));
    logKey = await localNoteSigningKey(crypto.getRandomValues(new Uint8Array(32)));
    first = await bootDemo(database, keys, logKey, '2026-12-03T07:00:00Z');
  });
  afterAll(async () => {
    await first.close();
  });

  it('finds one certificate in her cabinet after the first start, and it verifies valid', async () => {
    const headers = await signInByEds(first, returning);
    const list = await cabinetCertificates(first, headers);

    expect(list.status).toBe(200);
    expect(list.body.certificates).toHaveLength(1);
    held = list.body.certificates[0] as CabinetCertificate;
    expect(held.status).toBe('active');

    const token = held.verifyUrl.split('/V/')[1] ?? '';
    expect(token).toBe(first.returningApplicantToken);
    const verified = await first.request(`/api/v1/verify/${token}`);
    expect(((await verified.json()) as { verdict: string }).verdict).toBe('valid');

    const pdf = await first.request(held.documents.pdf, { headers });
    expect(pdf.status).toBe(200);
    expect(pdf.headers.get('content-type')).toBe('application/pdf');
  });

  it('got it on her own application, worked by the processor, with its notifications', async () => {
    const headers = await signInByEds(first, returning);
    const { body } = await getJson<{ applications: { id: string }[] }>(
      first,
      '/api/v1/cabinet/applications',
      headers,
    );
    expect(body.applications.map((a) => a.id)).toEqual([held.application.id]);

    const read = await getJson<CabinetApplication>(
      first,
      `/api/v1/applications/${held.application.id}`,
      headers,
    );
    expect(read.body.status).toBe('issued');
    expect(read.body.history.map((t) => [t.from, t.to, t.by])).toEqual([
      [null, 'submitted', 'applicant'],
      ['submitted', 'processing', 'system'],
      ['processing', 'issued', 'system'],
    ]);

    const notes = await getJson<{ notifications: { kind: string }[] }>(
      first,
      '/api/v1/cabinet/notifications',
      headers,
    );
    expect(notes.body.notifications.map((n) => n.kind)).toEqual(['issued', 'submitted']);
    // Issued by the akimat of her guardianship decision, besides the officers' three.
    const row = await first.store.db.query.certificates.findFirst({
      where: (c, { eq }) => eq(c.id, held.id),
    });
    expect(row?.providerId).toBe(returning.providerId);
    expect(await first.store.countCertificates()).toBe(4);
  });

  it('stays out of another persona’s cabinet', async () => {
    const headers = await signInByEds(first, other);

    expect((await cabinetCertificates(first, headers)).body.certificates).toEqual([]);
    for (const path of [held.documents.pdf, held.documents.png]) {
      expect((await first.request(path, { headers })).status).toBe(404);
    }
    const application = await first.request(`/api/v1/applications/${held.application.id}`, {
      headers,
    });
    expect(application.status).toBe(404);
  });

  it('issues nothing at a second start on the same database, the next day', async () => {
    const certificates = await first.store.countCertificates();
    const applications = await first.store.db.query.applications.findMany();
    await first.services.verificationLog.flush();

    // The first start's handle closes the database at the end; this one is only let go.
    const second = await bootDemo(database, keys, logKey, '2026-12-04T07:00:00Z');

    expect(second.demoCertificates).toEqual([]);
    expect(second.returningApplicantToken).toBeUndefined();
    expect(await second.store.countCertificates()).toBe(certificates);
    expect(await second.store.db.query.applications.findMany()).toHaveLength(applications.length);

    const headers = await citizen(second, returning);
    const list = await cabinetCertificates(second, headers);
    expect(list.body.certificates.map((c) => c.id)).toEqual([held.id]);
    await second.services.verificationLog.flush();
  });
});

describe.each(databaseTargets)('outside demo mode on $name', (target) => {
  it('seeds no application, even with a gateway that knows the persona', async () => {
    const config = loadConfig({
      NODE_ENV: 'production',
      PUBLIC_URL,
      GATEWAY_URL: 'https://gateway.example.kz',
      GATEWAY_TOKEN: 'gateway-token',
      SIGNING_KEYS: '[]',
      LOG_SIGNING_KEY: 'AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA',
      SMS_GATEWAY_URL: 'https://sms.example.kz/send',
      SMS_GATEWAY_TOKEN: 'sms-token',
      OTP_SECRET: 'a-production-secret-of-enough-length',
      LOG_LEVEL: 'silent',
    });
    expect(config.demo).toBe(false);

    const booted = await bootNode({
      config,
      clock: fixedClock('2026-12-03T07:00:00Z'),
      logger: captureLogger(),
      keys: [],
      database: await target.open(),
      gateway: await FixtureGateway.demo('2026-12-03'),
      processing: false,
    });
    try {
      expect(booted.returningApplicantToken).toBeUndefined();
      expect(await booted.store.db.query.applications.findMany()).toEqual([]);
      expect(await booted.store.countCertificates()).toBe(0);
    } finally {
      await booted.close();
    }
  });
});
