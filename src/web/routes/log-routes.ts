import { Hono } from 'hono';
import type { AppEnv } from '../env.js';
import type { AppServices } from '../services.js';
import { logCheckpointRoute } from './log-checkpoint.js';
import { logConsistencyProofRoute } from './log-consistency-proof.js';
import { logEntryRoute } from './log-entry.js';
import { logInclusionProofRoute } from './log-inclusion-proof.js';
import { logKeyRoute } from './log-key.js';

/**
 * The public transparency log under `/api/v1/log/`. These paths and shapes are a fixed contract
 * for independent monitors: new versions go beside them, never in their place.
 */
export function logRoutes(services: AppServices) {
  return new Hono<AppEnv>()
    .route('/', logCheckpointRoute(services))
    .route('/', logKeyRoute(services))
    .route('/', logEntryRoute(services))
    .route('/', logInclusionProofRoute(services))
    .route('/', logConsistencyProofRoute(services));
}
