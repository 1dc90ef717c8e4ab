import { describe, expect, it } from 'vitest';

import { formatCheckpoint, parseCheckpoint } from '../../src/translog/checkpoint.js';
import { TranslogError } from '../../src/translog/errors.js';

/** The checkpoint body shown in c2sp.org/tlog-checkpoint. */
const SPEC_EXAMPLE =
  'example.com/behind-the-sofa\n20852163\nCsUYapGGPo4dkMgIAUqom/Xajj7h2fB2MPA3j2jxq2I=\n';

const ROOT = 'CsUYapGGPo4dkMgIAUqom/Xajj7h2fB2MPA3j2jxq2I=';

describe('checkpoint body', () => {
  it('reads the example of c2sp.org/tlog-checkpoint and writes it back byte for byte', () => {
    const checkpoint = parseCheckpoint(SPEC_EXAMPLE);

    expect(checkpoint).toEqual({
      origin: 'example.com/behind-the-sofa',
      size: 20852163,
      rootHash: Uint8Array.from(Buffer.from(ROOT, 'base64')),
      extensions: [],
    });
    expect(formatCheckpoint(checkpoint)).toBe(SPEC_EXAMPLE);
  });

  it('round-trips the empty tree and extension lines', () => {
    const rootHash = new Uint8Array(32).fill(7);
    const checkpoint = { origin: 'log.example/a', size: 0, rootHash, extensions: ['x y', 'ü'] };
    const body = formatCheckpoint(checkpoint);

    expect(body).toBe(`log.example/a\n0\n${Buffer.from(rootHash).toString('base64')}\nx y\nü\n`);
    expect(parseCheckpoint(body)).toEqual(checkpoint);
  });

  it.each([
    ['no final newline', SPEC_EXAMPLE.slice(0, -1), 'final newline'],
    ['two lines', 'example.com/log\n5\n', 'at least 3 lines'],
    ['an empty origin', `\n5\n${ROOT}\n`, 'line 1'],
    ['an empty extension line', `${SPEC_EXAMPLE}\n`, 'line 4'],
    ['CRLF line ends', `o\r\n5\r\n${ROOT}\r\n`, 'line 1'],
    ['a leading zero', `o\n05\n${ROOT}\n`, 'line 2'],
    ['a plus sign', `o\n+5\n${ROOT}\n`, 'line 2'],
    ['a space', `o\n5 \n${ROOT}\n`, 'line 2'],
    ['an exponent', `o\n5e3\n${ROOT}\n`, 'line 2'],
    ['hex', `o\n0x10\n${ROOT}\n`, 'line 2'],
    ['a negative size', `o\n-1\n${ROOT}\n`, 'line 2'],
    ['a size past 2^53', `o\n9007199254740992\n${ROOT}\n`, 'line 2'],
    ['unpadded base64', `o\n5\n${ROOT.slice(0, -1)}\n`, 'line 3'],
    ['base64url', `o\n5\n${ROOT.replace('/', '_')}\n`, 'line 3'],
    ['non-zero padding bits', `o\n5\n${ROOT.replace('2I=', '2J=')}\n`, 'line 3'],
    ['a 33-byte root', `o\n5\n${Buffer.alloc(33).toString('base64')}\n`, 'line 3'],
    ['a 31-byte root', `o\n5\n${Buffer.alloc(31).toString('base64')}\n`, 'line 3'],
    ['an empty root', 'o\n5\n\n', 'line 3'],
  ])('refuses %s', (_case, body, where) => {
    const attempt = () => parseCheckpoint(body);

    expect(attempt).toThrow(TranslogError);
    expect(attempt).toThrow(expect.objectContaining({ code: 'checkpoint_malformed' }));
    expect(attempt).toThrow(where);
  });

  it.each([
    ['an origin with a newline', { origin: 'a\nb', size: 1 }, 'origin'],
    ['an empty origin', { origin: '', size: 1 }, 'origin'],
    ['a fractional size', { origin: 'o', size: 1.5 }, 'size'],
    ['a short root', { origin: 'o', size: 1, rootHash: new Uint8Array(31) }, 'rootHash'],
    ['an empty extension', { origin: 'o', size: 1, extensions: [''] }, 'extensions[0]'],
  ])('will not write %s', (_case, fields, where) => {
    const checkpoint = { rootHash: new Uint8Array(32), ...fields };
    const attempt = () => formatCheckpoint(checkpoint);

    expect(attempt).toThrow(expect.objectContaining({ code: 'checkpoint_malformed' }));
    expect(attempt).toThrow(where);
  });
});
