import { Button, Group, Modal, Select, SimpleGrid, Stack, Textarea, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { FieldProblem } from '@/shared/errors';
import { INSTITUTION_KINDS, INSTITUTION_LEVELS, type Institution, type InstitutionInput } from '../contract';
import { api } from '@/web/shared/api/client';
import { applyFieldErrors } from '@/web/shared/api/form-errors';
import { notifySuccess } from '@/web/shared/ui/errors';
import { FormErrorAlert } from '@/web/shared/ui/FormErrorAlert';
import { DIRECTORY_KEY, emptyToNull } from './api';

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
  const queryClient = useQueryClient();
  const i = props.institution;
  const [unplaced, setUnplaced] = useState<FieldProblem[]>([]);
  const form = useForm<Values>({
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
    },
  });
  const save = useMutation({
    mutationFn: (v: Values) =>
      i
        ? api.patch<Institution>(`/api/institutions/${i.id}`, toInput(v))
        : api.post<Institution>('/api/institutions', toInput(v)),
    onSuccess: (saved) => {
      void queryClient.invalidateQueries({ queryKey: DIRECTORY_KEY });
      notifySuccess(
        i ? t('institutions.updated', { name: saved.name }) : t('institutions.created', { name: saved.name }),
      );
      props.onClose();
    },
    onError: (error) => setUnplaced(applyFieldErrors(form, error)),
  });

  return (
    <Modal
      opened
      onClose={props.onClose}
      title={i ? t('institutions.editTitle') : t('institutions.createTitle')}
      size="xl"
    >
      <form noValidate onSubmit={form.onSubmit((v) => save.mutate(v))}>
        <Stack>
          <FormErrorAlert error={save.error} unplaced={unplaced} />
          <SimpleGrid cols={{ base: 1, sm: 3 }}>
            <TextInput
              label={t('institutions.name')}
              withAsterisk
              data-autofocus
              style={{ gridColumn: 'span 2' }}
              {...form.getInputProps('name')}
            />
            <TextInput label={t('institutions.acronym')} {...form.getInputProps('acronym')} />
          </SimpleGrid>
          <SimpleGrid cols={{ base: 1, sm: 3 }}>
            <Select
              label={t('institutions.kind')}
              withAsterisk
              data={INSTITUTION_KINDS.map((k) => ({ value: k, label: t(`enums.institutionKind.${k}`) }))}
              comboboxProps={{ withinPortal: true }}
              {...form.getInputProps('kind')}
            />
            <Select
              label={t('institutions.level')}
              withAsterisk
              data={INSTITUTION_LEVELS.map((k) => ({ value: k, label: t(`enums.institutionLevel.${k}`) }))}
              comboboxProps={{ withinPortal: true }}
              {...form.getInputProps('level')}
            />
            <TextInput
              label={t('institutions.country')}
              description={t('institutions.countryHelp')}
              maxLength={2}
              withAsterisk
              {...form.getInputProps('country')}
            />
          </SimpleGrid>
          <SimpleGrid cols={{ base: 1, sm: 3 }}>
            <TextInput label={t('institutions.email')} type="email" {...form.getInputProps('email')} />
            <TextInput label={t('institutions.phone')} type="tel" {...form.getInputProps('phone')} />
            <TextInput
              label={t('institutions.website')}
              type="url"
              placeholder="https://"
              {...form.getInputProps('website')}
            />
          </SimpleGrid>
          <Textarea
            label={t('institutions.address')}
            autosize
            minRows={2}
            {...form.getInputProps('address')}
          />
          <Textarea label={t('institutions.notes')} autosize minRows={2} {...form.getInputProps('notes')} />
          <Group justify="flex-end">
            <Button variant="default" onClick={props.onClose}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={save.isPending}>
              {i ? t('common.saveChanges') : t('institutions.create')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
