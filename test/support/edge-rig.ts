import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadConfig } from '../../src/config.js';
import { type EdgeDev, prepareEdgeDev } from '../../src/edge-dev/prepare.js';
import { startWranglerDev, type WranglerDev } from '../../src/edge-dev/wrangler-dev.js';
import { TcpProxy } from './tcp-proxy.js';

/**
 * One Worker under `wrangler dev` for a test file, in demo mode with a movable clock, over the
 * embedded database served by pglite-socket behind a TCP relay the test can stop. `node` is the
 * Node app on the same database: another instance of the registry beside the Worker.
 *
 * Ports: `basePort` … `basePort + 3` (the app, the database, the relay, the inspector); each
 * test file takes its own ten within 8800–8899.
 */
export async function startEdgeRig(basePort: number) {
  const dataDir = await mkdtemp(join(tmpdir(), 'registry-edge-'));
  const publicUrl = `http://127.0.0.1:${basePort}`;
  const config = loadConfig({
    PORT: String(basePort),
    PUBLIC_URL: publicUrl,
    DATA_DIR: dataDir,
    NODE_ENV: 'development',
    LOG_LEVEL: process.env.EDGE_TEST_LOG_LEVEL ?? 'silent',
  });

  let edge: EdgeDev | undefined;
  let proxy: TcpProxy | undefined;
  let wrangler: WranglerDev | undefined;
  const close = async () => {
    await wrangler?.stop();
    await proxy?.stop();
    await edge?.close();
    await rm(dataDir, { recursive: true, force: true });
  };

  try {
    edge = await prepareEdgeDev({ config, databasePort: basePort + 1 });
    proxy = new TcpProxy(basePort + 2, { host: '127.0.0.1', port: basePort + 1 });
    await proxy.start();
    const viaProxy = new URL(edge.connectionString);
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
  } catch (error) {
    await close();
    throw error;
  }

  const worker = wrangler;
  return {
    url: worker.url,
    publicUrl,
    demoTokens: edge.demoTokens,
    /** The Node app on the same database (not behind the relay). */
    node: edge.booted.app,
    database: proxy,
    /** Moves the Worker's clock forward. */
    async advanceClock(ms: number): Promise<void> {
      const response = await fetch(`${worker.url}/api/v1/dev/clock`, {
        method: 'POST',
        body: JSON.stringify({ advanceMs: ms }),
      });
      if (!response.ok) throw new Error(`dev clock: ${response.status}`);
    },
    fetch: (path: string, init?: RequestInit) => fetch(`${worker.url}${path}`, init),
    output: () => worker.output(),
    close,
  };
}

export type EdgeRig = Awaited<ReturnType<typeof startEdgeRig>>;
