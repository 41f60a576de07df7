import { Button, Group, Modal, MultiSelect, Select, Stack } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useDebouncedValue } from '@mantine/hooks';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { FieldProblem } from '@/shared/errors';
import { useAreaOptions } from '@/modules/directory/ui/api';
import { applyFieldErrors } from '@/web/shared/api/form-errors';
import { DayInput } from '@/web/shared/ui/DayInput';
import { FormErrorAlert } from '@/web/shared/ui/FormErrorAlert';
import { requestOpinion, useAgreementsMutation, useInstruments } from './api';

type Values = { instrumentId: string | null; areaIds: string[]; requestedOn: string | null };

/** An area asks for an opinion of pertinence on a (draft) instrument of the register. */
export function OpinionRequestModal({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation();
  const areas = useAreaOptions();
  const [search, setSearch] = useState('');
  const [debounced] = useDebouncedValue(search, 250);
  const instruments = useInstruments({ q: debounced || undefined, pageSize: 30 });
  const [unplaced, setUnplaced] = useState<FieldProblem[]>([]);
  const form = useForm<Values>({ initialValues: { instrumentId: null, areaIds: [], requestedOn: null } });
  const request = useAgreementsMutation((v: Values) => requestOpinion(v));
  return (
    <Modal opened onClose={onClose} title={t('agreements.opinions.requestTitle')} size="lg">
      <form
        noValidate
        onSubmit={form.onSubmit((v) =>
          request.mutate(v, { onSuccess: onClose, onError: (e) => setUnplaced(applyFieldErrors(form, e)) }),
        )}
      >
        <Stack>
          <FormErrorAlert error={request.error} unplaced={unplaced} />
          <Select
            label={t('agreements.opinions.instrument')}
            withAsterisk
            searchable
            searchValue={search}
            onSearchChange={setSearch}
            data={(instruments.data?.items ?? []).map((i) => ({ value: i.id, label: i.title }))}
            nothingFoundMessage={t('common.nothingFound')}
            comboboxProps={{ withinPortal: true }}
            {...form.getInputProps('instrumentId')}
          />
          <MultiSelect
            label={t('agreements.opinions.requestingAreas')}
            withAsterisk
            searchable
            data={areas.data ?? []}
            comboboxProps={{ withinPortal: true }}
            {...form.getInputProps('areaIds')}
          />
          <DayInput
            label={t('agreements.opinions.requestedOn')}
            withAsterisk
            {...form.getInputProps('requestedOn')}
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={request.isPending}>
              {t('agreements.opinions.request')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
