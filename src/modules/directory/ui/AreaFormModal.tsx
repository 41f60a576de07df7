import { Select, SimpleGrid, TagsInput, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { AREA_KINDS, AreaInputSchema, type Area, type AreaInput } from '../contract';
import { FormModal } from '@/web/shared/form/FormModal';
import { useSaveForm } from '@/web/shared/form/use-save-form';
import { DIRECTORY_KEY, emptyToNull, saveArea, useAreaOptions } from './api';

type Values = {
  name: string;
  acronym: string;
  kind: string | null;
  parentId: string | null;
  aliases: string[];
};

function toInput(v: Values): AreaInput {
  return {
    name: v.name.trim(),
    acronym: emptyToNull(v.acronym),
    kind: v.kind as AreaInput['kind'],
    parentId: v.parentId,
    aliases: v.aliases,
  };
}

/** Registers an area of the organization, or edits `area`. */
export function AreaFormModal(props: { onClose: () => void; area?: Area }) {
  const { t } = useTranslation();
  const a = props.area;
  const areas = useAreaOptions();
  const f = useSaveForm({
    initialValues: {
      name: a?.name ?? '',
      acronym: a?.acronym ?? '',
      kind: a?.kind ?? null,
      parentId: a?.parentId ?? null,
      aliases: a?.aliases ?? [],
    } as Values,
    schema: AreaInputSchema,
    toInput,
    save: (input) => saveArea(a?.id ?? null, input),
    invalidate: [DIRECTORY_KEY],
    saved: (saved) =>
      a ? t('areas.updated', { name: saved.name }) : t('areas.created', { name: saved.name }),
    onSaved: props.onClose,
  });

  return (
    <FormModal
      form={f}
      onClose={props.onClose}
      title={a ? t('areas.editTitle') : t('areas.createTitle')}
      submitLabel={a ? t('common.saveChanges') : t('areas.create')}
    >
      <TextInput label={t('areas.name')} withAsterisk data-autofocus {...f.text('name')} />
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <TextInput label={t('areas.acronym')} {...f.text('acronym')} />
        <Select
          label={t('areas.kind')}
          withAsterisk
          data={AREA_KINDS.map((k) => ({ value: k, label: t(`enums.areaKind.${k}`) }))}
          comboboxProps={{ withinPortal: true }}
          {...f.form.getInputProps('kind')}
        />
      </SimpleGrid>
      <Select
        label={t('areas.parent')}
        description={t('areas.parentHelp')}
        data={(areas.data ?? []).filter((o) => o.value !== a?.id)}
        searchable
        clearable
        nothingFoundMessage={t('common.nothingFound')}
        comboboxProps={{ withinPortal: true }}
        {...f.form.getInputProps('parentId')}
      />
      <TagsInput
        label={t('areas.aliases')}
        description={t('areas.aliasesHelp')}
        clearable
        {...f.form.getInputProps('aliases')}
      />
    </FormModal>
  );
}
