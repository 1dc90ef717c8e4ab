import { Worker } from 'node:worker_threads';
import type { PhotoQrReader } from '../documents/photo-reader.js';
import type { PhotoMediaType, PhotoQrResult } from '../documents/qr-photo.js';

const BOOT = new URL('./photo-thread-boot.mjs', import.meta.url);

/**
 * Reads photos in worker threads, so the event loop keeps answering while one decodes. Threads
 * start on first use and are kept for the next photo; the caller bounds how many reads run at
 * once (src/documents/photo-reader.ts, `limitPhotoReads`), which bounds the threads too. A
 * thread that fails is dropped, and its photo answered as unreadable.
 */
export class ThreadPhotoReader implements PhotoQrReader {
  readonly #idle: Worker[] = [];
  readonly #all = new Set<Worker>();

  async read(bytes: Uint8Array, type: PhotoMediaType): Promise<PhotoQrResult> {
    const worker = this.#idle.pop() ?? this.#start();
    try {
      const result = await ask(worker, bytes, type);
      this.#idle.push(worker);
      return result;
    } catch {
      this.#all.delete(worker);
      await worker.terminate();
      return { ok: false, code: 'image_unreadable' };
    }
  }

  /** Stops every thread; a read in progress answers unreadable. */
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

function ask(worker: Worker, bytes: Uint8Array, type: PhotoMediaType): Promise<PhotoQrResult> {
  return new Promise((resolve, reject) => {
    const done = () => {
      worker.off('message', onMessage);
      worker.off('error', onError);
      worker.off('exit', onExit);
    };
    const onMessage = (result: PhotoQrResult) => {
      done();
      resolve(result);
    };
    const onError = (error: Error) => {
      done();
      reject(error);
    };
    const onExit = (code: number) => {
      done();
      reject(new Error(`photo thread exited with ${code}`));
    };
    worker.on('message', onMessage);
    worker.on('error', onError);
    worker.on('exit', onExit);
    worker.postMessage({ bytes, type });
  });
}
