import { Hono } from 'hono';
import type { AppEnv } from '../env.js';
import type { AppServices } from '../services.js';
import { applicationPrepareRoute } from './application-prepare.js';
import { applicationReadRoute } from './application-read.js';
import { applicationSubmitRoute } from './application-submit.js';
import { cabinetApplicationsRoute } from './cabinet-applications.js';
import { cabinetCertificateDocumentsRoute } from './cabinet-certificate-documents.js';
import { cabinetCertificatesRoute } from './cabinet-certificates.js';
import { cabinetNotificationsRoute } from './cabinet-notifications.js';

/** The citizen's side of applications: apply, follow, and the personal cabinet. */
export function applicationRoutes(services: AppServices) {
  return new Hono<AppEnv>()
    .route('/', applicationPrepareRoute(services))
    .route('/', applicationSubmitRoute(services))
    .route('/', applicationReadRoute(services))
    .route('/', cabinetApplicationsRoute(services))
    .route('/', cabinetCertificatesRoute(services))
    .route('/', cabinetCertificateDocumentsRoute(services))
    .route('/', cabinetNotificationsRoute(services));
}
