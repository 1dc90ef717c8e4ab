import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ASTANA, startTestRegistry, type TestRegistry } from '../support/app.js';
import { databaseTargets } from '../support/databases.js';
import { breakCheckDigit, makeIin, withCheckDigit } from '../support/iin.js';
import { guardianshipRequest, trusteeshipRequest } from '../support/requests.js';
import { expectError, postIssue } from './client.js';

type Body = Record<string, unknown>;

/** The valid guardianship request with the value at a dotted path replaced (`undefined` drops it). */
function change(path: string, value: unknown, body: Body = guardianshipRequest()): Body {
  const copy = structuredClone(body);
  const keys = path.split('.');
  const last = keys.pop() as string;
  let parent = copy;
  for (const key of keys) parent = parent[key] as Body;

  if (value === undefined) delete parent[last];
  else parent[last] = value;
  return copy;
}

/** A child of the request born on `birthDate`, with a matching IIN. */
function childBorn(birthDate: string, body: Body = guardianshipRequest()): Body {
  return change('child', {
    ...(body.child as Body),
    iin: makeIin(birthDate, 'male', 77),
    birthDate,
  });
}

const NAME_RULE = 'expected 1 to 100 Cyrillic or Latin letters, spaces, hyphens or apostrophes';
const TODAY_OR_EARLIER = 'expected a day not after the issue day; found a later day';
const REAL_DAY = 'expected a real date as YYYY-MM-DD; found another';

interface Case {
  what: string;
  body: unknown;
  status: number;
  code: string;
  field?: string;
  message: string | RegExp;
}

/** Requests with the wrong form: 400, the field, and what was expected. */
const FORM_CASES: Case[] = [
  { what: 'an empty object', body: {}, field: 'type', message: 'type: is required' },
  ...['type', 'guardian', 'child', 'decision'].map((field) => ({
    what: `a missing ${field}`,
    body: change(field, undefined),
    field,
    message: `${field}: is required`,
  })),
  ...['guardian.iin', 'guardian.lastName', 'child.firstName', 'child.birthDate'].map((field) => ({
    what: `a missing ${field}`,
    body: change(field, undefined),
    field,
    message: `${field}: is required`,
  })),
  ...['decision.number', 'decision.date'].map((field) => ({
    what: `a missing ${field}`,
    body: change(field, undefined),
    field,
    message: `${field}: is required`,
  })),
  {
    what: 'an unknown top-level field',
    body: change('extra', true),
    field: 'extra',
    message: 'extra: unknown field',
  },
  {
    what: 'a misspelt patronymic',
    body: change('guardian.midleName', 'Серікқызы'),
    field: 'guardian.midleName',
    message: 'guardian.midleName: unknown field',
  },
  {
    what: 'an IIN sent as a number',
    body: change('guardian.iin', 860517402319),
    field: 'guardian.iin',
    message: 'guardian.iin: expected string, received number',
  },
  {
    what: 'a null name',
    body: change('child.lastName', null),
    field: 'child.lastName',
    message: 'child.lastName: expected string, received null',
  },
  {
    what: 'a guardian sent as a string',
    body: change('guardian', 'Әбілқасымова'),
    field: 'guardian',
    message: 'guardian: expected object, received string',
  },
  {
    what: 'an unknown type',
    body: change('type', 'adoption'),
    field: 'type',
    message: 'type: expected "guardianship" or "trusteeship"',
  },
  {
    what: 'a body that is an array',
    body: [guardianshipRequest()],
    message: 'request body: expected object, received array',
  },
  {
    what: 'a body that is null',
    body: 'null',
    message: 'request body: expected object, received null',
  },
  {
    what: 'an IIN of 11 digits',
    body: change('guardian.iin', '86051740231'),
    field: 'guardian.iin',
    message: 'guardian.iin: expected 12 digits',
  },
  {
    what: 'an IIN with a letter',
    body: change('child.iin', '18030950077O'),
    field: 'child.iin',
    message: 'child.iin: expected 12 digits',
  },
  {
    what: 'a birth date as DD.MM.YYYY',
    body: change('child.birthDate', '09.03.2018'),
    field: 'child.birthDate',
    message: 'child.birthDate: expected a date as YYYY-MM-DD',
  },
  {
    what: 'a decision date of 30 February',
    body: change('decision.date', '2026-02-30'),
    field: 'decision.date',
    message: `decision.date: ${REAL_DAY}`,
  },
  {
    what: 'a validUntil in month 13',
    body: change('validUntil', '2027-13-01'),
    field: 'validUntil',
    message: `validUntil: ${REAL_DAY}`,
  },
  {
    what: 'a validUntil with a time',
    body: change('validUntil', '2027-03-01T00:00:00Z'),
    field: 'validUntil',
    message: 'validUntil: expected a date as YYYY-MM-DD',
  },
  {
    what: 'a name with a digit',
    body: change('guardian.firstName', 'Гүлнұр2'),
    field: 'guardian.firstName',
    message: `guardian.firstName: ${NAME_RULE}; found a digit`,
  },
  {
    what: 'an empty name',
    body: change('child.lastName', ''),
    field: 'child.lastName',
    message: 'child.lastName: must not be empty',
  },
  {
    what: 'a name of spaces only',
    body: change('guardian.lastName', '   '),
    field: 'guardian.lastName',
    message: `guardian.lastName: ${NAME_RULE}; found an empty value`,
  },
  {
    what: 'a name of 101 letters',
    body: change('child.firstName', 'А'.repeat(101)),
    field: 'child.firstName',
    message: 'child.firstName: at most 100 characters',
  },
  {
    what: 'a name with markup',
    body: change('child.firstName', '<b>Әлихан</b>'),
    field: 'child.firstName',
    message: `child.firstName: ${NAME_RULE}; found a character that is not a letter, space, hyphen or apostrophe`,
  },
  {
    what: 'a name with an invisible character',
    body: change('guardian.lastName', 'Әбіл\u200bқасымова'),
    field: 'guardian.lastName',
    message: `guardian.lastName: ${NAME_RULE}; found a control or invisible formatting character`,
  },
  {
    what: 'a name in another script',
    body: change('child.middleName', 'محمد'),
    field: 'child.middleName',
    message: `child.middleName: ${NAME_RULE}; found a letter outside Cyrillic and Latin`,
  },
  {
    what: 'an empty decision number',
    body: change('decision.number', ''),
    field: 'decision.number',
    message: 'decision.number: must not be empty',
  },
  {
    what: 'a decision number with a line break',
    body: change('decision.number', '1-15/\n2345'),
    field: 'decision.number',
    message:
      'decision.number: expected 1 to 50 printable characters; found an unprintable character',
  },
].map((c) => ({ status: 400, code: 'validation_failed', ...c }));

