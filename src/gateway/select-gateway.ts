import type { Config } from '../config.js';
import { localDay } from '../domain/calendar.js';
import type { Logger } from '../logging/logger.js';
import type { Clock } from '../runtime/clock.js';
import { FixtureGateway } from './fixture-gateway.js';
import type { StateGateway } from './gateway.js';
import { createHttpGateway } from './http-gateway.js';

/**
 * The real gateway when configured; otherwise (demo only) the fixture with the demo personas.
 * Both entries choose through this, so `npm start` and `npm run start:edge` answer alike.
 */
export async function selectGateway(
  config: Config,
  clock: Clock,
  logger?: Logger,
): Promise<StateGateway> {
  if (config.gateway) {
    return createHttpGateway(
      { baseUrl: config.gateway.url, token: config.gateway.token },
      { clock, ...(logger ? { logger } : {}) },
    );
  }
  if (!config.demo) throw new Error('GATEWAY_URL and GATEWAY_TOKEN are required outside demo mode');
  return FixtureGateway.demo(localDay(clock.now()));
}
