/**
 * `npm run bench`: figures from one run on this machine, with same-run ratios so that a noisy
 * machine still gives comparable numbers. Nothing here is asserted; it prints.
 */
import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import postgres from 'postgres';
import { type Config, loadConfig } from '../src/config.js';
import { DEMO_PROVIDERS, demoCertificates } from '../src/demo/demo-data.js';
import { localDay } from '../src/domain/calendar.js';
import type { CertificateRecord } from '../src/domain/certificate.js';
import { guardianCrowd } from '../src/gateway/fixture-crowd.js';
import { FixtureGateway } from '../src/gateway/fixture-gateway.js';
import { createLogger } from '../src/logging/logger.js';
import { type Booted, bootNode } from '../src/node/boot.js';
import { nodeRenderer } from '../src/node/renderer.js';
import type { IssuanceService } from '../src/services/issuance.js';
import { generateProviderKey, type ProviderKeyMaterial } from '../src/signer/key-material.js';
import type { DatabaseHandle } from '../src/store/database.js';
import { openDatabase } from '../src/store/open-node.js';
import { edgeFigures } from './edge.js';
import { fmt, median, percentile } from './stats.js';
import { statusListFigures } from './status-list.js';
import { transparencyLogFigures } from './translog.js';
import { verifyOverHttp } from './verify-http.js';

const ISSUANCES = Number(process.env.BENCH_ISSUANCES ?? 1000);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const CONNECTIONS = 50;
/** Alternating rounds of the bare route and the verify API; figures are medians over them. */
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
/**
 * `BENCH_ONLY=verify,issuance` runs only those parts (issuance, verify, documents, applications,
 * translog, statuslist, edge); the verify part then issues its own 200 certificates.
 */
const ONLY = process.env.BENCH_ONLY?.split(',').map((p) => p.trim());
const part = (name: string) => !ONLY || ONLY.includes(name);
const APPLICATIONS = Number(process.env.BENCH_APPLICATIONS ?? 1000);
const IN_FLIGHT = 100;
/** The official term of the service: 30 minutes from delivery. */
const TERM_MS = 30 * 60_000;

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
    processing: false,
  });
  const lines: string[] = [`Benchmark, ${new Date().toISOString()}, Node ${process.version}`];

  // 1. Issuance: rules, canonical record, signature, insert and event.
  const tokens = await issueMany(booted.services.issuance, part('issuance') ? ISSUANCES : 200, 1);
  if (part('issuance')) {
    lines.push(`issuance, PGlite (embedded), sequential: ${fmt(tokens.rate)} /s over ${ISSUANCES}`);
    const shared = await issueMany(booted.services.issuance, ISSUANCES, 16);
    lines.push(
      `issuance, PGlite (embedded), 16 in flight: ${fmt(shared.rate)} /s over ${ISSUANCES}`,
    );
    const onServer = await postgresIssuance(config, keys);
    if (onServer) lines.push(onServer);
  }

  // 2. Verification over HTTP on loopback vs a bare Hono route served the same way.
  if (part('verify')) {
    const options = { seconds: SECONDS, connections: CONNECTIONS, rounds: ROUNDS };
    lines.push(...(await verifyOverHttp(booted.app, tokens.tokens, options)));
  }

  // 3. Documents: render fresh (no cache) for the issued records.
  if (part('documents')) lines.push(...(await documentFigures(booted, config)));

  // 4. Citizen applications end to end: HTTP submission, the queue, the gateway, issuance.
  if (part('applications')) {
    const embedded = await applicationsEndToEnd(config, keys, await openDatabase({}), 'PGlite');
    lines.push(
      ...embedded.lines,
      `applications end to end / bare sequential issuance, PGlite: ${fmt((100 * embedded.rate) / tokens.rate)} %`,
    );
    const server2 = await postgresDatabase('apps');
    if (server2) {
      lines.push(...(await applicationsEndToEnd(config, keys, server2, 'PostgreSQL server')).lines);
    }
  }

  // 5. The transparency log: append cost, and inclusion proofs at 10^4..10^6 entries.
  if (part('translog')) {
    lines.push(...(await transparencyLogFigures(() => postgresDatabase('log'))));
  }
  if (part('statuslist')) lines.push(...(await statusListFigures()));

  // 6. The Worker in workerd beside Node (bench/edge.ts).
  if (part('edge')) lines.push(...(await edgeFigures()));

  // 7. Memory.
  lines.push(`peak RSS: ${fmt(process.resourceUsage().maxRSS / 1024, 0)} MiB`);

  await booted.close();
  console.log(lines.join('\n'));
}

