import type { Logger } from '../logging/logger.js';
import type { RegistryStore } from '../store/registry-store.js';
import type { ApplicationStore } from './application-store.js';

/**
 * Tells the holder in their cabinet when a certificate issued on their application is suspended
 * or reinstated. Wired to `SuspensionService`'s `onChanged`, which fires once per committed
 * change: a failure here is logged and never undoes the change.
 */
export function suspensionNotices(deps: {
  store: RegistryStore;
  applications: ApplicationStore;
  logger: Logger;
}) {
  return async (change: {
    kind: 'suspended' | 'reinstated';
    certificate: { id: string; suspensionReason: string | null };
    at: Date;
  }): Promise<void> => {
    const certificateId = change.certificate.id;
    try {
      const application = await deps.applications.byCertificate(certificateId);
      if (!application) return;

      await deps.store.transaction((tx) =>
        deps.applications.notify(tx, {
          iin: application.applicantIin,
          kind: change.kind,
          at: change.at,
          applicationId: application.id,
          certificateId,
          reasonCode: change.kind === 'suspended' ? change.certificate.suspensionReason : null,
        }),
      );
    } catch (error) {
      const message = error instanceof Error ? error.message.split('\n')[0] : typeof error;
      deps.logger.error(`notification.${change.kind}_failed`, { certificateId, error: message });
    }
  };
}
