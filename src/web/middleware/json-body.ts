import { zValidator } from '@hono/zod-validator';
import type { MiddlewareHandler } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { z } from 'zod';
import { AppError } from '../../domain/errors.js';
import type { AppEnv } from '../env.js';
import { assertJsonType, readJson, readUtf8 } from '../read-json.js';
import { validationError } from '../validate.js';

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

/** What a route reads with `c.req.valid('json')` after `jsonBody(schema)`. */
type ValidJson<T extends z.ZodType> = { in: { json: z.input<T> }; out: { json: z.output<T> } };

export interface JsonBodyOptions {
  /**
   * The body may be left out: no body at all (with no Content-Type, or with the JSON one) reads
   * as `{}`. Whatever is sent is held to the same rules as a required body.
   */
  optional?: boolean;
  /** Runs before a body of the wrong shape is refused, with what was sent (EDS sign-in spends
   * the nonce it names). */
  onInvalid?: (body: unknown) => Promise<void>;
}

/**
 * The JSON body of a state-changing API call, read in one way everywhere: at most 16 KiB
 * (`413`), `Content-Type: application/json` in UTF-8 (`415`), well-formed UTF-8 JSON (`400
 * malformed_json`), no member name twice in an object, and the shape of `schema`, unknown fields
 * included (`400 validation_failed` naming the field). Routes read it with `c.req.valid('json')`.
 */
export function jsonBody<T extends z.ZodType>(
  schema: T,
  options: JsonBodyOptions = {},
): MiddlewareHandler<AppEnv, string, ValidJson<T>> {
  // Typed as a plain middleware: the route sees the validated type through `jsonBody`'s own.
  const validate: MiddlewareHandler = zValidator('json', schema, async (result) => {
    if (result.success) return;
    await options.onInvalid?.(result.data);
    throw validationError(result.error, result.data);
  });
  return (c, next) =>
    limit(c, async () => {
      const contentType = c.req.header('content-type');
      let body: unknown;
      if (options.optional && contentType === undefined) {
        if ((await readUtf8(c)) !== '') assertJsonType(contentType);
        body = {};
      } else {
        assertJsonType(contentType);
        body = await readJson(c, options.optional ? { emptyAs: {} } : {});
      }

      // The shape is checked by @hono/zod-validator, on the body as read here (an empty
      // optional one as `{}`): Hono answers the validator's `c.req.json()` from its text cache.
      // (The cache holds promises, whatever its declared type says.)
      (c.req.bodyCache as { text?: Promise<string> }).text = Promise.resolve(JSON.stringify(body));
      await validate(c, next);
    });
}

/** For calls that take no body: none, or `{}`; any field is `400 validation_failed` naming it. */
export const noBody = jsonBody(z.strictObject({}), { optional: true });
