import type { $ZodIssue } from 'zod/v4/core';
import { AppError } from '../domain/errors.js';

/**
 * The first problem of a failed zod parse of `body` as our error: a 400 `validation_failed` that
 * names the field and says what was expected. Values are never echoed back.
 */
export function validationError(error: { issues: readonly $ZodIssue[] }, body: unknown): AppError {
  const issue = error.issues[0];
  let field = issue?.path.map(String).join('.') || undefined;
  let message = (issue?.message ?? 'invalid request body').replace(/^Invalid input: /, '');
  if (issue?.code === 'unrecognized_keys') {
    // Name the first unknown member itself, so a misspelt `midleName` points at itself.
    field = [...issue.path.map(String), issue.keys[0]].join('.');
    message =
      issue.keys.length > 1 ? `unknown field (and ${issue.keys.length - 1} more)` : 'unknown field';
  } else if (issue && field && isMissing(body, issue.path)) {
    // zod 4 keeps no `input` on issues, so a missing field is found in the body itself.
    message = 'is required';
  }
  // A body that is not an object at all has no field to name: say it is the body.
  return new AppError('validation_failed', `${field ?? 'request body'}: ${message}`, field);
}

/** True when the body has nothing at `path` (a parent that is not an object counts as nothing). */
function isMissing(body: unknown, path: readonly PropertyKey[]): boolean {
  let value = body;
  for (const key of path) {
    if (value === null || typeof value !== 'object') return true;
    value = (value as Record<PropertyKey, unknown>)[key];
  }
  return value === undefined;
}
