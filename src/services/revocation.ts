import { AppError } from '../domain/errors.js';
import type { Logger } from '../logging/logger.js';
import type { Clock } from '../runtime/clock.js';
import { appendLogEntry } from '../store/log-append.js';
import type { CertificateRow, RegistryStore } from '../store/registry-store.js';
import { certificateRevokedEntry } from '../translog/log-entry.js';

export interface RevokeCommand {
  certificateId: string;
  /** The provider of the officer asking; only the issuing provider may revoke. */
  providerId: string;
  actor: string;
  reason: string;
  comment?: string | undefined;
  requestId?: string | undefined;
}

export interface RevokeResult {
  certificate: CertificateRow;
  /** False when the certificate had already been revoked: revoking again changes nothing. */
  changed: boolean;
}

/** Revokes certificates for their issuing provider, recording the change and its event together. */
export class RevocationService {
  constructor(
    private readonly deps: {
      store: RegistryStore;
      clock: Clock;
      logger: Logger;
      /**
       * Awaited after a revocation commits, so verification caches drop the certificate and the
       * holder's cabinet hears of it. It must not throw: the revocation stands either way.
       */
      onRevoked?: (certificateId: string) => void | Promise<void>;
    },
  ) {}

  async revoke(command: RevokeCommand): Promise<RevokeResult> {
    const { store, clock } = this.deps;
    const now = clock.now();

    // Another provider's certificate answers exactly like a missing one: no existence oracle.
    const current = await store.certificate(command.certificateId);
    if (!current || current.providerId !== command.providerId) {
      throw new AppError('not_found', 'No certificate with this id was issued by your provider');
    }
    if (current.status === 'revoked') return { certificate: current, changed: false };

    const result = await store.transaction(async (tx) => {
      const revoked = await store.markRevoked(tx, current.id, {
        at: now,
        reason: command.reason,
        comment: command.comment ?? null,
        by: command.actor,
      });
      if (!revoked) return undefined;

      await store.appendEvent(tx, {
        at: now,
        kind: 'certificate.revoked',
        actor: command.actor,
        providerId: current.providerId,
        certificateId: current.id,
        requestId: command.requestId ?? null,
        data: { reason: command.reason },
      });
      await appendLogEntry(
        tx,
        certificateRevokedEntry({
          at: now,
          providerId: current.providerId,
          certificateId: current.id,
          reason: command.reason,
        }),
      );
      return revoked;
    });

    await this.deps.onRevoked?.(current.id);
    if (!result) {
      // A concurrent revocation won the race; report its outcome.
      const latest = await store.certificate(current.id);
      return { certificate: latest ?? current, changed: false };
    }
    this.deps.logger.info('certificate.revoked', {
      requestId: command.requestId,
      certificateId: current.id,
      reason: command.reason,
    });
    return { certificate: result, changed: true };
  }
}
