import {
  ActionIcon,
  Anchor,
  Button,
  Fieldset,
  FileInput,
  Group,
  Input,
  List,
  SegmentedControl,
  Select,
  Stack,
  TagsInput,
  Text,
  TextInput,
  Textarea,
} from '@mantine/core';
import { MonthPickerInput, TimeInput } from '@mantine/dates';
import { SpanishDates } from '@/web/shared/ui/SpanishDates';
import { IconPlus, IconTrash } from '@tabler/icons-react';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Activity, ActivityInput, DateMode, DateSpec, ParticipantRole, ProgramTree } from '../contract';
import { ActivityInputSchema, MODALITIES, PARTICIPANT_ROLES } from '../contract';
import { InstitutionSelect } from '@/modules/directory/ui/InstitutionSelect';
import { PersonSelect } from '@/modules/directory/ui/PersonSelect';
import { FormModal } from '@/web/shared/form/FormModal';
import { useSaveForm } from '@/web/shared/form/use-save-form';
import { DayInput } from '@/web/shared/ui/DayInput';
import { notifySuccess } from '@/web/shared/ui/errors';
import {
  activityFileUrl,
  attachEvidence,
  PROGRAM_KEY,
  saveActivity,
  useActivityKinds,
  useDeleteActivity,
  usePrograms,
  useProgramTree,
} from './api';
import { AgreementSelect } from '@/modules/governance/ui/AgreementSelect';
import { ConfirmModal } from '@/web/shared/ui/ConfirmModal';
import { shownDay, timeOrNull, typedDay } from './typed-days';
import programStrings from 'virtual:lazy-strings/program';
import { addLazyStrings } from '@/web/i18n/all';

// This module's wording loads with it, not with the signed-in frame (issue 18).
addLazyStrings(programStrings);

type Named = { id: string; label: string };
type AgendaRow = { day: string | null; startTime: string; title: string; place: string; city: string };

type Values = {
  objectiveId: string | null;
  kind: string | null;
  title: string;
  purpose: string;
  dateMode: DateMode;
  day: string | null;
  from: string | null;
  to: string | null;
  /** The listed days as typed (dd/mm/aaaa). */
  days: string[];
  month: string | null;
  /** Where the API's problems with the dates as a whole show. */
  dates: null;
  modality: string | null;
  tool: string;
  place: string;
  institutions: Named[];
  participants: (Named & { role: ParticipantRole })[];
  route: string[];
  partners: string[];
  invitingInstitution: Named | null;
  country: string;
  election: string;
  /** A governance agreement the activity relates to (an approval, a signing). */
  agreement: Named | null;
  agenda: AgendaRow[];
  notes: string;
  /** Evidence chosen in the form, uploaded once the activity is saved. */
  files: File[];
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
    days: d?.mode === 'list' ? d.days.map(shownDay) : [],
    month: d?.mode === 'month' ? `${d.month}-01` : null,
    dates: null,
    modality: a?.modality ?? null,
    tool: a?.tool ?? '',
    place: a?.place ?? '',
    institutions:
      a?.institutions.map((i) => ({ id: i.id, label: i.acronym ? `${i.name} (${i.acronym})` : i.name })) ??
      [],
    participants: a?.participants.map((p) => ({ id: p.personId, label: p.fullName, role: p.role })) ?? [],
    route: a?.route ?? [],
    partners: a?.partners ?? [],
    invitingInstitution: a?.invitingInstitution
      ? { id: a.invitingInstitution.id, label: a.invitingInstitution.name }
      : null,
    country: a?.country ?? '',
    election: a?.election ?? '',
    agreement: a?.agreementId ? { id: a.agreementId, label: a.agreementNumber ?? a.agreementId } : null,
    agenda:
      a?.agenda.map((i) => ({
        day: i.day,
        startTime: i.startTime ?? '',
        title: i.title,
        place: i.place ?? '',
        city: i.city ?? '',
      })) ?? [],
    notes: a?.notes ?? '',
    files: [],
  };
}

