/**
 * The Worker in workerd (`wrangler dev`) beside the Node service, both on one PostgreSQL
 * database: verification requests per second and p99, with the edge cache off (every answer
 * from the database) and warm (one QR scanned again and again). Called from bench/run.ts; on its
 * own: `npx tsx bench/edge.ts`.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { serve } from '@hono/node-server';
import postgres from 'postgres';
import { loadConfig } from '../src/config.js';
import { demoCertificates } from '../src/demo/demo-data.js';
import { localDay } from '../src/domain/calendar.js';
import { prepareEdgeDev } from '../src/edge-dev/prepare.js';
import { startWranglerDev } from '../src/edge-dev/wrangler-dev.js';
import { load } from './http-load.js';
import { fmt } from './stats.js';

const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const CONNECTIONS = 50;
const CERTIFICATES = 200;
/** Ports of this module: the Worker, its inspector, the Node server (within 8800–8899). */
const PORT = 8860;

/** The figures as printable lines; a line saying why when there is no PostgreSQL server. */
export async function edgeFigures(): Promise<string[]> {
  const server = await freshServerDatabase();
  if (!server) return ['edge (workerd): skipped, no PostgreSQL server answers'];

  const dataDir = await mkdtemp(join(tmpdir(), 'registry-bench-edge-'));
  const config = loadConfig({
    PORT: String(PORT),
    PUBLIC_URL: `http://127.0.0.1:${PORT}`,
    DATA_DIR: dataDir,
    DATABASE_URL: server.url,
    NODE_ENV: 'development',
    LOG_LEVEL: 'silent',
  });
  const edge = await prepareEdgeDev({ config, databasePort: 0 });
  const nodeServer = serve({ fetch: edge.booted.app.fetch, port: PORT + 4, hostname: '127.0.0.1' });
  try {
    const paths = await issue(edge, CERTIFICATES);
    const options = { seconds: SECONDS, connections: CONNECTIONS };
    const node = await load(`http://127.0.0.1:${PORT + 4}`, paths, options);

    const run = async (cache: 'off' | 'on') => {
      const worker = await startWranglerDev({
        port: PORT,
        inspectorPort: PORT + 1,
        secrets: { ...edge.secrets, LOG_LEVEL: 'silent' },
        connectionString: edge.connectionString,
        stateDir: join(dataDir, `edge-${cache}`),
        vars: { EDGE_CACHE: cache },
      });
      try {
        // One pass over every certificate first: the warm run then finds each one cached.
        for (const path of paths) await fetch(`${worker.url}${path}`).then((r) => r.arrayBuffer());
        return await load(worker.url, paths, options);
      } finally {
        await worker.stop();
      }
    };
    const cold = await run('off');
    const warm = await run('on');

    const line = (label: string, r: typeof node) =>
      `${label}: ${fmt(r.requestsPerSecond)} req/s, median ${r.latencyMedianMs} ms, p99 ${r.latencyP99Ms} ms, non-2xx ${r.non2xx}, errors ${r.errors}`;
    return [
      `verify API on one PostgreSQL database, ${CONNECTIONS} connections, ${CERTIFICATES} certificates:`,
      line('  Node (node-server)', node),
      line('  workerd (wrangler dev), edge cache off', cold),
      line('  workerd (wrangler dev), edge cache warm', warm),
      `  workerd / Node throughput: ${fmt((100 * cold.requestsPerSecond) / node.requestsPerSecond)} % cold, ${fmt((100 * warm.requestsPerSecond) / node.requestsPerSecond)} % warm`,
    ];
  } finally {
    nodeServer.close();
    await edge.close();
    await server.drop();
    await rm(dataDir, { recursive: true, force: true });
  }
}

async function issue(edge: Awaited<ReturnType<typeof prepareEdgeDev>>, count: number) {
  const requests = demoCertificates(localDay(new Date())).filter((d) => !d.revoke);
  const paths: string[] = [];
  for (let i = 0; i < count; i++) {
    const demo = requests[i % requests.length];
    if (!demo) continue;
    const { certificate } = await edge.booted.services.issuance.issue({
      actor: 'system:bench',
      providerId: demo.providerId,
      request: demo.request,
    });
    paths.push(`/api/v1/verify/${certificate.token}`);
  }
  return paths;
}

async function freshServerDatabase() {
  const base = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
  const name = `registry_bench_edge_${process.pid}`;
  const admin = postgres(base, { max: 1, onnotice: () => {}, connect_timeout: 2 });
  try {
    await admin.unsafe(`create database ${name}`);
  } catch {
    await admin.end();
    return undefined;
  }
  const url = new URL(base);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    async drop() {
      await admin.unsafe(`drop database ${name} with (force)`);
      await admin.end();
    },
  };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  console.log((await edgeFigures()).join('\n'));
}
