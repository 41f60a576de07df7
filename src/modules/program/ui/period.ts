import { todayInMexicoCity } from '@/shared/dates';

/** The quarters of a year, for the period pickers ("2024-T1" → 1 January – 31 March 2024). */
export function quarterOf(day: string): { from: string; to: string; value: string } {
  const y = Number(day.slice(0, 4));
  const q = Math.floor((Number(day.slice(5, 7)) - 1) / 3) + 1;
  return quarter(y, q);
}

export function quarter(y: number, q: number) {
  const startMonth = (q - 1) * 3 + 1;
  const endMonth = startMonth + 2;
  const last = new Date(Date.UTC(y, endMonth, 0)).getUTCDate();
  const mm = (m: number) => String(m).padStart(2, '0');
  return { from: `${y}-${mm(startMonth)}-01`, to: `${y}-${mm(endMonth)}-${last}`, value: `${y}-T${q}` };
}

/** The quarters from two years back to next year, newest first. */
export function quarterOptions(): { value: string; label: string }[] {
  const y = Number(todayInMexicoCity().slice(0, 4));
  const out: { value: string; label: string }[] = [];
  for (let year = y + 1; year >= y - 2; year--)
    for (let q = 4; q >= 1; q--)
      out.push({
        value: `${year}-T${q}`,
        label: `${['Primer', 'Segundo', 'Tercer', 'Cuarto'][q - 1]} trimestre de ${year}`,
      });
  return out;
}

export function parseQuarter(value: string | null): { from: string; to: string; value: string } | null {
  const m = /^(\d{4})-T([1-4])$/.exec(value ?? '');
  return m ? quarter(Number(m[1]), Number(m[2])) : null;
}
