import {
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
  Textarea,
  Title,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { IconAlertTriangle, IconCheck } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Target, UnexplainedObjective } from '../contract';
import { applyFieldErrors } from '@/web/shared/api/form-errors';
import type { FieldProblem } from '@/shared/errors';
import { formatDay } from '@/web/shared/lib/format';
import { useCan } from '@/web/shared/session/session';
import { FormErrorAlert } from '@/web/shared/ui/FormErrorAlert';
import { PageHeader } from '@/web/shared/ui/PageHeader';
import { QueryError } from '@/web/shared/ui/QueryError';
import { usePrograms, useProgramTree, useReasons, useStateReason, useUnexplained } from './api';
import { useProgramPeriod } from './use-program-period';

function TargetProgress({ target }: { target: Target }) {
  const { t } = useTranslation();
  const { count, minimum, percent, met } = target.progress;
  return (
    <Stack gap={2}>
      <Group justify="space-between" gap="xs" wrap="nowrap">
        <Text size="sm">{target.description}</Text>
        <Badge color={met ? 'green' : 'gray'} variant="light" style={{ flexShrink: 0 }}>
          {t('program.tree.count', { count, minimum, unit: target.unit })}
        </Badge>
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

function ReasonModal({
  unit,
  period,
  onClose,
}: {
  unit: UnexplainedObjective;
  period: { from: string; to: string };
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const save = useStateReason();
  const [unplaced, setUnplaced] = useState<FieldProblem[]>([]);
  const form = useForm({ initialValues: { reason: '' } });
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
            { onSuccess: onClose, onError: (e) => setUnplaced(applyFieldErrors(form, e)) },
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

export default function ProgramPage() {
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
  const [stating, setStating] = useState<UnexplainedObjective | null>(null);
  const reasonFor = (lineId: string, objectiveId: string | null) =>
    reasons.data?.find(
      (r) =>
        r.lineId === lineId &&
        r.objectiveId === objectiveId &&
        r.periodStart <= period.from &&
        r.periodEnd >= period.to,
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
          </Group>
        }
      />
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
                  <Button size="xs" variant="light" onClick={() => setStating(u)}>
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
          <Text size="sm" c="dimmed">
            {tree.data.approvedBy
              ? t('program.tree.approvedBy', {
                  agreement: tree.data.approvedBy,
                  date: tree.data.approvedOn ? formatDay(tree.data.approvedOn) : '—',
                })
              : t('program.tree.notApproved')}
          </Text>
          {tree.data.lines.map((line) => (
            <Card withBorder key={line.id} component="section" aria-labelledby={`line-${line.id}`}>
              <Title order={2} size="h4" id={`line-${line.id}`}>
                {line.number}. {line.title}
              </Title>
              {line.targets.map((target) => (
                <TargetProgress key={target.id} target={target} />
              ))}
              {!line.objectives.length && reasonFor(line.id, null) && (
                <Text size="sm" c="dimmed" mt="xs">
                  {t('program.reasons.stated')}: {reasonFor(line.id, null)!.reason}
                </Text>
              )}
              <Stack gap="sm" mt="sm">
                {line.objectives.map((o) => (
                  <Stack
                    key={o.id}
                    gap={4}
                    pl="md"
                    style={{ borderLeft: '3px solid var(--mantine-color-gray-3)' }}
                  >
                    <Text size="sm" fw={600}>
                      {o.key}) {o.title}
                    </Text>
                    {o.targets.map((target) => (
                      <TargetProgress key={target.id} target={target} />
                    ))}
                    {reasonFor(line.id, o.id) && (
                      <Text size="sm" c="dimmed">
                        {t('program.reasons.stated')}: {reasonFor(line.id, o.id)!.reason}
                      </Text>
                    )}
                  </Stack>
                ))}
              </Stack>
            </Card>
          ))}
        </Stack>
      )}
      {stating && <ReasonModal unit={stating} period={period} onClose={() => setStating(null)} />}
    </>
  );
}
