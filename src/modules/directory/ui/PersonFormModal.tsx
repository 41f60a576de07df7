import {
  Button,
  Group,
  Modal,
  Select,
  SimpleGrid,
  Stack,
  TagsInput,
  Textarea,
  TextInput,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { FieldProblem } from '@/shared/errors';
import type { Person, PersonInput } from '../contract';
import { api } from '@/web/shared/api/client';
import { applyFieldErrors } from '@/web/shared/api/form-errors';
import { notifySuccess } from '@/web/shared/ui/errors';
import { FormErrorAlert } from '@/web/shared/ui/FormErrorAlert';
import { DIRECTORY_KEY, emptyToNull } from './api';

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

/** Registers a person, or edits `person`. Returns the saved person to `onSaved`. */
export function PersonFormModal(props: {
  onClose: () => void;
  person?: Person;
  onSaved?: (p: Person) => void;
}) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const p = props.person;
  const [unplaced, setUnplaced] = useState<FieldProblem[]>([]);
  const form = useForm<Values>({
    initialValues: {
      honorific: p?.honorific ?? '',
      fullName: p?.fullName ?? '',
      gender: p?.gender ?? 'unspecified',
      aliases: p?.aliases ?? [],
      email: p?.email ?? '',
      phone: p?.phone ?? '',
      notes: p?.notes ?? '',
    },
  });
  const save = useMutation({
    mutationFn: (v: Values) => {
      const input: PersonInput = {
        fullName: v.fullName.trim(),
        honorific: emptyToNull(v.honorific),
        gender: (v.gender ?? 'unspecified') as PersonInput['gender'],
        aliases: v.aliases,
        email: emptyToNull(v.email),
        phone: emptyToNull(v.phone),
        notes: emptyToNull(v.notes),
      };
      return p ? api.patch<Person>(`/api/people/${p.id}`, input) : api.post<Person>('/api/people', input);
    },
    onSuccess: (saved) => {
      void queryClient.invalidateQueries({ queryKey: DIRECTORY_KEY });
      notifySuccess(
        p ? t('people.updated', { name: saved.fullName }) : t('people.created', { name: saved.fullName }),
      );
      props.onSaved?.(saved);
      props.onClose();
    },
    onError: (error) => setUnplaced(applyFieldErrors(form, error)),
  });

  return (
    <Modal
      opened
      onClose={props.onClose}
      title={p ? t('people.editTitle') : t('people.createTitle')}
      size="lg"
    >
      <form noValidate onSubmit={form.onSubmit((v) => save.mutate(v))}>
        <Stack>
          <FormErrorAlert error={save.error} unplaced={unplaced} />
          <SimpleGrid cols={{ base: 1, sm: 4 }}>
            <TextInput
              label={t('people.honorific')}
              placeholder={t('people.honorificPlaceholder')}
              {...form.getInputProps('honorific')}
            />
            <TextInput
              label={t('people.fullName')}
              withAsterisk
              data-autofocus
              style={{ gridColumn: 'span 3' }}
              {...form.getInputProps('fullName')}
            />
          </SimpleGrid>
          <SimpleGrid cols={{ base: 1, sm: 3 }}>
            <Select
              label={t('people.gender')}
              data={GENDERS.map((g) => ({ value: g, label: t(`enums.gender.${g}`) }))}
              allowDeselect={false}
              comboboxProps={{ withinPortal: true }}
              {...form.getInputProps('gender')}
            />
            <TextInput label={t('people.email')} type="email" {...form.getInputProps('email')} />
            <TextInput label={t('people.phone')} type="tel" {...form.getInputProps('phone')} />
          </SimpleGrid>
          <TagsInput
            label={t('people.aliases')}
            description={t('people.aliasesHelp')}
            clearable
            {...form.getInputProps('aliases')}
          />
          <Textarea label={t('people.notes')} autosize minRows={2} {...form.getInputProps('notes')} />
          <Group justify="flex-end">
            <Button variant="default" onClick={props.onClose}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={save.isPending}>
              {p ? t('common.saveChanges') : t('people.create')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
