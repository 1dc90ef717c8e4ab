/**
 * Status list figures for `npm run bench`: how large a signed list of 131,072 entries is, empty
 * and with about 1% of its certificates revoked, and how long building (bits, GZIP, signature)
 * and checking one take. Run alone with `npx tsx bench/status-list.ts`.
 */

import { pathToFileURL } from 'node:url';
import { bytesToHex } from '../src/crypto/bytes.js';
import { buildStatusList } from '../src/statuslist/build-status-list.js';
import { checkStatusList, STATUS_LIST_MIN_SIZE } from '../src/statuslist/status-list.js';
import { localNoteSigningKey, noteKeyId, verifierKeyString } from '../src/translog/note-key.js';
import { fmt, median } from './stats.js';

const ROUNDS = 30;
const NAME = 'verify.example.kz/registry-log';

/** The benchmark's status list lines. */
export async function statusListFigures(): Promise<string[]> {
  const key = await localNoteSigningKey(crypto.getRandomValues(new Uint8Array(32)));
  const keyId = bytesToHex(noteKeyId(NAME, key.publicKey));
  const verifier = verifierKeyString(NAME, key.publicKey);
  const size = STATUS_LIST_MIN_SIZE;

  const build = (revoked: number[], suspended: number[]) =>
    buildStatusList({
      providerId: 'prv_astana',
      url: 'https://verify.example.kz/api/v1/status-lists/prv_astana',
      size,
      revoked,
      suspended,
      issuedAt: new Date(),
      keyId,
      sign: (m) => key.sign(m),
    });

  // About 1% revoked and 0.1% suspended, at random indexes as issuance draws them.
  const draw = (n: number) => {
    const set = new Set<number>();
    while (set.size < n) set.add(Math.floor(Math.random() * size));
    return [...set];
  };
  const revoked = draw(Math.round(size / 100));
  const suspended = draw(Math.round(size / 1000));

  const lines = [
    `status lists: ${fmt(size, 0)} entries each, two bitstrings (revocation, suspension)`,
  ];
  for (const [label, r, s] of [
    ['empty', [], []],
    ['1% revoked, 0.1% suspended', revoked, suspended],
  ] as const) {
    const list = await build([...r], [...s]);
    const bytes = (encoded: string) => Math.ceil(((encoded.length - 1) * 3) / 4);
    const document = new TextEncoder().encode(JSON.stringify(list)).length;

    const buildMs: number[] = [];
    for (let i = 0; i < ROUNDS; i++) {
      const start = performance.now();
      await build([...r], [...s]);
      buildMs.push(performance.now() - start);
    }
    const checkMs: number[] = [];
    for (let i = 0; i < ROUNDS; i++) {
      const start = performance.now();
      await checkStatusList(list, { key: verifier, index: r[0] ?? 0, now: new Date() });
      checkMs.push(performance.now() - start);
    }

    lines.push(
      `  ${label}: revocation ${fmt(bytes(list.revocation), 0)} B gzip, ` +
        `suspension ${fmt(bytes(list.suspension), 0)} B; signed JSON ${fmt(document, 0)} B; ` +
        `build median ${fmt(median(buildMs), 2)} ms, check median ${fmt(median(checkMs), 2)} ms`,
    );
  }
  return lines;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  console.log((await statusListFigures()).join('\n'));
}
