import { Hono } from 'hono';
import {
  ATTACHMENT_EXTENSION,
  type AttachmentMediaType,
} from '../../applications/attachment-type.js';
import type { AppEnv } from '../env.js';
import { officerAuth } from '../middleware/officer-auth.js';
import type { AppServices } from '../services.js';

/**
 * `GET /api/v1/review/applications/<id>/attachment`: the attached copy, served with the media
 * type its content showed on upload. It is sent as a download in a sandbox, so a crafted PDF
 * cannot run in the registry's origin.
 */
export function reviewAttachmentRoute(services: AppServices) {
  return new Hono<AppEnv>().get(
    '/api/v1/review/applications/:id/attachment',
    officerAuth(services.store, 'reviewer'),
    async (c) => {
      const id = c.req.param('id');
      const file = await services.applications.review.attachment(
        c.get('officer'),
        id,
        c.get('requestId'),
      );
      const extension = ATTACHMENT_EXTENSION[file.mediaType as AttachmentMediaType] ?? 'bin';

      c.header('Content-Type', file.mediaType);
      c.header('Content-Disposition', `attachment; filename="${id}.${extension}"`);
      c.header('Content-Security-Policy', 'sandbox');
      c.header('Cache-Control', 'private, no-store');
      c.header('Digest', `sha-256=${file.sha256}`);
      return c.body(file.bytes as Uint8Array<ArrayBuffer>);
    },
  );
}
