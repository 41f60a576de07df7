import {
  Button,
  Group,
  Input,
  Modal,
  MultiSelect,
  SegmentedControl,
  Select,
  Stack,
  TextInput,
  Textarea,
} from '@mantine/core';
import { DatePickerInput, MonthPickerInput } from '@mantine/dates';
import { useForm } from '@mantine/form';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Activity, ActivityInput, DateMode, DateSpec, ProgramTree } from '../contract';
import { MODALITIES } from '../contract';
import type { Institution } from '@/modules/directory/contract';
import type { FieldProblem } from '@/shared/errors';
import { api } from '@/web/shared/api/client';
import { applyFieldErrors } from '@/web/shared/api/form-errors';
import { DayInput } from '@/web/shared/ui/DayInput';
import { FormErrorAlert } from '@/web/shared/ui/FormErrorAlert';
import { useActivityKinds, useSaveActivity } from './api';

type Values = {
  objectiveId: string | null;
  kind: string | null;
  title: string;
  purpose: string;
  dateMode: DateMode;
  day: string | null;
  from: string | null;
  to: string | null;
  days: string[];
  month: string | null;
  /** Where the API's problems with the dates as a whole (or a listed day) show. */
  dates: null;
  modality: string | null;
  tool: string;
  place: string;
  institutionIds: string[];
  notes: string;
};

/** The objectives of a program as select options ("1.A Seguimiento…"); lines without objectives as "5". */
export function objectiveOptions(tree: ProgramTree | undefined) {
  return (tree?.lines ?? []).flatMap((l) =>
    l.objectives.length
      ? l.objectives.map((o) => ({ value: `o:${o.id}`, label: `${l.number}.${o.key} ${o.title}` }))
      : [{ value: `l:${l.id}`, label: `${l.number}. ${l.title}` }],
  );
}

function initial(a: Activity | null): Values {
  const d = a?.dates;
  return {
    objectiveId: a ? (a.objectiveId ? `o:${a.objectiveId}` : `l:${a.lineId}`) : null,
    kind: a?.kind ?? null,
    title: a?.title ?? '',
    purpose: a?.purpose ?? '',
    dateMode: d?.mode ?? 'day',
    day: d?.mode === 'day' ? d.day : null,
    from: d && (d.mode === 'range' || d.mode === 'within') ? d.from : null,
    to: d && (d.mode === 'range' || d.mode === 'within') ? d.to : null,
    days: d?.mode === 'list' ? d.days : [],
    month: d?.mode === 'month' ? `${d.month}-01` : null,
    dates: null,
    modality: a?.modality ?? null,
    tool: a?.tool ?? '',
    place: a?.place ?? '',
    institutionIds: a?.institutions.map((i) => i.id) ?? [],
    notes: a?.notes ?? '',
  };
}

function dateSpec(v: Values): DateSpec {
  switch (v.dateMode) {
    case 'day':
      return { mode: 'day', day: v.day ?? '' };
    case 'range':
      return { mode: 'range', from: v.from ?? '', to: v.to ?? '' };
    case 'within':
      return { mode: 'within', from: v.from ?? '', to: v.to ?? '' };
    case 'list':
      return { mode: 'list', days: v.days };
    case 'month':
      return { mode: 'month', month: (v.month ?? '').slice(0, 7) };
  }
}

const blank = (s: string) => (s.trim() === '' ? null : s.trim());

