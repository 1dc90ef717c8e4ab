/**
 * How the service reads the QR of a photo, behind an interface so each runtime picks where the
 * decode runs: on Workers in the request itself (each request has its own CPU budget), on Node in
 * worker threads (see src/node/photo-threads.ts), since a decode of many megapixels would
 * otherwise hold the one event loop that answers every other request.
 */

import { type PhotoMediaType, type PhotoQrResult, readQrFromPhoto } from './qr-photo.js';

export interface PhotoQrReader {
  /** The text of the QR code in the photo. Never rejects on bad input. */
  read(bytes: Uint8Array, type: PhotoMediaType): Promise<PhotoQrResult>;
}

/** `busy`: as many decodes are running and waiting as the process allows. */
export type LimitedPhotoQrResult = PhotoQrResult | { ok: false; code: 'busy' };

/** Decodes in the calling thread. */
export const inProcessPhotoReader: PhotoQrReader = {
  read: async (bytes, type) => readQrFromPhoto(bytes, type),
};

/**
 * Decodes per process: a decode holds tens of megabytes of pixels and a second of CPU, so a few
 * run at once, a few more wait, and the rest are told to come back (503) rather than pile up.
 */
export const PHOTO_DECODES = { concurrent: 2, waiting: 4 } as const;

/** A reader that runs at most `concurrent` reads at once and queues at most `waiting` more. */
export function limitPhotoReads(
  reader: PhotoQrReader,
  limits: { concurrent: number; waiting: number } = PHOTO_DECODES,
): { read(bytes: Uint8Array, type: PhotoMediaType): Promise<LimitedPhotoQrResult> } {
  let running = 0;
  const queue: (() => void)[] = [];
  return {
    async read(bytes, type) {
      if (running < limits.concurrent) {
        running += 1;
      } else {
        if (queue.length >= limits.waiting) return { ok: false, code: 'busy' };
        // The finishing read hands its slot over, so `running` stays as it is.
        await new Promise<void>((resolve) => queue.push(resolve));
      }
      try {
        return await reader.read(bytes, type);
      } finally {
        const next = queue.shift();
        if (next) next();
        else running -= 1;
      }
    },
  };
}
