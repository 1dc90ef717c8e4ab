import { bodyLimit } from 'hono/body-limit';
import { createMiddleware } from 'hono/factory';
import { AppError } from '../../domain/errors.js';

/** JSON bodies of the API are small; anything larger is refused before it is read. */
const MAX_JSON_BYTES = 16 * 1024;

const limit = bodyLimit({
  maxSize: MAX_JSON_BYTES,
  onError: () => {
    throw new AppError(
      'payload_too_large',
      `The request body must be at most ${MAX_JSON_BYTES} bytes`,
    );
  },
});

/** Requires `Content-Type: application/json` and a bounded body on state-changing API calls. */
export const jsonBody = createMiddleware(async (c, next) => {
  const type = c.req.header('content-type') ?? '';
  if (!/^application\/json\s*(;|$)/i.test(type)) {
    throw new AppError('unsupported_media_type', 'Send the body as Content-Type: application/json');
  }
  return limit(c, next);
});