/** The year of the first date entered in the form, whatever its mode; null while none is. */
function enteredYear(v: Values): number | null {
  const first =
    v.dateMode === 'day'
      ? v.day
      : v.dateMode === 'month'
        ? v.month
        : v.dateMode === 'list'
          ? (v.days.map(typedDay).find((d) => /^\d{4}-\d{2}-\d{2}$/.test(d)) ?? null)
          : v.from;
  return first && /^\d{4}-/.test(first) ? Number(first.slice(0, 4)) : null;
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
      return { mode: 'list', days: v.days.map(typedDay) };
    case 'month':
      return { mode: 'month', month: (v.month ?? '').slice(0, 7) };
  }
}

const blank = (s: string) => (s.trim() === '' ? null : s.trim());

function toInput(values: Values): ActivityInput {
  const [scope, scopeId] = (values.objectiveId ?? ':').split(':');
  return {
    ...(scope === 'o' ? { objectiveId: scopeId } : scope === 'l' ? { lineId: scopeId } : {}),
    kind: values.kind ?? '',
    title: values.title,
    purpose: blank(values.purpose),
    dates: dateSpec(values),
    modality: (values.modality as ActivityInput['modality']) ?? null,
    tool: blank(values.tool),
    place: blank(values.place),
    notes: blank(values.notes),
    institutionIds: values.institutions.map((i) => i.id),
    participants: values.participants.map((p) => ({ personId: p.id, role: p.role })),
    route: values.route,
    partners: values.partners,
    invitingInstitutionId: values.invitingInstitution?.id ?? null,
    country: blank(values.country),
    election: blank(values.election),
    agreementId: values.agreement?.id ?? null,
    agenda: values.agenda.map((i) => ({
      day: i.day ?? '',
      startTime: timeOrNull(i.startTime),
      title: i.title,
      place: blank(i.place),
      city: blank(i.city),
    })),
  };
}

/** Where the API's problems show in this form (list items fold into their list's field). */
function aliasesFor(values: Values): Record<string, string> {
  const aliases: Record<string, string> = {
    'dates.day': 'day',
    'dates.from': 'from',
    'dates.to': 'to',
    'dates.month': 'month',
    'dates.days': 'days',
    lineId: 'objectiveId',
    invitingInstitutionId: 'invitingInstitution',
    agreementId: 'agreement',
  };
  values.days.forEach((_, i) => (aliases[`dates.days.${i}`] = 'days'));
  values.institutions.forEach((_, i) => (aliases[`institutionIds.${i}`] = 'institutions'));
  values.participants.forEach((_, i) => {
    for (const path of [`participants.${i}`, `participants.${i}.personId`, `participants.${i}.role`])
      aliases[path] = 'participants';
  });
  for (const list of ['route', 'partners'] as const)
    values[list].forEach((_, i) => (aliases[`${list}.${i}`] = list));
  values.agenda.forEach((_, i) => {
    for (const key of ['day', 'startTime', 'title', 'place', 'city'])
      aliases[`agenda.${i}.${key}`] = `agenda.${i}.${key}`;
  });
  return aliases;
}

/**
 * Records or edits an activity: objective, kind, title, dates (one day, a range, a list, a month…),
 * modality, place, counterpart institutions, participants, evidence; a tour's route, partners and
 * agenda; an observation mission's inviting institution, country and election.
 */
