import type { FieldProblem } from '@/shared/errors';
import { ApiRequestError } from './client';

type FormLike = {
  getValues: () => object;
  setErrors: (errors: Record<string, string>) => void;
};

/**
 * Puts the API's field problems next to the form fields they name ("startsOn", "aliases.0" →
 * "aliases"). `aliases` maps an API path to a form field when they differ; an alias may name a
 * nested field ("agenda.0.day") of a list the form holds. Returns the problems that match no field,
 * so that the caller can show them elsewhere.
 */
export function applyFieldErrors(
  form: FormLike,
  error: unknown,
  aliases: Record<string, string> = {},
): FieldProblem[] {
  if (!(error instanceof ApiRequestError)) return [];
  const fields = new Set(Object.keys(form.getValues()));
  const errors: Record<string, string> = {};
  const unplaced: FieldProblem[] = [];
  for (const problem of error.fields) {
    const alias = aliases[problem.path];
    const key = alias ?? problem.path.split('.')[0] ?? '';
    if (fields.has(key) || (alias !== undefined && fields.has(alias.split('.')[0] ?? '')))
      errors[key] = errors[key] ? `${errors[key]} ${problem.message}` : problem.message;
    else unplaced.push(problem);
  }
  form.setErrors(errors);
  return unplaced;
}
