/**
 * What an integrator does over HTTP, as small helpers for the end-to-end tests: issue, verify,
 * revoke, download, decode a QR with an independent decoder, and check the one error shape.
 */
import { decode } from 'fast-png';
import jsQR from 'jsqr';
import { expect } from 'vitest';
import type { VerificationResult } from '../../src/services/verification-result.js';
import { ASTANA, asOfficer, type TestRegistry } from '../support/app.js';
import { guardianshipRequest } from '../support/requests.js';

export type Officer = { authorization: string };

/** The certificate as `POST /api/v1/certificates` and `GET …/<id>` answer it. */
export interface CertificateJson {
  id: string;
  serial: string;
  type: string;
  status: 'active' | 'revoked';
  provider: { id: string; nameKk: string; nameRu: string };
  guardian: Record<string, string>;
  child: Record<string, string>;
  decision: { number: string; date: string };
  validFrom: string;
  validUntil: string;
  issuedAt: string;
  kid: string;
  verifyUrl: string;
  revocation?: { at: string; reason: string; comment: string | null };
  documents: { pdf: string; png: string };
  alreadyRevoked?: boolean;
}

export interface ErrorJson {
  error: { code: string; message: string; field?: string };
  requestId: string;
}

/** `POST /api/v1/certificates` as an officer; the response is returned as it came. */
export async function postIssue(
  registry: TestRegistry,
  body: unknown = guardianshipRequest(),
  options: { officer?: Officer; headers?: Record<string, string> } = {},
): Promise<Response> {
  return registry.request('/api/v1/certificates', {
    method: 'POST',
    headers: asOfficer(options.officer ?? ASTANA, options.headers),
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
}

/** Issues and expects `201 Created`. */
export async function issue(
  registry: TestRegistry,
  body: unknown = guardianshipRequest(),
  officer: Officer = ASTANA,
): Promise<CertificateJson> {
  const response = await postIssue(registry, body, { officer });
  const json = await response.json();
  expect(response.status, JSON.stringify(json)).toBe(201);
  return json as CertificateJson;
}

/** The token at the end of a verify URL, exactly as printed (upper case). */
export function tokenOf(verifyUrl: string): string {
  const token = /\/V\/([A-Z2-7]+)$/.exec(verifyUrl)?.[1];
  if (!token) throw new Error(`not a verify URL: ${verifyUrl}`);
  return token;
}

/** `GET /api/v1/verify/<token>`, expecting the always-200 verdict. */
export async function verify(registry: TestRegistry, token: string): Promise<VerificationResult> {
  const response = await registry.request(`/api/v1/verify/${token}`);
  expect(response.status).toBe(200);
  return (await response.json()) as VerificationResult;
}

/** `POST /api/v1/certificates/<id>/revoke` as an officer. */
export async function postRevoke(
  registry: TestRegistry,
  id: string,
  body: unknown,
  officer: Officer = ASTANA,
): Promise<Response> {
  return registry.request(`/api/v1/certificates/${id}/revoke`, {
    method: 'POST',
    headers: asOfficer(officer),
    body: JSON.stringify(body),
  });
}

const MEDIA = { pdf: 'application/pdf', png: 'image/png' } as const;

/** A document of a certificate as bytes, expecting 200 and the media type. */
export async function download(
  registry: TestRegistry,
  id: string,
  format: 'pdf' | 'png',
  officer: Officer = ASTANA,
): Promise<Uint8Array> {
  const response = await registry.request(`/api/v1/certificates/${id}/document.${format}`, {
    headers: officer,
  });
  expect(response.status).toBe(200);
  expect(response.headers.get('content-type')).toBe(MEDIA[format]);
  return new Uint8Array(await response.arrayBuffer());
}

/**
 * Reads the QR code of a PNG with fast-png and jsQR, neither of which renders our documents.
 * Returns the text and the QR version jsQR found. Takes grey, grey+alpha, RGB and RGBA at any bit
 * depth (the foreign test codes come as 1-bit grey).
 */
export function readQr(png: Uint8Array): { text: string; version: number } | undefined {
  const image = decode(png);
  if (image.palette) throw new Error('readQr: indexed-colour PNGs are not supported');

  const { width, height, depth, channels } = image;
  const max = 2 ** depth - 1;
  const rowBytes = Math.ceil((width * channels * depth) / 8);
  const sample = (x: number, y: number, channel: number): number => {
    if (depth >= 8) return (image.data[(y * width + x) * channels + channel] ?? 0) / max;
    const bit = (x * channels + channel) * depth;
    const byte = image.data[y * rowBytes + Math.floor(bit / 8)] ?? 0;
    return ((byte >> (8 - depth - (bit % 8))) & max) / max;
  };

  const rgba = new Uint8ClampedArray(width * height * 4);
  const colour = channels >= 3;
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const at = (y * width + x) * 4;
      for (let c = 0; c < 3; c++) rgba[at + c] = Math.round(sample(x, y, colour ? c : 0) * 255);
      rgba[at + 3] = 255;
    }
  }

  const found = jsQR(rgba, width, height);
  return found ? { text: found.data, version: found.version } : undefined;
}

/**
 * A standalone run of 12 digits: what a full IIN looks like in a text. Bounded by non-word
 * characters, so random hex request ids, which can hold a dozen digits in a row, do not match.
 */
export const TWELVE_DIGITS = /\b\d{12}\b/;

/**
 * Checks the one error shape of the API: exactly `{ error: { code, message, field? }, requestId }`,
 * the request id echoed in `X-Request-Id`, and a message that never carries an IIN.
 */
export async function expectError(
  response: Response,
  expected: { status: number; code: string; field?: string; message: string | RegExp },
): Promise<ErrorJson> {
  const text = await response.text();
  expect(response.status, text).toBe(expected.status);
  expect(response.headers.get('content-type')).toMatch(/^application\/json/);

  const body = JSON.parse(text) as ErrorJson;
  expect(Object.keys(body).sort()).toEqual(['error', 'requestId']);
  const keys = expected.field === undefined ? ['code', 'message'] : ['code', 'field', 'message'];
  expect(Object.keys(body.error).sort()).toEqual(keys);

  expect(body.error.code).toBe(expected.code);
  expect(body.error.field).toBe(expected.field);
  expect(body.error.message).toMatch(expected.message);
  expect(body.error.message).not.toMatch(TWELVE_DIGITS);
  expect(body.requestId).toBe(response.headers.get('x-request-id'));
  return body;
}
