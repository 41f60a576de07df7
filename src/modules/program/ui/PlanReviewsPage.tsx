import { Anchor, Button, Center, Group, Loader, Select, Stack, Table, Text, Textarea } from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { PlanReviewInputSchema, type PlanReview, type ProgramTree } from '../contract';
import { FormModal } from '@/web/shared/form/FormModal';
import { useSaveForm } from '@/web/shared/form/use-save-form';
import { formatDay } from '@/web/shared/lib/format';
import { useCan } from '@/web/shared/session/session';
import { DayInput } from '@/web/shared/ui/DayInput';
import { PageHeader } from '@/web/shared/ui/PageHeader';
import { QueryError } from '@/web/shared/ui/QueryError';
import { PROGRAM_KEY, recordPlanReview, usePlanReviews, usePrograms, useProgramTree } from './api';
import { objectiveOptions } from './ActivityFormModal';
import { useProgramPeriod } from './use-program-period';
import { withPeriod } from '@/web/shared/lib/use-period';
import programStrings from 'virtual:lazy-strings/program';
import { addLazyStrings } from '@/web/i18n/all';

// This module's wording loads with it, not with the signed-in frame (issue 18).
addLazyStrings(programStrings);

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
  const options = objectiveOptions(tree);
  const lastScope = last ? (last.objectiveId ? `o:${last.objectiveId}` : `l:${last.lineId}`) : null;
  const f = useSaveForm({
    initialValues: {
      objectiveId: lastScope && options.some((o) => o.value === lastScope) ? lastScope : null,
      system: last?.system ?? '',
      reviewedOn: null as string | null,
      changes: '',
      informedTo: last?.informedTo ?? '',
    },
    schema: PlanReviewInputSchema,
    toInput: (v) => {
      const [scope, scopeId] = (v.objectiveId ?? ':').split(':');
      return {
        ...(scope === 'o' ? { objectiveId: scopeId } : scope === 'l' ? { lineId: scopeId } : {}),
        system: v.system,
        reviewedOn: v.reviewedOn ?? '',
        changes: v.changes,
        informedTo: v.informedTo.trim() || null,
      };
    },
    save: recordPlanReview,
    invalidate: [PROGRAM_KEY],
    saved: () => t('program.planReviews.saved'),
    onSaved: onClose,
    aliases: { lineId: 'objectiveId' },
  });
  return (
    <FormModal
      form={f}
      onClose={onClose}
      title={t('program.planReviews.record')}
      submitLabel={t('common.saveChanges')}
    >
      <Select
        label={t('program.activities.objective')}
        withAsterisk
        searchable
        data={options}
        comboboxProps={{ withinPortal: true }}
        {...f.form.getInputProps('objectiveId')}
      />
      <Textarea
        label={t('program.planReviews.system')}
        withAsterisk
        autosize
        {...f.text('system', t('program.planReviews.systemHelp'))}
      />
      <DayInput
        label={t('program.planReviews.reviewedOn')}
        withAsterisk
        {...f.form.getInputProps('reviewedOn')}
      />
      <Textarea
        label={t('program.planReviews.changes')}
        withAsterisk
        autosize
        minRows={3}
        {...f.text('changes')}
      />
      <Textarea label={t('program.planReviews.informedTo')} autosize {...f.text('informedTo')} />
    </FormModal>
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
