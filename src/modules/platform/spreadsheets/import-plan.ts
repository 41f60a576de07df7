import { ERROR_CODES } from '../../../shared/errors';
import {
  IMPORT_OUTCOMES,
  MAX_LISTED_ROWS,
  type ImportOutcome,
  type ImportPlan,
  type ImportRowPlan,
} from '../../../shared/import-plan';
import { AppError } from '../errors';
import { MAX_LISTED_PROBLEMS, problemsToFields, type HeaderMap, type ImportProblem } from './import-problems';

// An import with a dry run: each row planned as create, update, unchanged or refused, the plan
// answered as it is (dry run) or applied in one transaction only when nothing is refused. The
// module plans its rows; these helpers count, list and refuse alike for every import.

/** "31/12/2024" or "2024-12-31" (a date cell of an XLSX arrives as the latter) → "2024-12-31". */
export function dayFromCell(text: string): string {
  const t = text.trim();
  const dmy = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(t);
  if (dmy) return `${dmy[3]}-${dmy[2]!.padStart(2, '0')}-${dmy[1]!.padStart(2, '0')}`;
  return t;
}

const LISTING_ORDER: readonly ImportOutcome[] = ['refused', 'update', 'create', 'unchanged'];

/**
 * The plan's answer: exact counts, every row up to MAX_LISTED_ROWS (when over, refused rows first,
 * then updates, creations and unchanged ones, listed back in file order).
 */
export function planAnswer(
  header: Pick<HeaderMap, 'problems'>,
  rows: readonly ImportRowPlan[],
  dryRun: boolean,
  cap = MAX_LISTED_ROWS,
): ImportPlan {
  const counts = Object.fromEntries(IMPORT_OUTCOMES.map((a) => [a, 0])) as ImportPlan['counts'];
  for (const r of rows) counts[r.outcome]++;
  let listed = [...rows];
  if (listed.length > cap) {
    const rank = (r: ImportRowPlan) => LISTING_ORDER.indexOf(r.outcome);
    listed = listed
      .sort((x, y) => rank(x) - rank(y) || x.row - y.row)
      .slice(0, cap)
      .sort((x, y) => x.row - y.row);
  }
  return {
    dryRun,
    counts,
    headerProblems: header.problems.map((p) => ({ row: p.row, field: p.field, message: p.message })),
    rows: listed,
    unlisted: rows.length - listed.length,
  };
}

/** Every problem of a plan (header first, then rows in order) as `rows.<row>.<column>` problems. */
export function planProblems(plan: ImportPlan, all: readonly ImportRowPlan[]): ImportProblem[] {
  return [
    ...plan.headerProblems,
    ...all.flatMap((r) => r.problems.map((p) => ({ row: r.row, field: p.field, message: p.message }))),
  ];
}

/** A header that makes the file unusable (a required column missing, one twice): 400 at once. */
export function refuseFatalHeader(header: HeaderMap): void {
  if (!header.fatal.length) return;
  throw new AppError(
    'IMPORT_INVALID',
    400,
    header.fatal,
    header.fatal.map((f) => f.message).join('. ') + '.',
  );
}

/** The real import writes nothing while any row or header problem remains: 400 IMPORT_INVALID. */
export function refuseIfProblems(problems: readonly ImportProblem[]): void {
  if (!problems.length) return;
  const more =
    problems.length > MAX_LISTED_PROBLEMS
      ? ` Se muestran los primeros ${MAX_LISTED_PROBLEMS} de ${problems.length} problemas.`
      : '';
  throw new AppError(
    'IMPORT_INVALID',
    400,
    problemsToFields([...problems]),
    ERROR_CODES.IMPORT_INVALID + more,
  );
}

/**
 * The end every import with a dry run shares: the plan's answer as it is (dry run), or, when no row
 * is refused, `apply` run (inside the caller's transaction) and the same answer; else 400.
 */
export async function answerOrApply(
  header: Pick<HeaderMap, 'problems'>,
  rows: readonly ImportRowPlan[],
  dryRun: boolean,
  apply: (answer: ImportPlan) => Promise<void>,
): Promise<ImportPlan> {
  const answer = planAnswer(header, rows, dryRun);
  if (dryRun) return answer;
  refuseIfProblems(planProblems(answer, rows));
  await apply(answer);
  return answer;
}
