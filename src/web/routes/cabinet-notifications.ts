import { Hono } from 'hono';
import {
  type NotificationKind,
  notificationMessage,
  revocationReasonText,
  suspensionReasonText,
} from '../../applications/notification-messages.js';
import { refusalText } from '../../applications/refusal-reasons.js';
import { applicationPath } from '../application-json.js';
import type { AppEnv } from '../env.js';
import { citizenSession } from '../middleware/citizen-session.js';
import type { AppServices } from '../services.js';

/**
 * `GET /api/v1/cabinet/notifications`: submitted, issued, refused, revoked, suspended and
 * reinstated, newest first,
 * each with its message and short reason in Kazakh, Russian and English.
 */
export function cabinetNotificationsRoute(services: AppServices) {
  return new Hono<AppEnv>().get(
    '/api/v1/cabinet/notifications',
    citizenSession(services.sessions),
    async (c) => {
      const rows = await services.applications.cabinet.notifications(c.get('citizen').iin);

      c.header('Cache-Control', 'private, no-store');
      return c.json({
        notifications: rows.map((row) => {
          const kind = row.kind as NotificationKind;
          const reason = row.reasonCode
            ? {
                code: row.reasonCode,
                text: reasonText(kind, row.reasonCode),
              }
            : null;
          return {
            id: row.seq,
            kind,
            at: row.createdAt.toISOString(),
            message: notificationMessage(kind),
            reason,
            applicationId: row.applicationId,
            certificateId: row.certificateId,
            ...(row.applicationId ? { link: applicationPath(row.applicationId) } : {}),
          };
        }),
      });
    },
  );
}

function reasonText(kind: NotificationKind, code: string) {
  if (kind === 'revoked') return revocationReasonText(code) ?? null;
  if (kind === 'suspended') return suspensionReasonText(code) ?? null;
  return refusalText(code);
}
