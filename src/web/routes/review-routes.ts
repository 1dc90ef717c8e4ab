import { Hono } from 'hono';
import type { AppEnv } from '../env.js';
import type { AppServices } from '../services.js';
import { reviewApproveRoute } from './review-approve.js';
import { reviewAttachmentRoute } from './review-attachment.js';
import { reviewQueueRoute } from './review-queue.js';
import { reviewReadRoute } from './review-read.js';
import { reviewRefuseRoute } from './review-refuse.js';

/** The officers' review of applications under `/api/v1/review/`, scoped to their provider. */
export function reviewRoutes(services: AppServices) {
  return new Hono<AppEnv>()
    .route('/', reviewQueueRoute(services))
    .route('/', reviewReadRoute(services))
    .route('/', reviewAttachmentRoute(services))
    .route('/', reviewApproveRoute(services))
    .route('/', reviewRefuseRoute(services));
}
