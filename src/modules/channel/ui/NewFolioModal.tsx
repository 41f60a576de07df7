import {
  FileInput,
  Group,
  MultiSelect,
  NumberInput,
  Select,
  SimpleGrid,
  Switch,
  Textarea,
  TextInput,
} from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { todayInMexicoCity } from '@/shared/calendar';
import {
  CONSULTATION_TYPES,
  FOLLOW_UP_TYPES,
  RegisterFolioInputSchema,
  SendCommunicationInputSchema,
  type DocumentType,
  type RegisterFolioInput,
  type SendCommunicationInput,
} from '../contract';
import type { DueRule } from '../contract-due-rules';
import { FormModal } from '@/web/shared/form/FormModal';
import { useSaveForm } from '@/web/shared/form/use-save-form';
import { useMe } from '@/web/shared/session/session';
import { DayInput } from '@/web/shared/ui/DayInput';
import { CHANNEL_KEY, registerFolio, sendCommunication, useCounterparts } from './api';
import channelStrings from 'virtual:lazy-strings/channel';
import { addLazyStrings } from '@/web/i18n/all';

// This module's wording loads with it, not with the signed-in frame (issue 18).
addLazyStrings(channelStrings);

type Values = {
  module: 'follow_up' | 'consultation';
  folio: string;
  documentType: string | null;
  nature: 'for_information' | 'for_attention';
  subject: string;
  body: string;
  sentOn: string | null;
  receivedOn: string | null;
  toAll: boolean;
  recipientOrgIds: string[];
  dueKind: DueRule['kind'] | 'none';
  dueDays: number | string;
  dueDate: string | null;
  dueCount: 'business' | 'natural';
  /** The oficio and its annexes, sent with the communication (not with a registered folio). */
  files: File[];
};

function dueRule(v: Values): DueRule | null {
  const days = Number(v.dueDays);
  switch (v.dueKind) {
    case 'none':
      return null;
    case 'business_days':
    case 'natural_days':
      return { kind: v.dueKind, days };
    case 'fixed_date':
      return { kind: 'fixed_date', date: v.dueDate ?? '' };
    case 'last_business_day_of_month':
      return { kind: 'last_business_day_of_month' };
    case 'first_days_of_month':
      return { kind: 'first_days_of_month', days, count: v.dueCount };
  }
}

/**
 * A new folio: sent through the system when the national authority works in this installation
 * (the INE to local bodies, or a consultation to the INE), or registered with the number of an
 * outside system when it does not.
 */
