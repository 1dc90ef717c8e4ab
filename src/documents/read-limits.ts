/**
 * How many reads of uploaded files a process runs at once. Reading a photo or a PDF that someone
 * uploaded holds megabytes and up to seconds of CPU, so a few run at once, a few more wait, and
 * the rest are told to come back (503) rather than pile up.
 */

/** As many reads are running and waiting as the process allows. */
export type Busy = { ok: false; code: 'busy' };

export interface ReadLimits {
  /** Reads running at once. */
  concurrent: number;
  /** Reads waiting for one of those to finish. */
  waiting: number;
}

/** Per kind of upload (photos, PDFs) and per process. */
export const UPLOAD_READS: ReadLimits = { concurrent: 2, waiting: 4 };

/** `read`, run at most `concurrent` times at once, with at most `waiting` more queued. */
export function limitReads<Args extends unknown[], Result>(
  read: (...args: Args) => Promise<Result>,
  limits: ReadLimits = UPLOAD_READS,
): (...args: Args) => Promise<Result | Busy> {
  let running = 0;
  const queue: (() => void)[] = [];
  return async (...args) => {
    if (running < limits.concurrent) {
      running += 1;
    } else {
      if (queue.length >= limits.waiting) return { ok: false, code: 'busy' };
      // The finishing read hands its slot over, so `running` stays as it is.
      await new Promise<void>((resolve) => queue.push(resolve));
    }
    try {
      return await read(...args);
    } finally {
      const next = queue.shift();
      if (next) next();
      else running -= 1;
    }
  };
}
