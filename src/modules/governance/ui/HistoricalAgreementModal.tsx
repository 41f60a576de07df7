import { Select, SimpleGrid, Textarea, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { HistoricalAgreementInputSchema, type HistoricalAgreementInput, type Session } from '../contract';
import { FormModal } from '@/web/shared/form/FormModal';
import { useSaveForm } from '@/web/shared/form/use-save-form';
import { DayInput } from '@/web/shared/ui/DayInput';
import { GOVERNANCE_KEY, recordHistoricalAgreement } from './api';
import governanceStrings from 'virtual:lazy-strings/governance';
import { addLazyStrings } from '@/web/i18n/all';

// This module's wording loads with it, not with the signed-in frame (issue 18).
addLazyStrings(governanceStrings);

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
  const f = useSaveForm({
    initialValues: { number: props.prefix, title: '', body: '', adoptedOn: null, sessionId: null } as Values,
    schema: HistoricalAgreementInputSchema,
    toInput: (v): HistoricalAgreementInput => ({
      number: v.number,
      title: v.title,
      body: v.body.trim() || null,
      adoptedOn: v.adoptedOn ?? '',
      sessionId: v.sessionId,
    }),
    save: (input) => recordHistoricalAgreement(props.bodyId, input),
    invalidate: [GOVERNANCE_KEY],
    saved: (a) => t('governance.historical.saved', { number: a.number }),
    onSaved: props.onClose,
  });
  const form = f.form;
  return (
    <FormModal
      form={f}
      onClose={props.onClose}
      title={t('governance.historical.title')}
      submitLabel={t('governance.historical.save')}
    >
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <TextInput
          label={t('governance.agreements.number')}
          withAsterisk
          data-autofocus
          {...f.text('number', t('governance.historical.numberHelp'))}
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
        {...f.text('title')}
      />
      <Textarea label={t('governance.agreementForm.body')} autosize minRows={2} {...f.text('body')} />
    </FormModal>
  );
}
