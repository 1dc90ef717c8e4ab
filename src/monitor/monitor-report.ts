import type { LogEntry } from '../translog/log-entry.js';
import type { ListedEntry, MonitorOutcome } from './run-monitor.js';

/** Exit codes of `npm run monitor`: a script or a cron job branches on them. */
export const EXIT = {
  /** The log is consistent with what was seen before; the state was saved. */
  ok: 0,
  /** The log contradicts itself or the saved state: someone must look. */
  inconsistent: 1,
  /** The check could not run (network, 5xx, bad arguments or state file): try again. */
  unavailable: 2,
} as const;

/** The lines a run prints: what it found on stdout, a problem on stderr. */
export function formatOutcome(
  outcome: MonitorOutcome,
  provider: string | undefined,
): { stdout: string[]; stderr: string[] } {
  if (outcome.status !== 'ok') {
    const heading =
      outcome.status === 'inconsistent'
        ? `INCONSISTENT LOG (${outcome.code}): ${outcome.message}`
        : `Could not check the log (${outcome.code}): ${outcome.message}`;
    const stderr = [heading];
    if (outcome.evidence) {
      stderr.push('', 'Checkpoint saved before:', outcome.evidence.previous, 'Checkpoint now:');
      stderr.push(outcome.evidence.current);
    }
    return { stdout: [], stderr };
  }

  const { state, firstRun, previousSize, entries, newEntries } = outcome;
  const origin = state.checkpoint.slice(0, state.checkpoint.indexOf('\n'));
  const stdout = [
    firstRun
      ? `${origin}: checkpoint of size ${state.size} verified; key pinned`
      : `${origin}: checkpoint of size ${state.size} verified, extends size ${previousSize}`,
    provider
      ? `${newEntries} new entries, ${entries.length} in the name of ${provider}`
      : `${newEntries} new entries`,
    ...entries.map(formatEntry),
  ];
  return { stdout, stderr: [] };
}

export function exitCode(outcome: MonitorOutcome): number {
  return EXIT[outcome.status];
}

/** `#12 2026-12-03T07:00:00.000Z certificate.issued crt_… prv_astana …` */
export function formatEntry({ index, entry }: ListedEntry): string {
  const { at, kind, providerId } = entry;
  return `#${index} ${at} ${kind} ${subject(entry)} ${providerId}${detail(entry)}`;
}

function subject(entry: LogEntry): string {
  return 'certificateId' in entry ? entry.certificateId : `key ${entry.kid}`;
}

function detail(entry: LogEntry): string {
  if (entry.kind === 'certificate.issued') return ` record ${entry.recordDigest.slice(0, 16)}…`;
  if (entry.kind === 'certificate.revoked') return ` reason ${entry.reason}`;
  if (entry.kind === 'certificate.suspended') return ` reason ${entry.reason}`;
  if (entry.kind === 'key.compromised') return ` since ${entry.since}`;
  return '';
}
