import { RETURNING_APPLICANT } from '../gateway/fixture-cases.js';

export interface Welcome {
  publicUrl: string;
  demo: boolean;
  database: string;
  /** The demo certificates: each verify URL exactly as its QR code holds it, and what it is. */
  demoLinks: DemoLink[];
}

export interface DemoLink {
  url: string;
  serial: string;
  revoked: boolean;
  /** The guardian's IIN (made-up demo data), for the lookup by serial and IIN. */
  guardianIin: string;
}

/** What `npm start` prints once it listens: where the registry is, and in demo mode how to try it. */
export function welcomeLines({ publicUrl, demo, database, demoLinks }: Welcome): string[] {
  const lines = [
    `Certificate registry listening on ${publicUrl} (database: ${database})`,
    `  health:  ${publicUrl}/healthz`,
    `  keys:    ${publicUrl}/.well-known/jwks.json`,
  ];
  if (!demo) return lines;

  lines.push(
    '',
    'Demo mode: officer tokens demo-officer-astana and demo-officer-almaty.',
    'Issue a certificate:',
    `  curl -s -X POST ${publicUrl}/api/v1/certificates \\`,
    "    -H 'Authorization: Bearer demo-officer-astana' -H 'Content-Type: application/json' \\",
    '    -d @examples/guardianship.json',
  );
  for (const { url, serial, revoked, guardianIin } of demoLinks) {
    const what = revoked ? 'revoked' : 'valid';
    lines.push(`Demo certificate ${serial} (${what}; guardian's IIN ${guardianIin}): ${url}`);
  }
  return lines;
}

/** Where to find the persona whose certificate the demo put in her cabinet. */
export function returningApplicantLines(publicUrl: string, link: string | undefined): string[] {
  const lines = [
    `A certificate already in the cabinet: sign in at ${publicUrl}/cabinet as the persona`,
    `  ${RETURNING_APPLICANT} (SMS code or EDS key file; her IIN is in the persona list above)`,
  ];
  if (link) lines.push(`  issued on her application just now: ${link}`);
  return lines;
}
