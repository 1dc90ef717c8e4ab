import type { Logger } from '../logging/logger.js';
import type { Clock } from '../runtime/clock.js';
import type { RegistryStore } from '../store/registry-store.js';
import type { ApplicationStore } from './application-store.js';

/**
 * Tells the holder in their cabinet when a certificate issued on their application is revoked.
 * Wired to `RevocationService`'s `onRevoked`, which fires after the revocation commits: a
 * failure here is logged and never undoes the revocation. A revocation reported twice (two
 * officers at once) still gives one notification.
 */
export function revocationNotices(deps: {
  store: RegistryStore;
  applications: ApplicationStore;
  clock: Clock;
  logger: Logger;
}) {
  return async (certificateId: string): Promise<void> => {
    try {
      const certificate = await deps.store.certificate(certificateId);
      const application = await deps.applications.byCertificate(certificateId);
      if (certificate?.status !== 'revoked' || !application) return;

      await deps.store.transaction(async (tx) => {
        if (await deps.applications.notified(tx, 'revoked', certificateId)) return;
        await deps.applications.notify(tx, {
          iin: application.applicantIin,
          kind: 'revoked',
          at: deps.clock.now(),
          applicationId: application.id,
          certificateId,
          reasonCode: certificate.revocationReason,
        });
      });
    } catch (error) {
      const message = error instanceof Error ? error.message.split('\n')[0] : typeof error;
      deps.logger.error('notification.revoked_failed', { certificateId, error: message });
    }
  };
}
