import { Button, Group, Modal, Select, SimpleGrid, Stack, TagsInput, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { FieldProblem } from '@/shared/errors';
import { AREA_KINDS, type Area, type AreaInput } from '../contract';
import { api } from '@/web/shared/api/client';
import { applyFieldErrors } from '@/web/shared/api/form-errors';
import { notifySuccess } from '@/web/shared/ui/errors';
import { FormErrorAlert } from '@/web/shared/ui/FormErrorAlert';
import { DIRECTORY_KEY, emptyToNull, useAreaOptions } from './api';

type Values = {
  name: string;
  acronym: string;
  kind: string | null;
  parentId: string | null;
  aliases: string[];
};

/** Registers an area of the organization, or edits `area`. */
export function AreaFormModal(props: { onClose: () => void; area?: Area }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const a = props.area;
  const areas = useAreaOptions();
  const [unplaced, setUnplaced] = useState<FieldProblem[]>([]);
  const form = useForm<Values>({
    initialValues: {
      name: a?.name ?? '',
      acronym: a?.acronym ?? '',
      kind: a?.kind ?? null,
      parentId: a?.parentId ?? null,
      aliases: a?.aliases ?? [],
    },
  });
  const save = useMutation({
    mutationFn: (v: Values) => {
      const input: AreaInput = {
        name: v.name.trim(),
        acronym: emptyToNull(v.acronym),
        kind: v.kind as AreaInput['kind'],
        parentId: v.parentId,
        aliases: v.aliases,
      };
      return a ? api.patch<Area>(`/api/areas/${a.id}`, input) : api.post<Area>('/api/areas', input);
    },
    onSuccess: (saved) => {
      void queryClient.invalidateQueries({ queryKey: DIRECTORY_KEY });
      notifySuccess(a ? t('areas.updated', { name: saved.name }) : t('areas.created', { name: saved.name }));
      props.onClose();
    },
    onError: (error) => setUnplaced(applyFieldErrors(form, error)),
  });

  return (
    <Modal opened onClose={props.onClose} title={a ? t('areas.editTitle') : t('areas.createTitle')} size="lg">
      <form noValidate onSubmit={form.onSubmit((v) => save.mutate(v))}>
        <Stack>
          <FormErrorAlert error={save.error} unplaced={unplaced} />
          <TextInput label={t('areas.name')} withAsterisk data-autofocus {...form.getInputProps('name')} />
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <TextInput label={t('areas.acronym')} {...form.getInputProps('acronym')} />
            <Select
              label={t('areas.kind')}
              withAsterisk
              data={AREA_KINDS.map((k) => ({ value: k, label: t(`enums.areaKind.${k}`) }))}
              comboboxProps={{ withinPortal: true }}
              {...form.getInputProps('kind')}
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
            {...form.getInputProps('parentId')}
          />
          <TagsInput
            label={t('areas.aliases')}
            description={t('areas.aliasesHelp')}
            clearable
            {...form.getInputProps('aliases')}
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={props.onClose}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={save.isPending}>
              {a ? t('common.saveChanges') : t('areas.create')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
