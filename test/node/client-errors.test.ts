import { request } from 'node:http';
import type { AddressInfo } from 'node:net';
import { connect } from 'node:net';
import { serve } from '@hono/node-server';
import { Hono } from 'hono';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { captureLogger } from '../../src/logging/logger.js';
import { answerClientErrors } from '../../src/node/client-errors.js';

interface Answer {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

describe('requests Node refuses before the app', () => {
  const logger = captureLogger();
  let server: ReturnType<typeof serve>;
  let port: number;

  beforeAll(async () => {
    const app = new Hono().get('/v/:token', (c) => c.text('page'));
    server = serve({ fetch: app.fetch, port: 0 });
    answerClientErrors(server, { newRequestId: () => '00112233aabbccdd', logger });
    await new Promise((resolve) => server.once('listening', resolve));
    port = (server.address() as AddressInfo).port;
  });
  afterAll(() => {
    server.close();
  });

  const get = (path: string) =>
    new Promise<Answer>((resolve, reject) => {
      const req = request({ host: '127.0.0.1', port, path }, (res) => {
        let body = '';
        res.on('data', (chunk) => {
          body += chunk;
        });
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
      });
      req.on('error', reject);
      req.end();
    });

  it('answers a 20 KB link with 431 in the one error shape', async () => {
    const secret = `SECRET${'A'.repeat(20_000)}`;
    const answer = await get(`/v/${secret}`);

    expect(answer.status).toBe(431);
    expect(answer.headers['content-type']).toBe('application/json; charset=UTF-8');
    expect(answer.headers['x-request-id']).toBe('req_00112233aabbccdd');
    expect(JSON.parse(answer.body)).toEqual({
      error: {
        code: 'headers_too_large',
        message: 'The request line and headers exceed 16 KB; a verify link is far shorter',
      },
      requestId: 'req_00112233aabbccdd',
    });
    expect(JSON.stringify(logger.lines)).not.toContain('SECRET');
  });

  it('answers bytes that are not HTTP with 400 in the one error shape', async () => {
    const raw = await new Promise<string>((resolve, reject) => {
      const socket = connect(port, '127.0.0.1', () => socket.write('HELLO THERE\r\n\r\n'));
      let text = '';
      socket.on('data', (chunk) => {
        text += chunk;
      });
      socket.on('end', () => resolve(text));
      socket.on('error', reject);
    });
    const [head = '', body = ''] = raw.split('\r\n\r\n');

    expect(head.split('\r\n')[0]).toBe('HTTP/1.1 400 Bad Request');
    expect(JSON.parse(body).error).toEqual({
      code: 'validation_failed',
      message: 'The request is not well-formed HTTP/1.1',
    });
  });

  it('still serves a request of ordinary size', async () => {
    const answer = await get('/v/ABC');
    expect([answer.status, answer.body]).toEqual([200, 'page']);
  });
});
