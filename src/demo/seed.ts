import type { ApplicationServices } from '../applications/application-services.js';
import { ApplicationStore } from '../applications/application-store.js';
import type { ApplicationProcessor } from '../applications/processor.js';
import { localDay } from '../domain/calendar.js';
import { RETURNING_APPLICANT } from '../gateway/fixture-cases.js';
import { demoPersonas } from '../gateway/fixture-data.js';
import type { Clock } from '../runtime/clock.js';
import type { IssuanceService } from '../services/issuance.js';
import type { RevocationService } from '../services/revocation.js';
import type { RegistryStore } from '../store/registry-store.js';
import { hashOfficerToken } from '../web/middleware/officer-auth.js';
import { DEMO_OFFICERS, DEMO_PROVIDERS, demoCertificates } from './demo-data.js';

/** Providers and officers of the demo. Idempotent: rows already present are kept. */
export async function seedDemoParties(store: RegistryStore, clock: Clock): Promise<void> {
  const now = clock.now();
  await store.transaction(async (tx) => {
    for (const provider of DEMO_PROVIDERS) {
      await store.insertProvider(tx, { ...provider, createdAt: now });
    }
    for (const officer of DEMO_OFFICERS) {
      await store.insertOfficer(tx, {
        id: officer.id,
        providerId: officer.providerId,
        fullName: officer.fullName,
        tokenHash: hashOfficerToken(officer.token),
        roles: [...officer.roles],
        createdAt: now,
        disabledAt: null,
      });
    }
  });
}

/** A demo certificate as the start-up banner names it. */
export interface SeededCertificate {
  token: string;
  serial: string;
  revoked: boolean;
  /** The guardian's IIN, to try the lookup by serial and IIN (demo data, made up). */
  guardianIin: string;
}

/** A few certificates, one revoked, when the registry holds none yet. Returns what it issued. */
export async function seedDemoCertificates(
  services: { store: RegistryStore; issuance: IssuanceService; revocation: RevocationService },
  clock: Clock,
): Promise<SeededCertificate[]> {
  if ((await services.store.countCertificates()) > 0) return [];

  const seeded: SeededCertificate[] = [];
  for (const demo of demoCertificates(localDay(clock.now()))) {
    const { certificate } = await services.issuance.issue({
      actor: 'system:demo-seed',
      providerId: demo.providerId,
      request: demo.request,
    });
    if (demo.revoke) {
      await services.revocation.revoke({
        certificateId: certificate.id,
        providerId: demo.providerId,
        actor: 'system:demo-seed',
        ...demo.revoke,
      });
    }
    seeded.push({
      token: certificate.token,
      serial: certificate.serial,
      revoked: demo.revoke !== undefined,
      guardianIin: demo.request.guardian.iin,
    });
  }
  return seeded;
}

/** The Idempotency-Key of the returning applicant's seeded application: it marks it as done. */
const RETURNING_APPLICATION_KEY = 'demo-seed:returning-applicant';

/** Statuses of an application the processor has yet to finish. */
const UNFINISHED = new Set(['submitted', 'processing']);

/**
 * The certificate already in the returning applicant's cabinet, made the way a citizen's is: an
 * application stored for her by the submission service and worked to `issued` by the processor,
 * so it comes with its status history and notifications. Once per registry: a later start (on
 * any day) finds that application by its Idempotency-Key and submits nothing. Needs the fixture
 * gateway, which alone knows the persona. Returns the certificate's token when it was issued now.
 *
 * @throws Error when the application ends otherwise than issued: the demo cases are wrong.
 */
export async function seedReturningApplicant(
  services: { store: RegistryStore; applications: ApplicationServices },
  processor: ApplicationProcessor,
  clock: Clock,
): Promise<string | undefined> {
  const who = demoPersonas(localDay(clock.now())).find((p) => p.key === RETURNING_APPLICANT);
  if (!who) throw new Error('demo: the returning applicant is missing from the cases');

  const applications = new ApplicationStore(services.store.db);
  let application = await applications.byIdempotencyKey(who.iin, RETURNING_APPLICATION_KEY);
  // One stored by a start that stopped before it was worked is finished below, not resubmitted.
  if (application && !UNFINISHED.has(application.status)) return undefined;

  if (!application) {
    const submitted = await services.applications.submissions.submit({
      applicant: { iin: who.iin, method: who.edsSeed ? 'eds' : 'otp' },
      type: who.type,
      childIin: who.childIin,
      idempotencyKey: RETURNING_APPLICATION_KEY,
    });
    // A fresh registry holds nothing of hers, so neither limit on applying can stand in the way.
    if (submitted.status !== 'stored') {
      throw new Error(
        `demo: the returning applicant’s application was refused: ${submitted.status}`,
      );
    }
    application = submitted.application;
  }
  await processor.drain();

  const settled = await applications.byId(application.id);
  // Waiting for a retry (a state source was down): the processing loop finishes it.
  if (settled && UNFINISHED.has(settled.status)) return undefined;
  if (settled?.status !== 'issued' || !settled.certificateId) {
    throw new Error('demo: the returning applicant’s application was not issued');
  }
  const [held] = await applications.certificatesOfApplicant(who.iin, 1, settled.certificateId);
  return held?.certificate.token;
}
