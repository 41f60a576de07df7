import { Select, type SelectProps } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useInstitutionOptions, type Option } from './api';

/** Picks an institution by searching the server as the user types. */
export function InstitutionSelect(
  props: Omit<SelectProps, 'data' | 'searchable' | 'onChange'> & {
    /** The chosen id, and its name as shown (for lists that add the choice). */
    onChange: (value: string | null, label: string | null) => void;
    /** The current choice, so that its name shows before any search. */
    initial?: Option | null;
  },
) {
  const { t } = useTranslation();
  const { initial, onChange, ...rest } = props;
  const [search, setSearch] = useState('');
  const [debounced] = useDebouncedValue(search, 250);
  const [chosen, setChosen] = useState<Option | null>(initial ?? null);
  const options = useInstitutionOptions(debounced);
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
