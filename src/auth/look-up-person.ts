import { AppError } from '../domain/errors.js';
import { isGatewayUnavailable, type PersonRecord, type StateGateway } from '../gateway/gateway.js';

/**
 * The person with this IIN from the identity documents, or `null` when there is none. A source
 * that cannot be asked becomes `service_unavailable` (503 with Retry-After): sign-in cannot wait
 * and retry as an application does, so the citizen is asked to try again shortly.
 */
export async function lookUpPerson(
  gateway: StateGateway,
  iin: string,
): Promise<PersonRecord | null> {
  try {
    return await gateway.identity.person(iin);
  } catch (error) {
    if (!isGatewayUnavailable(error)) throw error;
    throw new AppError(
      'service_unavailable',
      'The identity documents service cannot be reached right now; try again in a few seconds',
      undefined,
      { cause: error },
    );
  }
}
