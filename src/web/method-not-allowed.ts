import { PatternRouter } from 'hono/router/pattern-router';
import { AppError } from '../domain/errors.js';

/** A route as Hono lists it in `app.routes`; middleware is listed under the method `ALL`. */
interface RouteEntry {
  method: string;
  path: string;
}

/**
 * Answers the methods the app's routes take at a path, for a 405 with `Allow` in place of a 404
 * when the path exists but not for the method asked. Matching is Hono's own pattern router over
 * the same route paths, so `:id` and `*` mean here what they mean in the app.
 */
export function methodsByPath(routes: readonly RouteEntry[]): (path: string) => string[] {
  const router = new PatternRouter<string>();
  for (const { method, path } of routes) if (method !== 'ALL') router.add('ALL', path, method);

  return (path) => {
    const [matches] = router.match('ALL', path);
    const methods = new Set(matches.map(([method]) => method));
    if (methods.has('GET')) methods.add('HEAD');
    return [...methods].sort();
  };
}

export function methodNotAllowed(method: string, allowed: readonly string[]): AppError {
  return new AppError(
    'method_not_allowed',
    `${method} is not allowed here; this resource takes ${allowed.join(', ')}`,
  );
}
