/**
 * A stand-in for `fetch` that plays back scripted answers and records what was asked, so the HTTP
 * adapter is tested without a network.
 */

export type Reply = (init: RequestInit) => Promise<Response>;

export interface FetchCall {
  url: string;
  headers: Record<string, string>;
}

export function fetchStub(...replies: Reply[]) {
  const calls: FetchCall[] = [];
  const queue = [...replies];

  const fetch = async (url: string, init: RequestInit) => {
    calls.push({ url, headers: { ...(init.headers as Record<string, string>) } });
    const reply = queue.shift();
    if (!reply) throw new Error(`fetch stub: no reply left for call ${calls.length}`);
    return reply(init);
  };

  return { fetch, calls, pending: () => queue.length };
}

/** A JSON answer with the given status. */
export function json(status: number, body: unknown, headers: Record<string, string> = {}): Reply {
  return async () =>
    new Response(JSON.stringify(body), {
      status,
      headers: { 'content-type': 'application/json', ...headers },
    });
}

/** An answer with a raw text body. */
export function text(status: number, body: string, headers: Record<string, string> = {}): Reply {
  return async () => new Response(body, { status, headers });
}

/** A server that never answers: the promise settles only when the request's signal aborts. */
export function hang(): Reply {
  return (init) =>
    new Promise((_, reject) => {
      const signal = init.signal;
      if (!signal) return;
      signal.addEventListener('abort', () => reject(signal.reason), { once: true });
    });
}

/** A connection that fails the way `fetch` reports it: a TypeError. */
export function networkError(): Reply {
  return async () => {
    throw new TypeError('fetch failed');
  };
}

/** The same reply `count` times. */
export function times(count: number, reply: Reply): Reply[] {
  return Array.from({ length: count }, () => reply);
}
