import { compareDays, isValidDay } from '../domain/calendar.js';
import type { Day } from '../domain/certificate.js';
import { parseIin } from '../domain/iin.js';
import { normalizeName } from '../domain/names.js';
import { DECISION_NUMBER_MAX_LENGTH } from '../domain/request-form.js';

/** What the browser finds wrong with one field; the console words it in the page's language. */
export type FieldProblem =
  | {
      field: string;
      problem:
        | 'required'
        | 'iin_digits'
        | 'invalid_iin'
        | 'date'
        | 'name'
        | 'birth_date_not_iin'
        | 'future'
        | 'past';
    }
  | { field: string; problem: 'too_long'; max: number };

/** The issue form's values by the API's field paths (`child.iin`), trimmed. */
export type IssueFormValues = (name: string) => string;

type Problem = Exclude<FieldProblem['problem'], 'too_long'> | undefined;

/**
 * Every problem of form the browser can see before sending an issue request, all at once and in
 * the order of the form. The rules are the domain's own (IIN check digit and the birth date it
 * encodes, real dates, names), and `today` (the browser's Almaty day) bounds the decision's date
 * and the validity; the server checks all of it again with its own clock and adds what the
 * browser cannot know (ages, the registry).
 */
export function issueFormProblems(value: IssueFormValues, today: Day): FieldProblem[] {
  const problems: FieldProblem[] = [];
  const check = (field: string, problem: Problem) => {
    if (problem) problems.push({ field, problem });
  };

  for (const who of ['guardian', 'child']) {
    check(`${who}.iin`, iinProblem(value(`${who}.iin`)));
    check(`${who}.lastName`, nameProblem(value(`${who}.lastName`), true));
    check(`${who}.firstName`, nameProblem(value(`${who}.firstName`), true));
    check(`${who}.middleName`, nameProblem(value(`${who}.middleName`), false));
  }
  const birthDate = value('child.birthDate');
  check(
    'child.birthDate',
    dayProblem(birthDate, true) ?? birthProblem(value('child.iin'), birthDate),
  );

  const number = value('decision.number');
  const max = DECISION_NUMBER_MAX_LENGTH;
  if (number === '') check('decision.number', 'required');
  else if ([...number].length > max)
    problems.push({ field: 'decision.number', problem: 'too_long', max });
  const decided = value('decision.date');
  const late = (day: Day) => (compareDays(day, today) > 0 ? 'future' : undefined);
  check('decision.date', dayProblem(decided, true) ?? late(decided));
  const until = value('validUntil');
  const early = (day: Day) => (day && compareDays(day, today) < 0 ? 'past' : undefined);
  check('validUntil', dayProblem(until, false) ?? early(until));

  return problems;
}

function iinProblem(iin: string): Problem {
  if (iin === '') return 'required';
  if (!/^\d{12}$/.test(iin)) return 'iin_digits';
  return parseIin(iin).ok ? undefined : 'invalid_iin';
}

/** A real birth date that is not the one a valid IIN encodes (an invalid IIN is said there). */
function birthProblem(iin: string, birthDate: Day): Problem {
  const parsed = parseIin(iin);
  if (!parsed.ok || compareDays(parsed.birthDate, birthDate) === 0) return undefined;
  return 'birth_date_not_iin';
}

/** The domain's name rule; its English message is not needed, only that the name fails. */
function nameProblem(name: string, required: boolean): Problem {
  if (name === '') return required ? 'required' : undefined;
  try {
    normalizeName(name, 'name');
    return undefined;
  } catch {
    return 'name';
  }
}

/** A date input gives `YYYY-MM-DD` or nothing (an unfinished date); a typed text is checked too. */
function dayProblem(day: string, required: boolean): Problem {
  if (day === '') return required ? 'required' : undefined;
  return isValidDay(day) ? undefined : 'date';
}
