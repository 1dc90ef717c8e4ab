/**
 * What the worker threads of src/node/threads.ts can run: readers of uploaded files, each plain
 * JavaScript that never throws on bad input. Arguments and results are structured-cloned.
 */

import { readAttachment } from '../documents/pdf-attachments.js';
import { readQrFromPhoto } from '../documents/qr-photo.js';

export const threadTasks = {
  photo: readQrFromPhoto,
  pdf: readAttachment,
};

export type ThreadTasks = typeof threadTasks;
export type ThreadTask = keyof ThreadTasks;