/** Well-formed requests that break a rule of the service: 422 and a code per rule. */
const RULE_CASES: Case[] = [
  {
    what: "a wrong check digit in the guardian's IIN",
    body: change('guardian.iin', breakCheckDigit(makeIin('1986-05-17', 'female', 231))),
    code: 'invalid_iin',
    field: 'guardian.iin',
    message: 'guardian.iin: the check digit does not match the other 11 digits',
  },
  {
    what: "a wrong check digit in the child's IIN",
    body: change('child.iin', breakCheckDigit(makeIin('2018-03-09', 'male', 77))),
    code: 'invalid_iin',
    field: 'child.iin',
    message: 'child.iin: the check digit does not match the other 11 digits',
  },
  {
    what: 'an IIN with century digit 0',
    body: change('guardian.iin', withCheckDigit('8605170')),
    code: 'invalid_iin',
    field: 'guardian.iin',
    message:
      'guardian.iin: the 7th digit must be 1 to 6 (century and sex of a person); found another digit',
  },
  {
    what: 'an IIN encoding 30 February',
    body: change('child.iin', withCheckDigit('1802305')),
    code: 'invalid_iin',
    field: 'child.iin',
    message: 'child.iin: the first 6 digits must be a real birth date (YYMMDD); they are not',
  },
  {
    what: "a birth date other than the child's IIN gives",
    body: change('child.birthDate', '2018-03-10'),
    code: 'iin_birth_date_mismatch',
    field: 'child.birthDate',
    message: 'child.birthDate: expected the birth date encoded in child.iin; the two differ',
  },
  {
    what: 'the guardian as the child',
    body: change('child', {
      iin: makeIin('1986-05-17', 'female', 231),
      lastName: 'Әбілқасымова',
      firstName: 'Гүлнұр',
      birthDate: '1986-05-17',
    }),
    code: 'same_person',
    field: 'child.iin',
    message: 'child.iin: expected a person other than the guardian; the IINs are equal',
  },
  {
    what: 'guardianship for a child of fifteen',
    body: childBorn('2011-06-30'),
    code: 'age_does_not_fit_type',
    field: 'type',
    message:
      "type: guardianship is for a child aged 0 to 13 on the issue day; the child's age calls for trusteeship",
  },
  {
    what: 'trusteeship for a child of eight',
    body: change('type', 'trusteeship'),
    code: 'age_does_not_fit_type',
    field: 'type',
    message:
      "type: trusteeship is for a child aged 14 to 17 on the issue day; the child's age calls for guardianship",
  },
  {
    what: 'trusteeship for someone who turned 18 today',
    body: childBorn('2008-12-03', trusteeshipRequest()),
    code: 'age_does_not_fit_type',
    field: 'child.birthDate',
    message:
      'child.birthDate: expected a child under 18 on the issue day; the birth date gives an adult',
  },
  {
    what: 'a guardian of seventeen',
    body: change('guardian.iin', makeIin('2009-01-20', 'female', 5)),
    code: 'guardian_not_adult',
    field: 'guardian.iin',
    message:
      'guardian.iin: expected a guardian aged 18 or over on the issue day; the IIN gives a minor',
  },
  {
    what: 'a guardian born in 1850, 176 on the decision date',
    body: change('guardian.iin', makeIin('1850-01-01', 'female', 231)),
    code: 'guardian_age_implausible',
    field: 'guardian.iin',
    message:
      'guardian.iin: expected a guardian aged 100 or under on the decision date; the IIN gives an older person',
  },
  {
    what: 'a guardian of 101 on the decision date',
    body: change('guardian.iin', makeIin('1925-11-19', 'male', 231)),
    code: 'guardian_age_implausible',
    field: 'guardian.iin',
    message:
      'guardian.iin: expected a guardian aged 100 or under on the decision date; the IIN gives an older person',
  },
  {
    what: 'a child born next week',
    body: childBorn('2026-12-10'),
    code: 'date_out_of_range',
    field: 'child.birthDate',
    message: `child.birthDate: ${TODAY_OR_EARLIER}`,
  },
  {
    what: 'a decision dated tomorrow',
    body: change('decision.date', '2026-12-04'),
    code: 'date_out_of_range',
    field: 'decision.date',
    message: `decision.date: ${TODAY_OR_EARLIER}`,
  },
  {
    what: 'a decision dated before the birth',
    body: change('decision.date', '2018-03-08'),
    code: 'date_out_of_range',
    field: 'decision.date',
    message:
      "decision.date: expected a day not before the child's birth date; found an earlier day",
  },
  {
    what: 'a validUntil on the 14th birthday',
    body: change('validUntil', '2032-03-09'),
    code: 'valid_until_out_of_range',
    field: 'validUntil',
    message:
      "validUntil: expected a day before the child's 14th birthday, when guardianship ends; found a later day",
  },
  {
    what: 'a validUntil of yesterday',
    body: change('validUntil', '2026-12-02'),
    code: 'valid_until_out_of_range',
    field: 'validUntil',
    message: 'validUntil: expected a day not before the issue day; found an earlier day',
  },
].map((c) => ({ status: 422, ...c }));

