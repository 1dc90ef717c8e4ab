import { serve } from '@hono/node-server';
import { ConfigError, loadConfig } from './config.js';
import { localDay } from './domain/calendar.js';
import { RETURNING_APPLICANT } from './gateway/fixture-cases.js';
import { demoPersonas } from './gateway/fixture-data.js';
import { bootNode } from './node/boot.js';
import { answerClientErrors } from './node/client-errors.js';
import { writeDemoEdsKeyFiles } from './node/demo-eds-files.js';

/** `npm start`: the registry on Node, with the embedded database unless DATABASE_URL is set. */
async function main() {
  const config = loadConfig(process.env);
  const booted = await bootNode({ config });
  const edsKeys =
    config.demo && !config.gateway
      ? await writeDemoEdsKeyFiles(config.dataDir, demoPersonas(localDay(new Date())))
      : undefined;

  const server = serve({ fetch: booted.app.fetch, port: config.port }, () => {
    printWelcome(config.publicUrl, config.demo, booted.database.kind, booted.demoTokens);
    if (edsKeys) console.log(`EDS key files for demo sign-in: ${edsKeys} (README, "Citizens")`);
    if (config.demo) {
      console.log(
        `Demo applicants, one per outcome: ${config.publicUrl}/api/v1/dev/personas ` +
          '(README, "Applications")',
      );
    }
    if (config.demo && !config.gateway) {
      printReturningApplicant(config.publicUrl, booted.returningApplicantToken);
    }
  });
  answerClientErrors(server, booted.services);

  const stop = async () => {
    server.close();
    await booted.close();
    process.exit(0);
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

function printWelcome(publicUrl: string, demo: boolean, database: string, tokens: string[]) {
  const lines = [
    `Certificate registry listening on ${publicUrl} (database: ${database})`,
    `  health:  ${publicUrl}/healthz`,
    `  keys:    ${publicUrl}/.well-known/jwks.json`,
  ];
  if (demo) {
    lines.push(
      '',
      'Demo mode: officer tokens demo-officer-astana and demo-officer-almaty.',
      'Issue a certificate:',
      `  curl -s -X POST ${publicUrl}/api/v1/certificates \\`,
      "    -H 'Authorization: Bearer demo-officer-astana' -H 'Content-Type: application/json' \\",
      '    -d @examples/guardianship.json',
    );
    for (const token of tokens) lines.push(`Demo certificate: ${publicUrl}/v/${token}`);
  }
  console.log(lines.join('\n'));
}

/** Where to find the persona whose certificate the demo put in her cabinet. */
function printReturningApplicant(publicUrl: string, token: string | undefined) {
  const lines = [
    `A certificate already in the cabinet: sign in at ${publicUrl}/cabinet as the persona`,
    `  ${RETURNING_APPLICANT} (SMS code or EDS key file; her IIN is in the persona list above)`,
  ];
  if (token) lines.push(`  issued on her application just now: ${publicUrl}/v/${token}`);
  console.log(lines.join('\n'));
}

main().catch((error: unknown) => {
  if (error instanceof ConfigError) {
    console.error(error.message);
  } else {
    console.error('Failed to start:', error instanceof Error ? error.message : error);
  }
  process.exit(1);
});
