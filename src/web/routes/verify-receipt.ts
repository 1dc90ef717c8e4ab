import { Hono } from 'hono';
import { verifierOrganization } from '../../services/verification-log.js';
import type { AppEnv } from '../env.js';
import type { AppServices } from '../services.js';

/**
 * `POST /api/v1/verify/<token>/receipt`: verifies the token as `GET /api/v1/verify/<token>` does
 * and answers a receipt of the verdict signed by the log key (see src/receipts/receipt.ts). A POST
 * because it is recorded like a check (in the holder's verification history) and signs something
 * new each time. Always 200 when the check ran: a receipt of `invalid` is a receipt too.
 */
export function verifyReceiptRoute(services: AppServices) {
  return new Hono<AppEnv>().post('/api/v1/verify/:token/receipt', async (c) => {
    const header = c.req.header('x-verifier-organization');
    const { receipt, result } = await services.receipts.issue(
      c.req.param('token'),
      verifierOrganization(header),
    );
    services.verificationLog.recordVerdict(result, header);

    c.header('Cache-Control', 'no-store');
    return c.json(receipt);
  });
}
