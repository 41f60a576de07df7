import {
  Group,
  MultiSelect,
  type MultiSelectProps,
  NumberInput,
  Select,
  Text,
  TextInput,
  Textarea,
} from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type {
  Line,
  Objective,
  Program,
  ProgramTree,
  Target,
  TargetInput,
  TargetSource,
  UnexplainedObjective,
} from '../contract';
import {
  LineInputSchema,
  ObjectiveInputSchema,
  ProgramInputSchema,
  ReasonInputSchema,
  TARGET_SOURCES,
  TargetInputSchema,
} from '../contract';
import { nextObjectiveKey } from './structure-numbers';
import { AgreementSelect } from '@/modules/governance/ui/AgreementSelect';
import { FormModal } from '@/web/shared/form/FormModal';
import { useSaveForm } from '@/web/shared/form/use-save-form';
import { DayInput } from '@/web/shared/ui/DayInput';
import {
  PROGRAM_KEY,
  saveLine,
  saveObjective,
  saveProgram,
  saveTarget,
  stateReason,
  useActivityKinds,
  useAllSeries,
  useRecordSources,
} from './api';
import programStrings from 'virtual:lazy-strings/program';
import { addLazyStrings } from '@/web/i18n/all';

// This module's wording loads with it, not with the signed-in frame (issue 18).
addLazyStrings(programStrings);

// The forms that build a program's structure: the program itself (year, approving agreement),
// its numbered lines, their lettered objectives, the targets of each, and the reason stated for an
// objective without activity in a period.

const blank = (s: string) => (s.trim() === '' ? null : s.trim());
/**
 * A NumberInput's value as the API expects it. Left empty it is null, which the contract refuses as a
 * missing number ("Indique el año"), in the browser as from the server (JSON has no NaN).
 */
const num = (v: number | string) =>
  (typeof v === 'number' ? v : v.trim() === '' ? null : Number(v)) as number;

/** Records of other modules that count as activity of a line or objective (folios, campaigns…). */
function RecordSourcesSelect(props: Omit<MultiSelectProps, 'data' | 'label'>) {
  const { t } = useTranslation();
  const sources = useRecordSources();
  return (
    <MultiSelect
      label={t('program.structure.recordSources')}
      description={t('program.structure.recordSourcesHelp')}
      data={(sources.data ?? []).map((s) => ({ value: s.code, label: s.label }))}
      comboboxProps={{ withinPortal: true }}
      {...props}
    />
  );
}

/** What a line and an objective both have: a title, a description, the records that count for it. */
function StructureFields(props: {
  titleLabel: string;
  text: (field: 'title' | 'description') => object;
  sources: object;
}) {
  const { t } = useTranslation();
  return (
    <>
      <Textarea label={props.titleLabel} withAsterisk autosize {...props.text('title')} />
      <Textarea label={t('program.structure.description')} autosize {...props.text('description')} />
      <RecordSourcesSelect {...props.sources} />
    </>
  );
}

/** Registers the program of a year, or modifies `program`. */
export function ProgramFormModal({
  program,
  onClose,
  onSaved,
}: {
  program: Program | null;
  onClose: () => void;
  onSaved?: (saved: ProgramTree) => void;
}) {
  const { t } = useTranslation();
  const f = useSaveForm({
    initialValues: {
      year: (program?.year ?? '') as number | string,
      name: program?.name ?? '',
      approvedByAgreementId: program?.approvedByAgreementId ?? '',
      approvedByText: program?.approvedByAgreementId ? '' : (program?.approvedByText ?? ''),
      approvedOn: program?.approvedOn ?? (null as string | null),
    },
    schema: ProgramInputSchema,
    toInput: (v) => ({
      year: num(v.year),
      name: v.name,
      // An agreement of the system, or (when it is not in the system) its number as text.
      approvedByAgreementId: v.approvedByAgreementId || null,
      approvedByText: v.approvedByAgreementId ? null : blank(v.approvedByText),
      approvedOn: v.approvedOn,
    }),
    save: (input) => saveProgram(program?.id ?? null, input),
    invalidate: [PROGRAM_KEY],
    saved: () => t('program.structure.saved'),
    onSaved: (saved) => {
      onSaved?.(saved);
      onClose();
    },
  });
  const form = f.form;
  const linked = form.values.approvedByAgreementId !== '';
  return (
    <FormModal
      form={f}
      onClose={onClose}
      title={program ? t('program.structure.editProgram') : t('program.structure.newProgram')}
      submitLabel={t('common.saveChanges')}
    >
      <NumberInput
        label={t('program.structure.year')}
        withAsterisk
        min={2000}
        max={2100}
        allowDecimal={false}
        thousandSeparator=""
        {...form.getInputProps('year')}
      />
      <TextInput label={t('program.structure.name')} withAsterisk {...f.text('name')} />
      <AgreementSelect
        label={t('program.structure.approvedBy')}
        description={t('program.structure.approvedByPickHelp')}
        placeholder={t('program.structure.approvedByPlaceholder')}
        initial={
          program?.approvedByAgreementId && program.approvedBy
            ? { value: program.approvedByAgreementId, label: program.approvedBy }
            : null
        }
        value={form.values.approvedByAgreementId || null}
        error={form.errors.approvedByAgreementId}
        onChange={(value) => form.setFieldValue('approvedByAgreementId', value ?? '')}
        onChosen={(a) => a && form.setFieldValue('approvedOn', a.adoptedOn)}
      />
      <TextInput
        label={t('program.structure.approvedByText')}
        disabled={linked}
        {...f.text(
          'approvedByText',
          linked ? t('program.structure.approvedByTextLinked') : t('program.structure.approvedByHelp'),
        )}
      />
      <DayInput label={t('program.structure.approvedOn')} clearable {...form.getInputProps('approvedOn')} />
    </FormModal>
  );
}

