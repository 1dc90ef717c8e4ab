import { SmsDeliveryError, type SmsSender } from './sms.js';

export type SmsFetch = (input: string, init: RequestInit) => Promise<Response>;

export interface HttpSmsOptions {
  /** The operator's endpoint that accepts one message per POST. */
  url: string;
  /** Sent as `Authorization: Bearer <token>`. */
  token: string;
  /** Limit on the whole call, from sending to the status line. Default 5 s. */
  timeoutMs?: number;
  /** Injected in tests; the platform's fetch otherwise. */
  fetch?: SmsFetch;
}

const DEFAULT_TIMEOUT_MS = 5_000;

/**
 * The production SMS sender: POSTs `{ "to": "+7…", "text": "…" }` as JSON to an HTTP SMS gateway
 * and takes any 2xx as accepted.
 *
 * It makes one attempt and never retries: a request that timed out may still have been
 * delivered, and a second code-bearing SMS is worse than asking the citizen to try again in a
 * minute. Uses only `fetch`, so it runs on Node and on Workers alike.
 */
export class HttpSms implements SmsSender {
  private readonly timeoutMs: number;
  private readonly fetch: SmsFetch;

  constructor(private readonly options: HttpSmsOptions) {
    this.timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
    this.fetch = options.fetch ?? ((input, init) => fetch(input, init));
  }

  async send(phone: string, text: string): Promise<void> {
    let response: Response;
    try {
      response = await this.fetch(this.options.url, {
        method: 'POST',
        headers: {
          authorization: `Bearer ${this.options.token}`,
          'content-type': 'application/json',
          accept: 'application/json',
        },
        body: JSON.stringify({ to: phone, text }),
        redirect: 'manual',
        signal: AbortSignal.timeout(this.timeoutMs),
      });
    } catch (cause) {
      throw transportError(cause);
    }

    // The body is of no interest either way; cancelling it frees the connection.
    await response.body?.cancel().catch(() => {});
    if (response.status >= 200 && response.status < 300) return;

    const reason = response.status >= 500 || response.status === 429 ? 'server_error' : 'rejected';
    throw new SmsDeliveryError(reason, `SMS gateway answered ${response.status}`);
  }
}

function transportError(cause: unknown): SmsDeliveryError {
  // Runtimes differ in whether an aborted fetch rejects with an `Error`; read the name.
  const name = typeof cause === 'object' && cause !== null && 'name' in cause ? cause.name : '';
  if (name === 'TimeoutError' || name === 'AbortError') {
    return new SmsDeliveryError('timeout', 'SMS gateway timed out', { cause });
  }
  return new SmsDeliveryError('network', 'SMS gateway could not be reached', { cause });
}
