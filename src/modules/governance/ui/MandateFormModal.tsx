import { MultiSelect, Select, SimpleGrid, Textarea } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import {
  MANDATE_STATUSES,
  MandateInputSchema,
  MandatePatchSchema,
  type Mandate,
  type MandateInput,
  type MandatePatch,
  type MandateStatus,
} from '../contract';
import { useAreaOptions } from '@/modules/directory/ui/api';
import { FormModal } from '@/web/shared/form/FormModal';
import { useSaveForm } from '@/web/shared/form/use-save-form';
import { DayInput } from '@/web/shared/ui/DayInput';
import { GOVERNANCE_KEY, saveMandate, useConsejoAgreementOptions } from './api';
import governanceStrings from 'virtual:lazy-strings/governance';
import { addLazyStrings } from '@/web/i18n/all';

// This module's wording loads with it, not with the signed-in frame (issue 18).
addLazyStrings(governanceStrings);

type Values = {
  agreementId: string | null;
  description: string;
  dueOn: string | null;
  areaIds: string[];
  status: string | null;
};

/**
 * Registers a mandate of a Consejo General agreement to one or more areas with its due date, or
 * edits `mandate` (description, due date, status).
 */
export function MandateFormModal(props: { mandate?: Mandate; onClose: () => void }) {
  const { t } = useTranslation();
  const m = props.mandate;
  const agreements = useConsejoAgreementOptions();
  const areas = useAreaOptions();
  const f = useSaveForm({
    initialValues: {
      agreementId: m?.agreementId ?? null,
      description: m?.description ?? '',
      dueOn: m?.dueOn ?? null,
      areaIds: m?.areas.map((a) => a.id) ?? [],
      status: m?.status ?? 'pending',
    } as Values,
    schema: m ? MandatePatchSchema : MandateInputSchema,
    toInput: (v): MandateInput | MandatePatch =>
      m
        ? { description: v.description, dueOn: v.dueOn, status: v.status as MandateStatus }
        : {
            agreementId: v.agreementId ?? '',
            description: v.description,
            dueOn: v.dueOn,
            areaIds: v.areaIds,
          },
    save: (input) => saveMandate(m?.id ?? null, input),
    invalidate: [GOVERNANCE_KEY],
    saved: (saved) =>
      t(m ? 'governance.mandateForm.updated' : 'governance.mandateForm.created', {
        number: saved.agreementNumber,
      }),
    onSaved: props.onClose,
  });
  const form = f.form;
  return (
    <FormModal
      form={f}
      onClose={props.onClose}
      title={m ? t('governance.mandateForm.editTitle') : t('governance.mandateForm.createTitle')}
      submitLabel={m ? t('common.saveChanges') : t('governance.mandateForm.create')}
    >
      <Select
        label={t('governance.mandates.agreement')}
        withAsterisk
        searchable
        disabled={!!m}
        data-autofocus
        data={agreements.data ?? (m ? [{ value: m.agreementId, label: m.agreementNumber }] : [])}
        nothingFoundMessage={t('common.nothingFound')}
        comboboxProps={{ withinPortal: true }}
        {...form.getInputProps('agreementId')}
      />
      <Textarea
        label={t('governance.mandates.mandate')}
        withAsterisk
        autosize
        minRows={2}
        {...f.text('description')}
      />
      <MultiSelect
        label={t('governance.mandates.areas')}
        withAsterisk
        searchable
        disabled={!!m}
        data={areas.data ?? []}
        nothingFoundMessage={t('common.nothingFound')}
        comboboxProps={{ withinPortal: true }}
        {...form.getInputProps('areaIds')}
      />
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <DayInput label={t('governance.mandates.due')} clearable {...form.getInputProps('dueOn')} />
        {m && (
          <Select
            label={t('governance.mandates.status')}
            withAsterisk
            data={MANDATE_STATUSES.map((s) => ({ value: s, label: t(`governance.mandateStatus.${s}`) }))}
            comboboxProps={{ withinPortal: true }}
            {...form.getInputProps('status')}
          />
        )}
      </SimpleGrid>
    </FormModal>
  );
}
