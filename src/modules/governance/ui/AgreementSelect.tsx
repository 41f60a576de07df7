import { keepPreviousData, useQuery, useQueryClient } from '@tanstack/react-query';
import { SearchSelect, type SearchSelectProps, type SelectOption } from '@/web/shared/ui/SearchSelect';
import type { AgreementOption } from '../contract';
import { searchAgreements } from './api';

const KEY = ['governance', 'agreements', 'options'] as const;

/** The organization's agreements whose number, title or body match what the user types. */
export function useAgreementOptions(q: string) {
  return useQuery({
    queryKey: [...KEY, q],
    queryFn: () => searchAgreements(q),
    placeholderData: keepPreviousData,
    select: (items): SelectOption[] => items.map((a) => ({ value: a.id, label: agreementLabel(a) })),
  });
}

/** "CVOE/003/2023 — Aprobación del Programa…" (the title cut at 90 characters). */
export function agreementLabel(a: Pick<AgreementOption, 'number' | 'title'>): string {
  const title = a.title.length > 90 ? `${a.title.slice(0, 89)}…` : a.title;
  return `${a.number} — ${title}`;
}

/**
 * Picks an agreement of the governance module by searching the server as the user types;
 * `onChosen` also receives the agreement itself (its adoption date, for instance).
 */
export function AgreementSelect({
  onChosen,
  onChange,
  ...props
}: SearchSelectProps & { onChosen?: (a: AgreementOption | null) => void }) {
  const client = useQueryClient();
  return (
    <SearchSelect
      {...props}
      useOptions={useAgreementOptions}
      onChange={(value, label) => {
        const found = client
          .getQueriesData<AgreementOption[]>({ queryKey: KEY })
          .flatMap(([, items]) => items ?? [])
          .find((a) => a.id === value);
        onChosen?.(found ?? null);
        onChange(value, label);
      }}
    />
  );
}
