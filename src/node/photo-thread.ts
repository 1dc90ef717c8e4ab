/** The worker thread of src/node/photo-threads.ts: reads one photo per message. */

import { parentPort } from 'node:worker_threads';
import { type PhotoMediaType, readQrFromPhoto } from '../documents/qr-photo.js';

parentPort?.on('message', (job: { bytes: Uint8Array; type: PhotoMediaType }) => {
  parentPort?.postMessage(readQrFromPhoto(job.bytes, job.type));
});