export function ActivityFormModal({
  activity,
  year: pageYear,
  onClose,
}: {
  activity: Activity | null;
  /** The year of the period the list shows: the objectives offered until a date is entered. */
  year: number;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const kinds = useActivityKinds();
  // Once saved (even if an evidence upload then failed), later submits modify the same record.
  const [savedId, setSavedId] = useState<string | null>(activity?.id ?? null);
  // The pickers that add to a list are reset (remounted) after each choice.
  const [pickerKey, setPickerKey] = useState(0);
  const f = useSaveForm({
    initialValues: initial(activity),
    schema: ActivityInputSchema,
    toInput,
    save: async (input: ActivityInput) => {
      const saved = await saveActivity(savedId, input);
      setSavedId(saved.id);
      for (const file of f.form.getValues().files) {
        await attachEvidence(saved.id, file);
        f.form.setFieldValue(
          'files',
          f.form.getValues().files.filter((x) => x !== file),
        );
      }
      return saved;
    },
    invalidate: [PROGRAM_KEY],
    // An evidence upload may fail once the activity is saved.
    invalidateOnError: true,
    saved: () => t('program.activityForm.saved'),
    onSaved: onClose,
    // The lists' items as they stand now, so that a problem with the third day shows on the days.
    aliases: aliasesFor,
  });
  const form = f.form;
  const v = form.getValues();
  // The objectives are those of the work program of the year of the date being entered.
  const year = enteredYear(v) ?? pageYear;
  const programs = usePrograms();
  const programId = programs.data?.find((p) => p.year === year)?.id ?? null;
  const tree = useProgramTree(programId);
  const objectives = objectiveOptions(programId ? tree.data : undefined);
  const objectivesKnown = programs.isSuccess && (!programId || tree.isSuccess);
  const noObjectives = objectivesKnown && objectives.length === 0;
  const chosenObjective = v.objectiveId;
  useEffect(() => {
    // A date in another year leaves an objective of the previous year's program behind: clear it.
    if (objectivesKnown && chosenObjective && !objectives.some((o) => o.value === chosenObjective))
      form.setFieldValue('objectiveId', null);
  }, [objectivesKnown, chosenObjective, objectives, form]);
  const isTour = v.kind === 'tour_abroad' || v.route.length > 0 || v.agenda.length > 0;
  const isMission =
    v.kind === 'observation_mission' || !!v.invitingInstitution || !!v.country || !!v.election;

  const addTo = (field: 'institutions' | 'participants', item: Values['participants'][number] | Named) => {
    if (!form.getValues()[field].some((x) => x.id === item.id)) form.insertListItem(field, item);
    setPickerKey((k) => k + 1);
  };

  const existingFiles = activity?.files ?? [];
  const remove = useDeleteActivity();
  const [confirming, setConfirming] = useState(false);

  return (
    <>
      <FormModal
        form={f}
        onClose={onClose}
        title={activity ? t('program.activityForm.editTitle') : t('program.activityForm.createTitle')}
        submitLabel={t('common.saveChanges')}
        size="xl"
        start={
          activity && (
            <Button variant="outline" color="red.9" onClick={() => setConfirming(true)}>
              {t('program.activityForm.delete')}
            </Button>
          )
        }
      >
        <Select
          label={t('program.activities.objective')}
          withAsterisk
          searchable
          data={objectives}
          comboboxProps={{ withinPortal: true }}
          description={
            noObjectives ? undefined : t('program.activityForm.objectivesOfYear', { year: String(year) })
          }
          {...form.getInputProps('objectiveId')}
          error={
            form.getInputProps('objectiveId').error ??
            (noObjectives ? t('program.activityForm.noObjectives', { year: String(year) }) : undefined)
          }
        />
        <Select
          label={t('program.activities.kind')}
          withAsterisk
          data={(kinds.data ?? []).map((k) => ({ value: k.code, label: k.name }))}
          comboboxProps={{ withinPortal: true }}
          {...form.getInputProps('kind')}
        />
        <Textarea label={t('program.activities.titleField')} withAsterisk autosize {...f.text('title')} />
        <Textarea label={t('program.activities.purpose')} autosize {...f.text('purpose')} />
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
          <TagsInput
            label={t('program.activityForm.days')}
            description={t('program.activityForm.daysHelp')}
            placeholder={t('common.datePlaceholder')}
            withAsterisk
            splitChars={[',', ';', ' ']}
            acceptValueOnBlur
            clearable
            clearButtonProps={{ 'aria-label': t('program.activityForm.clearDays') }}
            {...form.getInputProps('days')}
          />
        )}
        {v.dateMode === 'month' && (
          <SpanishDates>
            <MonthPickerInput
              label={t('program.activityForm.month')}
              withAsterisk
              valueFormat="MMMM YYYY"
              popoverProps={{ withinPortal: true }}
              nextLabel={t('common.nextMonth')}
              previousLabel={t('common.previousMonth')}
              {...form.getInputProps('month')}
            />
          </SpanishDates>
        )}
        <Group grow align="flex-start">
          <Select
            label={t('program.activities.modality')}
            clearable
            data={MODALITIES.map((m) => ({ value: m, label: t(`program.modality.${m}`) }))}
            comboboxProps={{ withinPortal: true }}
            {...form.getInputProps('modality')}
          />
          <TextInput
            label={t('program.activities.tool')}
            {...f.text('tool', t('program.activityForm.toolHelp'))}
          />
        </Group>
        <TextInput label={t('program.activities.place')} {...f.text('place')} />

        <Fieldset legend={t('program.activities.institutions')}>
          <Stack gap="xs">
            {v.institutions.length > 0 && (
              <List size="sm" aria-label={t('program.activities.institutions')}>
                {v.institutions.map((i, index) => (
                  <List.Item key={i.id}>
                    <Group gap={4} wrap="nowrap">
                      <Text size="sm">{i.label}</Text>
                      <ActionIcon
                        size="sm"
                        variant="subtle"
                        color="red.8"
                        aria-label={t('program.activityForm.removeNamed', { name: i.label })}
                        onClick={() => form.removeListItem('institutions', index)}
                      >
                        <IconTrash size={14} aria-hidden />
                      </ActionIcon>
                    </Group>
                  </List.Item>
                ))}
              </List>
            )}
            <InstitutionSelect
              key={`inst-${pickerKey}`}
              label={t('program.activityForm.addInstitution')}
              value={null}
              error={form.errors.institutions}
              onChange={(value, label) => {
                if (value && label) addTo('institutions', { id: value, label });
              }}
            />
          </Stack>
        </Fieldset>

        <Fieldset legend={t('program.activityForm.participants')}>
          <Stack gap="xs">
            {v.participants.map((p, index) => (
              <Group key={p.id} gap="xs" wrap="nowrap" align="flex-end">
                <Text size="sm" style={{ flex: 1 }}>
                  {p.label}
                </Text>
                <Select
                  size="xs"
                  label={t('program.activityForm.roleOf', { name: p.label })}
                  allowDeselect={false}
                  data={PARTICIPANT_ROLES.map((r) => ({ value: r, label: t(`program.role.${r}`) }))}
                  comboboxProps={{ withinPortal: true }}
                  {...form.getInputProps(`participants.${index}.role`)}
                />
                <ActionIcon
                  variant="subtle"
                  color="red.8"
                  aria-label={t('program.activityForm.removeNamed', { name: p.label })}
                  onClick={() => form.removeListItem('participants', index)}
                >
                  <IconTrash size={16} aria-hidden />
                </ActionIcon>
              </Group>
            ))}
            <PersonSelect
              key={`person-${pickerKey}`}
              label={t('program.activityForm.addParticipant')}
              description={t('program.activityForm.participantsHelp')}
              value={null}
              error={form.errors.participants}
              onChange={(value, label) => {
                if (value && label)
                  addTo('participants', {
                    id: value,
                    label,
                    role: isMission ? 'representative' : 'participant',
                  });
              }}
            />
          </Stack>
        </Fieldset>

        {isTour && (
          <Fieldset legend={t('program.activityForm.tour')}>
            <Stack gap="xs">
              <TagsInput
                label={t('program.activityForm.route')}
                description={t('program.activityForm.routeHelp')}
                acceptValueOnBlur
                {...form.getInputProps('route')}
              />
              <TagsInput
                label={t('program.activityForm.partners')}
                description={t('program.activityForm.partnersHelp')}
                acceptValueOnBlur
                {...form.getInputProps('partners')}
              />
              <Text size="sm" c="dimmed">
                {t('program.activityForm.leadHelp')}
              </Text>
              <Text size="sm" fw={600}>
                {t('program.activityForm.agenda')}
              </Text>
              {v.agenda.map((_, index) => (
                <Fieldset
                  key={index}
                  variant="filled"
                  legend={t('program.activityForm.agendaItem', { n: index + 1 })}
                >
                  <Group grow align="flex-start">
                    <DayInput
                      label={t('program.activityForm.agendaDay')}
                      withAsterisk
                      {...form.getInputProps(`agenda.${index}.day`)}
                    />
                    <TimeInput
                      label={t('program.activityForm.agendaTime')}
                      {...form.getInputProps(`agenda.${index}.startTime`)}
                    />
                    <TextInput
                      label={t('program.activityForm.agendaCity')}
                      {...form.getInputProps(`agenda.${index}.city`)}
                    />
                  </Group>
                  <TextInput
                    label={t('program.activityForm.agendaTitle')}
                    withAsterisk
                    {...form.getInputProps(`agenda.${index}.title`)}
                  />
                  <Group align="flex-end">
                    <TextInput
                      label={t('program.activityForm.agendaPlace')}
                      style={{ flex: 1 }}
                      {...form.getInputProps(`agenda.${index}.place`)}
                    />
                    <Button
                      variant="outline"
                      color="red.9"
                      leftSection={<IconTrash size={14} aria-hidden />}
                      onClick={() => form.removeListItem('agenda', index)}
                    >
                      {t('program.activityForm.removeAgendaItem', { n: index + 1 })}
                    </Button>
                  </Group>
                </Fieldset>
              ))}
              <Group>
                <Button
                  variant="light"
                  size="xs"
                  leftSection={<IconPlus size={14} aria-hidden />}
                  onClick={() =>
                    form.insertListItem('agenda', {
                      day: v.agenda.at(-1)?.day ?? v.from ?? v.day ?? null,
                      startTime: '',
                      title: '',
                      place: '',
                      city: '',
                    } satisfies AgendaRow)
                  }
                >
                  {t('program.activityForm.addAgendaItem')}
                </Button>
              </Group>
            </Stack>
          </Fieldset>
        )}

        {isMission && (
          <Fieldset legend={t('program.activityForm.mission')}>
            <Stack gap="xs">
              <InstitutionSelect
                label={t('program.activityForm.invitingInstitution')}
                initial={
                  v.invitingInstitution
                    ? { value: v.invitingInstitution.id, label: v.invitingInstitution.label }
                    : null
                }
                value={v.invitingInstitution?.id ?? null}
                error={form.errors.invitingInstitution}
                onChange={(value, label) =>
                  form.setFieldValue('invitingInstitution', value && label ? { id: value, label } : null)
                }
              />
              <Group grow align="flex-start">
                <TextInput label={t('program.activityForm.country')} {...f.text('country')} />
                <TextInput label={t('program.activityForm.election')} {...f.text('election')} />
              </Group>
              <Text size="sm" c="dimmed">
                {t('program.activityForm.representativesHelp')}
              </Text>
            </Stack>
          </Fieldset>
        )}

        <Fieldset legend={t('program.activities.evidence')}>
          <Stack gap="xs">
            {existingFiles.length > 0 && (
              <List size="sm">
                {existingFiles.map((f) => (
                  <List.Item key={f.id}>
                    <Anchor size="sm" href={activityFileUrl(activity!.id, f.id)}>
                      {f.filename}
                    </Anchor>
                  </List.Item>
                ))}
              </List>
            )}
            <FileInput
              label={t('program.activityForm.addEvidence')}
              description={t('program.activityForm.evidenceHelp')}
              multiple
              clearable
              clearButtonProps={{ 'aria-label': t('program.activityForm.clearFiles') }}
              {...form.getInputProps('files')}
            />
          </Stack>
        </Fieldset>

        <AgreementSelect
          label={t('program.activityForm.agreement')}
          description={t('program.activityForm.agreementHelp')}
          initial={v.agreement ? { value: v.agreement.id, label: v.agreement.label } : null}
          value={v.agreement?.id ?? null}
          error={form.errors.agreement}
          onChange={(value, label) =>
            form.setFieldValue('agreement', value && label ? { id: value, label } : null)
          }
        />
        <Textarea label={t('program.activities.notes')} autosize {...f.text('notes')} />
      </FormModal>
      {confirming && activity && (
        <ConfirmModal
          title={t('program.activityForm.delete')}
          message={t('program.activityForm.deleteConfirm', { title: activity.title })}
          confirm={t('common.delete')}
          mutation={remove}
          onConfirm={() =>
            remove.mutate(activity.id, {
              onSuccess: () => {
                notifySuccess(t('program.activityForm.deleted'));
                onClose();
              },
            })
          }
          onClose={() => setConfirming(false)}
        />
      )}
    </>
  );
}
