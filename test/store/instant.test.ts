import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseInstant } from '../../db/instant.js';
import { providers } from '../../db/schema.js';
import { type DatabaseTarget, databaseTargets } from '../support/databases.js';

type Handle = Awaited<ReturnType<DatabaseTarget['open']>>;

describe('parseInstant', () => {
  it.each([
    ['0001-01-01 00:00:00+00', '0001-01-01T00:00:00.000Z'],
    ['0026-12-04 06:19:00+00', '0026-12-04T06:19:00.000Z'],
    ['0050-06-01 12:00:00.5+00', '0050-06-01T12:00:00.500Z'],
    ['2026-12-04 06:19:00.123456+00', '2026-12-04T06:19:00.123Z'],
    ['2026-12-04 11:19:00+05', '2026-12-04T06:19:00.000Z'],
    ['2026-12-04 06:19:00-03:30', '2026-12-04T09:49:00.000Z'],
    ['0001-12-31 23:00:00+00 BC', '0000-12-31T23:00:00.000Z'],
  ])('reads %s as %s', (text, iso) => {
    expect(parseInstant(text).toISOString()).toBe(iso);
  });

  it('refuses text it does not know rather than guessing', () => {
    expect(() => parseInstant('Fri Dec 04 2026')).toThrow('unexpected timestamptz text');
  });
});

describe.each(databaseTargets)('instants round-trip through $name', (target) => {
  let database: Handle;
  beforeAll(async () => {
    database = await target.open();
  });
  afterAll(async () => {
    await database?.close();
  });

  it.each([
    '0050-03-01T10:20:30.456Z',
    '0001-01-01T00:00:00.000Z',
    '0099-12-31T23:59:59.999Z',
    '1969-07-20T20:17:00.000Z',
    '2026-12-04T06:19:00.001Z',
    '9999-12-31T23:59:59.999Z',
  ])('stores and reads back %s exactly', async (iso) => {
    const id = `prv_instant_${iso.slice(0, 4)}`;
    await database.db.insert(providers).values({
      id,
      code: `T${iso.slice(0, 4)}`.replace(/\d/g, (d) => 'ABCDEFGHIJ'[Number(d)] ?? 'A'),
      nameKk: 'Сынақ',
      nameRu: 'Тест',
      nameEn: 'Test',
      createdAt: new Date(iso),
    });
    const [row] = await database.db.select().from(providers).where(eq(providers.id, id));
    expect(row?.createdAt.toISOString()).toBe(iso);
  });
});
