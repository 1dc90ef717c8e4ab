import { localDay } from '../domain/calendar.js';
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

/** A few certificates, one revoked, when the registry holds none yet. Returns what it issued. */
export async function seedDemoCertificates(
  services: { store: RegistryStore; issuance: IssuanceService; revocation: RevocationService },
  clock: Clock,
): Promise<string[]> {
  if ((await services.store.countCertificates()) > 0) return [];

  const tokens: string[] = [];
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
    tokens.push(certificate.token);
  }
  return tokens;
}
