import { type Context, Hono, type MiddlewareHandler } from 'hono';
import { AppError } from '../domain/errors.js';
import type { AppEnv } from './env.js';
import { errorResponder } from './errors.js';
import { methodNotAllowed, methodsByPath } from './method-not-allowed.js';
import { language } from './middleware/language.js';
import { requestId } from './middleware/request-id.js';
import { securityHeaders } from './middleware/security-headers.js';
import { applicationRoutes } from './routes/application-routes.js';
import { authRoutes } from './routes/auth-routes.js';
import { cabinetPageRoute } from './routes/cabinet-page.js';
import { certificateDocumentsRoute } from './routes/certificate-documents.js';
import { certificateSearchRoute } from './routes/certificate-search.js';
import { consoleOfficerRoute } from './routes/console-officer.js';
import { consolePageRoute } from './routes/console-page.js';
import { devPersonasRoute } from './routes/dev-personas.js';
import { devSmsOutboxRoute } from './routes/dev-sms-outbox.js';
import { healthRoute } from './routes/health.js';
import { homeRoute } from './routes/home.js';
import { issueCertificateRoute } from './routes/issue-certificate.js';
import { jwksRoute } from './routes/jwks.js';
import { logRoutes } from './routes/log-routes.js';
import { mistakePageRoute } from './routes/mistake-page.js';
import { mistakesApiRoute } from './routes/mistakes-api.js';
import { pageMessagesRoute } from './routes/page-messages.js';
import { browserNotFound, pageNotFoundRoute } from './routes/page-not-found.js';
import { providerKeyRoutes } from './routes/provider-keys.js';
import { readCertificateRoute } from './routes/read-certificate.js';
import { reviewRoutes } from './routes/review-routes.js';
import { revokeCertificateRoute } from './routes/revoke-certificate.js';
import { servicePageRoute } from './routes/service-page.js';
import { statusListRoute } from './routes/status-list.js';
import { suspendCertificateRoutes } from './routes/suspend-certificate.js';
import { verifyApiRoute } from './routes/verify-api.js';
import { verifyLookupRoute } from './routes/verify-lookup.js';
import { verifyPageRoute } from './routes/verify-page.js';
import { verifyReceiptRoute } from './routes/verify-receipt.js';
import { verifyTrailingSlashRoute } from './routes/verify-trailing-slash.js';
import { verifyUploadRoute } from './routes/verify-upload.js';
import type { AppServices } from './services.js';

export interface AppOptions {
  /** Serves `public/`: node-server's serveStatic on Node, the assets binding on Workers. */
  staticAssets?: MiddlewareHandler;
  /** Answers verification from an edge cache before the routes run (Workers). */
  edgeCache?: MiddlewareHandler<AppEnv>;
  /**
   * The caller's address as the runtime knows it (the socket on Node, `CF-Connecting-IP` on
   * Workers), for in-memory rate limits and visitor pseudonyms only. Never logged or stored.
   */
  clientAddress?: (c: Context) => string | undefined;
}

/** The whole HTTP surface, the same on Node and on Workers. */
export function createApp(services: AppServices, options: AppOptions = {}) {
  const app = new Hono<AppEnv>();

  app.use(requestId(services.newRequestId));
  app.use(async (c, next) => {
    c.set('logger', services.logger.child({ requestId: c.get('requestId') }));
    await next();
  });
  app.use(securityHeaders);
  app.use(async (c, next) => {
    c.set('clientAddress', options.clientAddress?.(c) ?? 'unknown');
    await next();
  });
  app.use(language);
  if (options.edgeCache) app.use(options.edgeCache);

  app.route('/', healthRoute(services));
  app.route('/', jwksRoute(services));
  app.route('/', verifyLookupRoute(services));
  app.route('/', verifyApiRoute(services));
  app.route('/', verifyPageRoute(services));
  app.route('/', verifyTrailingSlashRoute());
  app.route('/', verifyReceiptRoute(services));
  app.route('/', verifyUploadRoute(services));
  app.route('/', logRoutes(services));
  app.route('/', statusListRoute(services));
  app.route('/', issueCertificateRoute(services));
  app.route('/', revokeCertificateRoute(services));
  app.route('/', suspendCertificateRoutes(services));
  app.route('/', providerKeyRoutes(services));
  app.route('/', certificateDocumentsRoute(services));
  app.route('/', readCertificateRoute(services));
  app.route('/', certificateSearchRoute(services));
  app.route('/', authRoutes(services));
  app.route('/', devSmsOutboxRoute(services));
  app.route('/', applicationRoutes(services));
  app.route('/', reviewRoutes(services));
  app.route('/', devPersonasRoute(services));
  app.route('/', homeRoute(services));
  app.route('/', servicePageRoute(services));
  app.route('/', mistakesApiRoute(services));
  app.route('/', mistakePageRoute(services));
  app.route('/', pageMessagesRoute());
  app.route('/', cabinetPageRoute());
  app.route('/', consolePageRoute());
  app.route('/', consoleOfficerRoute(services));
  app.route('/', pageNotFoundRoute());
  if (options.staticAssets) app.use('*', options.staticAssets);

  const methodsAt = methodsByPath(app.routes);
  app.notFound((c) => {
    const allowed = methodsAt(c.req.path);
    if (allowed.length > 0 && !allowed.includes(c.req.method)) {
      c.header('Allow', allowed.join(', '));
      throw methodNotAllowed(c.req.method, allowed);
    }
    const page = browserNotFound(c);
    if (page) return page;
    throw new AppError('not_found', 'No such resource');
  });
  app.onError(errorResponder(services.logger));
  return app;
}

export type App = ReturnType<typeof createApp>;
