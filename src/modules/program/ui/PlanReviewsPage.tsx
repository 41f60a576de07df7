import {
  Anchor,
  Button,
  Center,
  Group,
  Loader,
  Modal,
  Select,
  Stack,
  Table,
  Text,
  Textarea,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { IconPlus } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { PlanReview, ProgramTree } from '../contract';
import type { FieldProblem } from '@/shared/errors';
import { applyFieldErrors } from '@/web/shared/api/form-errors';
import { formatDay } from '@/web/shared/lib/format';
import { useCan } from '@/web/shared/session/session';
import { DayInput } from '@/web/shared/ui/DayInput';
import { FormErrorAlert } from '@/web/shared/ui/FormErrorAlert';
import { PageHeader } from '@/web/shared/ui/PageHeader';
import { QueryError } from '@/web/shared/ui/QueryError';
import { notifySuccess } from '@/web/shared/ui/errors';
import { usePlanReviews, usePrograms, useProgramTree, useRecordPlanReview } from './api';
import { objectiveOptions } from './ActivityFormModal';
import { useProgramPeriod } from './use-program-period';
import { withPeriod } from '@/web/shared/lib/use-period';

// The reviews of the INE's electoral process plan (the report's SSPELO): dated entries with what
// changed and to whom it was reported. The weekly calendars of INE sessions are a publication
// series (Publicaciones), linked from here.

/** Records a review; the system, objective and recipients of the last review are proposed again. */
function PlanReviewModal({
  last,
  tree,
  onClose,
}: {
  last: PlanReview | undefined;
  tree: ProgramTree | undefined;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const record = useRecordPlanReview();
  const [unplaced, setUnplaced] = useState<FieldProblem[]>([]);
  const options = objectiveOptions(tree);
  const lastScope = last ? (last.objectiveId ? `o:${last.objectiveId}` : `l:${last.lineId}`) : null;
  const form = useForm({
    initialValues: {
      objectiveId: lastScope && options.some((o) => o.value === lastScope) ? lastScope : null,
      system: last?.system ?? '',
      reviewedOn: null as string | null,
      changes: '',
      informedTo: last?.informedTo ?? '',
    },
  });
  return (
    <Modal opened onClose={onClose} title={t('program.planReviews.record')} size="lg">
      <form
        noValidate
        onSubmit={form.onSubmit((v) => {
          const [scope, scopeId] = (v.objectiveId ?? ':').split(':');
          record.mutate(
            {
              ...(scope === 'o' ? { objectiveId: scopeId } : scope === 'l' ? { lineId: scopeId } : {}),
              system: v.system,
              reviewedOn: v.reviewedOn ?? '',
              changes: v.changes,
              informedTo: v.informedTo.trim() || null,
            },
            {
              onSuccess: () => {
                notifySuccess(t('program.planReviews.saved'));
                onClose();
              },
              onError: (e) => setUnplaced(applyFieldErrors(form, e, { lineId: 'objectiveId' })),
            },
          );
        })}
      >
        <Stack>
          <FormErrorAlert error={record.error} unplaced={unplaced} />
          <Select
            label={t('program.activities.objective')}
            withAsterisk
            searchable
            data={options}
            comboboxProps={{ withinPortal: true }}
            {...form.getInputProps('objectiveId')}
          />
          <Textarea
            label={t('program.planReviews.system')}
            description={t('program.planReviews.systemHelp')}
            withAsterisk
            autosize
            {...form.getInputProps('system')}
          />
          <DayInput
            label={t('program.planReviews.reviewedOn')}
            withAsterisk
            {...form.getInputProps('reviewedOn')}
          />
          <Textarea
            label={t('program.planReviews.changes')}
            withAsterisk
            autosize
            minRows={3}
            {...form.getInputProps('changes')}
          />
          <Textarea
            label={t('program.planReviews.informedTo')}
            autosize
            {...form.getInputProps('informedTo')}
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={record.isPending}>
              {t('common.saveChanges')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}

export default withPeriod(PlanReviewsPage);

function PlanReviewsPage() {
  const { t } = useTranslation();
  const { period, periodSelect } = useProgramPeriod();
  const reviews = usePlanReviews(period);
  const programs = usePrograms();
  const programId = programs.data?.find((p) => String(p.year) === period.from.slice(0, 4))?.id ?? null;
  const tree = useProgramTree(programId);
  const canWrite = useCan('program.write');
  const [recording, setRecording] = useState(false);
  return (
    <>
      <PageHeader
        title={t('program.planReviews.title')}
        description={t('program.planReviews.description')}
        actions={
          <Group gap="xs" align="flex-end">
            {periodSelect}
            {canWrite && (
              <Button leftSection={<IconPlus size={16} aria-hidden />} onClick={() => setRecording(true)}>
                {t('program.planReviews.record')}
              </Button>
            )}
          </Group>
        }
      />
      <Text size="sm" mb="md">
        {t('program.planReviews.calendarsNote')}{' '}
        <Anchor component={Link} underline="always" to={`/programa/publicaciones?periodo=${period.value}`}>
          {t('program.planReviews.calendarsLink')}
        </Anchor>
      </Text>
      {reviews.isPending ? (
        <Center py="xl">
          <Loader aria-label={t('common.loading')} />
        </Center>
      ) : reviews.isError ? (
        <QueryError error={reviews.error} onRetry={() => void reviews.refetch()} />
      ) : reviews.data.length === 0 ? (
        <Text c="dimmed">{t('program.planReviews.empty')}</Text>
      ) : (
        <Stack gap="xs">
          <Text size="sm" c="dimmed">
            {t('program.planReviews.count', { count: reviews.data.length })}
          </Text>
          <Table.ScrollContainer minWidth={700}>
            <Table striped aria-label={t('program.planReviews.title')}>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('program.planReviews.reviewedOn')}</Table.Th>
                  <Table.Th>{t('program.planReviews.system')}</Table.Th>
                  <Table.Th>{t('program.planReviews.changes')}</Table.Th>
                  <Table.Th>{t('program.planReviews.informedTo')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {reviews.data.map((r) => (
                  <Table.Tr key={r.id}>
                    <Table.Td style={{ whiteSpace: 'nowrap' }}>{formatDay(r.reviewedOn)}</Table.Td>
                    <Table.Td>
                      <Text size="sm" lineClamp={2}>
                        {r.system}
                      </Text>
                    </Table.Td>
                    <Table.Td>{r.changes}</Table.Td>
                    <Table.Td>
                      <Text size="sm" lineClamp={2}>
                        {r.informedTo ?? '—'}
                      </Text>
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        </Stack>
      )}
      {recording && (
        <PlanReviewModal last={reviews.data?.at(-1)} tree={tree.data} onClose={() => setRecording(false)} />
      )}
    </>
  );
}
