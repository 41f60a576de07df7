import { Button, Checkbox, FileInput, Group, List, Select, Stack, Text, TextInput } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { InstrumentDetail } from '../contract';
import { useAreaOptions } from '@/modules/directory/ui/api';
import { ApiRequestError } from '@/web/shared/api/client';
import { formatDay } from '@/web/shared/lib/format';
import { DayInput } from '@/web/shared/ui/DayInput';
import { FormErrorAlert } from '@/web/shared/ui/FormErrorAlert';
import {
  addCommitment,
  addCommitmentUpdate,
  addInstrumentFile,
  renewInstrument,
  useAgreementsMutation,
} from './api';

// The liaison staff's work on one instrument, under its sections of the instrument page: renewing
// its validity, attaching documents, adding commitments and their follow-up.

const fieldsOf = (e: unknown) => (e instanceof ApiRequestError ? e.fields : []);

/** Renewal history and, for writers, the form that moves the end of validity. */
export function RenewalSection({
  instrument,
  canWrite,
}: {
  instrument: InstrumentDetail;
  canWrite: boolean;
}) {
  const { t } = useTranslation();
  const [renewedOn, setRenewedOn] = useState<string | null>(null);
  const [newEnd, setNewEnd] = useState<string | null>(null);
  const [note, setNote] = useState('');
  const renew = useAgreementsMutation((b: { renewedOn: string; newEnd: string; note: string | null }) =>
    renewInstrument(instrument.id, b),
  );
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
      {canWrite && instrument.validityKind === 'dated' && (
        <>
          <FormErrorAlert error={renew.error} unplaced={fieldsOf(renew.error)} />
          <Group align="flex-end" gap="sm">
            <DayInput
              label={t('agreements.work.renewedOn')}
              value={renewedOn}
              onChange={(v) => setRenewedOn(v)}
              w={170}
            />
            <DayInput
              label={t('agreements.work.newEnd')}
              value={newEnd}
              onChange={(v) => setNewEnd(v)}
              w={170}
            />
            <TextInput
              label={t('agreements.work.note')}
              value={note}
              onChange={(e) => setNote(e.currentTarget.value)}
              w={280}
            />
            <Button
              disabled={!renewedOn || !newEnd}
              loading={renew.isPending}
              onClick={() =>
                renew.mutate(
                  { renewedOn: renewedOn!, newEnd: newEnd!, note: note.trim() || null },
                  { onSuccess: () => setNote('') },
                )
              }
            >
              {t('agreements.work.renew')}
            </Button>
          </Group>
        </>
      )}
    </Stack>
  );
}

/** Attaches the signed document or an annex. */
export function FileUpload({ instrumentId }: { instrumentId: string }) {
  const { t } = useTranslation();
  const [file, setFile] = useState<File | null>(null);
  const [kind, setKind] = useState<'signed' | 'annex'>('signed');
  const upload = useAgreementsMutation((f: File) => addInstrumentFile(instrumentId, kind, f));
  return (
    <Stack gap="xs" mt="sm">
      <FormErrorAlert error={upload.error} unplaced={fieldsOf(upload.error)} />
      <Group align="flex-end" gap="sm">
        <Select
          label={t('agreements.work.fileKind')}
          data={(['signed', 'annex'] as const).map((k) => ({
            value: k,
            label: t(`agreements.fileKind.${k}`),
          }))}
          value={kind}
          onChange={(v) => setKind(v === 'annex' ? 'annex' : 'signed')}
          allowDeselect={false}
          w={200}
        />
        <FileInput label={t('agreements.work.file')} value={file} onChange={setFile} clearable w={280} />
        <Button
          disabled={!file}
          loading={upload.isPending}
          onClick={() => upload.mutate(file!, { onSuccess: () => setFile(null) })}
        >
          {t('agreements.work.attach')}
        </Button>
      </Group>
    </Stack>
  );
}

/** Adds a commitment owed by one of the organization's areas or by one of the parties. */
export function CommitmentForm({ instrument }: { instrument: InstrumentDetail }) {
  const { t } = useTranslation();
  const areas = useAreaOptions();
  const [owedBy, setOwedBy] = useState<string | null>(null);
  const [description, setDescription] = useState('');
  const [dueOn, setDueOn] = useState<string | null>(null);
  const add = useAgreementsMutation(
    (b: { owedByAreaId?: string; owedByInstitutionId?: string; description: string; dueOn: string | null }) =>
      addCommitment(instrument.id, b),
  );
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
  const submit = () => {
    const [kind, id] = owedBy!.split(':') as ['area' | 'institution', string];
    add.mutate(
      {
        ...(kind === 'area' ? { owedByAreaId: id } : { owedByInstitutionId: id }),
        description: description.trim(),
        dueOn,
      },
      {
        onSuccess: () => {
          setDescription('');
          setDueOn(null);
        },
      },
    );
  };
  return (
    <Stack gap="xs" mt="sm">
      <FormErrorAlert error={add.error} unplaced={fieldsOf(add.error)} />
      <Group align="flex-end" gap="sm">
        <Select
          label={t('agreements.detail.owedBy')}
          data={options}
          value={owedBy}
          onChange={setOwedBy}
          searchable
          w={300}
        />
        <TextInput
          label={t('agreements.detail.what')}
          value={description}
          onChange={(e) => setDescription(e.currentTarget.value)}
          w={320}
        />
        <DayInput
          label={t('agreements.detail.due')}
          value={dueOn}
          onChange={(v) => setDueOn(v)}
          clearable
          w={170}
        />
        <Button disabled={!owedBy || !description.trim()} loading={add.isPending} onClick={submit}>
          {t('agreements.work.addCommitment')}
        </Button>
      </Group>
    </Stack>
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
  const [updatedOn, setUpdatedOn] = useState<string | null>(null);
  const [note, setNote] = useState('');
  const [fulfilled, setFulfilled] = useState(false);
  const add = useAgreementsMutation((b: { updatedOn: string; note: string; fulfilled: boolean }) =>
    addCommitmentUpdate(commitmentId, b),
  );
  return (
    <Stack gap={4} mt={4}>
      <FormErrorAlert error={add.error} unplaced={fieldsOf(add.error)} />
      <Group align="flex-end" gap="xs">
        <DayInput
          size="xs"
          label={t('agreements.work.followUpOn')}
          aria-label={t('agreements.work.followUpOnFor', { what: description })}
          value={updatedOn}
          onChange={(v) => setUpdatedOn(v)}
          w={140}
        />
        <TextInput
          size="xs"
          label={t('agreements.work.note')}
          aria-label={t('agreements.work.noteFor', { what: description })}
          value={note}
          onChange={(e) => setNote(e.currentTarget.value)}
          w={200}
        />
        <Checkbox
          size="xs"
          label={t('agreements.detail.fulfilled')}
          checked={fulfilled}
          onChange={(e) => setFulfilled(e.currentTarget.checked)}
        />
        <Button
          size="xs"
          variant="default"
          disabled={!updatedOn || !note.trim()}
          loading={add.isPending}
          onClick={() =>
            add.mutate(
              { updatedOn: updatedOn!, note: note.trim(), fulfilled },
              {
                onSuccess: () => {
                  setNote('');
                  setFulfilled(false);
                },
              },
            )
          }
        >
          {t('agreements.work.addFollowUp')}
        </Button>
      </Group>
    </Stack>
  );
}
