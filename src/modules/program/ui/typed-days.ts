// The days of a list as the user types them ("30/02/2024"), kept as written: the server checks
// that each exists and names the one that does not ("El 30 de febrero de 2024 no existe…").

/** "5/1/2024" or "2024-01-05" → "2024-01-05" (only the shape is read, not whether the day exists). */
export function typedDay(input: string): string {
  const s = input.trim();
  const dmy = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(s);
  return dmy ? `${dmy[3]}-${dmy[2]!.padStart(2, '0')}-${dmy[1]!.padStart(2, '0')}` : s;
}

/** "2024-01-05" → "05/01/2024", as the list shows it. */
export function shownDay(day: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(day);
  return m ? `${m[3]}/${m[2]}/${m[1]}` : day;
}

/** "HH:MM" or nothing: a time field's value as the API takes it. */
export function timeOrNull(value: string): string | null {
  const s = value.trim();
  return s === '' ? null : s;
}
