/**
 * How the service reads the QR of a photo, behind an interface so each runtime picks where the
 * decode runs: on Workers in the request itself (each request has its own CPU budget), on Node in
 * worker threads (see src/node/threads.ts), since a decode of many megapixels would otherwise
 * hold the one event loop that answers every other request.
 */

import { type PhotoMediaType, type PhotoQrResult, readQrFromPhoto } from './qr-photo.js';
import { type Busy, limitReads, type ReadLimits, UPLOAD_READS } from './read-limits.js';

export interface PhotoQrReader {
  /** The text of the QR code in the photo. Never rejects on bad input. */
  read(bytes: Uint8Array, type: PhotoMediaType): Promise<PhotoQrResult>;
}

/** `busy`: as many decodes are running and waiting as the process allows. */
export type LimitedPhotoQrResult = PhotoQrResult | Busy;

/** Decodes in the calling thread. */
export const inProcessPhotoReader: PhotoQrReader = {
  read: async (bytes, type) => readQrFromPhoto(bytes, type),
};

/** A reader that runs at most `concurrent` reads at once and queues at most `waiting` more. */
export function limitPhotoReads(
  reader: PhotoQrReader,
  limits: ReadLimits = UPLOAD_READS,
): { read(bytes: Uint8Array, type: PhotoMediaType): Promise<LimitedPhotoQrResult> } {
  return { read: limitReads(reader.read.bind(reader), limits) };
}
