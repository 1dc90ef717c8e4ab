import { AppError } from '../domain/errors.js';
import type { IssuanceService } from '../services/issuance.js';
import type { CertificateRow, RegistryStore } from '../store/registry-store.js';
import type { ApplicationRow } from './application-store.js';
import { certificateRequest, issuanceKey } from './certificate-request.js';
import type { Grounds } from './decide.js';

/**
 * Issues the one certificate of an application, signed by the provider whose decision it rests
 * on. The Idempotency-Key `application:<id>` makes a retry, a second worker or an officer's
 * second click return the certificate issued first instead of signing another.
 */
export async function issueForApplication(
  deps: { issuance: IssuanceService; store: RegistryStore },
  application: ApplicationRow,
  grounds: Grounds,
  actor: string,
  requestId?: string,
): Promise<CertificateRow> {
  const providerId = grounds.decision.providerId;
  const idempotencyKey = issuanceKey(application.id);

  try {
    const { certificate } = await deps.issuance.issue({
      actor,
      providerId,
      request: certificateRequest(application.type as Grounds['decision']['kind'], grounds),
      idempotencyKey,
      requestId,
    });
    return certificate;
  } catch (error) {
    // The records changed between two attempts (a name corrected, say): the certificate issued
    // first still stands; the application yields that one and no second.
    if (!(error instanceof AppError && error.code === 'idempotency_conflict')) throw error;

    const existing = await deps.store.transaction((tx) =>
      deps.store.byIdempotencyKey(tx, providerId, idempotencyKey),
    );
    if (!existing) throw error;
    return existing;
  }
}