export function NewFolioModal(props: { onClose: () => void }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const me = useMe();
  const counterparts = useCounterparts();
  const national = me.data?.organization.kind === 'national_authority';
  const external = counterparts.data ? counterparts.data.national === null : false;
  const today = todayInMexicoCity();
  const f = useSaveForm({
    initialValues: {
      module: national || external ? 'follow_up' : 'consultation',
      folio: '',
      documentType: null,
      nature: 'for_attention',
      subject: '',
      body: '',
      sentOn: today,
      receivedOn: today,
      toAll: false,
      recipientOrgIds: [],
      dueKind: 'business_days',
      dueDays: 5,
      dueDate: null,
      dueCount: 'business',
      files: [],
    } as Values,
    schema: external ? RegisterFolioInputSchema : SendCommunicationInputSchema,
    toInput: (values): RegisterFolioInput | SendCommunicationInput =>
      external
        ? {
            module: values.module,
            folio: values.folio,
            documentType: (values.documentType ?? '') as DocumentType,
            nature: values.nature,
            subject: values.subject,
            body: values.body,
            sentOn: values.sentOn ?? '',
            receivedOn: values.receivedOn ?? '',
            dueRule: dueRule(values),
          }
        : {
            module: values.module,
            documentType: (values.documentType ?? '') as DocumentType,
            nature: values.nature,
            subject: values.subject,
            body: values.body,
            sentOn: values.sentOn ?? '',
            toAll: values.toAll,
            recipientOrgIds: values.toAll ? [] : values.recipientOrgIds,
            dueRule: dueRule(values),
          },
    save: (input): Promise<string> =>
      external
        ? registerFolio(input as RegisterFolioInput)
        : sendCommunication(input as SendCommunicationInput, form.getValues().files),
    invalidate: [CHANNEL_KEY],
    saved: () => t('channel.saved'),
    onSaved: (folioId) => {
      props.onClose();
      void navigate(`/canal/folios/${folioId}`);
    },
    aliases: { 'dueRule.days': 'dueDays', 'dueRule.date': 'dueDate', dueRule: 'dueKind' },
  });
  const form = f.form;
  const v = form.getValues();
  const types = v.module === 'follow_up' ? FOLLOW_UP_TYPES : CONSULTATION_TYPES;

  return (
    <FormModal
      form={f}
      onClose={props.onClose}
      title={external ? t('channel.registerTitle') : t('channel.sendTitle')}
      submitLabel={external ? t('channel.register') : t('channel.send')}
      size="xl"
    >
      {/* Two columns: «Seguimiento de actividades» did not fit a third of the dialog. */}
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <Select
          label={t('channel.module')}
          withAsterisk
          disabled={!external}
          data={(['follow_up', 'consultation'] as const).map((m) => ({
            value: m,
            label: t(`channel.modules.${m}`),
          }))}
          comboboxProps={{ withinPortal: true }}
          {...form.getInputProps('module')}
        />
        {external && (
          <TextInput
            label={t('channel.folio')}
            withAsterisk
            placeholder="270/2023"
            {...form.getInputProps('folio')}
          />
        )}
        <Select
          label={t('channel.documentType')}
          withAsterisk
          data={types.map((d) => ({ value: d, label: t(`channel.types.${d}`) }))}
          comboboxProps={{ withinPortal: true }}
          {...form.getInputProps('documentType')}
        />
        {v.module === 'follow_up' && (
          <Select
            label={t('channel.nature')}
            withAsterisk
            data={(['for_attention', 'for_information'] as const).map((n) => ({
              value: n,
              label: t(`channel.natures.${n}`),
            }))}
            comboboxProps={{ withinPortal: true }}
            {...form.getInputProps('nature')}
          />
        )}
      </SimpleGrid>
      {national && (
        <Group align="flex-end">
          <Switch label={t('channel.toAll')} {...form.getInputProps('toAll', { type: 'checkbox' })} />
          {!v.toAll && (
            <MultiSelect
              label={t('channel.recipients')}
              searchable
              style={{ flex: 1 }}
              data={(counterparts.data?.localBodies ?? []).map((o) => ({
                value: o.id,
                label: `${o.acronym} · ${o.name}`,
              }))}
              comboboxProps={{ withinPortal: true }}
              {...form.getInputProps('recipientOrgIds')}
            />
          )}
        </Group>
      )}
      <TextInput label={t('channel.subject')} withAsterisk {...f.text('subject')} />
      <Textarea label={t('channel.body')} autosize minRows={3} {...f.text('body')} />
      {!external && (
        <FileInput
          label={t('channel.sendFiles')}
          description={t('channel.sendFilesHelp')}
          multiple
          clearable
          clearButtonProps={{ 'aria-label': t('files.clear') }}
          {...form.getInputProps('files')}
        />
      )}
      <SimpleGrid cols={{ base: 1, sm: 3 }}>
        <DayInput label={t('channel.sentOn')} withAsterisk {...form.getInputProps('sentOn')} />
        {external && (
          <DayInput label={t('channel.receivedOn')} withAsterisk {...form.getInputProps('receivedOn')} />
        )}
      </SimpleGrid>
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <Select
          label={t('channel.dueRule')}
          data={(
            [
              'none',
              'business_days',
              'natural_days',
              'fixed_date',
              'last_business_day_of_month',
              'first_days_of_month',
            ] as const
          ).map((k) => ({ value: k, label: t(`channel.dueKinds.${k}`) }))}
          comboboxProps={{ withinPortal: true }}
          {...form.getInputProps('dueKind')}
        />
        {['business_days', 'natural_days', 'first_days_of_month'].includes(v.dueKind) && (
          <NumberInput label={t('channel.dueDays')} min={1} max={365} {...form.getInputProps('dueDays')} />
        )}
        {v.dueKind === 'first_days_of_month' && (
          <Select
            label={t('channel.dueCount')}
            data={(['business', 'natural'] as const).map((c) => ({
              value: c,
              label: t(`channel.dueCounts.${c}`),
            }))}
            comboboxProps={{ withinPortal: true }}
            {...form.getInputProps('dueCount')}
          />
        )}
        {v.dueKind === 'fixed_date' && (
          <DayInput label={t('channel.dueDate')} {...form.getInputProps('dueDate')} />
        )}
      </SimpleGrid>
    </FormModal>
  );
}
