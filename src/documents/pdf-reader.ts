/**
 * How the service reads the attached file of an uploaded PDF, behind an interface so each runtime
 * picks where pdf-lib parses it: on Workers in the request itself (each request has its own CPU
 * budget), on Node in worker threads with a time limit (see src/node/threads.ts), since a large
 * damaged PDF takes pdf-lib tens of seconds, which would otherwise hold the one event loop that
 * answers every other request.
 */

import { type AttachmentResult, readAttachment } from './pdf-attachments.js';
import { type Busy, limitReads, type ReadLimits, UPLOAD_READS } from './read-limits.js';

export interface PdfAttachmentReader {
  /** The attached file `name`, as readAttachment reads it. Never rejects on bad input. */
  read(pdf: Uint8Array, name: string, maxBytes: number): Promise<AttachmentResult>;
}

/** `busy`: as many PDFs are being read and waiting as the process allows. */
export type LimitedAttachmentResult = AttachmentResult | Busy;

/** Parses in the calling thread. */
export const inProcessPdfReader: PdfAttachmentReader = { read: readAttachment };

/** A reader that runs at most `concurrent` reads at once and queues at most `waiting` more. */
export function limitPdfReads(
  reader: PdfAttachmentReader,
  limits: ReadLimits = UPLOAD_READS,
): { read(pdf: Uint8Array, name: string, maxBytes: number): Promise<LimitedAttachmentResult> } {
  return { read: limitReads(reader.read.bind(reader), limits) };
}
