import { Select, SimpleGrid, TagsInput, Textarea, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { PersonInputSchema, type Person, type PersonInput } from '../contract';
import { FormModal } from '@/web/shared/form/FormModal';
import { useSaveForm } from '@/web/shared/form/use-save-form';
import { DIRECTORY_KEY, emptyToNull, savePerson } from './api';

const GENDERS = ['female', 'male', 'unspecified'] as const;

type Values = {
  honorific: string;
  fullName: string;
  gender: string | null;
  aliases: string[];
  email: string;
  phone: string;
  notes: string;
};

function toInput(v: Values): PersonInput {
  return {
    fullName: v.fullName.trim(),
    honorific: emptyToNull(v.honorific),
    gender: (v.gender ?? 'unspecified') as PersonInput['gender'],
    aliases: v.aliases,
    email: emptyToNull(v.email),
    phone: emptyToNull(v.phone),
    notes: emptyToNull(v.notes),
  };
}

/** Registers a person, or edits `person`. Returns the saved person to `onSaved`. */
export function PersonFormModal(props: {
  onClose: () => void;
  person?: Person;
  onSaved?: (p: Person) => void;
}) {
  const { t } = useTranslation();
  const p = props.person;
  const f = useSaveForm({
    initialValues: {
      honorific: p?.honorific ?? '',
      fullName: p?.fullName ?? '',
      gender: p?.gender ?? 'unspecified',
      aliases: p?.aliases ?? [],
      email: p?.email ?? '',
      phone: p?.phone ?? '',
      notes: p?.notes ?? '',
    } as Values,
    schema: PersonInputSchema,
    toInput,
    save: (input) => savePerson(p?.id ?? null, input),
    invalidate: [DIRECTORY_KEY],
    saved: (saved) =>
      p ? t('people.updated', { name: saved.fullName }) : t('people.created', { name: saved.fullName }),
    onSaved: (saved) => {
      props.onSaved?.(saved);
      props.onClose();
    },
  });

  return (
    <FormModal
      form={f}
      onClose={props.onClose}
      title={p ? t('people.editTitle') : t('people.createTitle')}
      submitLabel={p ? t('common.saveChanges') : t('people.create')}
    >
      <SimpleGrid cols={{ base: 1, sm: 4 }}>
        <TextInput
          label={t('people.honorific')}
          placeholder={t('people.honorificPlaceholder')}
          {...f.text('honorific')}
        />
        <TextInput
          label={t('people.fullName')}
          withAsterisk
          data-autofocus
          style={{ gridColumn: 'span 3' }}
          {...f.text('fullName')}
        />
      </SimpleGrid>
      <SimpleGrid cols={{ base: 1, sm: 3 }}>
        <Select
          label={t('people.gender')}
          data={GENDERS.map((g) => ({ value: g, label: t(`enums.gender.${g}`) }))}
          allowDeselect={false}
          comboboxProps={{ withinPortal: true }}
          {...f.form.getInputProps('gender')}
        />
        <TextInput label={t('people.email')} type="email" {...f.text('email')} />
        <TextInput label={t('people.phone')} type="tel" {...f.text('phone')} />
      </SimpleGrid>
      <TagsInput
        label={t('people.aliases')}
        description={t('people.aliasesHelp')}
        clearable
        {...f.form.getInputProps('aliases')}
      />
      <Textarea label={t('people.notes')} autosize minRows={2} {...f.text('notes')} />
    </FormModal>
  );
}
