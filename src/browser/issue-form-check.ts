import { isValidDay } from '../domain/calendar.js';
import { parseIin } from '../domain/iin.js';
import { normalizeName } from '../domain/names.js';
import { DECISION_NUMBER_MAX_LENGTH } from '../domain/request-form.js';

/** What the browser finds wrong with one field; the console words it in the page's language. */
export type FieldProblem =
  | { field: string; problem: 'required' | 'iin_digits' | 'invalid_iin' | 'date' | 'name' }
  | { field: string; problem: 'too_long'; max: number };

/** The issue form's values by the API's field paths (`child.iin`), trimmed. */
export type IssueFormValues = (name: string) => string;

type Problem = Exclude<FieldProblem['problem'], 'too_long'> | undefined;

/**
 * Every problem of form the browser can see before sending an issue request, all at once and in
 * the order of the form. The rules are the domain's own (IIN check digit, real dates, names); the
 * server checks them again and adds those the browser cannot know (today, ages, the registry).
 */
export function issueFormProblems(value: IssueFormValues): FieldProblem[] {
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
  check('child.birthDate', dayProblem(value('child.birthDate'), true));

  const number = value('decision.number');
  const max = DECISION_NUMBER_MAX_LENGTH;
  if (number === '') check('decision.number', 'required');
  else if ([...number].length > max)
    problems.push({ field: 'decision.number', problem: 'too_long', max });
  check('decision.date', dayProblem(value('decision.date'), true));
  check('validUntil', dayProblem(value('validUntil'), false));

  return problems;
}

function iinProblem(iin: string): Problem {
  if (iin === '') return 'required';
  if (!/^\d{12}$/.test(iin)) return 'iin_digits';
  return parseIin(iin).ok ? undefined : 'invalid_iin';
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
