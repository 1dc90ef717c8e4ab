import { PGlite } from '@electric-sql/pglite';
import { PGLiteSocketServer } from '@electric-sql/pglite-socket';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { VerificationResult } from '../../src/services/verification-result.js';
import { openDatabase } from '../../src/store/open-node.js';
import { ASTANA, asOfficer, startTestRegistry, type TestRegistry } from '../support/app.js';
import { serverDatabase } from '../support/edge-rig.js';
import { guardianshipRequest } from '../support/requests.js';
import { TcpProxy } from '../support/tcp-proxy.js';

// The Node service on PostgreSQL behind a relay this test closes and opens again: the shared
// server is never stopped. Without a server, PGlite on the wire protocol (pglite-socket, whose
// multiplexer can leave a cut connection's transaction holding the queue; see the README).
// Ports 8840-8841.
const DATABASE_PORT = 8840;
const RELAY_PORT = 8841;

let server: Awaited<ReturnType<typeof serverDatabase>>;
let pglite: PGlite | undefined;
let socket: PGLiteSocketServer | undefined;
let relay: TcpProxy;
let registry: TestRegistry;

beforeAll(async () => {
  // A fresh database on the PostgreSQL server when one answers; else PGlite on the wire protocol.
  server = await serverDatabase();
  let target = new URL(
    server?.url ?? `postgres://postgres:unused@127.0.0.1:${DATABASE_PORT}/postgres`,
  );
  if (!server) {
    pglite = await PGlite.create();
    socket = new PGLiteSocketServer({ db: pglite, port: DATABASE_PORT, maxConnections: 16 });
    await socket.start();
  }
  relay = new TcpProxy(RELAY_PORT, { host: target.hostname, port: Number(target.port || 5432) });
  await relay.start();
  target = new URL(target);
  target.hostname = '127.0.0.1';
  target.port = String(RELAY_PORT);
  registry = await startTestRegistry({
    name: 'postgres',
    open: () => openDatabase({ databaseUrl: target.toString(), maxConnections: 4 }),
  });
}, 60_000);

afterAll(async () => {
  await registry?.close();
  await relay?.stop();
  await socket?.stop();
  await pglite?.close();
  await server?.drop();
});

function issue(key: string) {
  return registry.request('/api/v1/certificates', {
    method: 'POST',
    headers: asOfficer(ASTANA, { 'idempotency-key': key }),
    body: JSON.stringify(guardianshipRequest()),
  });
}

async function verdict(token: string): Promise<VerificationResult> {
  const response = await registry.request(`/api/v1/verify/${token}`);
  expect(response.status).toBe(200);
  return (await response.json()) as VerificationResult;
}

describe('the Node service when PostgreSQL is unreachable', () => {
  it('answers 503 with Retry-After, status_unavailable, and recovers by itself', async () => {
    const first = await issue('node-outage-0');
    expect(first.status).toBe(201);
    const { verifyUrl } = (await first.json()) as { verifyUrl: string };
    const token = verifyUrl.split('/V/')[1] ?? '';
    expect((await verdict(token)).verdict).toBe('valid');

    await relay.stop();
    try {
      // Past the 1-second reuse of a registry row read for verification.
      registry.clock.advance?.(1_500);

      const write = await issue('node-outage-1');
      expect(write.status).toBe(503);
      expect(write.headers.get('retry-after')).toBe('5');
      const body = (await write.json()) as { error: { code: string; message: string } };
      expect(body.error).toEqual({
        code: 'service_unavailable',
        message: 'The registry is temporarily unavailable',
      });

      const answer = await registry.request(`/api/v1/verify/${token}`);
      expect(answer.headers.get('retry-after')).toBe('5');
      const unavailable = await verdict(token);
      expect(unavailable.verdict).toBe('status_unavailable');
      expect(unavailable.message).toMatch(/signature is authentic/);
      expect(unavailable.certificate).toBeUndefined();

      const page = await registry.request(`/V/${token}?lang=kk`);
      expect(page.status).toBe(200);
      expect(await page.text()).toContain('Қолтаңба түпнұсқа, тізілім мәртебесі қазір белгісіз');

      expect((await registry.request('/healthz')).status).toBe(503);
    } finally {
      await relay.start();
    }

    registry.clock.advance?.(1_500);
    expect((await registry.request('/healthz')).status).toBe(200);
    expect((await verdict(token)).verdict).toBe('valid');

    // The refused issuance wrote nothing: the same key now issues, it does not replay.
    const retry = await issue('node-outage-1');
    expect(retry.status).toBe(201);
    expect(retry.headers.get('idempotent-replayed')).toBeNull();
  }, 60_000);
});
