import { AppError } from '../domain/errors.js';
import type { DocumentRenderer } from '../services/documents.js';

/**
 * Documents on Workers, until the WASM renderers are wired here: a clear 503 with Retry-After
 * that names the Node service, never a 500. See the README, "Rendering on Workers".
 */
export const documentsOnWorkers: DocumentRenderer = {
  png: () => Promise.reject(unavailable()),
  pdf: () => Promise.reject(unavailable()),
};

function unavailable(): AppError {
  return new AppError(
    'service_unavailable',
    'Documents are rendered by the registry service on Node; download them from there',
  );
}
