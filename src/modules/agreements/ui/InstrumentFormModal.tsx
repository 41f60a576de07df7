import {
  Button,
  Group,
  Modal,
  MultiSelect,
  NumberInput,
  Select,
  SimpleGrid,
  Stack,
  Switch,
  Text,
  Textarea,
  TextInput,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { useDebouncedValue } from '@mantine/hooks';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import type { FieldProblem } from '@/shared/errors';
import { INITIAL_STATUSES } from '../contract-status';
import { LINK_PREPOSITIONS, VALIDITY_KINDS, type InstrumentInput } from '../contract';
import { useAreaOptions } from '@/modules/directory/ui/api';
import { applyFieldErrors } from '@/web/shared/api/form-errors';
import { notifySuccess } from '@/web/shared/ui/errors';
import { DayInput } from '@/web/shared/ui/DayInput';
import { FormErrorAlert } from '@/web/shared/ui/FormErrorAlert';
import {
  createInstrument,
  useAgreementsMutation,
  useInstitutionOptions,
  useInstruments,
  useInstrumentTypes,
} from './api';

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
  const [unplaced, setUnplaced] = useState<FieldProblem[]>([]);
  const form = useForm<Values>({
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
    },
  });
  const save = useAgreementsMutation((v: Values) => {
    const input: Partial<InstrumentInput> = {
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
    };
    return createInstrument(input);
  });
  const submit = (v: Values) =>
    save.mutate(v, {
      onSuccess: (saved) => {
        notifySuccess(t('agreements.form.created', { title: saved.title }));
        onClose();
        // The new instrument, not the register where it may sit pages away.
        void navigate(`/convenios/instrumentos/${saved.id}`);
      },
      onError: (error) => setUnplaced(applyFieldErrors(form, error)),
    });

  return (
    <Modal opened onClose={onClose} title={t('agreements.form.title')} size="xl">
      <form noValidate onSubmit={form.onSubmit(submit)}>
        <Stack>
          <FormErrorAlert error={save.error} unplaced={unplaced} />
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
              description={t('agreements.form.designationHelp')}
              {...form.getInputProps('designation')}
            />
          </SimpleGrid>
          <TextInput
            label={t('agreements.form.subject')}
            description={t('agreements.form.subjectHelp')}
            {...form.getInputProps('subject')}
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
          <Textarea
            label={t('agreements.detail.object')}
            autosize
            minRows={2}
            {...form.getInputProps('object')}
          />
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
              <DayInput
                label={t('agreements.form.validUntil')}
                clearable
                {...form.getInputProps('validUntil')}
              />
            )}
          </SimpleGrid>
          <Textarea
            label={t('agreements.detail.renewalTerms')}
            autosize
            minRows={2}
            {...form.getInputProps('renewalTerms')}
          />
          <Text size="xs" c="dimmed">
            {t('agreements.form.titleDerived')}
          </Text>
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={save.isPending}>
              {t('agreements.form.submit')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
