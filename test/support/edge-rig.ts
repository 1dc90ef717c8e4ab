import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import postgres from 'postgres';
import { loadConfig } from '../../src/config.js';
import { type EdgeDev, prepareEdgeDev } from '../../src/edge-dev/prepare.js';
import { startWranglerDev, type WranglerDev } from '../../src/edge-dev/wrangler-dev.js';
import { type Booted, bootNode } from '../../src/node/boot.js';
import { freshFetch } from './fresh-fetch.js';
import { TcpProxy } from './tcp-proxy.js';

/**
 * One Worker under `wrangler dev` for a test file, in demo mode with a movable clock, over a
 * fresh database (see serverDatabase) behind a TCP relay the test can take down. `node` is the
 * Node app on the same database: another instance of the registry beside the Worker.
 *
 * Ports: `basePort` … `basePort + 3` (the app, the database, the relay, the inspector); each
 * test file takes its own ten within 8800–8899.
 */
export async function startEdgeRig(basePort: number) {
  const dataDir = await mkdtemp(join(tmpdir(), 'registry-edge-'));
  const publicUrl = `http://127.0.0.1:${basePort}`;
  const server = await serverDatabase();
  const env = {
    PORT: String(basePort),
    PUBLIC_URL: publicUrl,
    DATA_DIR: dataDir,
    NODE_ENV: 'development',
    LOG_LEVEL: process.env.EDGE_TEST_LOG_LEVEL ?? 'silent',
    ...(server ? { DATABASE_URL: server.url } : {}),
  };
  const config = loadConfig(env);

  let edge: EdgeDev | undefined;
  let proxy: TcpProxy | undefined;
  let wrangler: WranglerDev | undefined;
  let node: Booted | undefined;
  const close = async () => {
    await wrangler?.stop();
    await node?.close();
    await proxy?.stop();
    await edge?.close();
    await server?.drop();
    await rm(dataDir, { recursive: true, force: true });
  };

  try {
    edge = await prepareEdgeDev({ config, databasePort: basePort + 1 });
    const direct = new URL(edge.connectionString);
    proxy = new TcpProxy(basePort + 2, { host: direct.hostname, port: Number(direct.port) });
    await proxy.start();
    const viaProxy = new URL(edge.connectionString);
    viaProxy.hostname = '127.0.0.1';
    viaProxy.port = String(basePort + 2);

    wrangler = await startWranglerDev({
      port: basePort,
      inspectorPort: basePort + 3,
      secrets: edge.secrets,
      connectionString: viaProxy.toString(),
      stateDir: join(dataDir, 'edge'),
      vars: { DEV_CLOCK: 'controllable' },
      logLevel: process.env.EDGE_TEST_LOG_LEVEL ? 'log' : 'warn',
    });
    // The Node instance goes through the socket as well: PGlite is one connection, and only the
    // socket server keeps each client's transactions apart.
    node = await bootNode({
      config: loadConfig({ ...env, DATABASE_URL: edge.connectionString }),
      processing: false,
      seedCertificates: false,
    });
  } catch (error) {
    await close();
    throw error;
  }

  const worker = wrangler;
  return {
    url: worker.url,
    publicUrl,
    demoTokens: edge.demoCertificates.map((c) => c.token),
    returningApplicantToken: edge.returningApplicantToken,
    /** The Node service on the same database (not behind the relay). */
    node: node.app,
    database: proxy,
    databaseKind: server ? 'postgres' : 'pglite',
    /** Moves the Worker's clock forward. */
    async advanceClock(ms: number): Promise<void> {
      const response = await freshFetch(`${worker.url}/api/v1/dev/clock`, {
        method: 'POST',
        body: JSON.stringify({ advanceMs: ms }),
      });
      if (!response.ok) throw new Error(`dev clock: ${response.status}`);
    },
    /** A request to the Worker; a failed one carries the end of wrangler's output. */
    fetch: (path: string, init?: RequestInit) =>
      freshFetch(`${worker.url}${path}`, init).catch((error: unknown) => {
        throw new Error(`${path}: ${String(error)}\n${worker.output().slice(-3000)}`);
      }),
    output: () => worker.output(),
    close,
  };
}

export type EdgeRig = Awaited<ReturnType<typeof startEdgeRig>>;

/**
 * A fresh database on the PostgreSQL server when one answers (CI has one), else undefined and
 * the rig serves PGlite with pglite-socket. The server is preferred: pglite-socket multiplexes
 * its clients onto one PGlite connection message by message, and keeps only transactions
 * together, so two clients' extended-protocol queries can interleave (a Parse of one between
 * the Parse and Execute of the other); tests would see rare failures that are not ours.
 */
export async function serverDatabase(): Promise<
  { url: string; drop(): Promise<void> } | undefined
> {
  const base = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
  const admin = postgres(base, { max: 1, connect_timeout: 2, onnotice: () => {} });
  try {
    const name = `registry_edge_${process.pid}_${Math.random().toString(36).slice(2, 10)}`;
    await admin.unsafe(`create database ${name}`);
    const url = new URL(base);
    url.pathname = `/${name}`;
    return {
      url: url.toString(),
      async drop() {
        const cleanup = postgres(base, { max: 1, onnotice: () => {} });
        await cleanup.unsafe(`drop database if exists ${name} with (force)`);
        await cleanup.end();
      },
    };
  } catch {
    return undefined;
  } finally {
    await admin.end({ timeout: 1 });
  }
}
