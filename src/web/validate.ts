import { zValidator } from '@hono/zod-validator';
import type { ZodType } from 'zod';
import { AppError } from '../domain/errors.js';

/**
 * `@hono/zod-validator` with our error shape: the first problem becomes a 400 that names the
 * field (`child.birthDate`) and says what was expected. Values are never echoed back.
 */
export const validJson = <T extends ZodType>(schema: T) =>
  zValidator('json', schema, (result) => {
    if (result.success) return;

    const issue = result.error.issues[0];
    const field = issue?.path.map(String).join('.') || undefined;
    let message = issue?.message ?? 'invalid request body';
    if (issue?.code === 'unrecognized_keys') {
      message = `unknown field(s): ${issue.keys.join(', ')}`;
    } else if (issue?.code === 'invalid_type' && issue.input === undefined) {
      message = 'is required';
    }
    throw new AppError('validation_failed', field ? `${field}: ${message}` : message, field);
  });
