import { MultiSelect, Select } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { OpinionInputSchema } from '../contract';
import { useAreaOptions } from '@/modules/directory/ui/api';
import { FormModal } from '@/web/shared/form/FormModal';
import { useSaveForm } from '@/web/shared/form/use-save-form';
import { DayInput } from '@/web/shared/ui/DayInput';
import { AGREEMENTS_KEY, requestOpinion, useInstruments } from './api';
import agreementsStrings from 'virtual:lazy-strings/agreements';
import { addLazyStrings } from '@/web/i18n/all';

// This module's wording loads with it, not with the signed-in frame (issue 18).
addLazyStrings(agreementsStrings);

type Values = { instrumentId: string | null; areaIds: string[]; requestedOn: string | null };

/** An area asks for an opinion of pertinence on a (draft) instrument of the register. */
export function OpinionRequestModal({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation();
  const areas = useAreaOptions();
  const [search, setSearch] = useState('');
  const [debounced] = useDebouncedValue(search, 250);
  const instruments = useInstruments({ q: debounced || undefined, pageSize: 30 });
  const f = useSaveForm({
    initialValues: { instrumentId: null, areaIds: [], requestedOn: null } as Values,
    schema: OpinionInputSchema,
    toInput: (v) => ({
      instrumentId: v.instrumentId ?? '',
      areaIds: v.areaIds,
      requestedOn: v.requestedOn ?? '',
    }),
    save: requestOpinion,
    invalidate: [AGREEMENTS_KEY],
    saved: () => t('agreements.opinions.requested'),
    onSaved: onClose,
  });
  return (
    <FormModal
      form={f}
      onClose={onClose}
      title={t('agreements.opinions.requestTitle')}
      submitLabel={t('agreements.opinions.request')}
    >
      <Select
        label={t('agreements.opinions.instrument')}
        withAsterisk
        searchable
        searchValue={search}
        onSearchChange={setSearch}
        data={(instruments.data?.items ?? []).map((i) => ({ value: i.id, label: i.title }))}
        nothingFoundMessage={t('common.nothingFound')}
        comboboxProps={{ withinPortal: true }}
        {...f.form.getInputProps('instrumentId')}
      />
      <MultiSelect
        label={t('agreements.opinions.requestingAreas')}
        withAsterisk
        searchable
        data={areas.data ?? []}
        comboboxProps={{ withinPortal: true }}
        {...f.form.getInputProps('areaIds')}
      />
      <DayInput
        label={t('agreements.opinions.requestedOn')}
        withAsterisk
        {...f.form.getInputProps('requestedOn')}
      />
    </FormModal>
  );
}
