import { readFile, rename, writeFile } from 'node:fs/promises';

import { unavailable } from './monitor-problem.js';
import { formatMonitorState, type MonitorState, parseMonitorState } from './monitor-state.js';

/** The saved state, or undefined when the file does not exist yet (the first run). */
export async function readStateFile(path: string): Promise<MonitorState | undefined> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw unavailable('state_invalid', `${path}: ${(error as Error).message}`);
  }
  return parseMonitorState(text, path);
}

/** Writes the state beside the file and renames it over, so a crash never leaves half a file. */
export async function writeStateFile(path: string, state: MonitorState): Promise<void> {
  const temporary = `${path}.${process.pid}.tmp`;
  await writeFile(temporary, formatMonitorState(state), { mode: 0o644 });
  await rename(temporary, path);
}