/** PDF and PNG render times for the issued records, rendered fresh (no cache). */
async function documentFigures(booted: Booted, config: Config): Promise<string[]> {
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
  return [
    `PDF render: median ${fmt(median(warm(pdfMs)))} ms, p90 ${fmt(percentile(warm(pdfMs), 90))} ms (first ${fmt(pdfMs[0] ?? 0)} ms)`,
    `PNG render: median ${fmt(median(warm(pngMs)))} ms, p90 ${fmt(percentile(warm(pngMs), 90))} ms`,
  ];
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

/**
 * Applications submitted over HTTP on loopback and worked by the processing loop, with the
 * fixture gateway, keeping `IN_FLIGHT` open at any time: each lane submits, waits until its
 * application is settled, and submits the next. The time of each is from sending the POST to the
 * processor recording the certificate, as the applicant experiences it.
 */
async function applicationsEndToEnd(
  config: Config,
  keys: ProviderKeyMaterial[],
  database: DatabaseHandle,
  label: string,
) {
  // The processor logs `application.settled` with the id: the lanes wait on that line.
  const settled = new Map<string, { promise: Promise<string>; resolve: (s: string) => void }>();
  const waitFor = (id: string) => {
    let entry = settled.get(id);
    if (!entry) {
      let resolve: (status: string) => void = () => {};
      const promise = new Promise<string>((r) => (resolve = r));
      entry = { promise, resolve };
      settled.set(id, entry);
    }
    return entry;
  };
  const logger = createLogger('info', (line) => {
    if (!line.includes('"application.settled"')) return;
    const { applicationId, status } = JSON.parse(line) as { applicationId: string; status: string };
    waitFor(applicationId).resolve(status);
  });

  // One guardian per application: one persona applying a thousand times would meet the limits on
  // applying (one open application per child, ten a day per applicant) at once.
  const crowd = guardianCrowd(localDay(new Date()), APPLICATIONS);
  const booted = await bootNode({
    config,
    keys,
    logger,
    database,
    gateway: new FixtureGateway(crowd.records),
    seedCertificates: false,
    processing: { intervalMs: 200 },
  });
  const server = serve({ fetch: booted.app.fetch, port: 0 });
  await new Promise((r) => setTimeout(r, 200));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/api/v1/applications`;

  // Signed in beforehand: the figures are of applying, not of signing in.
  const requests: { headers: Record<string, string>; body: string }[] = [];
  for (const who of crowd.members) {
    const { token, session } = await booted.services.sessions.open(who.iin, 'otp');
    const headers = {
      cookie: `session=${token}`,
      'x-csrf-token': session.csrfToken,
      'content-type': 'application/json',
    };
    requests.push({ headers, body: JSON.stringify({ type: who.type, childIin: who.childIin }) });
  }

  const latencies: number[] = [];
  const outcomes = new Map<string, number>();
  let next = 0;
  const started = performance.now();
  const lane = async () => {
    while (next < APPLICATIONS) {
      const { headers, body } = requests[next++] as (typeof requests)[0];
      const sent = performance.now();
      const response = await fetch(url, { method: 'POST', headers, body });
      const { id } = (await response.json()) as { id: string };
      const status = await waitFor(id).promise;
      latencies.push(performance.now() - sent);
      outcomes.set(status, (outcomes.get(status) ?? 0) + 1);
    }
  };
  await Promise.all(Array.from({ length: IN_FLIGHT }, lane));
  const seconds = (performance.now() - started) / 1000;

  server.close();
  await booted.close();
  const p99 = percentile(latencies, 99);
  const issued = outcomes.get('issued') ?? 0;
  const rate = APPLICATIONS / seconds;
  const lines = [
    `applications end to end (HTTP submit → issued, fixture gateway, ${label}, ${IN_FLIGHT} in flight): ${fmt(rate)} /s over ${APPLICATIONS}, ${issued} issued`,
    `submission → issued: median ${fmt(median(latencies))} ms, p99 ${fmt(p99)} ms, max ${fmt(Math.max(...latencies))} ms`,
    `p99 against the official 30-minute term: ${fmt(p99 / 1000, 2)} s of ${TERM_MS / 60_000} min, ${fmt(TERM_MS / p99, 0)}× inside it`,
  ];
  return { lines, rate };
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
    processing: false,
  });
  const result = await issueMany(booted.services.issuance, ISSUANCES, 16);
  const wider = await issueMany(booted.services.issuance, ISSUANCES, 64);
  await booted.close();
  await admin.unsafe(`drop database ${name} with (force)`);
  await admin.end();
  return [
    `issuance, PostgreSQL server, 16 in flight: ${fmt(result.rate)} /s over ${ISSUANCES}`,
    `issuance, PostgreSQL server, 64 in flight: ${fmt(wider.rate)} /s over ${ISSUANCES}`,
  ].join('\n');
}

/**
 * A fresh database on the PostgreSQL server, dropped again on close; undefined when no server
 * answers.
 */
async function postgresDatabase(suffix: string): Promise<DatabaseHandle | undefined> {
  const url = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
  const name = `registry_bench_${process.pid}_${suffix}`;
  const admin = postgres(url, { max: 1, onnotice: () => {}, connect_timeout: 2 });
  try {
    await admin.unsafe(`create database ${name}`);
  } catch {
    await admin.end();
    return undefined;
  }

  const target = new URL(url);
  target.pathname = `/${name}`;
  const handle = await openDatabase({ databaseUrl: target.toString(), maxConnections: 16 });
  return {
    ...handle,
    async close() {
      await handle.close();
      await admin.unsafe(`drop database ${name} with (force)`);
      await admin.end();
    },
  };
}

await main();
