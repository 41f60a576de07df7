import { Select, SimpleGrid, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import {
  BODY_KINDS,
  BodyInputSchema,
  BodyPatchSchema,
  type Body,
  type BodyInput,
  type BodyKind,
  type BodyPatch,
} from '../contract';
import { FormModal } from '@/web/shared/form/FormModal';
import { useSaveForm } from '@/web/shared/form/use-save-form';
import { DayInput } from '@/web/shared/ui/DayInput';
import { GOVERNANCE_KEY, saveBody } from './api';
import governanceStrings from 'virtual:lazy-strings/governance';
import { addLazyStrings } from '@/web/i18n/all';

// This module's wording loads with it, not with the signed-in frame (issue 18).
addLazyStrings(governanceStrings);

type Values = {
  name: string;
  acronym: string;
  kind: string | null;
  agreementPrefix: string;
  createdByAgreement: string;
  createdOn: string | null;
  endedOn: string | null;
};

const orNull = (s: string) => (s.trim() === '' ? null : s.trim());

function toInput(b: Body | undefined, v: Values): BodyInput | BodyPatch {
  if (b)
    return {
      name: v.name,
      createdByAgreement: orNull(v.createdByAgreement),
      createdOn: v.createdOn ?? '',
      endedOn: v.endedOn,
    };
  return {
    name: v.name,
    acronym: v.acronym,
    kind: v.kind as BodyKind,
    ...(orNull(v.agreementPrefix) ? { agreementPrefix: v.agreementPrefix.trim() } : {}),
    createdByAgreement: orNull(v.createdByAgreement),
    createdOn: v.createdOn ?? '',
    endedOn: v.endedOn,
  };
}

/** Registers the Consejo General or a committee, or corrects `body` (acronym, kind and prefix stay). */
export function BodyFormModal(props: { onClose: () => void; onSaved?: (b: Body) => void; body?: Body }) {
  const { t } = useTranslation();
  const b = props.body;
  const f = useSaveForm({
    initialValues: {
      name: b?.name ?? '',
      acronym: b?.acronym ?? '',
      kind: b?.kind ?? null,
      agreementPrefix: b?.agreementPrefix ?? '',
      createdByAgreement: b?.createdByAgreement ?? '',
      createdOn: b?.createdOn ?? null,
      endedOn: b?.endedOn ?? null,
    } as Values,
    schema: b ? BodyPatchSchema : BodyInputSchema,
    toInput: (v) => toInput(b, v),
    save: (input) => saveBody(b?.id ?? null, input),
    invalidate: [GOVERNANCE_KEY],
    saved: (saved) =>
      t(b ? 'governance.bodyForm.updated' : 'governance.bodyForm.created', { name: saved.name }),
    onSaved: (saved) => {
      props.onSaved?.(saved);
      props.onClose();
    },
  });
  const form = f.form;

  return (
    <FormModal
      form={f}
      onClose={props.onClose}
      title={b ? t('governance.bodyForm.editTitle') : t('governance.bodyForm.createTitle')}
      submitLabel={b ? t('common.saveChanges') : t('governance.bodyForm.create')}
    >
      <TextInput label={t('governance.bodyForm.name')} withAsterisk data-autofocus {...f.text('name')} />
      <SimpleGrid cols={{ base: 1, sm: 3 }}>
        <TextInput
          label={t('governance.bodyForm.acronym')}
          withAsterisk
          disabled={!!b}
          {...f.text('acronym')}
        />
        <Select
          label={t('governance.bodyForm.kind')}
          withAsterisk
          disabled={!!b}
          data={BODY_KINDS.map((k) => ({ value: k, label: t(`governance.bodyKind.${k}`) }))}
          comboboxProps={{ withinPortal: true }}
          {...form.getInputProps('kind')}
        />
        <TextInput
          label={t('governance.bodyForm.prefix')}
          disabled={!!b}
          {...f.text('agreementPrefix', t('governance.bodyForm.prefixHelp'))}
        />
      </SimpleGrid>
      <TextInput
        label={t('governance.bodyForm.createdBy')}
        {...f.text('createdByAgreement', t('governance.bodyForm.createdByHelp'))}
      />
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <DayInput
          label={t('governance.bodyForm.createdOn')}
          withAsterisk
          {...form.getInputProps('createdOn')}
        />
        <DayInput label={t('governance.bodyForm.endedOn')} clearable {...form.getInputProps('endedOn')} />
      </SimpleGrid>
    </FormModal>
  );
}
