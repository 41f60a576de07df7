import { Center, Loader, Select } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useCallback, useMemo, type ComponentType, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { listRecordPeriods } from '@/modules/reports/endpoints';
import { todayInMexicoCity } from '@/shared/calendar';
import { quarterKeyOf, quarterOfKey, type QuarterKey } from '@/shared/periods';
import { formatPeriod } from '@/shared/spanish-dates';
import { callEndpoint } from '@/web/shared/api/client';

/** The address's search parameter that carries the chosen quarter: ?periodo=2024-T1. */
export const PERIOD_PARAM = 'periodo';
/** Where the choice is kept for the pages reached without one in their address (the menu's links). */
const STORAGE_KEY = 'vincula.periodo';

export type ChosenPeriod = { from: string; to: string; value: QuarterKey; label: string };

function chosen(key: string): ChosenPeriod | null {
  const range = quarterOfKey(key);
  return range ? { ...range, value: key as QuarterKey, label: formatPeriod(range.from, range.to) } : null;
}

function stored(): string | null {
  try {
    return sessionStorage.getItem(STORAGE_KEY);
  } catch {
    return null; // storage refused (private mode, policy): the address and the default still work
  }
}

function store(key: string) {
  try {
    sessionStorage.setItem(STORAGE_KEY, key);
  } catch {
    // see stored()
  }
}

export function useRecordPeriods() {
  return useQuery({
    queryKey: ['periods'],
    queryFn: () => callEndpoint(listRecordPeriods),
    staleTime: 60_000,
  });
}

/**
 * The quarter a page looks at, the same on every page: the one in the address (?periodo=2024-T1),
 * else the last one chosen in this tab, else the one the data suggests (today's when it holds
 * records, else the latest that does: `suggestedQuarter`). Choosing puts it in the address and
 * keeps it for the next page. `ready` is false until the suggestion is known, so that a page does
 * not first ask for an empty quarter.
 */
export function usePeriod(options: { label?: string; width?: number } = {}) {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const periods = useRecordPeriods();
  const fromAddress = chosen(params.get(PERIOD_PARAM) ?? '');
  const fromStorage = fromAddress ? null : chosen(stored() ?? '');
  const today = todayInMexicoCity();
  const fallback = periods.data?.suggested ?? (periods.isError ? quarterKeyOf(today) : null);
  const period = fromAddress ?? fromStorage ?? (fallback ? chosen(fallback) : null);
  if (fromAddress && stored() !== fromAddress.value) store(fromAddress.value);

  const setPeriod = useCallback(
    (key: string) => {
      if (!quarterOfKey(key)) return;
      store(key);
      setParams(
        (prev) => {
          const next = new URLSearchParams(prev);
          next.set(PERIOD_PARAM, key);
          next.delete('pagina');
          return next;
        },
        { replace: true },
      );
    },
    [setParams],
  );

  const withRecords = periods.data?.quarters;
  const data = useMemo(() => {
    const year = Number(today.slice(0, 4));
    const keys = new Set<string>();
    for (let y = year + 1; y >= year - 3; y--) for (let q = 4; q >= 1; q--) keys.add(`${y}-T${q}`);
    for (const k of withRecords ?? []) keys.add(k);
    if (period) keys.add(period.value);
    const order = (k: string) => Number(k.slice(0, 4)) * 4 + Number(k.slice(6));
    const marked = new Set(withRecords ?? []);
    const option = (k: string) => ({ value: k, label: chosen(k)!.label });
    const sorted = [...keys].sort((a, b) => order(b) - order(a));
    // The quarters with records first, so a newcomer sees where the office's work is.
    return [
      { group: t('periods.withRecords'), items: sorted.filter((k) => marked.has(k)).map(option) },
      { group: t('periods.others'), items: sorted.filter((k) => !marked.has(k)).map(option) },
    ].filter((g) => g.items.length > 0);
  }, [today, withRecords, period, t]);

  const periodSelect = (
    <Select
      label={options.label ?? t('periods.label')}
      data={data}
      value={period?.value ?? null}
      allowDeselect={false}
      onChange={(value) => value && setPeriod(value)}
      w={options.width ?? 300}
      maxDropdownHeight={320}
      disabled={!period}
    />
  );
  return { period, ready: period !== null, setPeriod, periodSelect };
}

/**
 * Renders its page once the period is known (see `usePeriod`'s `ready`), so the page's own
 * `usePeriod` always has one and its queries never ask for a quarter about to be replaced.
 */
export function PeriodGate({ children }: { children: ReactNode }) {
  const { t } = useTranslation();
  const { ready } = usePeriod();
  if (!ready)
    return (
      <Center py="xl">
        <Loader aria-label={t('common.loading')} />
      </Center>
    );
  return children;
}

/** A page that looks at one quarter, rendered behind `PeriodGate`. */
export function withPeriod<P extends object>(Page: ComponentType<P>) {
  function PeriodPage(props: P) {
    return (
      <PeriodGate>
        <Page {...props} />
      </PeriodGate>
    );
  }
  PeriodPage.displayName = `withPeriod(${Page.displayName ?? Page.name})`;
  return PeriodPage;
}

/** `usePeriod` behind `PeriodGate`: the period is known. */
export function useKnownPeriod(options: { label?: string; width?: number } = {}) {
  const p = usePeriod(options);
  if (!p.period) throw new Error('useKnownPeriod outside PeriodGate');
  return { ...p, period: p.period };
}
