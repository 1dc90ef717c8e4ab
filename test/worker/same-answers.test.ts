import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type EdgeRig, startEdgeRig } from '../support/edge-rig.js';
import { guardianshipRequest, trusteeshipRequest } from '../support/requests.js';

// The same golden requests to the Node service and to the Worker in workerd, on one database:
// the same status, content type and body, once ids, serials, tokens and times are normalized.

let rig: EdgeRig;

beforeAll(async () => {
  rig = await startEdgeRig(8820);
}, 180_000);

afterAll(async () => {
  await rig?.close();
});

interface Answer {
  status: number;
  type: string | null;
  body: unknown;
}

type Ask = (path: string, init?: RequestInit) => Promise<Response>;

const node: Ask = (path, init) =>
  Promise.resolve(rig.node.request(`${rig.publicUrl}${path}`, init));
const worker: Ask = (path, init) => rig.fetch(path, init);

async function answer(ask: Ask, path: string, init?: RequestInit): Promise<Answer> {
  const response = await ask(path, init);
  const type = response.headers.get('content-type');
  const text = await response.text();
  const body = type?.includes('json') ? normalize(JSON.parse(text)) : normalize(text);
  return { status: response.status, type, body };
}

/**
 * Ids, serials, tokens and times differ between two issuances, and so does the position in the
 * transparency log (each issuance is a new leaf; checkpoints are signed by the second) and the
 * status-list index (drawn at random): only their type is compared. Everything else must be the
 * same.
 */
function normalize(value: unknown, key = ''): unknown {
  if (key === 'statusList' && value && typeof value === 'object') {
    return { ...value, index: typeof (value as { index: unknown }).index };
  }
  if (key === 'log' && value && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, typeof v]));
  }
  if (typeof value === 'string') {
    return value
      .replace(/<p class="checked log">[^<]*<\/p>/g, '<p class="checked log">LOG</p>')
      .replace(/crt_[a-z2-7]{26}/g, 'crt_…')
      .replace(/req_[0-9a-f]{16}/g, 'req_…')
      .replace(/[A-Z2-7]{175}/g, 'TOKEN')
      .replace(/[A-Z]{3}-\d{4}-\d{6}/g, 'SERIAL')
      .replace(/\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?Z/g, 'TIME')
      .replace(/\d\d\.\d\d\.\d{4},? \d\d:\d\d(:\d\d)?/g, 'LOCAL-TIME');
  }
  if (Array.isArray(value)) return value.map((v) => normalize(v));
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, normalize(v, k)]));
  }
  return value;
}

function post(body: unknown, headers: Record<string, string> = {}): RequestInit {
  return {
    method: 'POST',
    headers: {
      authorization: 'Bearer demo-officer-astana',
      'content-type': 'application/json',
      ...headers,
    },
    body: JSON.stringify(body),
  };
}

async function both(path: string, init?: () => RequestInit): Promise<[Answer, Answer]> {
  return [await answer(node, path, init?.()), await answer(worker, path, init?.())];
}

describe('the same answers on Node and in workerd', () => {
  it.each([
    ['/healthz'],
    ['/.well-known/jwks.json'],
    ['/api/v1/verify/NOT-A-TOKEN'],
    ['/v/NOT-A-TOKEN?lang=ru'],
    ['/api/v1/certificates/crt_aaaaaaaaaaaaaaaaaaaaaaaaaa'],
    ['/api/v1/no-such-thing'],
  ])('GET %s', async (path) => {
    const [fromNode, fromWorker] = await both(path);
    expect(fromWorker).toEqual(fromNode);
  });

  it.each([
    ['a guardianship', guardianshipRequest()],
    ['a trusteeship', trusteeshipRequest()],
    [
      'a bad IIN',
      guardianshipRequest({ guardian: { iin: '123', lastName: 'Ким', firstName: 'Ан' } }),
    ],
    ['no body', undefined],
  ])('issues %s alike, and verifies, reads and revokes it alike', async (_, request) => {
    const issued = await both('/api/v1/certificates', () => post(request));
    expect(issued[1]).toEqual(issued[0]);
    if (issued[0].status !== 201) return;

    const tokens: string[] = [];
    const ids: string[] = [];
    for (const ask of [node, worker]) {
      // The raw bodies again, for the ids and tokens the normalized ones hide.
      const response = await ask('/api/v1/certificates', post(request));
      const json = (await response.json()) as { id: string; verifyUrl: string };
      ids.push(json.id);
      tokens.push(json.verifyUrl.split('/V/')[1] ?? '');
    }

    const asks = [node, worker];
    const verified = await Promise.all(
      asks.map((ask, i) => answer(ask, `/api/v1/verify/${tokens[i]}`)),
    );
    expect(verified[1]).toEqual(verified[0]);
    const pages = await Promise.all(asks.map((ask, i) => answer(ask, `/V/${tokens[i]}?lang=kk`)));
    expect(pages[1]).toEqual(pages[0]);

    const read = await Promise.all(
      asks.map((ask, i) =>
        answer(ask, `/api/v1/certificates/${ids[i]}`, {
          headers: { authorization: 'Bearer demo-officer-astana' },
        }),
      ),
    );
    expect(read[1]).toEqual(read[0]);

    const reason = { reason: 'issued_in_error', comment: 'Қате енгізілген' };
    const revoked = await Promise.all(
      asks.map((ask, i) => answer(ask, `/api/v1/certificates/${ids[i]}/revoke`, post(reason))),
    );
    expect(revoked[1]).toEqual(revoked[0]);
    expect(revoked[0]?.status).toBe(200);
  });
});
