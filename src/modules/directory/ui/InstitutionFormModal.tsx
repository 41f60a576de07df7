import { Select, SimpleGrid, Textarea, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import {
  INSTITUTION_KINDS,
  INSTITUTION_LEVELS,
  InstitutionInputSchema,
  type Institution,
  type InstitutionInput,
} from '../contract';
import { FormModal } from '@/web/shared/form/FormModal';
import { useSaveForm } from '@/web/shared/form/use-save-form';
import { DIRECTORY_KEY, emptyToNull, saveInstitution } from './api';

type Values = {
  name: string;
  acronym: string;
  kind: string | null;
  level: string | null;
  country: string;
  email: string;
  phone: string;
  website: string;
  address: string;
  notes: string;
};

function toInput(v: Values): InstitutionInput {
  return {
    name: v.name.trim(),
    acronym: emptyToNull(v.acronym),
    kind: v.kind as InstitutionInput['kind'],
    level: v.level as InstitutionInput['level'],
    country: v.country.trim().toUpperCase(),
    email: emptyToNull(v.email),
    phone: emptyToNull(v.phone),
    website: emptyToNull(v.website),
    address: emptyToNull(v.address),
    notes: emptyToNull(v.notes),
  };
}

/** Registers an institution, or edits `institution`. */
export function InstitutionFormModal(props: { onClose: () => void; institution?: Institution }) {
  const { t } = useTranslation();
  const i = props.institution;
  const f = useSaveForm({
    initialValues: {
      name: i?.name ?? '',
      acronym: i?.acronym ?? '',
      kind: i?.kind ?? null,
      level: i?.level ?? null,
      country: i?.country ?? 'MX',
      email: i?.email ?? '',
      phone: i?.phone ?? '',
      website: i?.website ?? '',
      address: i?.address ?? '',
      notes: i?.notes ?? '',
    } as Values,
    schema: InstitutionInputSchema,
    toInput,
    save: (input) => saveInstitution(i?.id ?? null, input),
    invalidate: [DIRECTORY_KEY],
    saved: (saved) =>
      i ? t('institutions.updated', { name: saved.name }) : t('institutions.created', { name: saved.name }),
    onSaved: props.onClose,
  });

  return (
    <FormModal
      form={f}
      onClose={props.onClose}
      title={i ? t('institutions.editTitle') : t('institutions.createTitle')}
      submitLabel={i ? t('common.saveChanges') : t('institutions.create')}
      size="xl"
    >
      <SimpleGrid cols={{ base: 1, sm: 3 }}>
        <TextInput
          label={t('institutions.name')}
          withAsterisk
          data-autofocus
          style={{ gridColumn: 'span 2' }}
          {...f.text('name')}
        />
        <TextInput label={t('institutions.acronym')} {...f.text('acronym')} />
      </SimpleGrid>
      <SimpleGrid cols={{ base: 1, sm: 3 }}>
        <Select
          label={t('institutions.kind')}
          withAsterisk
          data={INSTITUTION_KINDS.map((k) => ({ value: k, label: t(`enums.institutionKind.${k}`) }))}
          comboboxProps={{ withinPortal: true }}
          {...f.form.getInputProps('kind')}
        />
        <Select
          label={t('institutions.level')}
          withAsterisk
          data={INSTITUTION_LEVELS.map((k) => ({ value: k, label: t(`enums.institutionLevel.${k}`) }))}
          comboboxProps={{ withinPortal: true }}
          {...f.form.getInputProps('level')}
        />
        <TextInput
          label={t('institutions.country')}
          description={t('institutions.countryHelp')}
          maxLength={2}
          withAsterisk
          {...f.form.getInputProps('country')}
        />
      </SimpleGrid>
      <SimpleGrid cols={{ base: 1, sm: 3 }}>
        <TextInput label={t('institutions.email')} type="email" {...f.text('email')} />
        <TextInput label={t('institutions.phone')} type="tel" {...f.text('phone')} />
        <TextInput
          label={t('institutions.website')}
          type="url"
          placeholder="https://"
          {...f.text('website')}
        />
      </SimpleGrid>
      <Textarea label={t('institutions.address')} autosize minRows={2} {...f.text('address')} />
      <Textarea label={t('institutions.notes')} autosize minRows={2} {...f.text('notes')} />
    </FormModal>
  );
}
