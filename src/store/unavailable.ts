/**
 * Whether an error means the database (or another dependency reached over the network) could not
 * be reached, as opposed to a query that failed. postgres.js on Node and on Workers, and PGlite,
 * raise these; the web layer answers them 503 with Retry-After, and verification turns them into
 * the `status_unavailable` verdict after the signature has been checked.
 */
export function isUnavailableError(error: unknown): boolean {
  // drizzle wraps the driver's error ("Failed query: …") and keeps it as the cause.
  for (let e = error, depth = 0; e && depth < 5; e = (e as { cause?: unknown }).cause, depth++) {
    if (isConnectionFailure(e)) return true;
  }
  return false;
}

function isConnectionFailure(error: unknown): boolean {
  const code = (error as { code?: unknown })?.code;
  const text = String((error as { message?: unknown })?.message ?? '');
  return (
    code === 'ECONNREFUSED' ||
    code === 'ECONNRESET' ||
    code === 'ETIMEDOUT' ||
    code === 'CONNECTION_CLOSED' ||
    code === 'CONNECT_TIMEOUT' ||
    code === 'CONNECTION_ENDED' ||
    code === 'CONNECTION_DESTROYED' ||
    code === '57P03' ||
    /connect(ion)? (refused|terminated|timeout)/i.test(text) ||
    /PGlite is closed/i.test(text)
  );
}
