import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex, utf8ToBytes } from '@noble/hashes/utils.js';
import { createMiddleware } from 'hono/factory';
import { AppError } from '../../domain/errors.js';
import type { RegistryStore } from '../../store/registry-store.js';
import type { AppEnv } from '../env.js';

/** Officer tokens are stored as SHA-256 hex; they are long random strings, so no salt is needed. */
export function hashOfficerToken(token: string): string {
  return bytesToHex(sha256(utf8ToBytes(token)));
}

/** RFC 9110 §11.1: the scheme name is case-insensitive. */
const BEARER = /^bearer ([\x21-\x7e]{8,200})$/i;

/**
 * Resolves `Authorization: Bearer <token>` to an officer of a provider, or answers 401.
 * `role` narrows further: an officer without it gets 403.
 */
export const officerAuth = (store: RegistryStore, role?: string) =>
  createMiddleware<AppEnv>(async (c, next) => {
    const match = BEARER.exec(c.req.header('authorization') ?? '');
    if (!match?.[1]) {
      throw new AppError(
        'unauthorized',
        'An officer bearer token is required (Authorization: Bearer …)',
      );
    }

    const officer = await store.officerByTokenHash(hashOfficerToken(match[1]));
    if (!officer || officer.disabledAt) {
      throw new AppError('unauthorized', 'The bearer token is not valid');
    }
    if (role && !officer.roles.includes(role)) {
      throw new AppError('forbidden', `This officer lacks the "${role}" role`);
    }

    c.set('officer', { id: officer.id, providerId: officer.providerId, roles: officer.roles });
    await next();
  });
