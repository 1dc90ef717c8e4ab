/**
 * The worker thread of src/node/threads.ts: says `ready` once its modules are loaded, then runs
 * one task per message and answers its result.
 */

import { parentPort } from 'node:worker_threads';
import { type ThreadTask, threadTasks } from './thread-tasks.js';

type Run = (...args: unknown[]) => unknown;

parentPort?.on('message', async (job: { task: ThreadTask; args: unknown[] }) => {
  parentPort?.postMessage(await (threadTasks[job.task] as Run)(...job.args));
});
parentPort?.postMessage('ready');
