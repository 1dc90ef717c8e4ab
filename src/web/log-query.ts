import { fieldError } from '../domain/errors.js';

/** A tree size or index as text: decimal, no sign, no leading zeros, exact as a JS number. */
const DECIMAL = /^(?:0|[1-9][0-9]{0,15})$/;

/**
 * Reads a non-negative integer parameter of the log endpoints (`size`, `from`, `to`, an entry
 * index). A missing or malformed value is a 400 naming the parameter and the expected form.
 */
export function logInteger(value: string | undefined, name: string, minimum = 0): number {
  if (value === undefined || value === '')
    throw fieldError('validation_failed', name, 'is required');

  const number = Number(value);
  if (!DECIMAL.test(value) || !Number.isSafeInteger(number) || number < minimum) {
    throw fieldError(
      'validation_failed',
      name,
      `expected a whole number of at least ${minimum}, without sign or leading zeros`,
    );
  }
  return number;
}
