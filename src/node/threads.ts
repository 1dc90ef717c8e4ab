import { Worker } from 'node:worker_threads';
import type { AttachmentResult } from '../documents/pdf-attachments.js';
import type { PdfAttachmentReader } from '../documents/pdf-reader.js';
import type { PhotoQrReader } from '../documents/photo-reader.js';
import type { PhotoMediaType, PhotoQrResult } from '../documents/qr-photo.js';
import type { ThreadTask, ThreadTasks } from './thread-tasks.js';

const BOOT = new URL('./thread-boot.mjs', import.meta.url);

/** How long pdf-lib may parse one uploaded PDF: ours take a fraction of a second. */
export const PDF_READ_TIME_LIMIT_MS = 5_000;

/**
 * How long one photo may take to decode and be searched for a QR code: the worst allowed, 24 MP
 * of noise as PNG, took 9.5-10.5 s here with the other core busy.
 */
export const PHOTO_READ_TIME_LIMIT_MS = 15_000;

/**
 * Runs one task of src/node/thread-tasks.ts in worker threads, so the event loop keeps answering
 * while a read takes its time. Threads start on first use and are kept for the next read; the
 * caller bounds how many reads run at once (src/documents/read-limits.ts), which bounds the
 * threads too. A thread that fails, or runs past `timeLimitMs` (counted from when the thread has
 * the job, not while it starts), is terminated and dropped, and the read answers undefined.
 */
export class ThreadPool<Task extends ThreadTask> {
  readonly #idle: Worker[] = [];
  readonly #all = new Set<Worker>();

  constructor(
    private readonly task: Task,
    private readonly timeLimitMs?: number,
  ) {}

  async run(
    ...args: Parameters<ThreadTasks[Task]>
  ): Promise<Awaited<ReturnType<ThreadTasks[Task]>> | undefined> {
    const idle = this.#idle.pop();
    const worker = idle ?? this.#start();
    try {
      if (!idle) await reply(worker); // `ready`
      worker.postMessage({ task: this.task, args });
      const result = await reply(worker, this.timeLimitMs);
      this.#idle.push(worker);
      return result as Awaited<ReturnType<ThreadTasks[Task]>>;
    } catch {
      this.#all.delete(worker);
      await worker.terminate();
      return undefined;
    }
  }

  /** Stops every thread; a read in progress answers undefined. */
  async close(): Promise<void> {
    const workers = [...this.#all];
    this.#all.clear();
    this.#idle.length = 0;
    await Promise.all(workers.map((worker) => worker.terminate()));
  }

  #start(): Worker {
    const worker = new Worker(BOOT);
    worker.unref(); // an idle thread must not keep the process alive
    this.#all.add(worker);
    return worker;
  }
}

/**
 * Reads photos in worker threads; a thread that fails or runs out of time answers the photo as
 * unreadable.
 */
export class ThreadPhotoReader implements PhotoQrReader {
  readonly #pool: ThreadPool<'photo'>;

  constructor(options: { timeLimitMs?: number } = {}) {
    this.#pool = new ThreadPool('photo', options.timeLimitMs ?? PHOTO_READ_TIME_LIMIT_MS);
  }

  async read(bytes: Uint8Array, type: PhotoMediaType): Promise<PhotoQrResult> {
    return (await this.#pool.run(bytes, type)) ?? { ok: false, code: 'image_unreadable' };
  }

  close(): Promise<void> {
    return this.#pool.close();
  }
}

/**
 * Reads PDFs' attached files in worker threads; a thread that fails or runs out of time answers
 * the PDF as unreadable.
 */
export class ThreadPdfReader implements PdfAttachmentReader {
  readonly #pool: ThreadPool<'pdf'>;

  constructor(options: { timeLimitMs?: number } = {}) {
    this.#pool = new ThreadPool('pdf', options.timeLimitMs ?? PDF_READ_TIME_LIMIT_MS);
  }

  async read(pdf: Uint8Array, name: string, maxBytes: number): Promise<AttachmentResult> {
    return (await this.#pool.run(pdf, name, maxBytes)) ?? { ok: false, code: 'pdf_unreadable' };
  }

  close(): Promise<void> {
    return this.#pool.close();
  }
}

/** The thread's next message; rejects when it fails, exits, or says nothing for `timeLimitMs`. */
function reply(worker: Worker, timeLimitMs?: number): Promise<unknown> {
  return new Promise((resolve, reject) => {
    const timer =
      timeLimitMs === undefined
        ? undefined
        : setTimeout(() => fail(new Error(`thread ran past ${timeLimitMs} ms`)), timeLimitMs);
    const done = () => {
      clearTimeout(timer);
      worker.off('message', onMessage);
      worker.off('error', fail);
      worker.off('exit', onExit);
    };
    const onMessage = (result: unknown) => {
      done();
      resolve(result);
    };
    const fail = (error: Error) => {
      done();
      reject(error);
    };
    const onExit = (code: number) => fail(new Error(`thread exited with ${code}`));
    worker.on('message', onMessage);
    worker.on('error', fail);
    worker.on('exit', onExit);
  });
}
