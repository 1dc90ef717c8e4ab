import { describe, expect, it } from 'vitest';
import { HttpSms } from '../../src/notifier/http-sms.js';
import { SmsDeliveryError } from '../../src/notifier/sms.js';
import { fetchStub, hang, json, text } from '../gateway/fetch-stub.js';

const URL = 'https://sms.example.kz/v1/messages';

async function failure(promise: Promise<unknown>): Promise<SmsDeliveryError> {
  const error = await promise.then(
    () => undefined,
    (thrown: unknown) => thrown,
  );
  if (!(error instanceof SmsDeliveryError)) throw new Error('expected SmsDeliveryError');
  return error;
}

describe('HttpSms', () => {
  it('POSTs the phone and text as JSON with the bearer token', async () => {
    let body: unknown;
    const stub = fetchStub(async (init) => {
      body = JSON.parse(String(init.body));
      expect(init.method).toBe('POST');
      return new Response(null, { status: 202 });
    });
    const sms = new HttpSms({ url: URL, token: 'sms-token', fetch: stub.fetch });

    await sms.send('+77011234567', 'Растау коды: 123456.');

    expect(stub.calls).toEqual([
      {
        url: URL,
        headers: {
          authorization: 'Bearer sms-token',
          'content-type': 'application/json',
          accept: 'application/json',
        },
      },
    ]);
    expect(body).toEqual({ to: '+77011234567', text: 'Растау коды: 123456.' });
  });

  it.each([
    [400, 'rejected'],
    [401, 'rejected'],
    [302, 'rejected'],
    [429, 'server_error'],
    [503, 'server_error'],
  ])('turns a %i into a %s failure, without retrying', async (status, reason) => {
    const stub = fetchStub(text(status, 'no'), json(200, {}));
    const sms = new HttpSms({ url: URL, token: 't', fetch: stub.fetch });

    const error = await failure(sms.send('+77011234567', 'x'));

    expect(error.reason).toBe(reason);
    expect(error.message).toBe(`SMS gateway answered ${status}`);
    expect(stub.pending()).toBe(1);
  });

  it('gives up after its timeout', async () => {
    const stub = fetchStub(hang());
    const sms = new HttpSms({ url: URL, token: 't', timeoutMs: 20, fetch: stub.fetch });

    const error = await failure(sms.send('+77011234567', 'x'));

    expect(error.reason).toBe('timeout');
  });

  it('reports an unreachable gateway without the phone or the text', async () => {
    const stub = fetchStub(async () => {
      throw new TypeError('fetch failed');
    });
    const sms = new HttpSms({ url: URL, token: 't', fetch: stub.fetch });

    const error = await failure(sms.send('+77011234567', 'Растау коды: 123456.'));

    expect(error.reason).toBe('network');
    expect(error.message).not.toMatch(/7011234567|123456/);
  });
});
