import type { Server } from 'node:http';
import { STATUS_CODES } from 'node:http';
import type { Duplex } from 'node:stream';
import type { ServerType } from '@hono/node-server';
import { ERROR_STATUS } from '../domain/error-status.js';
import { AppError } from '../domain/errors.js';
import type { Logger } from '../logging/logger.js';
import type { ErrorBody } from '../web/errors.js';

/**
 * Answers requests that Node's HTTP parser refuses before the app sees them (a request line or
 * headers over Node's 16 KB, bytes that are not HTTP) in the one error shape, where Node would
 * write a bare status line. Nothing of the request is echoed or logged but the parser's code.
 */
export function answerClientErrors(
  server: ServerType,
  deps: { newRequestId: () => string; logger: Logger },
): void {
  // node-server serves HTTP/1.1 here (no `createServer` option given): an http.Server.
  (server as Server).on('clientError', (error: NodeJS.ErrnoException, socket: Duplex) => {
    if (error.code === 'ECONNRESET' || !socket.writable) {
      socket.destroy();
      return;
    }
    const requestId = `req_${deps.newRequestId()}`;
    deps.logger.info('http.client_error', { requestId, parser: error.code ?? 'unknown' });
    socket.end(rawResponse(refusal(error.code), requestId));
  });
}

function refusal(parserCode: string | undefined): AppError {
  if (parserCode === 'HPE_HEADER_OVERFLOW') {
    return new AppError(
      'headers_too_large',
      'The request line and headers exceed 16 KB; a verify link is far shorter',
    );
  }
  return new AppError('validation_failed', 'The request is not well-formed HTTP/1.1');
}

function rawResponse(error: AppError, requestId: string): string {
  const status = ERROR_STATUS[error.code];
  const body: ErrorBody = { error: { code: error.code, message: error.message }, requestId };
  const json = JSON.stringify(body);
  return [
    `HTTP/1.1 ${status} ${STATUS_CODES[status] ?? 'Error'}`,
    'Content-Type: application/json; charset=UTF-8',
    `Content-Length: ${Buffer.byteLength(json)}`,
    `X-Request-Id: ${requestId}`,
    'X-Content-Type-Options: nosniff',
    'Cache-Control: no-store',
    'Connection: close',
    '',
    json,
  ].join('\r\n');
}
