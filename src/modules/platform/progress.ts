/**
 * How long steps (migrating, seeding the demo) tell the person waiting what they are doing. The
 * command line prints each message; tests and the server's own callers pass nothing.
 */
export type Progress = (message: string) => void;

export const noProgress: Progress = () => undefined;

/**
 * Counts `total` items of a step, reporting "<label> n de total <unit>…" every `every` items and
 * at the end, so a minute-long loop shows it is moving without a line per item.
 */
export function countedProgress(
  progress: Progress,
  step: { label: string; unit: string; total: number; every?: number },
): () => void {
  const every = step.every ?? 100;
  let done = 0;
  progress(`${step.label} ${step.total} ${step.unit}…`);
  return () => {
    done++;
    if (done % every === 0 && done < step.total) {
      progress(`${step.label} ${done} de ${step.total} ${step.unit}…`);
    }
  };
}
