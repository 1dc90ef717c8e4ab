import type { MessageKey, Translate } from '../web/i18n/translator.js';

/** An answer of the API in its one error shape, or a network failure (`code: network`). */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly field?: string,
    /** What a page can say besides the code: a wrong code's tries left, a limit's wait. */
    readonly more: { attemptsLeft?: number; retryAfterSeconds?: number } = {},
  ) {
    super(message);
  }
}

export interface ApiInit extends RequestInit {
  /** The session's CSRF token, repeated on every state-changing citizen request. */
  csrf?: string;
  /** An officer's bearer token. */
  bearer?: string;
  /** A JSON body; sets the content type. */
  json?: unknown;
}

/** `fetch` with our headers; a non-2xx answer becomes an ApiError carrying code and field. */
export async function api<T>(path: string, init: ApiInit = {}): Promise<T> {
  const { csrf, bearer, json, ...rest } = init;
  const headers = new Headers(rest.headers);
  if (csrf) headers.set('x-csrf-token', csrf);
  if (bearer) headers.set('authorization', `Bearer ${bearer}`);
  if (json !== undefined) headers.set('content-type', 'application/json');

  let response: Response;
  try {
    response = await fetch(path, {
      ...rest,
      headers,
      credentials: 'same-origin',
      ...(json !== undefined ? { body: JSON.stringify(json) } : {}),
    });
  } catch {
    throw new ApiError(0, 'network', 'network');
  }
  if (response.ok) return (await response.json()) as T;

  const body = (await response.json().catch(() => ({}))) as {
    error?: { code?: string; message?: string; field?: string };
  };
  const retryAfter = Number(response.headers.get('retry-after') ?? Number.NaN);
  const attemptsLeft = Number(response.headers.get('attempts-left') ?? Number.NaN);
  throw new ApiError(
    response.status,
    body.error?.code ?? `http_${response.status}`,
    body.error?.message ?? '',
    body.error?.field,
    {
      ...(Number.isInteger(attemptsLeft) ? { attemptsLeft } : {}),
      ...(Number.isInteger(retryAfter) && retryAfter > 0 ? { retryAfterSeconds: retryAfter } : {}),
    },
  );
}

/**
 * The words for an error in the page's language: `<section>.error_<code>` when the catalog has
 * them, else `<section>.error_other` naming the code. The API's own message is English and is
 * not shown.
 */
export function errorText(t: Translate, section: 'cabinet' | 'console', error: unknown): string {
  const code = error instanceof ApiError ? error.code : 'network';
  const key = `${section}.error_${code}` as MessageKey;
  const text = t(key);
  return text === key || text === `error_${code}` ? t(`${section}.failed`, { code }) : text;
}
