import { execFile } from 'node:child_process';
import { promisify } from 'node:util';

const run = promisify(execFile);

export interface LoadResult {
  requestsPerSecond: number;
  total: number;
  latencyMedianMs: number;
  latencyP99Ms: number;
  non2xx: number;
  errors: number;
}

/** Drives `paths` on `baseUrl` from a separate process (bench/load.mjs, autocannon). */
export async function load(
  baseUrl: string,
  paths: string[],
  options: { seconds: number; connections: number },
): Promise<LoadResult> {
  const script = new URL('./load.mjs', import.meta.url).pathname;
  const args = [script, baseUrl, String(options.seconds), String(options.connections), ...paths];
  const { stdout } = await run(process.execPath, args, { maxBuffer: 16 * 1024 * 1024 });
  const line = stdout.trim().split('\n').at(-1) ?? '{}';
  return JSON.parse(line) as LoadResult;
}
