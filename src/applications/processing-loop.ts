import type { Logger } from '../logging/logger.js';
import type { ApplicationProcessor } from './processor.js';
import type { QueueSignal } from './queue-signal.js';

export interface ProcessingLoopOptions {
  /** How often the queue is polled when nothing rings. Retries fall due this way. */
  intervalMs: number;
  /** How often overdue applications are looked for. Default 5 s. */
  overdueEveryMs?: number;
  logger: Logger;
  /** Rung by each submission in this process. */
  signal?: QueueSignal;
}

export interface ProcessingLoop {
  /** Claim now rather than at the next poll. */
  kick(): void;
  /** Finishes the batch in hand and stops. */
  stop(): Promise<void>;
}

/**
 * Runs the processor on Node: polls the queue every `intervalMs`, at once after a submission,
 * and back to back while batches come full. Other processes may run their own loops on the same
 * PostgreSQL; the queue keeps them apart.
 */
export function startProcessor(
  processor: ApplicationProcessor,
  options: ProcessingLoopOptions,
): ProcessingLoop {
  const overdueEveryMs = options.overdueEveryMs ?? 5_000;
  let running = true;
  let kicked = false;
  let wake: (() => void) | undefined;
  let lastOverdueCheck = 0;

  const kick = () => {
    kicked = true;
    wake?.();
  };
  const unlisten = options.signal?.listen(kick);

  const sleep = (ms: number) =>
    new Promise<void>((resolve) => {
      // Unref'd: the server keeps the process alive, the poll alone should not.
      const timer = setTimeout(done, ms);
      timer.unref?.();
      function done() {
        clearTimeout(timer);
        wake = undefined;
        resolve();
      }
      wake = done;
    });

  const loop = async () => {
    while (running) {
      kicked = false;
      let claimed = 0;
      try {
        claimed = await processor.runOnce();
        if (Date.now() - lastOverdueCheck >= overdueEveryMs) {
          lastOverdueCheck = Date.now();
          await processor.flagOverdue();
        }
      } catch (error) {
        // The database is away: say so and keep polling; nothing is lost, rows stay queued.
        const message = error instanceof Error ? error.message.split('\n')[0] : typeof error;
        options.logger.error('processor.poll_failed', { error: message });
      }
      if (running && claimed === 0 && !kicked) await sleep(options.intervalMs);
    }
  };
  const finished = loop();

  return {
    kick,
    async stop() {
      running = false;
      unlisten?.();
      wake?.();
      await finished;
    },
  };
}
