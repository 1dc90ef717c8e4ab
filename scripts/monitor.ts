/**
 * `npm run monitor -- <registry-url> [--state <file>] [--provider <id>]`: audits the registry's
 * transparency log against the checkpoint saved by the previous run, lists what was added, and
 * exits 0 (consistent), 1 (inconsistent: look now) or 2 (could not check: try again).
 */
import { MONITOR_USAGE, parseMonitorArgs, UsageError } from '../src/monitor/monitor-args.js';
import { MonitorProblem } from '../src/monitor/monitor-problem.js';
import { EXIT, exitCode, formatOutcome } from '../src/monitor/monitor-report.js';
import { runMonitor } from '../src/monitor/run-monitor.js';
import { readStateFile, writeStateFile } from '../src/monitor/state-file.js';

async function main(): Promise<number> {
  const args = parseMonitorArgs(process.argv.slice(2));
  const state = await readStateFile(args.statePath);
  if (state && state.registry !== args.registryUrl) {
    throw new UsageError(`${args.statePath} holds the state of ${state.registry}; use --state`);
  }

  const outcome = await runMonitor({
    registryUrl: args.registryUrl,
    fetch: (url, init) => fetch(url, { ...init, signal: AbortSignal.timeout(30_000) }),
    state,
    provider: args.provider,
    now: () => new Date(),
  });

  const { stdout, stderr } = formatOutcome(outcome, args.provider);
  if (stdout.length > 0) console.log(stdout.join('\n'));
  if (stderr.length > 0) console.error(stderr.join('\n'));
  if (outcome.status === 'ok') await writeStateFile(args.statePath, outcome.state);
  return exitCode(outcome);
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    if (error instanceof UsageError) {
      console.error(`${error.message}\n${MONITOR_USAGE}`);
    } else if (error instanceof MonitorProblem) {
      console.error(`Could not check the log (${error.code}): ${error.message}`);
    } else {
      console.error('Could not check the log:', error instanceof Error ? error.message : error);
    }
    process.exit(EXIT.unavailable);
  },
);
