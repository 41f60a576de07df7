import { Select, type SelectProps } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import type { UseQueryResult } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';

export type SelectOption = { value: string; label: string };

export type SearchSelectProps = Omit<SelectProps, 'data' | 'searchable' | 'onChange'> & {
  /** The chosen id, and its name as shown (for lists that add the choice). */
  onChange: (value: string | null, label: string | null) => void;
  /** The current choice, so that its name shows before any search. */
  initial?: SelectOption | null;
};

/** A select whose options the server finds as the user types (a directory too large to list). */
export function SearchSelect(
  props: SearchSelectProps & { useOptions: (q: string) => UseQueryResult<SelectOption[]> },
) {
  const { t } = useTranslation();
  const { initial, onChange, useOptions, ...rest } = props;
  const [search, setSearch] = useState('');
  const [debounced] = useDebouncedValue(search, 250);
  const [chosen, setChosen] = useState<SelectOption | null>(initial ?? null);
  const options = useOptions(debounced);
  const data = [...(options.data ?? [])];
  if (chosen && !data.some((o) => o.value === chosen.value)) data.unshift(chosen);
  return (
    <Select
      {...rest}
      data={data}
      searchable
      clearable
      searchValue={search}
      onSearchChange={setSearch}
      filter={({ options: all }) => all}
      nothingFoundMessage={options.isFetching ? t('common.loading') : t('common.nothingFound')}
      comboboxProps={{ withinPortal: true }}
      onChange={(value, option) => {
        setChosen(value && option ? { value, label: option.label } : null);
        onChange(value, value && option ? option.label : null);
      }}
    />
  );
}
