/** What `npm run monitor -- <registry-url> [--state <file>] [--provider <id>]` asks for. */
export interface MonitorArgs {
  registryUrl: string;
  statePath: string;
  provider: string | undefined;
}

export const MONITOR_USAGE =
  'usage: npm run monitor -- <registry-url> [--state <file>] [--provider <id>]\n' +
  '  --state     where the last accepted checkpoint is kept (default .monitor-state.json)\n' +
  "  --provider  list only entries in this provider's name, e.g. prv_astana";

/** Thrown for arguments that make no run; the message says what is wrong, then the usage. */
export class UsageError extends Error {
  override readonly name = 'UsageError';
}

export function parseMonitorArgs(argv: readonly string[]): MonitorArgs {
  let registryUrl: string | undefined;
  let statePath = '.monitor-state.json';
  let provider: string | undefined;

  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] as string;
    if (arg === '--state' || arg === '--provider') {
      const value = argv[++i];
      if (value === undefined || value.startsWith('--'))
        throw new UsageError(`${arg}: a value is required`);
      if (arg === '--state') statePath = value;
      else provider = value;
    } else if (arg.startsWith('--')) {
      throw new UsageError(`${arg}: unknown option`);
    } else if (registryUrl === undefined) {
      registryUrl = arg;
    } else {
      throw new UsageError(`${arg}: only one registry URL is taken`);
    }
  }

  if (registryUrl === undefined) throw new UsageError('the registry URL is required');
  if (!/^https?:\/\/[^/]/.test(registryUrl) || !URL.canParse(registryUrl)) {
    throw new UsageError(`${registryUrl}: expected an http(s) URL`);
  }
  return { registryUrl: registryUrl.replace(/\/+$/, ''), statePath, provider };
}
