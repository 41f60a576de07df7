import {
  Button,
  Group,
  Modal,
  MultiSelect,
  type MultiSelectProps,
  NumberInput,
  Select,
  Stack,
  Text,
  TextInput,
  Textarea,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { useState } from 'react';
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
import { TARGET_SOURCES } from '../contract';
import { nextObjectiveKey } from './structure-numbers';
import type { FieldProblem } from '@/shared/errors';
import { applyFieldErrors } from '@/web/shared/api/form-errors';
import { AgreementSelect } from '@/modules/governance/ui/AgreementSelect';
import { DayInput } from '@/web/shared/ui/DayInput';
import { FormErrorAlert } from '@/web/shared/ui/FormErrorAlert';
import { notifySuccess } from '@/web/shared/ui/errors';
import {
  useActivityKinds,
  useAllSeries,
  useRecordSources,
  useSaveLine,
  useSaveObjective,
  useSaveProgram,
  useSaveTarget,
  useStateReason,
} from './api';

// The forms that build a program's structure: the program itself (year, approving agreement),
// its numbered lines, their lettered objectives, the targets of each, and the reason stated for an
// objective without activity in a period.

const blank = (s: string) => (s.trim() === '' ? null : s.trim());
/** A NumberInput's value as the API expects it: a number, or NaN (refused with a Spanish message). */
const num = (v: number | string) => (typeof v === 'number' ? v : v.trim() === '' ? Number.NaN : Number(v));

function FormButtons({ pending, onClose }: { pending: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  return (
    <Group justify="flex-end">
      <Button variant="default" onClick={onClose}>
        {t('common.cancel')}
      </Button>
      <Button type="submit" loading={pending}>
        {t('common.saveChanges')}
      </Button>
    </Group>
  );
}

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
  const save = useSaveProgram(program?.id ?? null);
  const [unplaced, setUnplaced] = useState<FieldProblem[]>([]);
  const form = useForm({
    initialValues: {
      year: (program?.year ?? '') as number | string,
      name: program?.name ?? '',
      approvedByAgreementId: program?.approvedByAgreementId ?? '',
      approvedByText: program?.approvedByAgreementId ? '' : (program?.approvedByText ?? ''),
      approvedOn: program?.approvedOn ?? (null as string | null),
    },
  });
  const linked = form.values.approvedByAgreementId !== '';
  return (
    <Modal
      opened
      onClose={onClose}
      title={program ? t('program.structure.editProgram') : t('program.structure.newProgram')}
      size="lg"
    >
      <form
        noValidate
        onSubmit={form.onSubmit((v) =>
          save.mutate(
            {
              year: num(v.year),
              name: v.name,
              // An agreement of the system, or (when it is not in the system) its number as text.
              approvedByAgreementId: v.approvedByAgreementId || null,
              approvedByText: v.approvedByAgreementId ? null : blank(v.approvedByText),
              approvedOn: v.approvedOn,
            },
            {
              onSuccess: (saved) => {
                notifySuccess(t('program.structure.saved'));
                onSaved?.(saved);
                onClose();
              },
              onError: (e) => setUnplaced(applyFieldErrors(form, e)),
            },
          ),
        )}
      >
        <Stack>
          <FormErrorAlert error={save.error} unplaced={unplaced} />
          <NumberInput
            label={t('program.structure.year')}
            withAsterisk
            min={2000}
            max={2100}
            allowDecimal={false}
            thousandSeparator=""
            {...form.getInputProps('year')}
          />
          <TextInput label={t('program.structure.name')} withAsterisk {...form.getInputProps('name')} />
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
            description={
              linked ? t('program.structure.approvedByTextLinked') : t('program.structure.approvedByHelp')
            }
            disabled={linked}
            {...form.getInputProps('approvedByText')}
          />
          <DayInput
            label={t('program.structure.approvedOn')}
            clearable
            {...form.getInputProps('approvedOn')}
          />
          <FormButtons pending={save.isPending} onClose={onClose} />
        </Stack>
      </form>
    </Modal>
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
  const save = useSaveLine(line ? { lineId: line.id } : { programId });
  const [unplaced, setUnplaced] = useState<FieldProblem[]>([]);
  const form = useForm({
    initialValues: {
      number: (line?.number ?? nextNumber) as number | string,
      title: line?.title ?? '',
      description: line?.description ?? '',
      recordSources: line?.recordSources ?? [],
    },
  });
  return (
    <Modal
      opened
      onClose={onClose}
      title={line ? t('program.structure.editLine', { number: line.number }) : t('program.structure.newLine')}
      size="lg"
    >
      <form
        noValidate
        onSubmit={form.onSubmit((v) =>
          save.mutate(
            {
              number: num(v.number),
              title: v.title,
              description: blank(v.description),
              recordSources: v.recordSources,
            },
            {
              onSuccess: () => {
                notifySuccess(t('program.structure.saved'));
                onClose();
              },
              onError: (e) => setUnplaced(applyFieldErrors(form, e)),
            },
          ),
        )}
      >
        <Stack>
          <FormErrorAlert error={save.error} unplaced={unplaced} />
          <NumberInput
            label={t('program.structure.lineNumber')}
            withAsterisk
            min={1}
            max={99}
            allowDecimal={false}
            {...form.getInputProps('number')}
          />
          <Textarea
            label={t('program.structure.lineTitle')}
            withAsterisk
            autosize
            {...form.getInputProps('title')}
          />
          <Textarea
            label={t('program.structure.description')}
            autosize
            {...form.getInputProps('description')}
          />
          <RecordSourcesSelect {...form.getInputProps('recordSources')} />
          <FormButtons pending={save.isPending} onClose={onClose} />
        </Stack>
      </form>
    </Modal>
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
  const save = useSaveObjective(objective ? { objectiveId: objective.id } : { lineId: line.id });
  const [unplaced, setUnplaced] = useState<FieldProblem[]>([]);
  const form = useForm({
    initialValues: {
      key: objective?.key ?? nextObjectiveKey(line),
      title: objective?.title ?? '',
      description: objective?.description ?? '',
      recordSources: objective?.recordSources ?? [],
    },
  });
  return (
    <Modal
      opened
      onClose={onClose}
      title={
        objective
          ? t('program.structure.editObjective', { label: `${line.number}.${objective.key}` })
          : t('program.structure.newObjective', { number: line.number })
      }
      size="lg"
    >
      <form
        noValidate
        onSubmit={form.onSubmit((v) =>
          save.mutate(
            {
              key: v.key.trim().toUpperCase(),
              title: v.title,
              description: blank(v.description),
              recordSources: v.recordSources,
            },
            {
              onSuccess: () => {
                notifySuccess(t('program.structure.saved'));
                onClose();
              },
              onError: (e) => setUnplaced(applyFieldErrors(form, e)),
            },
          ),
        )}
      >
        <Stack>
          <FormErrorAlert error={save.error} unplaced={unplaced} />
          <TextInput
            label={t('program.structure.objectiveKey')}
            description={t('program.structure.objectiveKeyHelp')}
            withAsterisk
            maxLength={2}
            {...form.getInputProps('key')}
          />
          <Textarea
            label={t('program.structure.objectiveTitle')}
            withAsterisk
            autosize
            {...form.getInputProps('title')}
          />
          <Textarea
            label={t('program.structure.description')}
            autosize
            {...form.getInputProps('description')}
          />
          <RecordSourcesSelect {...form.getInputProps('recordSources')} />
          <FormButtons pending={save.isPending} onClose={onClose} />
        </Stack>
      </form>
    </Modal>
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
  const save = useSaveTarget(target?.id ?? null);
  const kinds = useActivityKinds();
  const sources = useRecordSources();
  const series = useAllSeries();
  const [unplaced, setUnplaced] = useState<FieldProblem[]>([]);
  const form = useForm<TargetValues>({
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
    },
  });
  const v = form.getValues();
  const label = objective ? `${line.number}.${objective.key}` : String(line.number);
  const submit = (values: TargetValues) => {
    const input: TargetInput = {
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
    };
    save.mutate(input, {
      onSuccess: () => {
        notifySuccess(t('program.structure.saved'));
        onClose();
      },
      onError: (e) => setUnplaced(applyFieldErrors(form, e)),
    });
  };
  return (
    <Modal
      opened
      onClose={onClose}
      title={
        target ? t('program.structure.editTarget', { label }) : t('program.structure.newTarget', { label })
      }
      size="lg"
    >
      <form noValidate onSubmit={form.onSubmit(submit)}>
        <Stack>
          <Text size="sm" c="dimmed">
            {objective?.title ?? line.title}
          </Text>
          <FormErrorAlert error={save.error} unplaced={unplaced} />
          <Textarea
            label={t('program.structure.targetWhat')}
            description={t('program.structure.targetWhatHelp')}
            withAsterisk
            autosize
            {...form.getInputProps('description')}
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
              description={t('program.structure.unitHelp')}
              withAsterisk
              {...form.getInputProps('unit')}
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
          <FormButtons pending={save.isPending} onClose={onClose} />
        </Stack>
      </form>
    </Modal>
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
  const save = useStateReason();
  const [unplaced, setUnplaced] = useState<FieldProblem[]>([]);
  const form = useForm({ initialValues: { reason: initial ?? '' } });
  return (
    <Modal opened onClose={onClose} title={t('program.reasons.stateFor', { label: unit.label })} size="lg">
      <form
        noValidate
        onSubmit={form.onSubmit((v) =>
          save.mutate(
            {
              lineId: unit.lineId,
              objectiveId: unit.objectiveId,
              periodStart: period.from,
              periodEnd: period.to,
              reason: v.reason,
            },
            {
              onSuccess: () => {
                notifySuccess(t('program.reasons.saved'));
                onClose();
              },
              onError: (e) => setUnplaced(applyFieldErrors(form, e)),
            },
          ),
        )}
      >
        <Stack>
          <Text size="sm">{unit.title}</Text>
          <FormErrorAlert error={save.error} unplaced={unplaced} />
          <Textarea
            label={t('program.reasons.reason')}
            withAsterisk
            autosize
            minRows={3}
            {...form.getInputProps('reason')}
          />
          <FormButtons pending={save.isPending} onClose={onClose} />
        </Stack>
      </form>
    </Modal>
  );
}
