/**
 * One idempotent JSON GET against a state source, made resilient: a timeout on every attempt,
 * bounded retries with backoff for failures that may pass, and a circuit breaker per source.
 * Whatever goes wrong comes out as a {@link GatewayUnavailableError}; only a 404 where the caller
 * allows it comes out as "not found".
 *
 * Logs carry the source, the operation and the attempt, never the URL: it holds an IIN.
 */

import type { ZodType } from 'zod';

import type { Logger } from '../logging/logger.js';
import type { Clock } from '../runtime/clock.js';
import { type BackoffOptions, backoffDelay, parseRetryAfter } from './backoff.js';
import type { CircuitBreaker } from './circuit-breaker.js';
import { type GatewaySource, GatewayUnavailableError, type UnavailableReason } from './gateway.js';
import type { Sleep } from './sleep.js';

export type Fetch = (input: string, init: RequestInit) => Promise<Response>;

export interface GatewayHttpClientOptions extends BackoffOptions {
  token: string;
  /** Limit on one attempt, from sending the request to reading the whole body. */
  timeoutMs: number;
  /** Attempts per call, the first included. */
  maxAttempts: number;
  /** A `Retry-After` longer than this ends the call at once; the caller retries later. */
  maxRetryAfterMs: number;
  fetch: Fetch;
  clock: Clock;
  sleep: Sleep;
  random: () => number;
  logger?: Logger;
}

export interface JsonGet<T> {
  source: GatewaySource;
  /** A name for logs, e.g. `person`; never the path. */
  operation: string;
  /** The full URL; it contains an IIN and stays out of logs and messages. */
  url: string;
  schema: ZodType<T>;
  /** Whether a 404 means "not found" (`null`) or a misrouted request (unavailable). */
  notFoundIsNull: boolean;
  /** A check of the parsed answer against the question, e.g. that it is about the same IIN. */
  matches?: (value: T) => boolean;
}

type Attempt<T> =
  | { ok: true; value: T | null }
  | { ok: false; error: GatewayUnavailableError; retriable: boolean; unhealthy: boolean };

export class GatewayHttpClient {
  constructor(private readonly options: GatewayHttpClientOptions) {}

  /** The answer, `null` for an allowed 404, or a thrown `GatewayUnavailableError`. */
  async getJson<T>(request: JsonGet<T>, breaker: CircuitBreaker): Promise<T | null> {
    const { maxAttempts, logger } = this.options;
    const log = { source: request.source, operation: request.operation };

    for (let attempt = 1; ; attempt++) {
      const permit = breaker.acquire();
      if (!permit.allowed) {
        logger?.warn('gateway.circuit_open', log);
        throw unavailable(request.source, 'circuit_open', 'circuit open', permit.retryAfterMs);
      }

      const result = await this.attempt(request).catch((bug: unknown) => {
        // Not a failure of the source, but the permit must be given back either way.
        breaker.failure();
        throw bug;
      });
      if (!result.ok && result.unhealthy) breaker.failure();
      else breaker.success();
      if (result.ok) return result.value;

      const { error } = result;
      const waitAtLeast = error.retryAfterMs ?? 0;
      const last =
        !result.retriable || attempt >= maxAttempts || waitAtLeast > this.options.maxRetryAfterMs;
      if (last) {
        // A rejection means this deployment is misconfigured: someone has to act on it.
        const level = error.reason === 'rejected' ? 'error' : 'warn';
        logger?.[level]('gateway.unavailable', { ...log, attempts: attempt, reason: error.reason });
        throw error;
      }

      const delayMs = Math.max(
        waitAtLeast,
        backoffDelay(attempt, this.options, this.options.random),
      );
      logger?.info('gateway.retry', { ...log, attempt, reason: error.reason, delayMs });
      await this.options.sleep(delayMs);
    }
  }

  private async attempt<T>(request: JsonGet<T>): Promise<Attempt<T>> {
    const { source } = request;
    let response: Response;

    try {
      response = await this.options.fetch(request.url, {
        method: 'GET',
        headers: { accept: 'application/json', authorization: `Bearer ${this.options.token}` },
        redirect: 'manual',
        signal: AbortSignal.timeout(this.options.timeoutMs),
      });
    } catch (cause) {
      return failed(transportError(source, cause), true);
    }

    if (response.status === 404 && request.notFoundIsNull) {
      await discard(response);
      return { ok: true, value: null };
    }

    if (response.status === 429 || response.status >= 500) {
      const retryAfterMs = parseRetryAfter(
        response.headers.get('retry-after'),
        this.options.clock.now(),
      );
      await discard(response);
      const reason = response.status === 429 ? 'rate_limited' : 'server_error';
      const error = unavailable(source, reason, `answered ${response.status}`, retryAfterMs);
      return failed(error, true);
    }

    if (response.status !== 200) {
      // 3xx, 401, 403, a misrouted 404: the source is up but will not answer this client as
      // configured. Retrying now cannot help, and it says nothing about the source's health.
      await discard(response);
      const error = unavailable(source, 'rejected', `answered ${response.status}`);
      return { ok: false, error, retriable: false, unhealthy: false };
    }

    return this.read(request, response);
  }

  private async read<T>(request: JsonGet<T>, response: Response): Promise<Attempt<T>> {
    let body: unknown;
    try {
      body = JSON.parse(await response.text());
    } catch (cause) {
      if (cause instanceof SyntaxError) return malformed(request.source, 'body is not JSON');
      return failed(transportError(request.source, cause), true);
    }

    const parsed = request.schema.safeParse(body);
    if (!parsed.success) {
      // Zod's issues name paths and expectations, not the values, so they may go into the message.
      const where = parsed.error.issues.map((issue) => issue.path.join('.') || '(root)');
      return malformed(request.source, `unexpected answer at ${where.slice(0, 3).join(', ')}`);
    }

    if (request.matches && !request.matches(parsed.data)) {
      return malformed(request.source, 'answer is about another record than asked');
    }
    return { ok: true, value: parsed.data };
  }
}

function transportError(source: GatewaySource, cause: unknown): GatewayUnavailableError {
  // Runtimes differ in whether the DOMException of an aborted fetch is an `Error`; read the name.
  const name = typeof cause === 'object' && cause !== null && 'name' in cause ? cause.name : '';
  if (name === 'TimeoutError' || name === 'AbortError') {
    return unavailable(source, 'timeout', 'timed out', undefined, cause);
  }
  return unavailable(source, 'network', 'could not be reached', undefined, cause);
}

function malformed<T>(source: GatewaySource, message: string): Attempt<T> {
  // Not retried at once (the same answer would likely come back), but counted against the
  // source, since a healthy source answers in its contract.
  return {
    ok: false,
    error: unavailable(source, 'malformed', message),
    retriable: false,
    unhealthy: true,
  };
}

function failed<T>(error: GatewayUnavailableError, retriable: boolean): Attempt<T> {
  return { ok: false, error, retriable, unhealthy: true };
}

function unavailable(
  source: GatewaySource,
  reason: UnavailableReason,
  message: string,
  retryAfterMs?: number,
  cause?: unknown,
): GatewayUnavailableError {
  const options = cause === undefined ? undefined : { cause };
  return new GatewayUnavailableError(source, reason, message, retryAfterMs, options);
}

/** Lets the connection be reused without reading a body nobody needs. */
async function discard(response: Response): Promise<void> {
  try {
    await response.body?.cancel();
  } catch {
    // The body is of no interest; a failure to cancel it changes nothing.
  }
}
