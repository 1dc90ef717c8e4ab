import type { Config } from '../config.js';
import type { StateGateway } from '../gateway/gateway.js';
import { selectGateway } from '../gateway/select-gateway.js';
import type { Logger } from '../logging/logger.js';
import type { Clock } from '../runtime/clock.js';

/** The real gateway when configured; otherwise (demo only) the fixture with the demo personas. */
export async function nodeGateway(
  config: Config,
  clock: Clock,
  logger: Logger,
): Promise<StateGateway> {
  return selectGateway(config, clock, logger);
}
