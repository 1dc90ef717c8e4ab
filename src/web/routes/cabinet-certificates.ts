import { Hono } from 'hono';
import { applicationPath, cabinetDocumentPath } from '../application-json.js';
import { holderCertificateJson } from '../certificate-json.js';
import type { AppEnv } from '../env.js';
import { citizenSession } from '../middleware/citizen-session.js';
import type { AppServices } from '../services.js';

/**
 * `GET /api/v1/cabinet/certificates`: the certificates issued on the applicant's applications,
 * with downloads the citizen may use and who checked each one (when; the verifier's
 * organisation if it named one).
 */
export function cabinetCertificatesRoute(services: AppServices) {
  return new Hono<AppEnv>().get(
    '/api/v1/cabinet/certificates',
    citizenSession(services.sessions),
    async (c) => {
      const held = await services.applications.cabinet.certificates(c.get('citizen').iin);
      const history = await services.verificationLog.history(held.map((h) => h.certificate.id));

      c.header('Cache-Control', 'private, no-store');
      return c.json({
        certificates: held.map(({ applicationId, certificate }) => ({
          ...holderCertificateJson(certificate, services.documents.verifyUrl(certificate.token)),
          documents: {
            pdf: cabinetDocumentPath(certificate.id, 'pdf'),
            png: cabinetDocumentPath(certificate.id, 'png'),
          },
          application: { id: applicationId, link: applicationPath(applicationId) },
          verifications: (history.get(certificate.id) ?? []).map((v) => ({
            at: v.at.toISOString(),
            verdict: v.verdict,
            organization: v.organization,
          })),
        })),
      });
    },
  );
}
