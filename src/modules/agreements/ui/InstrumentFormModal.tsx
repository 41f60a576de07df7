import {
  MultiSelect,
  NumberInput,
  Select,
  SimpleGrid,
  Switch,
  Text,
  Textarea,
  TextInput,
} from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { INITIAL_STATUSES } from '../contract-status';
import { InstrumentInputSchema, LINK_PREPOSITIONS, VALIDITY_KINDS, type InstrumentInput } from '../contract';
import { useAreaOptions } from '@/modules/directory/ui/api';
import { FormModal } from '@/web/shared/form/FormModal';
import { useSaveForm } from '@/web/shared/form/use-save-form';
import { DayInput } from '@/web/shared/ui/DayInput';
import {
  AGREEMENTS_KEY,
  createInstrument,
  useInstitutionOptions,
  useInstruments,
  useInstrumentTypes,
} from './api';
import agreementsStrings from 'virtual:lazy-strings/agreements';
import { addLazyStrings } from '@/web/i18n/all';

// This module's wording loads with it, not with the signed-in frame (issue 18).
addLazyStrings(agreementsStrings);

type Values = {
  typeId: string | null;
  parentId: string | null;
  ordinal: number | string;
  designation: string;
  subject: string;
  linkPreposition: string;
  organizationIsParty: boolean;
  partyIds: string[];
  areaIds: string[];
  object: string;
  signedOn: string | null;
  validityKind: string;
  validFrom: string | null;
  validUntil: string | null;
  renewalTerms: string;
  status: string;
};

const orNull = (s: string) => (s.trim() ? s.trim() : null);

/** Registers an instrument; its full title is derived from its own designation and its parent. */
export function InstrumentFormModal({ onClose }: { onClose: () => void }) {
  const navigate = useNavigate();
  const { t } = useTranslation();
  const types = useInstrumentTypes();
  const areas = useAreaOptions();
  const institutions = useInstitutionOptions();
  const [parentSearch, setParentSearch] = useState('');
  const [debounced] = useDebouncedValue(parentSearch, 250);
  const parents = useInstruments({ q: debounced || undefined, pageSize: 30 });
  const f = useSaveForm({
    initialValues: {
      typeId: null,
      parentId: null,
      ordinal: '',
      designation: '',
      subject: '',
      linkPreposition: 'a',
      organizationIsParty: true,
      partyIds: [],
      areaIds: [],
      object: '',
      signedOn: null,
      validityKind: 'dated',
      validFrom: null,
      validUntil: null,
      renewalTerms: '',
      status: 'negotiation',
    } as Values,
    schema: InstrumentInputSchema,
    toInput: (v) => ({
      typeId: v.typeId ?? '',
      parentId: v.parentId,
      ordinal: typeof v.ordinal === 'number' ? v.ordinal : null,
      designation: orNull(v.designation),
      subject: orNull(v.subject),
      linkPreposition: v.linkPreposition as InstrumentInput['linkPreposition'],
      organizationIsParty: v.organizationIsParty,
      partyIds: v.partyIds,
      areaIds: v.areaIds,
      object: orNull(v.object),
      signedOn: v.signedOn,
      validityKind: v.validityKind as InstrumentInput['validityKind'],
      validFrom: v.validFrom,
      validUntil: v.validityKind === 'dated' ? v.validUntil : null,
      renewalTerms: orNull(v.renewalTerms),
      status: v.status as InstrumentInput['status'],
    }),
    save: createInstrument,
    invalidate: [AGREEMENTS_KEY],
    saved: (saved) => t('agreements.form.created', { title: saved.title }),
    onSaved: (saved) => {
      onClose();
      // The new instrument, not the register where it may sit pages away.
      void navigate(`/convenios/instrumentos/${saved.id}`);
    },
  });
  const form = f.form;

  return (
    <FormModal
      form={f}
      onClose={onClose}
      title={t('agreements.form.title')}
      submitLabel={t('agreements.form.submit')}
      size="xl"
    >
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <Select
          label={t('agreements.instruments.type')}
          withAsterisk
          searchable
          data={(types.data ?? []).map((x) => ({ value: x.id, label: x.name }))}
          comboboxProps={{ withinPortal: true }}
          {...form.getInputProps('typeId')}
        />
        <Select
          label={t('agreements.form.parent')}
          description={t('agreements.form.parentHelp')}
          searchable
          clearable
          searchValue={parentSearch}
          onSearchChange={setParentSearch}
          data={(parents.data?.items ?? []).map((i) => ({ value: i.id, label: i.title }))}
          nothingFoundMessage={t('common.nothingFound')}
          comboboxProps={{ withinPortal: true }}
          {...form.getInputProps('parentId')}
        />
        <NumberInput
          label={t('agreements.form.ordinal')}
          description={t('agreements.form.ordinalHelp')}
          min={1}
          max={999}
          allowDecimal={false}
          {...form.getInputProps('ordinal')}
        />
        <TextInput
          label={t('agreements.form.designation')}
          {...f.text('designation', t('agreements.form.designationHelp'))}
        />
      </SimpleGrid>
      <TextInput
        label={t('agreements.form.subject')}
        {...f.text('subject', t('agreements.form.subjectHelp'))}
      />
      {form.values.parentId && (
        <Select
          label={t('agreements.form.link')}
          data={LINK_PREPOSITIONS.map((p) => ({ value: p, label: t(`agreements.form.linkWord.${p}`) }))}
          comboboxProps={{ withinPortal: true }}
          {...form.getInputProps('linkPreposition')}
        />
      )}
      <Switch
        label={t('agreements.form.organizationIsParty')}
        {...form.getInputProps('organizationIsParty', { type: 'checkbox' })}
      />
      <MultiSelect
        label={t('agreements.instruments.parties')}
        withAsterisk
        searchable
        data={institutions.data ?? []}
        comboboxProps={{ withinPortal: true }}
        {...form.getInputProps('partyIds')}
      />
      <MultiSelect
        label={t('agreements.instruments.areas')}
        withAsterisk
        searchable
        data={areas.data ?? []}
        comboboxProps={{ withinPortal: true }}
        {...form.getInputProps('areaIds')}
      />
      <Textarea label={t('agreements.detail.object')} autosize minRows={2} {...f.text('object')} />
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <Select
          label={t('agreements.instruments.status')}
          data={INITIAL_STATUSES.map((s) => ({ value: s, label: t(`agreements.status.${s}`) }))}
          comboboxProps={{ withinPortal: true }}
          {...form.getInputProps('status')}
        />
        <DayInput
          label={t('agreements.instruments.signedOn')}
          clearable
          {...form.getInputProps('signedOn')}
        />
        <Select
          label={t('agreements.detail.validity')}
          data={VALIDITY_KINDS.map((k) => ({ value: k, label: t(`agreements.validity.${k}`) }))}
          comboboxProps={{ withinPortal: true }}
          {...form.getInputProps('validityKind')}
        />
        <DayInput label={t('agreements.form.validFrom')} clearable {...form.getInputProps('validFrom')} />
        {form.values.validityKind === 'dated' && (
          <DayInput label={t('agreements.form.validUntil')} clearable {...form.getInputProps('validUntil')} />
        )}
      </SimpleGrid>
      <Textarea
        label={t('agreements.detail.renewalTerms')}
        autosize
        minRows={2}
        {...f.text('renewalTerms')}
      />
      <Text size="xs" c="dimmed">
        {t('agreements.form.titleDerived')}
      </Text>
    </FormModal>
  );
}
