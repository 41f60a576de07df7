import { Button, Group, Modal, Select, SimpleGrid, Stack, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { FieldProblem } from '@/shared/errors';
import { BODY_KINDS, type Body, type BodyInput, type BodyKind, type BodyPatch } from '../contract';
import { api } from '@/web/shared/api/client';
import { applyFieldErrors } from '@/web/shared/api/form-errors';
import { DayInput } from '@/web/shared/ui/DayInput';
import { notifySuccess } from '@/web/shared/ui/errors';
import { FormErrorAlert } from '@/web/shared/ui/FormErrorAlert';
import { useGovernanceMutation } from './api';

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

/** Registers the Consejo General or a committee, or corrects `body` (acronym, kind and prefix stay). */
export function BodyFormModal(props: { onClose: () => void; onSaved?: (b: Body) => void; body?: Body }) {
  const { t } = useTranslation();
  const b = props.body;
  const [unplaced, setUnplaced] = useState<FieldProblem[]>([]);
  const form = useForm<Values>({
    initialValues: {
      name: b?.name ?? '',
      acronym: b?.acronym ?? '',
      kind: b?.kind ?? null,
      agreementPrefix: b?.agreementPrefix ?? '',
      createdByAgreement: b?.createdByAgreement ?? '',
      createdOn: b?.createdOn ?? null,
      endedOn: b?.endedOn ?? null,
    },
  });
  const save = useGovernanceMutation((v: Values) => {
    if (b) {
      const patch: BodyPatch = {
        name: v.name,
        createdByAgreement: orNull(v.createdByAgreement),
        createdOn: v.createdOn ?? '',
        endedOn: v.endedOn,
      };
      return api.patch<Body>(`/api/governance/bodies/${b.id}`, patch);
    }
    const input: BodyInput = {
      name: v.name,
      acronym: v.acronym,
      kind: v.kind as BodyKind,
      ...(orNull(v.agreementPrefix) ? { agreementPrefix: v.agreementPrefix.trim() } : {}),
      createdByAgreement: orNull(v.createdByAgreement),
      createdOn: v.createdOn ?? '',
      endedOn: v.endedOn,
    };
    return api.post<Body>('/api/governance/bodies', input);
  });
  const submit = (v: Values) =>
    save.mutate(v, {
      onSuccess: (saved) => {
        notifySuccess(
          t(b ? 'governance.bodyForm.updated' : 'governance.bodyForm.created', { name: saved.name }),
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
      title={b ? t('governance.bodyForm.editTitle') : t('governance.bodyForm.createTitle')}
      size="lg"
    >
      <form noValidate onSubmit={form.onSubmit(submit)}>
        <Stack>
          <FormErrorAlert error={save.error} unplaced={unplaced} />
          <TextInput
            label={t('governance.bodyForm.name')}
            withAsterisk
            data-autofocus
            {...form.getInputProps('name')}
          />
          <SimpleGrid cols={{ base: 1, sm: 3 }}>
            <TextInput
              label={t('governance.bodyForm.acronym')}
              withAsterisk
              disabled={!!b}
              {...form.getInputProps('acronym')}
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
              description={t('governance.bodyForm.prefixHelp')}
              disabled={!!b}
              {...form.getInputProps('agreementPrefix')}
            />
          </SimpleGrid>
          <TextInput
            label={t('governance.bodyForm.createdBy')}
            description={t('governance.bodyForm.createdByHelp')}
            {...form.getInputProps('createdByAgreement')}
          />
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <DayInput
              label={t('governance.bodyForm.createdOn')}
              withAsterisk
              {...form.getInputProps('createdOn')}
            />
            <DayInput label={t('governance.bodyForm.endedOn')} clearable {...form.getInputProps('endedOn')} />
          </SimpleGrid>
          <Group justify="flex-end">
            <Button variant="default" onClick={props.onClose}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={save.isPending}>
              {b ? t('common.saveChanges') : t('governance.bodyForm.create')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
