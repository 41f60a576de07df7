import {
  ActionIcon,
  Alert,
  Badge,
  Button,
  Card,
  Center,
  Group,
  Loader,
  Modal,
  Progress,
  Select,
  Stack,
  Text,
  Title,
} from '@mantine/core';
import {
  IconAlertTriangle,
  IconCheck,
  IconPencil,
  IconPlus,
  IconTrash,
  IconUpload,
} from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Line, Objective, Program, Target, UnexplainedObjective } from '../contract';
import { formatDay } from '@/web/shared/lib/format';
import { useCan } from '@/web/shared/session/session';
import { FormErrorAlert } from '@/web/shared/ui/FormErrorAlert';
import { ImportPlanModal } from '@/web/shared/ui/ImportPlanModal';
import { PageHeader } from '@/web/shared/ui/PageHeader';
import { QueryError } from '@/web/shared/ui/QueryError';
import {
  downloadProgramTemplate,
  importProgramFile,
  previewProgramImport,
  PROGRAM_KEY,
  useDeleteTarget,
  usePrograms,
  useProgramTree,
  useReasons,
  useRemoveStructure,
  useUnexplained,
  useWithdrawReason,
} from './api';
import { ConfirmModal } from '@/web/shared/ui/ConfirmModal';
import {
  LineFormModal,
  ObjectiveFormModal,
  ProgramFormModal,
  ReasonModal,
  TargetFormModal,
} from './StructureForms';
import { nextLineNumber } from './structure-numbers';
import { useProgramPeriod } from './use-program-period';
import { withPeriod } from '@/web/shared/lib/use-period';
import programStrings from 'virtual:lazy-strings/program';
import { addLazyStrings } from '@/web/i18n/all';

// This module's wording loads with it, not with the signed-in frame (issue 18).
addLazyStrings(programStrings);

/** What the page's structure forms are editing (one modal at a time). */
type Editing =
  | { what: 'program'; program: Program | null }
  | { what: 'line'; line: Line | null }
  | { what: 'objective'; line: Line; objective: Objective | null }
  | { what: 'target'; line: Line; objective: Objective | null; target: Target | null }
  | { what: 'deleteTarget'; target: Target }
  | { what: 'deleteLine'; line: Line }
  | { what: 'deleteObjective'; line: Line; objective: Objective }
  | { what: 'withdrawReason'; reasonId: string; label: string }
  | {
      what: 'reason';
      unit: Pick<UnexplainedObjective, 'lineId' | 'objectiveId' | 'label' | 'title'>;
      initial?: string;
    };

function TargetProgress({
  target,
  onEdit,
  onDelete,
}: {
  target: Target;
  onEdit?: () => void;
  onDelete?: () => void;
}) {
  const { t } = useTranslation();
  const { count, minimum, percent, met } = target.progress;
  return (
    <Stack gap={2}>
      <Group justify="space-between" gap="xs" wrap="nowrap">
        <Text size="sm">{target.description}</Text>
        <Group gap={4} wrap="nowrap" style={{ flexShrink: 0 }}>
          <Badge color={met ? 'green' : 'gray'} variant="light">
            {t('program.tree.count', { count, minimum, unit: target.unit })}
          </Badge>
          {onEdit && (
            <ActionIcon
              variant="subtle"
              onClick={onEdit}
              aria-label={t('program.structure.editTargetNamed', { what: target.description })}
            >
              <IconPencil size={16} aria-hidden />
            </ActionIcon>
          )}
          {onDelete && (
            <ActionIcon
              variant="subtle"
              color="red.8"
              onClick={onDelete}
              aria-label={t('program.structure.deleteTargetNamed', { what: target.description })}
            >
              <IconTrash size={16} aria-hidden />
            </ActionIcon>
          )}
        </Group>
      </Group>
      <Progress
        value={percent}
        color={met ? 'green' : 'blue'}
        aria-label={t('program.tree.progressOf', { what: target.description, percent })}
      />
      <Text size="xs" c="dimmed">
        {t('program.tree.targetPeriod', {
          from: formatDay(target.periodStart),
          to: formatDay(target.periodEnd),
        })}
      </Text>
    </Stack>
  );
}