/** Records or edits an activity: objective, kind, title, dates (one day, a range, a list, a month…), place. */
export function ActivityFormModal({
  activity,
  tree,
  onClose,
}: {
  activity: Activity | null;
  tree: ProgramTree | undefined;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const kinds = useActivityKinds();
  const save = useSaveActivity(activity?.id ?? null);
  const institutions = useQuery({
    queryKey: ['directory', 'institutions', 'all-options'],
    queryFn: () => api.get<{ items: Institution[] }>('/api/institutions', { pageSize: 200 }),
  });
  const [unplaced, setUnplaced] = useState<FieldProblem[]>([]);
  const form = useForm<Values>({ initialValues: initial(activity) });
  const v = form.getValues();

  const submit = (values: Values) => {
    const [scope, scopeId] = (values.objectiveId ?? ':').split(':');
    const input: ActivityInput = {
      ...(scope === 'o' ? { objectiveId: scopeId } : scope === 'l' ? { lineId: scopeId } : {}),
      kind: values.kind ?? '',
      title: values.title,
      purpose: blank(values.purpose),
      dates: dateSpec(values),
      modality: (values.modality as ActivityInput['modality']) ?? null,
      tool: blank(values.tool),
      place: blank(values.place),
      notes: blank(values.notes),
      institutionIds: values.institutionIds,
      // What this form does not edit is kept as it was.
      participants: activity?.participants.map((p) => ({ personId: p.personId, role: p.role })) ?? [],
      route: activity?.route ?? [],
      partners: activity?.partners ?? [],
      invitingInstitutionId: activity?.invitingInstitution?.id ?? null,
      country: activity?.country ?? null,
      election: activity?.election ?? null,
      agreementId: activity?.agreementId ?? null,
      agenda:
        activity?.agenda.map((a) => ({
          day: a.day,
          startTime: a.startTime,
          title: a.title,
          place: a.place,
          city: a.city,
        })) ?? [],
    };
    save.mutate(input, {
      onSuccess: onClose,
      onError: (error) =>
        setUnplaced(
          applyFieldErrors(form, error, {
            'dates.day': 'day',
            'dates.from': 'from',
            'dates.to': 'to',
            'dates.month': 'month',
            'dates.days': 'days',
            lineId: 'objectiveId',
          }),
        ),
    });
  };

  return (
    <Modal
      opened
      onClose={onClose}
      title={activity ? t('program.activityForm.editTitle') : t('program.activityForm.createTitle')}
      size="xl"
    >
      <form noValidate onSubmit={form.onSubmit(submit)}>
        <Stack>
          <FormErrorAlert error={save.error} unplaced={unplaced} />
          <Select
            label={t('program.activities.objective')}
            withAsterisk
            searchable
            data={objectiveOptions(tree)}
            comboboxProps={{ withinPortal: true }}
            {...form.getInputProps('objectiveId')}
          />
          <Select
            label={t('program.activities.kind')}
            withAsterisk
            data={(kinds.data ?? []).map((k) => ({ value: k.code, label: k.name }))}
            comboboxProps={{ withinPortal: true }}
            {...form.getInputProps('kind')}
          />
          <Textarea
            label={t('program.activities.titleField')}
            withAsterisk
            autosize
            {...form.getInputProps('title')}
          />
          <Textarea label={t('program.activities.purpose')} autosize {...form.getInputProps('purpose')} />
          <Input.Wrapper label={t('program.activityForm.dateMode')} error={form.errors.dates}>
            <SegmentedControl
              fullWidth
              data={(['day', 'range', 'list', 'month', 'within'] as const).map((m) => ({
                value: m,
                label: t(`program.dateMode.${m}`),
              }))}
              {...form.getInputProps('dateMode')}
            />
          </Input.Wrapper>
          {v.dateMode === 'day' && (
            <DayInput label={t('program.activityForm.day')} withAsterisk {...form.getInputProps('day')} />
          )}
          {(v.dateMode === 'range' || v.dateMode === 'within') && (
            <Group grow align="flex-start">
              <DayInput label={t('program.activityForm.from')} withAsterisk {...form.getInputProps('from')} />
              <DayInput label={t('program.activityForm.to')} withAsterisk {...form.getInputProps('to')} />
            </Group>
          )}
          {v.dateMode === 'list' && (
            <DatePickerInput
              type="multiple"
              label={t('program.activityForm.days')}
              withAsterisk
              valueFormat="DD/MM/YYYY"
              popoverProps={{ withinPortal: true }}
              nextLabel={t('common.nextMonth')}
              previousLabel={t('common.previousMonth')}
              {...form.getInputProps('days')}
            />
          )}
          {v.dateMode === 'month' && (
            <MonthPickerInput
              label={t('program.activityForm.month')}
              withAsterisk
              valueFormat="MMMM YYYY"
              popoverProps={{ withinPortal: true }}
              nextLabel={t('common.nextMonth')}
              previousLabel={t('common.previousMonth')}
              {...form.getInputProps('month')}
            />
          )}
          <Group grow align="flex-start">
            <Select
              label={t('program.activities.modality')}
              clearable
              data={MODALITIES.map((m) => ({ value: m, label: t(`program.modality.${m}`) }))}
              comboboxProps={{ withinPortal: true }}
              {...form.getInputProps('modality')}
            />
            <TextInput label={t('program.activities.tool')} {...form.getInputProps('tool')} />
          </Group>
          <TextInput label={t('program.activities.place')} {...form.getInputProps('place')} />
          <MultiSelect
            label={t('program.activities.institutions')}
            searchable
            data={(institutions.data?.items ?? []).map((i) => ({
              value: i.id,
              label: i.acronym ? `${i.name} (${i.acronym})` : i.name,
            }))}
            comboboxProps={{ withinPortal: true }}
            {...form.getInputProps('institutionIds')}
          />
          <Textarea label={t('program.activities.notes')} autosize {...form.getInputProps('notes')} />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={save.isPending}>
              {t('common.saveChanges')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
