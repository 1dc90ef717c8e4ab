/**
 * A certificate serial as printed: the provider's code, the year and the number, e.g.
 * `AST-2026-000003`. Pure, so the front page checks a typed serial with the same rule as the API.
 */
export const SERIAL = /^[A-Z]{2,10}-\d{4}-\d{6,9}$/;