describe.each(databaseTargets)('refusing bad issue requests on $name', (target) => {
  let registry: TestRegistry;

  beforeAll(async () => {
    registry = await startTestRegistry(target);
  });
  afterAll(async () => {
    await registry?.close();
  });

  it.each([...FORM_CASES, ...RULE_CASES])(
    'answers $what with $status $code',
    async ({ body, status, code, field, message }) => {
      const response = await postIssue(registry, body);
      const error = await expectError(response, {
        status,
        code,
        message,
        ...(field ? { field } : {}),
      });

      if (field) expect(error.error.message.startsWith(`${field}: `)).toBe(true);
      for (const name of ['Әбілқасымова', 'Гүлнұр', 'Нұрланұлы', 'Әлихан']) {
        expect(error.error.message).not.toContain(name);
      }
    },
  );

  it('answers malformed JSON with 400 malformed_json', async () => {
    const response = await postIssue(registry, '{"type": "guardianship",');

    await expectError(response, {
      status: 400,
      code: 'malformed_json',
      message: 'The request body is not valid JSON',
    });
  });

  it('answers an empty body with 400 malformed_json', async () => {
    const response = await postIssue(registry, '');

    await expectError(response, {
      status: 400,
      code: 'malformed_json',
      message: 'The request body is not valid JSON',
    });
  });

  it.each([
    { what: 'text/plain', type: 'text/plain' },
    { what: 'a form', type: 'application/x-www-form-urlencoded' },
    { what: 'a look-alike JSON type', type: 'application/jsonp' },
  ])('answers a body sent as $what with 415', async ({ type }) => {
    const response = await registry.request('/api/v1/certificates', {
      method: 'POST',
      headers: { ...ASTANA, 'content-type': type },
      body: JSON.stringify(guardianshipRequest()),
    });

    await expectError(response, {
      status: 415,
      code: 'unsupported_media_type',
      message: 'Send the body as Content-Type: application/json',
    });
  });

  it('answers a body without a content type with 415', async () => {
    const response = await registry.request('/api/v1/certificates', {
      method: 'POST',
      headers: ASTANA,
      body: new TextEncoder().encode(JSON.stringify(guardianshipRequest())),
    });

    await expectError(response, {
      status: 415,
      code: 'unsupported_media_type',
      message: 'Send the body as Content-Type: application/json',
    });
  });

  it('accepts application/json with a charset', async () => {
    const response = await postIssue(registry, guardianshipRequest(), {
      headers: { 'content-type': 'application/json; charset=utf-8' },
    });

    expect(response.status).toBe(201);
  });

  it.each([
    { what: 'with a declared length', declared: true },
    { what: 'streamed without a length', declared: false },
  ])('answers a body over 16 KiB $what with 413', async ({ declared }) => {
    const text = JSON.stringify(change('decision.number', 'x'.repeat(17 * 1024)));
    const bytes = new TextEncoder().encode(text);
    const body = declared
      ? text
      : new ReadableStream({
          start(controller) {
            controller.enqueue(bytes);
            controller.close();
          },
        });
    const headers: Record<string, string> = { ...ASTANA, 'content-type': 'application/json' };
    if (declared) headers['content-length'] = String(bytes.length);

    const response = await registry.request('/api/v1/certificates', {
      method: 'POST',
      headers,
      body,
      ...(declared ? {} : { duplex: 'half' }),
    } as RequestInit);

    await expectError(response, {
      status: 413,
      code: 'payload_too_large',
      message: 'The request body must be at most 16384 bytes',
    });
  });

  it.each([
    { what: 'an empty key', key: '' },
    { what: 'a key with a space', key: 'retry 1' },
    { what: 'a key of 129 characters', key: 'k'.repeat(129) },
  ])('answers an Idempotency-Key that is $what with 400', async ({ key }) => {
    const response = await postIssue(registry, guardianshipRequest(), {
      headers: { 'idempotency-key': key },
    });

    await expectError(response, {
      status: 400,
      code: 'validation_failed',
      field: 'Idempotency-Key',
      message: 'Idempotency-Key: expected 1 to 128 visible ASCII characters',
    });
  });

  // zod 4 keeps no `input` on its issues, so every type error read as "is required".
  it('regression: a field of the wrong type is not reported as missing', async () => {
    const response = await postIssue(registry, change('decision.number', 2345));

    await expectError(response, {
      status: 400,
      code: 'validation_failed',
      field: 'decision.number',
      message: 'decision.number: expected string, received number',
    });
  });

  it('regression: a JSON string body is not reported as a missing field', async () => {
    const response = await postIssue(registry, '"guardianship"');

    await expectError(response, {
      status: 400,
      code: 'validation_failed',
      message: 'request body: expected object, received string',
    });
  });

  it('issued nothing for any refused request', async () => {
    // Only the one request with a charset above was accepted.
    expect(await registry.store.countCertificates()).toBe(1);
  });
});
