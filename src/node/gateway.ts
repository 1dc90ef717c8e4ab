import type { Config } from '../config.js';
import { localDay } from '../domain/calendar.js';
import { FixtureGateway } from '../gateway/fixture-gateway.js';
import type { StateGateway } from '../gateway/gateway.js';
import { createHttpGateway } from '../gateway/http-gateway.js';
import type { Logger } from '../logging/logger.js';
import type { Clock } from '../runtime/clock.js';

/** The real gateway when configured; otherwise (demo only) the fixture with the demo personas. */
export async function nodeGateway(
  config: Config,
  clock: Clock,
  logger: Logger,
): Promise<StateGateway> {
  if (config.gateway) {
    return createHttpGateway(
      { baseUrl: config.gateway.url, token: config.gateway.token },
      { clock, logger },
    );
  }
  if (!config.demo) throw new Error('GATEWAY_URL and GATEWAY_TOKEN are required outside demo mode');
  return FixtureGateway.demo(localDay(clock.now()));
}