/** Adds a numbered line to a program, or modifies `line`. */
export function LineFormModal({
  programId,
  line,
  nextNumber,
  onClose,
}: {
  programId: string;
  line: Line | null;
  nextNumber: number;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const f = useSaveForm({
    initialValues: {
      number: (line?.number ?? nextNumber) as number | string,
      title: line?.title ?? '',
      description: line?.description ?? '',
      recordSources: line?.recordSources ?? [],
    },
    schema: LineInputSchema,
    toInput: (v) => ({
      number: num(v.number),
      title: v.title,
      description: blank(v.description),
      recordSources: v.recordSources,
    }),
    save: (input) => saveLine(line ? { lineId: line.id } : { programId }, input),
    invalidate: [PROGRAM_KEY],
    saved: () => t('program.structure.saved'),
    onSaved: onClose,
  });
  return (
    <FormModal
      form={f}
      onClose={onClose}
      title={line ? t('program.structure.editLine', { number: line.number }) : t('program.structure.newLine')}
      submitLabel={t('common.saveChanges')}
    >
      <NumberInput
        label={t('program.structure.lineNumber')}
        withAsterisk
        min={1}
        max={99}
        allowDecimal={false}
        {...f.form.getInputProps('number')}
      />
      <StructureFields
        titleLabel={t('program.structure.lineTitle')}
        text={f.text}
        sources={f.form.getInputProps('recordSources')}
      />
    </FormModal>
  );
}

/** Adds a lettered objective to a line, or modifies `objective`. */
export function ObjectiveFormModal({
  line,
  objective,
  onClose,
}: {
  line: Line;
  objective: Objective | null;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const f = useSaveForm({
    initialValues: {
      key: objective?.key ?? nextObjectiveKey(line),
      title: objective?.title ?? '',
      description: objective?.description ?? '',
      recordSources: objective?.recordSources ?? [],
    },
    schema: ObjectiveInputSchema,
    toInput: (v) => ({
      key: v.key.trim().toUpperCase(),
      title: v.title,
      description: blank(v.description),
      recordSources: v.recordSources,
    }),
    save: (input) => saveObjective(objective ? { objectiveId: objective.id } : { lineId: line.id }, input),
    invalidate: [PROGRAM_KEY],
    saved: () => t('program.structure.saved'),
    onSaved: onClose,
  });
  return (
    <FormModal
      form={f}
      onClose={onClose}
      title={
        objective
          ? t('program.structure.editObjective', { label: `${line.number}.${objective.key}` })
          : t('program.structure.newObjective', { number: line.number })
      }
      submitLabel={t('common.saveChanges')}
    >
      <TextInput
        label={t('program.structure.objectiveKey')}
        description={t('program.structure.objectiveKeyHelp')}
        withAsterisk
        maxLength={2}
        {...f.form.getInputProps('key')}
      />
      <StructureFields
        titleLabel={t('program.structure.objectiveTitle')}
        text={f.text}
        sources={f.form.getInputProps('recordSources')}
      />
    </FormModal>
  );
}

type TargetValues = {
  description: string;
  minimumCount: number | string;
  unit: string;
  periodStart: string | null;
  periodEnd: string | null;
  source: TargetSource;
  activityKind: string | null;
  seriesId: string | null;
  externalSource: string | null;
};

/** Adds a target to an objective (or to a line itself), or modifies `target`: what, minimum, period. */
export function TargetFormModal({
  year,
  line,
  objective,
  target,
  onClose,
}: {
  year: number;
  line: Line;
  objective: Objective | null;
  target: Target | null;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const kinds = useActivityKinds();
  const sources = useRecordSources();
  const series = useAllSeries();
  const f = useSaveForm({
    initialValues: {
      description: target?.description ?? '',
      minimumCount: target?.minimumCount ?? '',
      unit: target?.unit ?? '',
      periodStart: target?.periodStart ?? `${year}-01-01`,
      periodEnd: target?.periodEnd ?? `${year}-12-31`,
      source: target?.source ?? 'activities',
      activityKind: target?.activityKind ?? null,
      seriesId: target?.seriesId ?? null,
      externalSource: target?.externalSource ?? null,
    } as TargetValues,
    schema: TargetInputSchema,
    toInput: (values): TargetInput => ({
      lineId: line.id,
      objectiveId: objective?.id ?? null,
      description: values.description,
      minimumCount: num(values.minimumCount),
      unit: values.unit,
      periodStart: values.periodStart ?? '',
      periodEnd: values.periodEnd ?? '',
      source: values.source,
      activityKind: values.source === 'activities' ? values.activityKind : null,
      seriesId: values.source === 'publication_issues' ? values.seriesId : null,
      externalSource: values.source === 'external' ? values.externalSource : null,
    }),
    save: (input) => saveTarget(target?.id ?? null, input),
    invalidate: [PROGRAM_KEY],
    saved: () => t('program.structure.saved'),
    onSaved: onClose,
  });
  const form = f.form;
  const v = form.getValues();
  const label = objective ? `${line.number}.${objective.key}` : String(line.number);
  return (
    <FormModal
      form={f}
      onClose={onClose}
      title={
        target ? t('program.structure.editTarget', { label }) : t('program.structure.newTarget', { label })
      }
      submitLabel={t('common.saveChanges')}
    >
      <Text size="sm" c="dimmed">
        {objective?.title ?? line.title}
      </Text>
      <Textarea
        label={t('program.structure.targetWhat')}
        withAsterisk
        autosize
        {...f.text('description', t('program.structure.targetWhatHelp'))}
      />
      <Group grow align="flex-start">
        <NumberInput
          label={t('program.structure.minimumCount')}
          withAsterisk
          min={1}
          allowDecimal={false}
          {...form.getInputProps('minimumCount')}
        />
        <TextInput
          label={t('program.structure.unit')}
          withAsterisk
          {...f.text('unit', t('program.structure.unitHelp'))}
        />
      </Group>
      <Group grow align="flex-start">
        <DayInput
          label={t('program.structure.periodStart')}
          withAsterisk
          {...form.getInputProps('periodStart')}
        />
        <DayInput
          label={t('program.structure.periodEnd')}
          withAsterisk
          {...form.getInputProps('periodEnd')}
        />
      </Group>
      <Select
        label={t('program.structure.source')}
        withAsterisk
        allowDeselect={false}
        data={TARGET_SOURCES.map((s) => ({ value: s, label: t(`program.targetSource.${s}`) }))}
        comboboxProps={{ withinPortal: true }}
        {...form.getInputProps('source')}
      />
      {v.source === 'activities' && (
        <Select
          label={t('program.structure.activityKind')}
          description={t('program.structure.activityKindHelp')}
          clearable
          data={(kinds.data ?? []).map((k) => ({ value: k.code, label: k.name }))}
          comboboxProps={{ withinPortal: true }}
          {...form.getInputProps('activityKind')}
        />
      )}
      {v.source === 'publication_issues' && (
        <Select
          label={t('program.structure.series')}
          withAsterisk
          searchable
          data={(series.data ?? []).map((s) => ({ value: s.id, label: s.name }))}
          comboboxProps={{ withinPortal: true }}
          {...form.getInputProps('seriesId')}
        />
      )}
      {v.source === 'external' && (
        <Select
          label={t('program.structure.externalSource')}
          withAsterisk
          data={(sources.data ?? []).map((s) => ({ value: s.code, label: s.label }))}
          comboboxProps={{ withinPortal: true }}
          {...form.getInputProps('externalSource')}
        />
      )}
    </FormModal>
  );
}

/** States (or restates) why an objective had no activity in a period. */
export function ReasonModal({
  unit,
  period,
  initial,
  onClose,
}: {
  unit: Pick<UnexplainedObjective, 'lineId' | 'objectiveId' | 'label' | 'title'>;
  period: { from: string; to: string };
  initial?: string;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const f = useSaveForm({
    initialValues: { reason: initial ?? '' },
    schema: ReasonInputSchema,
    toInput: (v) => ({
      lineId: unit.lineId,
      objectiveId: unit.objectiveId,
      periodStart: period.from,
      periodEnd: period.to,
      reason: v.reason,
    }),
    save: stateReason,
    invalidate: [PROGRAM_KEY],
    saved: () => t('program.reasons.saved'),
    onSaved: onClose,
  });
  return (
    <FormModal
      form={f}
      onClose={onClose}
      title={t('program.reasons.stateFor', { label: unit.label })}
      submitLabel={t('common.saveChanges')}
    >
      <Text size="sm">{unit.title}</Text>
      <Textarea label={t('program.reasons.reason')} withAsterisk autosize minRows={3} {...f.text('reason')} />
    </FormModal>
  );
}
