// What the structure forms propose for a new line or objective. Numbers and letters are those of
// the approved program and are never renumbered when one is removed (reports already cite them):
// the proposal is the first free one, so a gap left by a removal is filled first.

/** The lowest line number not taken (1, 2, …). */
export function nextLineNumber(lines: readonly { number: number }[]): number {
  const taken = new Set(lines.map((l) => l.number));
  let n = 1;
  while (taken.has(n)) n++;
  return n;
}

/** The first free letter of a line's objectives: A … Z, then AA … ZZ in the same order as the tree. */
export function nextObjectiveKey(line: { objectives: readonly { key: string }[] }): string {
  const taken = new Set(line.objectives.map((o) => o.key));
  const letters = Array.from({ length: 26 }, (_, i) => String.fromCharCode(65 + i));
  for (const key of [...letters, ...letters.flatMap((a) => letters.map((b) => a + b))])
    if (!taken.has(key)) return key;
  return 'ZZ';
}
