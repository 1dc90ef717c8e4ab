import { request } from 'node:http';

/**
 * A request on a connection of its own, answered as a fetch Response. wrangler dev closes idle
 * keep-alive connections after a few seconds, and the pooled connection fetch picks may close
 * under it (`other side closed`); a POST is then never retried. One connection per request
 * keeps the tests about the Worker, not about that race.
 */
export function freshFetch(url: string, init: RequestInit = {}): Promise<Response> {
  return new Promise((resolve, reject) => {
    const headers: Record<string, string> = {};
    new Headers(init.headers).forEach((value, name) => {
      headers[name] = value;
    });
    const body = typeof init.body === 'string' ? init.body : undefined;
    if (init.body !== undefined && body === undefined) {
      reject(new Error('freshFetch sends string bodies only'));
      return;
    }
    const outgoing = request(
      url,
      { method: init.method ?? 'GET', headers, agent: false },
      (incoming) => {
        const chunks: Buffer[] = [];
        incoming.on('data', (chunk: Buffer) => chunks.push(chunk));
        incoming.on('error', reject);
        incoming.on('end', () => {
          const answer = new Headers();
          for (const [name, value] of Object.entries(incoming.headers)) {
            if (value !== undefined)
              answer.set(name, Array.isArray(value) ? value.join(', ') : value);
          }
          const status = incoming.statusCode ?? 500;
          const content = [204, 304].includes(status) ? null : Buffer.concat(chunks);
          resolve(new Response(content, { status, headers: answer }));
        });
      },
    );
    outgoing.on('error', reject);
    outgoing.end(body);
  });
}
