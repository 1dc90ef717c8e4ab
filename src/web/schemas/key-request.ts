import { z } from 'zod';

/** `POST /api/v1/providers/<id>/keys/<kid>/compromise`: since when the key is not to be trusted. */
export const compromiseRequestSchema = z.strictObject({
  since: z.iso.datetime({
    offset: true,
    message: 'expected an ISO 8601 instant with a time zone, e.g. 2026-12-01T00:00:00Z',
  }),
});

/** A kid: the RFC 7638 thumbprint, 32 bytes as 43 base64url characters. */
export const KID = /^[A-Za-z0-9_-]{43}$/;
