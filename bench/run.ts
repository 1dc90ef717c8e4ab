/**
 * `npm run bench`: figures from one run on this machine, with same-run ratios so that a noisy
 * machine still gives comparable numbers. Nothing here is asserted; it prints.
 */
import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import { Hono } from 'hono';
import postgres from 'postgres';
import { type Config, loadConfig } from '../src/config.js';
import { DEMO_PROVIDERS, demoCertificates } from '../src/demo/demo-data.js';
import type { CertificateRecord } from '../src/domain/certificate.js';
import { createLogger } from '../src/logging/logger.js';
import { bootNode } from '../src/node/boot.js';
import { nodeRenderer } from '../src/node/renderer.js';
import type { IssuanceService } from '../src/services/issuance.js';
import { generateProviderKey, type ProviderKeyMaterial } from '../src/signer/key-material.js';
import { openDatabase } from '../src/store/open-node.js';
import { load } from './http-load.js';
import { fmt, median, percentile } from './stats.js';

const ISSUANCES = Number(process.env.BENCH_ISSUANCES ?? 1000);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const CONNECTIONS = 50;

async function main() {
  const config = loadConfig({
    NODE_ENV: 'test',
    LOG_LEVEL: 'silent',
    PUBLIC_URL: 'https://verify.example.kz',
  });
  const keys = await Promise.all(DEMO_PROVIDERS.map((p) => generateProviderKey(p.id)));
  const booted = await bootNode({
    config,
    keys,
    logger: createLogger('silent'),
    database: await openDatabase({}),
    seedCertificates: false,
  });
  const lines: string[] = [`Benchmark, ${new Date().toISOString()}, Node ${process.version}`];

  // 1. Issuance: rules, canonical record, signature, insert and event.
  const tokens = await issueMany(booted.services.issuance, ISSUANCES, 1);
  lines.push(`issuance, PGlite (embedded), sequential: ${fmt(tokens.rate)} /s over ${ISSUANCES}`);
  const onServer = await postgresIssuance(config, keys);
  if (onServer) lines.push(onServer);

  // 2. Verification over HTTP on loopback vs a bare Hono route served the same way.
  const server = serve({ fetch: booted.app.fetch, port: 0 });
  const bare = new Hono().get('/bare', (c) => c.json({ verdict: 'valid' }));
  const bareServer = serve({ fetch: bare.fetch, port: 0 });
  await new Promise((r) => setTimeout(r, 200));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const bareUrl = `http://127.0.0.1:${(bareServer.address() as AddressInfo).port}`;

  const sample = tokens.tokens.slice(0, 200).map((t) => `/api/v1/verify/${t}`);
  const options = { seconds: SECONDS, connections: CONNECTIONS };
  const bareResult = await load(bareUrl, ['/bare'], options);
  const verify = await load(url, sample, options);
  lines.push(
    `bare Hono route: ${fmt(bareResult.requestsPerSecond)} req/s, median ${bareResult.latencyMedianMs} ms, p99 ${bareResult.latencyP99Ms} ms`,
    `verify API (${CONNECTIONS} connections): ${fmt(verify.requestsPerSecond)} req/s, median ${verify.latencyMedianMs} ms, p99 ${verify.latencyP99Ms} ms, non-2xx ${verify.non2xx}`,
    `verify / bare route throughput: ${fmt((100 * verify.requestsPerSecond) / bareResult.requestsPerSecond)} %`,
  );
  server.close();
  bareServer.close();

  // 3. Documents: render fresh (no cache) for the issued records.
  const renderer = await nodeRenderer();
  const rows = await booted.store.db.query.certificates.findMany({ limit: 25 });
  const pdfMs: number[] = [];
  const pngMs: number[] = [];
  for (const row of rows) {
    const view = {
      record: JSON.parse(row.record) as CertificateRecord,
      verifyUrl: booted.services.documents.verifyUrl(row.token),
      publicUrl: config.publicUrl,
    };
    let t = performance.now();
    await renderer.pdf(view);
    pdfMs.push(performance.now() - t);
    t = performance.now();
    await renderer.png(view);
    pngMs.push(performance.now() - t);
  }
  const warm = (xs: number[]) => xs.slice(3);
  lines.push(
    `PDF render: median ${fmt(median(warm(pdfMs)))} ms, p90 ${fmt(percentile(warm(pdfMs), 90))} ms (first ${fmt(pdfMs[0] ?? 0)} ms)`,
    `PNG render: median ${fmt(median(warm(pngMs)))} ms, p90 ${fmt(percentile(warm(pngMs), 90))} ms`,
  );

  // 4. Memory.
  lines.push(`peak RSS: ${fmt(process.resourceUsage().maxRSS / 1024, 0)} MiB`);

  await booted.close();
  console.log(lines.join('\n'));
}

/** Issues `count` certificates with `concurrency` in flight; returns the rate and the tokens. */
async function issueMany(issuance: IssuanceService, count: number, concurrency: number) {
  const requests = demoCertificates('2026-12-03').filter((d) => !d.revoke);
  const tokens: string[] = [];
  let next = 0;
  const started = performance.now();

  const lane = async () => {
    while (next < count) {
      const demo = requests[next++ % requests.length];
      if (!demo) continue;
      const { certificate } = await issuance.issue({
        actor: 'system:bench',
        providerId: demo.providerId,
        request: demo.request,
      });
      tokens.push(certificate.token);
    }
  };
  await Promise.all(Array.from({ length: concurrency }, lane));
  return { tokens, rate: count / ((performance.now() - started) / 1000) };
}

/** The same on the PostgreSQL server, when one answers, with 16 issuances in flight. */
async function postgresIssuance(config: Config, keys: ProviderKeyMaterial[]) {
  const url = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
  const name = `registry_bench_${process.pid}`;
  const admin = postgres(url, { max: 1, onnotice: () => {}, connect_timeout: 2 });
  try {
    await admin.unsafe(`create database ${name}`);
  } catch {
    await admin.end();
    return undefined;
  }

  const target = new URL(url);
  target.pathname = `/${name}`;
  const database = await openDatabase({ databaseUrl: target.toString(), maxConnections: 16 });
  const booted = await bootNode({
    config,
    keys,
    logger: createLogger('silent'),
    database,
    seedCertificates: false,
  });
  const result = await issueMany(booted.services.issuance, ISSUANCES, 16);
  await booted.close();
  await admin.unsafe(`drop database ${name} with (force)`);
  await admin.end();
  return `issuance, PostgreSQL server, 16 in flight: ${fmt(result.rate)} /s over ${ISSUANCES}`;
}

await main();
