import {
  Checkbox,
  FileInput,
  Group,
  List,
  Select,
  Stack,
  Text,
  TextInput,
  type TextInputProps,
} from '@mantine/core';
import { useTranslation } from 'react-i18next';
import {
  CommitmentInputSchema,
  CommitmentUpdateInputSchema,
  RenewalInputSchema,
  type InstrumentDetail,
} from '../contract';
import { useAreaOptions } from '@/modules/directory/ui/api';
import { FormBody } from '@/web/shared/form/FormBody';
import { useSaveForm } from '@/web/shared/form/use-save-form';
import { formatDay } from '@/web/shared/lib/format';
import { DayInput } from '@/web/shared/ui/DayInput';
import {
  AGREEMENTS_KEY,
  addCommitment,
  addCommitmentUpdate,
  addInstrumentFile,
  renewInstrument,
} from './api';
import agreementsStrings from 'virtual:lazy-strings/agreements';
import { addLazyStrings } from '@/web/i18n/all';

// This module's wording loads with it, not with the signed-in frame (issue 18).
addLazyStrings(agreementsStrings);

/** A text field in a row of fields: its character count under it, so that the row's boxes line up. */
const IN_A_ROW: Pick<TextInputProps, 'inputWrapperOrder'> = {
  inputWrapperOrder: ['label', 'input', 'description', 'error'],
};

// The liaison staff's work on one instrument, under its sections of the instrument page: renewing
// its validity, attaching documents, adding commitments and their follow-up.

/** Renewal history and, for writers, the form that moves the end of validity. */
export function RenewalSection({
  instrument,
  canWrite,
}: {
  instrument: InstrumentDetail;
  canWrite: boolean;
}) {
  const { t } = useTranslation();
  return (
    <Stack gap="xs">
      {instrument.renewals.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('agreements.work.noRenewals')}
        </Text>
      ) : (
        <List size="sm">
          {instrument.renewals.map((r) => (
            <List.Item key={r.id}>
              {t('agreements.work.renewalLine', {
                on: formatDay(r.renewedOn),
                from: r.previousEnd ? formatDay(r.previousEnd) : '—',
                to: formatDay(r.newEnd),
              })}
              {r.note ? ` — ${r.note}` : ''}
            </List.Item>
          ))}
        </List>
      )}
      {canWrite && instrument.validityKind === 'dated' && <RenewalForm instrumentId={instrument.id} />}
    </Stack>
  );
}

function RenewalForm({ instrumentId }: { instrumentId: string }) {
  const { t } = useTranslation();
  const f = useSaveForm({
    initialValues: { renewedOn: null as string | null, newEnd: null as string | null, note: '' },
    schema: RenewalInputSchema,
    toInput: (v) => ({ renewedOn: v.renewedOn ?? '', newEnd: v.newEnd ?? '', note: v.note.trim() || null }),
    save: (input) => renewInstrument(instrumentId, input),
    invalidate: [AGREEMENTS_KEY],
    saved: () => t('agreements.work.renewed'),
    onSaved: () => f.form.reset(),
  });
  return (
    <FormBody form={f} submitLabel={t('agreements.work.renew')}>
      <Group align="flex-start" gap="sm">
        <DayInput
          label={t('agreements.work.renewedOn')}
          withAsterisk
          w={{ base: '100%', xs: 210 }}
          {...f.form.getInputProps('renewedOn')}
        />
        <DayInput
          label={t('agreements.work.newEnd')}
          withAsterisk
          w={{ base: '100%', xs: 210 }}
          {...f.form.getInputProps('newEnd')}
        />
        <TextInput
          label={t('agreements.work.note')}
          w={{ base: '100%', xs: 280 }}
          {...IN_A_ROW}
          {...f.text('note')}
        />
      </Group>
    </FormBody>
  );
}

/** Attaches the signed document or an annex. */
export function FileUpload({ instrumentId }: { instrumentId: string }) {
  const { t } = useTranslation();
  const f = useSaveForm({
    initialValues: { kind: 'signed' as 'signed' | 'annex', file: null as File | null },
    toInput: (v) => v,
    save: ({ kind, file }) => addInstrumentFile(instrumentId, kind, file!),
    invalidate: [AGREEMENTS_KEY],
    saved: () => t('agreements.work.attached'),
    onSaved: () => f.form.setFieldValue('file', null),
  });
  // Nothing to send without a file: say so on the field rather than asking the server.
  const submit: typeof f.submit = (event) => {
    if (!f.form.getValues().file) {
      event?.preventDefault();
      f.form.setFieldError('file', t('agreements.work.chooseFile'));
      return;
    }
    f.submit(event);
  };
  return (
    <FormBody form={{ ...f, submit }} submitLabel={t('agreements.work.attach')}>
      <Group align="flex-start" gap="sm" mt="sm">
        <Select
          label={t('agreements.work.fileKind')}
          data={(['signed', 'annex'] as const).map((k) => ({
            value: k,
            label: t(`agreements.fileKind.${k}`),
          }))}
          allowDeselect={false}
          w={{ base: '100%', xs: 200 }}
          {...f.form.getInputProps('kind')}
        />
        <FileInput
          label={t('agreements.work.file')}
          clearable
          w={{ base: '100%', xs: 280 }}
          {...f.form.getInputProps('file')}
        />
      </Group>
    </FormBody>
  );
}

