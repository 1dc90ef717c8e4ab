import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import { Hono } from 'hono';
import { load } from './http-load.js';
import { fmt, median } from './stats.js';

interface Fetchable {
  fetch: (request: Request) => Response | Promise<Response>;
}

interface Round {
  requestsPerSecond: number;
  latencyMedianMs: number;
  latencyP99Ms: number;
  non2xx: number;
  /** Server CPU time (user + system) per request, in µs: the process serves nothing else. */
  cpuMicros: number;
}

/**
 * The verify API over HTTP on loopback beside a bare Hono route served the same way (both by
 * @hono/node-server in this process, both loaded by autocannon in a child process, so the server
 * keeps a core to itself). The machine is shared: the two alternate for `rounds` rounds, and the
 * figures are medians over rounds, the ratio the median of each round's ratio.
 */
export async function verifyOverHttp(
  app: Fetchable,
  tokens: string[],
  options: { seconds: number; connections: number; rounds: number },
): Promise<string[]> {
  const server = serve({ fetch: app.fetch, port: 0 });
  const bare = new Hono().get('/bare', (c) => c.json({ verdict: 'valid' }));
  const bareServer = serve({ fetch: bare.fetch, port: 0 });
  await new Promise((r) => setTimeout(r, 200));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const bareUrl = `http://127.0.0.1:${(bareServer.address() as AddressInfo).port}`;
  const paths = tokens.slice(0, 200).map((t) => `/api/v1/verify/${t}`);
  const perRound = { seconds: options.seconds, connections: options.connections };

  const bareRounds: Round[] = [];
  const verifyRounds: Round[] = [];
  for (let i = 0; i < options.rounds; i++) {
    bareRounds.push(await round(bareUrl, ['/bare'], perRound));
    verifyRounds.push(await round(url, paths, perRound));
  }
  server.close();
  bareServer.close();

  const at = (rounds: Round[], pick: (r: Round) => number) => median(rounds.map(pick));
  const ratios = verifyRounds.map(
    (v, i) => (100 * v.requestsPerSecond) / (bareRounds[i]?.requestsPerSecond ?? Number.NaN),
  );
  const describe = (rounds: Round[]) =>
    `${fmt(at(rounds, (r) => r.requestsPerSecond))} req/s, ` +
    `median ${fmt(at(rounds, (r) => r.latencyMedianMs))} ms, ` +
    `p99 ${fmt(at(rounds, (r) => r.latencyP99Ms))} ms, ` +
    `server CPU ${fmt(
      at(rounds, (r) => r.cpuMicros),
      0,
    )} µs/request`;
  return [
    `bare Hono route (median of ${options.rounds} rounds of ${options.seconds} s): ${describe(bareRounds)}`,
    `verify API (${options.connections} connections, same rounds): ${describe(verifyRounds)}, non-2xx ${verifyRounds.reduce((n, r) => n + r.non2xx, 0)}`,
    `verify / bare route throughput: median ${fmt(median(ratios))} % (rounds: ${ratios.map((r) => fmt(r)).join(', ')} %)`,
  ];
}

async function round(
  base: string,
  paths: string[],
  options: { seconds: number; connections: number },
): Promise<Round> {
  const before = process.cpuUsage();
  const result = await load(base, paths, options);
  const cpu = process.cpuUsage(before);
  return {
    requestsPerSecond: result.requestsPerSecond,
    latencyMedianMs: result.latencyMedianMs,
    latencyP99Ms: result.latencyP99Ms,
    non2xx: result.non2xx,
    cpuMicros: (cpu.user + cpu.system) / Math.max(1, result.total),
  };
}
