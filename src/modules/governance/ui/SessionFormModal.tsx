import { Select, SimpleGrid, TextInput } from '@mantine/core';
import '@mantine/dates/styles.css';
import { TimeInput } from '@mantine/dates';
import { useTranslation } from 'react-i18next';
import {
  SESSION_KINDS,
  SESSION_MODALITIES,
  SessionInputSchema,
  type Session,
  type SessionInput,
  type SessionKind,
  type SessionModality,
} from '../contract';
import { FormModal } from '@/web/shared/form/FormModal';
import { useSaveForm } from '@/web/shared/form/use-save-form';
import { DayInput } from '@/web/shared/ui/DayInput';
import { GOVERNANCE_KEY, saveSession } from './api';
import governanceStrings from 'virtual:lazy-strings/governance';
import { addLazyStrings } from '@/web/i18n/all';

// This module's wording loads with it, not with the signed-in frame (issue 18).
addLazyStrings(governanceStrings);

type Values = {
  kind: string | null;
  heldOn: string | null;
  startTime: string;
  endTime: string;
  modality: string | null;
  convokedOn: string | null;
  place: string;
};

const orNull = (s: string) => (s.trim() === '' ? null : s.trim());

function toInput(v: Values): SessionInput {
  return {
    kind: v.kind as SessionKind,
    heldOn: v.heldOn ?? '',
    startTime: orNull(v.startTime),
    endTime: orNull(v.endTime),
    modality: v.modality as SessionModality,
    convokedOn: v.convokedOn,
    place: orNull(v.place),
  };
}

/** Registers a session of a body (its number and name are derived by the server), or edits `session`. */
export function SessionFormModal(props: {
  bodyId: string;
  session?: Session;
  onClose: () => void;
  onSaved?: (s: Session) => void;
}) {
  const { t } = useTranslation();
  const s = props.session;
  const f = useSaveForm({
    initialValues: {
      kind: s?.kind ?? 'ordinaria',
      heldOn: s?.heldOn ?? null,
      startTime: s?.startTime ?? '',
      endTime: s?.endTime ?? '',
      modality: s?.modality ?? null,
      convokedOn: s?.convokedOn ?? null,
      place: s?.place ?? '',
    } as Values,
    schema: SessionInputSchema,
    toInput,
    save: (input) => saveSession(s ? { sessionId: s.id } : { bodyId: props.bodyId }, input),
    invalidate: [GOVERNANCE_KEY],
    saved: (saved) => {
      const name = saved.name.charAt(0).toUpperCase() + saved.name.slice(1);
      return t(s ? 'governance.sessionForm.updated' : 'governance.sessionForm.created', { name });
    },
    onSaved: (saved) => {
      props.onSaved?.(saved);
      props.onClose();
    },
  });
  const form = f.form;

  return (
    <FormModal
      form={f}
      onClose={props.onClose}
      title={s ? t('governance.sessionForm.editTitle') : t('governance.sessionForm.createTitle')}
      submitLabel={s ? t('common.saveChanges') : t('governance.sessionForm.create')}
    >
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <Select
          label={t('governance.sessionForm.kind')}
          withAsterisk
          data-autofocus
          data={SESSION_KINDS.map((k) => ({ value: k, label: t(`governance.sessionKind.${k}`) }))}
          comboboxProps={{ withinPortal: true }}
          {...form.getInputProps('kind')}
        />
        <Select
          label={t('governance.sessions.modality')}
          withAsterisk
          data={SESSION_MODALITIES.map((m) => ({ value: m, label: t(`governance.modality.${m}`) }))}
          comboboxProps={{ withinPortal: true }}
          {...form.getInputProps('modality')}
        />
      </SimpleGrid>
      <SimpleGrid cols={{ base: 1, sm: 3 }}>
        <DayInput label={t('governance.sessions.date')} withAsterisk {...form.getInputProps('heldOn')} />
        <TimeInput label={t('governance.sessionForm.startTime')} {...form.getInputProps('startTime')} />
        <TimeInput label={t('governance.sessionForm.endTime')} {...form.getInputProps('endTime')} />
      </SimpleGrid>
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <DayInput
          label={t('governance.sessionForm.convokedOn')}
          clearable
          {...form.getInputProps('convokedOn')}
        />
        <TextInput label={t('governance.sessionForm.place')} {...f.text('place')} />
      </SimpleGrid>
    </FormModal>
  );
}