/** Adds a commitment owed by one of the organization's areas or by one of the parties. */
export function CommitmentForm({ instrument }: { instrument: InstrumentDetail }) {
  const { t } = useTranslation();
  const areas = useAreaOptions();
  const options = [
    {
      group: t('agreements.work.ownAreas'),
      items: (areas.data ?? []).map((a) => ({ value: `area:${a.value}`, label: a.label })),
    },
    {
      group: t('agreements.instruments.parties'),
      items: instrument.parties.map((p) => ({ value: `institution:${p.institutionId}`, label: p.name })),
    },
  ];
  const f = useSaveForm({
    initialValues: { owedBy: null as string | null, description: '', dueOn: null as string | null },
    schema: CommitmentInputSchema,
    toInput: (v) => {
      const [kind, id] = (v.owedBy ?? '').split(':');
      return {
        ...(kind === 'area'
          ? { owedByAreaId: id }
          : kind === 'institution'
            ? { owedByInstitutionId: id }
            : {}),
        description: v.description.trim(),
        dueOn: v.dueOn,
      };
    },
    save: (input) => addCommitment(instrument.id, input),
    invalidate: [AGREEMENTS_KEY],
    saved: () => t('agreements.work.commitmentAdded'),
    onSaved: () => f.form.setValues({ description: '', dueOn: null }),
    aliases: { owedByAreaId: 'owedBy', owedByInstitutionId: 'owedBy' },
  });
  return (
    <FormBody form={f} submitLabel={t('agreements.work.addCommitment')}>
      <Group align="flex-start" gap="sm" mt="sm">
        <Select
          label={t('agreements.detail.owedBy')}
          withAsterisk
          data={options}
          searchable
          w={{ base: '100%', xs: 300 }}
          {...f.form.getInputProps('owedBy')}
        />
        <TextInput
          label={t('agreements.detail.what')}
          withAsterisk
          {...IN_A_ROW}
          w={{ base: '100%', xs: 320 }}
          {...f.text('description')}
        />
        <DayInput
          label={t('agreements.detail.due')}
          clearable
          w={{ base: '100%', xs: 170 }}
          {...f.form.getInputProps('dueOn')}
        />
      </Group>
    </FormBody>
  );
}

/** Records a dated follow-up of one commitment (optionally marking it fulfilled). */
export function CommitmentFollowUp({
  commitmentId,
  description,
}: {
  commitmentId: string;
  description: string;
}) {
  const { t } = useTranslation();
  const f = useSaveForm({
    initialValues: { updatedOn: null as string | null, note: '', fulfilled: false },
    schema: CommitmentUpdateInputSchema,
    toInput: (v) => ({ updatedOn: v.updatedOn ?? '', note: v.note.trim(), fulfilled: v.fulfilled }),
    save: (input) => addCommitmentUpdate(commitmentId, input),
    invalidate: [AGREEMENTS_KEY],
    saved: () => t('agreements.work.followUpAdded'),
    onSaved: () => f.form.setValues({ note: '', fulfilled: false }),
  });
  return (
    <FormBody form={f} submitLabel={t('agreements.work.addFollowUp')}>
      <Group align="flex-start" gap="xs">
        <DayInput
          size="xs"
          label={t('agreements.work.followUpOn')}
          aria-label={t('agreements.work.followUpOnFor', { what: description })}
          w={140}
          {...f.form.getInputProps('updatedOn')}
        />
        <TextInput
          size="xs"
          label={t('agreements.work.note')}
          aria-label={t('agreements.work.noteFor', { what: description })}
          w={200}
          {...IN_A_ROW}
          {...f.text('note')}
        />
        <Checkbox
          size="xs"
          mt={28}
          label={t('agreements.detail.fulfilled')}
          {...f.form.getInputProps('fulfilled', { type: 'checkbox' })}
        />
      </Group>
    </FormBody>
  );
}
