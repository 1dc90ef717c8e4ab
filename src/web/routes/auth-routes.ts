import { Hono } from 'hono';
import type { AppEnv } from '../env.js';
import type { AppServices } from '../services.js';
import { edsChallengeRoute } from './auth-eds-challenge.js';
import { edsSignInRoute } from './auth-eds-sign-in.js';
import { logoutRoute } from './auth-logout.js';
import { otpRequestRoute } from './auth-otp-request.js';
import { otpVerifyRoute } from './auth-otp-verify.js';

/** Citizen sign-in and sign-out under `/api/v1/auth/`, one file per operation. */
export function authRoutes(services: AppServices) {
  return new Hono<AppEnv>()
    .route('/', otpRequestRoute(services))
    .route('/', otpVerifyRoute(services))
    .route('/', edsChallengeRoute(services))
    .route('/', edsSignInRoute(services))
    .route('/', logoutRoute(services));
}
