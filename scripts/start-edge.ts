import { join } from 'node:path';
import { ConfigError, loadConfig } from '../src/config.js';
import { prepareEdgeDev } from '../src/edge-dev/prepare.js';
import { startWranglerDev } from '../src/edge-dev/wrangler-dev.js';
import { RETURNING_APPLICANT } from '../src/gateway/fixture-cases.js';

/**
 * `npm run start:edge`: the registry in workerd under `wrangler dev`, with the demo data and
 * officer tokens of `npm start`. PORT and PUBLIC_URL as for `npm start`; DATABASE_URL when set,
 * otherwise the embedded database of DATA_DIR served over the Postgres wire protocol on
 * EDGE_DATABASE_PORT (default PORT + 1).
 */
async function main() {
  const config = loadConfig(process.env);
  const databasePort = Number(process.env.EDGE_DATABASE_PORT ?? config.port + 1);
  const edge = await prepareEdgeDev({ config, databasePort });

  const wrangler = await startWranglerDev({
    port: config.port,
    inspectorPort: Number(process.env.EDGE_INSPECTOR_PORT ?? config.port + 2),
    secrets: edge.secrets,
    connectionString: edge.connectionString,
    stateDir: join(config.dataDir, 'edge'),
    inheritOutput: true,
    logLevel: 'log',
  });

  const returning = edge.returningApplicantToken;
  console.log(
    [
      `Certificate registry in workerd (wrangler dev) on ${config.publicUrl}`,
      `  database: ${config.databaseUrl ? 'DATABASE_URL' : `embedded, served on port ${databasePort}`}`,
      `  health:   ${config.publicUrl}/healthz`,
      '  officer tokens: demo-officer-astana, demo-officer-almaty',
      ...edge.demoCertificates.map(
        (c) =>
          `  demo certificate ${c.serial} (${c.revoked ? 'revoked' : 'valid'}): ` +
          `${config.publicUrl}/v/${c.token}`,
      ),
      ...(config.demo && !config.gateway
        ? [
            `  in the cabinet: sign in at ${config.publicUrl}/cabinet as ${RETURNING_APPLICANT}` +
              ' (/api/v1/dev/personas): her certificate is already there',
          ]
        : []),
      ...(returning
        ? [`  her certificate, issued just now: ${config.publicUrl}/v/${returning}`]
        : []),
    ].join('\n'),
  );

  const stop = async () => {
    await wrangler.stop();
    await edge.close();
    process.exit(0);
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((error: unknown) => {
  console.error(error instanceof ConfigError ? error.message : error);
  process.exit(1);
});