function DeleteTargetModal({ target, onClose }: { target: Target; onClose: () => void }) {
  const { t } = useTranslation();
  const remove = useDeleteTarget();
  return (
    <Modal opened onClose={onClose} title={t('program.structure.deleteTarget')}>
      <Stack>
        <FormErrorAlert error={remove.error} />
        <Text size="sm">{t('program.structure.deleteTargetConfirm', { what: target.description })}</Text>
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('common.cancel')}
          </Button>
          <Button
            color="red.9"
            loading={remove.isPending}
            onClick={() => remove.mutate(target.id, { onSuccess: onClose })}
          >
            {t('common.delete')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}

export default withPeriod(ProgramPage);

function ProgramPage() {
  const { t } = useTranslation();
  const programs = usePrograms();
  const { period, periodSelect } = useProgramPeriod();
  const [programId, setProgramId] = useState<string | null>(null);
  const chosen =
    programId ??
    programs.data?.find((p) => String(p.year) === period.from.slice(0, 4))?.id ??
    programs.data?.[0]?.id ??
    null;
  const tree = useProgramTree(chosen);
  const unexplained = useUnexplained(period);
  const reasons = useReasons(period);
  const canWrite = useCan('program.write');
  const [editing, setEditing] = useState<Editing | null>(null);
  const [importing, setImporting] = useState<string | null>(null);
  const close = () => setEditing(null);
  const withdraw = useWithdrawReason();
  const removeStructure = useRemoveStructure();
  const reasonFor = (lineId: string, objectiveId: string | null) =>
    reasons.data?.find(
      (r) =>
        r.lineId === lineId &&
        r.objectiveId === objectiveId &&
        r.periodStart <= period.from &&
        r.periodEnd >= period.to,
    );
  const stated = (line: Line, objective: Objective | null) => {
    const reason = reasonFor(line.id, objective?.id ?? null);
    if (!reason) return null;
    const label = objective ? `${line.number}.${objective.key}` : String(line.number);
    return (
      <Group gap="xs" wrap="nowrap" align="flex-start">
        <Text size="sm" c="dimmed" style={{ flex: 1 }}>
          {t('program.reasons.stated')}: {reason.reason}
        </Text>
        {canWrite && (
          <Button
            size="compact-xs"
            variant="subtle"
            aria-label={t('program.reasons.editFor', { label })}
            onClick={() =>
              setEditing({
                what: 'reason',
                unit: {
                  lineId: line.id,
                  objectiveId: objective?.id ?? null,
                  label,
                  title: objective?.title ?? line.title,
                },
                initial: reason.reason,
              })
            }
          >
            {t('common.edit')}
          </Button>
        )}
        {canWrite && (
          <Button
            size="compact-xs"
            variant="outline"
            color="red.9"
            aria-label={t('program.reasons.withdrawFor', { label })}
            onClick={() => setEditing({ what: 'withdrawReason', reasonId: reason.id, label })}
          >
            {t('program.reasons.withdraw')}
          </Button>
        )}
      </Group>
    );
  };
  const targets = (line: Line, objective: Objective | null, list: Target[]) =>
    list.map((target) => (
      <TargetProgress
        key={target.id}
        target={target}
        onEdit={canWrite ? () => setEditing({ what: 'target', line, objective, target }) : undefined}
        onDelete={canWrite ? () => setEditing({ what: 'deleteTarget', target }) : undefined}
      />
    ));
  const addTarget = (line: Line, objective: Objective | null, label: string) =>
    canWrite && (
      <Button
        size="compact-xs"
        variant="subtle"
        leftSection={<IconPlus size={12} aria-hidden />}
        aria-label={t('program.structure.newTarget', { label })}
        onClick={() => setEditing({ what: 'target', line, objective, target: null })}
      >
        {t('program.structure.addTarget')}
      </Button>
    );

  return (
    <>
      <PageHeader
        title={t('program.tree.title')}
        description={t('program.tree.description')}
        actions={
          <Group gap="xs" align="flex-end">
            {periodSelect}
            <Select
              label={t('program.tree.program')}
              data={(programs.data ?? []).map((p) => ({ value: p.id, label: p.name }))}
              value={chosen}
              onChange={setProgramId}
              allowDeselect={false}
            />
            {canWrite && (
              <Button
                variant="default"
                leftSection={<IconPlus size={16} aria-hidden />}
                onClick={() => setEditing({ what: 'program', program: null })}
              >
                {t('program.structure.newProgram')}
              </Button>
            )}
            {canWrite && chosen && (
              <Button
                variant="default"
                leftSection={<IconUpload size={16} aria-hidden />}
                onClick={() => setImporting(chosen)}
              >
                {t('files.import')}
              </Button>
            )}
          </Group>
        }
      />
      {importing && (
        <ImportPlanModal
          title={t('importPlan.program.title')}
          help={t('importPlan.program.help')}
          recordHeader={t('importPlan.program.record')}
          template={downloadProgramTemplate}
          preview={(file) => previewProgramImport(importing, file)}
          commit={(file) => importProgramFile(importing, file)}
          invalidate={[PROGRAM_KEY]}
          onClose={() => setImporting(null)}
        />
      )}
      {unexplained.data && unexplained.data.length > 0 && (
        <Alert
          color="red"
          mb="md"
          icon={<IconAlertTriangle aria-hidden />}
          title={t('program.reasons.missingTitle', { count: unexplained.data.length })}
        >
          <Stack gap={4}>
            <Text size="sm">{t('program.reasons.missingHelp')}</Text>
            {unexplained.data.map((u) => (
              <Group key={`${u.lineId}-${u.objectiveId}`} gap="xs" wrap="nowrap">
                <Badge variant="outline">{u.label}</Badge>
                <Text size="sm" lineClamp={1} style={{ flex: 1 }}>
                  {u.title}
                </Text>
                {canWrite && (
                  <Button
                    size="xs"
                    variant="light"
                    aria-label={t('program.reasons.stateOne', { label: u.label })}
                    onClick={() => setEditing({ what: 'reason', unit: u })}
                  >
                    {t('program.reasons.state')}
                  </Button>
                )}
              </Group>
            ))}
          </Stack>
        </Alert>
      )}
      {unexplained.data?.length === 0 && (
        <Alert color="green" mb="md" icon={<IconCheck aria-hidden />}>
          {t('program.reasons.allExplained')}
        </Alert>
      )}
      {programs.isPending || (chosen && tree.isPending) ? (
        <Center py="xl">
          <Loader aria-label={t('common.loading')} />
        </Center>
      ) : programs.isError ? (
        <QueryError error={programs.error} onRetry={() => void programs.refetch()} />
      ) : tree.isError ? (
        <QueryError error={tree.error} onRetry={() => void tree.refetch()} />
      ) : !tree.data ? (
        <Text c="dimmed">{t('program.tree.none')}</Text>
      ) : (
        <Stack>
          <Group justify="space-between" align="center">
            <Text size="sm" c="dimmed">
              {tree.data.approvedBy
                ? t('program.tree.approvedBy', {
                    agreement: tree.data.approvedBy,
                    date: tree.data.approvedOn ? formatDay(tree.data.approvedOn) : '—',
                  })
                : t('program.tree.notApproved')}
            </Text>
            {canWrite && (
              <Group gap="xs">
                <Button
                  variant="default"
                  size="xs"
                  leftSection={<IconPencil size={14} aria-hidden />}
                  onClick={() => setEditing({ what: 'program', program: tree.data })}
                >
                  {t('program.structure.editProgram')}
                </Button>
                <Button
                  size="xs"
                  leftSection={<IconPlus size={14} aria-hidden />}
                  onClick={() => setEditing({ what: 'line', line: null })}
                >
                  {t('program.structure.newLine')}
                </Button>
              </Group>
            )}
          </Group>
          {tree.data.lines.length === 0 && <Text c="dimmed">{t('program.structure.noLines')}</Text>}
          {tree.data.lines.map((line) => (
            <Card withBorder key={line.id} component="section" aria-labelledby={`line-${line.id}`}>
              <Group justify="space-between" align="flex-start" wrap="nowrap">
                <Title order={2} size="h4" id={`line-${line.id}`}>
                  {line.number}. {line.title}
                </Title>
                {canWrite && (
                  <Group gap={4} wrap="nowrap" style={{ flexShrink: 0 }}>
                    <Button
                      size="compact-xs"
                      variant="subtle"
                      leftSection={<IconPencil size={12} aria-hidden />}
                      aria-label={t('program.structure.editLine', { number: line.number })}
                      onClick={() => setEditing({ what: 'line', line })}
                    >
                      {t('common.edit')}
                    </Button>
                    <Button
                      size="compact-xs"
                      variant="subtle"
                      leftSection={<IconPlus size={12} aria-hidden />}
                      aria-label={t('program.structure.newObjective', { number: line.number })}
                      onClick={() => setEditing({ what: 'objective', line, objective: null })}
                    >
                      {t('program.structure.addObjective')}
                    </Button>
                    {addTarget(line, null, String(line.number))}
                    <ActionIcon
                      size="sm"
                      variant="subtle"
                      color="red.9"
                      aria-label={t('program.structure.deleteLine', { number: line.number })}
                      onClick={() => (removeStructure.reset(), setEditing({ what: 'deleteLine', line }))}
                    >
                      <IconTrash size={14} aria-hidden />
                    </ActionIcon>
                  </Group>
                )}
              </Group>
              {line.description && (
                <Text size="sm" c="dimmed">
                  {line.description}
                </Text>
              )}
              {targets(line, null, line.targets)}
              {!line.objectives.length && stated(line, null)}
              <Stack gap="sm" mt="sm">
                {line.objectives.map((o) => (
                  <Stack
                    key={o.id}
                    gap={4}
                    pl="md"
                    style={{ borderLeft: '3px solid var(--mantine-color-gray-3)' }}
                  >
                    <Group justify="space-between" align="flex-start" wrap="nowrap">
                      <Text size="sm" fw={600}>
                        {o.key}) {o.title}
                      </Text>
                      {canWrite && (
                        <Group gap={4} wrap="nowrap" style={{ flexShrink: 0 }}>
                          <Button
                            size="compact-xs"
                            variant="subtle"
                            leftSection={<IconPencil size={12} aria-hidden />}
                            aria-label={t('program.structure.editObjective', {
                              label: `${line.number}.${o.key}`,
                            })}
                            onClick={() => setEditing({ what: 'objective', line, objective: o })}
                          >
                            {t('common.edit')}
                          </Button>
                          {addTarget(line, o, `${line.number}.${o.key}`)}
                          <ActionIcon
                            size="sm"
                            variant="subtle"
                            color="red.9"
                            aria-label={t('program.structure.deleteObjective', {
                              label: `${line.number}.${o.key}`,
                            })}
                            onClick={() => (
                              removeStructure.reset(),
                              setEditing({ what: 'deleteObjective', line, objective: o })
                            )}
                          >
                            <IconTrash size={14} aria-hidden />
                          </ActionIcon>
                        </Group>
                      )}
                    </Group>
                    {targets(line, o, o.targets)}
                    {stated(line, o)}
                  </Stack>
                ))}
              </Stack>
            </Card>
          ))}
        </Stack>
      )}
      {editing?.what === 'program' && (
        <ProgramFormModal
          program={editing.program}
          onClose={close}
          onSaved={(saved) => setProgramId(saved.id)}
        />
      )}
      {editing?.what === 'line' && tree.data && (
        <LineFormModal
          programId={tree.data.id}
          line={editing.line}
          nextNumber={nextLineNumber(tree.data.lines)}
          onClose={close}
        />
      )}
      {editing?.what === 'objective' && (
        <ObjectiveFormModal line={editing.line} objective={editing.objective} onClose={close} />
      )}
      {editing?.what === 'target' && tree.data && (
        <TargetFormModal
          year={tree.data.year}
          line={editing.line}
          objective={editing.objective}
          target={editing.target}
          onClose={close}
        />
      )}
      {editing?.what === 'deleteTarget' && <DeleteTargetModal target={editing.target} onClose={close} />}
      {editing?.what === 'deleteLine' && (
        <ConfirmModal
          title={t('program.structure.deleteLine', { number: editing.line.number })}
          message={t('program.structure.deleteLineConfirm', {
            number: editing.line.number,
            title: editing.line.title,
          })}
          confirm={t('common.delete')}
          mutation={removeStructure}
          onConfirm={() => removeStructure.mutate({ line: editing.line.id }, { onSuccess: close })}
          onClose={close}
        />
      )}
      {editing?.what === 'deleteObjective' && (
        <ConfirmModal
          title={t('program.structure.deleteObjective', {
            label: `${editing.line.number}.${editing.objective.key}`,
          })}
          message={t('program.structure.deleteObjectiveConfirm', {
            label: `${editing.line.number}.${editing.objective.key}`,
            title: editing.objective.title,
          })}
          confirm={t('common.delete')}
          mutation={removeStructure}
          onConfirm={() => removeStructure.mutate({ objective: editing.objective.id }, { onSuccess: close })}
          onClose={close}
        />
      )}
      {editing?.what === 'withdrawReason' && (
        <ConfirmModal
          title={t('program.reasons.withdraw')}
          message={t('program.reasons.withdrawConfirm', { label: editing.label })}
          confirm={t('program.reasons.withdraw')}
          mutation={withdraw}
          onConfirm={() => withdraw.mutate(editing.reasonId, { onSuccess: close })}
          onClose={close}
        />
      )}
      {editing?.what === 'reason' && (
        <ReasonModal unit={editing.unit} period={period} initial={editing.initial} onClose={close} />
      )}
    </>
  );
}
