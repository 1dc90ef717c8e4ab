import { AppError } from '../domain/errors.js';
import type { Logger } from '../logging/logger.js';
import type { Clock } from '../runtime/clock.js';
import type { Tx } from '../store/database.js';
import { appendLogEntry } from '../store/log-append.js';
import type { CertificateRow, RegistryStore } from '../store/registry-store.js';
import type { SuspensionStore } from '../store/suspension-store.js';
import { certificateReinstatedEntry, certificateSuspendedEntry } from '../translog/log-entry.js';

export interface SuspendCommand {
  certificateId: string;
  /** The provider of the officer asking; only the issuing provider may suspend. */
  providerId: string;
  actor: string;
  reason: string;
  comment?: string | undefined;
  requestId?: string | undefined;
}

export type ReinstateCommand = Omit<SuspendCommand, 'reason'>;

/** A committed change of a certificate's status, as the hooks hear of it. */
export interface StatusChange {
  kind: 'suspended' | 'reinstated';
  certificate: CertificateRow;
  at: Date;
}

export interface SuspensionResult {
  certificate: CertificateRow;
  /** False when the certificate already was in the state asked for: nothing changed. */
  changed: boolean;
}

/**
 * Suspends certificates and reinstates them, for their issuing provider. A suspension is
 * reversible (a court case pending, a paper reported lost); revocation stays final, so a revoked
 * certificate can be neither suspended nor reinstated. Each change commits with its event and
 * its transparency log leaf, like a revocation.
 */
export class SuspensionService {
  constructor(
    private readonly deps: {
      store: RegistryStore;
      suspensions: SuspensionStore;
      clock: Clock;
      logger: Logger;
      /** Awaited after a change commits (caches, the holder's cabinet); it must not throw. */
      onChanged?: (change: StatusChange) => void | Promise<void>;
    },
  ) {}

  /** Suspends an active certificate; suspending a suspended one again changes nothing. */
  async suspend(command: SuspendCommand): Promise<SuspensionResult> {
    const current = await this.issuedBy(command);
    if (current.status === 'suspended') return { certificate: current, changed: false };

    const now = this.deps.clock.now();
    const changed = await this.deps.store.transaction(async (tx) => {
      const row = await this.deps.suspensions.suspend(tx, current.id, {
        at: now,
        reason: command.reason,
        comment: command.comment ?? null,
        by: command.actor,
      });
      if (!row) return undefined;

      await this.record(tx, command, 'certificate.suspended', row, now, command.reason);
      await appendLogEntry(
        tx,
        certificateSuspendedEntry({
          at: now,
          providerId: row.providerId,
          certificateId: row.id,
          reason: command.reason,
        }),
      );
      return row;
    });
    return this.settle(command, changed, 'suspended', now);
  }

  /** Ends a suspension; reinstating a certificate that is not suspended changes nothing. */
  async reinstate(command: ReinstateCommand): Promise<SuspensionResult> {
    const current = await this.issuedBy(command);
    if (current.status === 'active') return { certificate: current, changed: false };

    const now = this.deps.clock.now();
    const changed = await this.deps.store.transaction(async (tx) => {
      const row = await this.deps.suspensions.reinstate(tx, current.id, {
        at: now,
        comment: command.comment ?? null,
        by: command.actor,
      });
      if (!row) return undefined;

      await this.record(tx, command, 'certificate.reinstated', row, now);
      await appendLogEntry(
        tx,
        certificateReinstatedEntry({ at: now, providerId: row.providerId, certificateId: row.id }),
      );
      return row;
    });
    return this.settle(command, changed, 'reinstated', now);
  }

  /** The certificate, if the officer's provider issued it and it is not revoked. */
  private async issuedBy(command: ReinstateCommand): Promise<CertificateRow> {
    // Another provider's certificate answers exactly like a missing one: no existence oracle.
    const current = await this.deps.store.certificate(command.certificateId);
    if (!current || current.providerId !== command.providerId) {
      throw new AppError('not_found', 'No certificate with this id was issued by your provider');
    }
    if (current.status === 'revoked') throw revokedError();
    return current;
  }

  private record(
    tx: Tx,
    command: ReinstateCommand,
    kind: string,
    row: CertificateRow,
    at: Date,
    reason?: string,
  ): Promise<void> {
    return this.deps.store.appendEvent(tx, {
      at,
      kind,
      actor: command.actor,
      providerId: row.providerId,
      certificateId: row.id,
      requestId: command.requestId ?? null,
      data: reason ? { reason } : {},
    });
  }

  /** After the transaction: hooks and the log line, or the outcome of a concurrent change. */
  private async settle(
    command: ReinstateCommand,
    changed: CertificateRow | undefined,
    kind: StatusChange['kind'],
    at: Date,
  ): Promise<SuspensionResult> {
    if (!changed) {
      // Another officer changed the status meanwhile: report the state it left.
      const latest = await this.deps.store.certificate(command.certificateId);
      if (latest?.status === 'revoked') throw revokedError();
      if (!latest) throw new AppError('not_found', 'No certificate with this id');
      return { certificate: latest, changed: false };
    }

    await this.deps.onChanged?.({ kind, certificate: changed, at });
    this.deps.logger.info(`certificate.${kind}`, {
      requestId: command.requestId,
      certificateId: changed.id,
    });
    return { certificate: changed, changed: true };
  }
}

function revokedError(): AppError {
  return new AppError(
    'certificate_revoked',
    'The certificate is revoked: revocation is final, it cannot be suspended or reinstated',
  );
}
