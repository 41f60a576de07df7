import { Button, Group, Modal, Select, SimpleGrid, Stack, Textarea, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { FieldProblem } from '@/shared/errors';
import type { HistoricalAgreementInput, Session } from '../contract';
import { applyFieldErrors } from '@/web/shared/api/form-errors';
import { DayInput } from '@/web/shared/ui/DayInput';
import { notifySuccess } from '@/web/shared/ui/errors';
import { FormErrorAlert } from '@/web/shared/ui/FormErrorAlert';
import { recordHistoricalAgreement, useGovernanceMutation } from './api';

type Values = {
  number: string;
  title: string;
  body: string;
  adoptedOn: string | null;
  sessionId: string | null;
};

/** Records an agreement adopted before the system with the number it already has. */
export function HistoricalAgreementModal(props: {
  bodyId: string;
  prefix: string;
  sessions: Session[];
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const [unplaced, setUnplaced] = useState<FieldProblem[]>([]);
  const form = useForm<Values>({
    initialValues: { number: props.prefix, title: '', body: '', adoptedOn: null, sessionId: null },
  });
  const save = useGovernanceMutation((v: Values) => {
    const input: HistoricalAgreementInput = {
      number: v.number,
      title: v.title,
      body: v.body.trim() || null,
      adoptedOn: v.adoptedOn ?? '',
      sessionId: v.sessionId,
    };
    return recordHistoricalAgreement(props.bodyId, input);
  });
  return (
    <Modal opened onClose={props.onClose} title={t('governance.historical.title')} size="lg">
      <form
        noValidate
        onSubmit={form.onSubmit((v) =>
          save.mutate(v, {
            onSuccess: (a) => {
              notifySuccess(t('governance.historical.saved', { number: a.number }));
              props.onClose();
            },
            onError: (error) => setUnplaced(applyFieldErrors(form, error)),
          }),
        )}
      >
        <Stack>
          <FormErrorAlert error={save.error} unplaced={unplaced} />
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <TextInput
              label={t('governance.agreements.number')}
              description={t('governance.historical.numberHelp')}
              withAsterisk
              data-autofocus
              {...form.getInputProps('number')}
            />
            <DayInput
              label={t('governance.historical.adoptedOn')}
              withAsterisk
              {...form.getInputProps('adoptedOn')}
            />
          </SimpleGrid>
          <Select
            label={t('governance.historical.session')}
            clearable
            data={props.sessions.map((s) => ({
              value: s.id,
              label: `${s.name.charAt(0).toUpperCase()}${s.name.slice(1)} (${s.heldOnText})`,
            }))}
            comboboxProps={{ withinPortal: true }}
            {...form.getInputProps('sessionId')}
          />
          <Textarea
            label={t('governance.agreements.subject')}
            withAsterisk
            autosize
            minRows={2}
            {...form.getInputProps('title')}
          />
          <Textarea
            label={t('governance.agreementForm.body')}
            autosize
            minRows={2}
            {...form.getInputProps('body')}
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={props.onClose}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={save.isPending}>
              {t('governance.historical.save')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
