import { type ChildProcess, spawn } from 'node:child_process';
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

export interface WranglerDevOptions {
  port: number;
  /** Devtools port of workerd; wrangler's default (9229) may be taken by another run. */
  inspectorPort: number;
  /** Worker secrets and vars, written to `<stateDir>/.dev.vars` (never committed). */
  secrets: Record<string, string>;
  /** Hyperdrive's local connection string: the PostgreSQL the Worker reaches. */
  connectionString: string;
  /** Holds the dev vars file and wrangler's local state (the edge cache among it). */
  stateDir: string;
  /** Extra `--var NAME:value` pairs (tests: `DEV_CLOCK:controllable`). */
  vars?: Record<string, string>;
  /** Forward wrangler's output (`npm run start:edge`); tests keep it for failure messages. */
  inheritOutput?: boolean;
  /** wrangler's own `--log-level`; `log` shows the Worker's log lines too. Default `warn`. */
  logLevel?: 'log' | 'warn' | 'error';
  /** How long to wait for the first healthy answer. */
  readyTimeoutMs?: number;
}

export interface WranglerDev {
  url: string;
  /** What wrangler printed, for a failure message. */
  output(): string;
  stop(): Promise<void>;
}

/**
 * Starts the Worker under `wrangler dev` (workerd, local mode) and waits until `/healthz`
 * answers. The workerd binary comes from the `@cloudflare/workerd-linux-64` package; its
 * install script is not needed (README, "Running on Workers").
 */
export async function startWranglerDev(options: WranglerDevOptions): Promise<WranglerDev> {
  await mkdir(options.stateDir, { recursive: true });
  const envFile = join(options.stateDir, '.dev.vars');
  await writeFile(envFile, devVarsText(options.secrets), { mode: 0o600 });

  const args = [
    'dev',
    '--local',
    '--ip',
    '127.0.0.1',
    '--port',
    String(options.port),
    '--inspector-port',
    String(options.inspectorPort),
    '--env-file',
    envFile,
    '--persist-to',
    join(options.stateDir, 'wrangler-state'),
    '--show-interactive-dev-session=false',
    '--log-level',
    options.logLevel ?? 'warn',
  ];
  for (const [name, value] of Object.entries(options.vars ?? {})) {
    args.push('--var', `${name}:${value}`);
  }

  const child = spawn(join(process.cwd(), 'node_modules', '.bin', 'wrangler'), args, {
    env: {
      ...process.env,
      CLOUDFLARE_HYPERDRIVE_LOCAL_CONNECTION_STRING_HYPERDRIVE: options.connectionString,
      WRANGLER_SEND_METRICS: 'false',
      CI: 'true',
    },
    stdio: [
      'ignore',
      options.inheritOutput ? 'inherit' : 'pipe',
      options.inheritOutput ? 'inherit' : 'pipe',
    ],
    detached: true,
  });
  let output = '';
  child.stdout?.on('data', (chunk) => {
    output += chunk;
  });
  child.stderr?.on('data', (chunk) => {
    output += chunk;
  });

  // wrangler runs in its own process group (so stop() reaches workerd); never leave it behind.
  const orphanGuard = () => {
    try {
      if (child.pid !== undefined && child.exitCode === null) process.kill(-child.pid, 'SIGKILL');
    } catch {
      // Already gone.
    }
  };
  process.once('exit', orphanGuard);
  child.once('exit', () => process.off('exit', orphanGuard));

  const url = `http://127.0.0.1:${options.port}`;
  const handle: WranglerDev = { url, output: () => output, stop: () => stopGroup(child) };
  try {
    await waitHealthy(url, child, options.readyTimeoutMs ?? 90_000);
  } catch (error) {
    await handle.stop();
    throw new Error(
      `wrangler dev did not come up: ${(error as Error).message}\n${output.slice(-4000)}`,
    );
  }
  return handle;
}

/** `.dev.vars` lines; single quotes keep JSON secrets literal (dotenv does not unescape them). */
function devVarsText(secrets: Record<string, string>): string {
  return Object.entries(secrets)
    .map(([name, value]) => {
      if (/['\n\r]/.test(value)) throw new Error(`${name}: a dev var cannot hold ' or a newline`);
      return `${name}='${value}'`;
    })
    .join('\n')
    .concat('\n');
}

async function waitHealthy(url: string, child: ChildProcess, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`wrangler exited with code ${child.exitCode}`);
    try {
      const response = await fetch(`${url}/healthz`);
      if (response.ok) return;
    } catch {
      // Not listening yet.
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`no healthy answer within ${timeoutMs} ms`);
}

/** wrangler starts workerd as a child: the whole process group goes. */
async function stopGroup(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.pid === undefined) return;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  try {
    process.kill(-child.pid, 'SIGTERM');
  } catch {
    return;
  }
  const timer = setTimeout(() => {
    try {
      if (child.pid !== undefined) process.kill(-child.pid, 'SIGKILL');
    } catch {
      // Already gone.
    }
  }, 5_000);
  await exited;
  clearTimeout(timer);
}
