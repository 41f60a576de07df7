import { Group, Paper, Select, Stack, Table, Text, Textarea, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { InstitutionSelect } from '@/modules/directory/ui/InstitutionSelect';
import { useAreaOptions } from '@/modules/directory/ui/api';
import { AccompanimentInputSchema } from '../contract';
import { FormBody } from '@/web/shared/form/FormBody';
import { useSaveForm } from '@/web/shared/form/use-save-form';
import { formatDay, formatNumber } from '@/web/shared/lib/format';
import { useListParams } from '@/web/shared/lib/use-list-params';
import { useCan } from '@/web/shared/session/session';
import { DayInput } from '@/web/shared/ui/DayInput';
import { PageHeader } from '@/web/shared/ui/PageHeader';
import { QueryError } from '@/web/shared/ui/QueryError';
import { AGREEMENTS_KEY, listAccompaniments, recordAccompaniment, useInstruments } from './api';
import agreementsStrings from 'virtual:lazy-strings/agreements';
import { addLazyStrings } from '@/web/i18n/all';

// This module's wording loads with it, not with the signed-in frame (issue 18).
addLazyStrings(agreementsStrings);

const FILTERS = ['desde', 'hasta'] as const;
const isDay = (v: string | null) => (v && /^\d{4}-\d{2}-\d{2}$/.test(v) ? v : undefined);

/**
 * Accompaniment of negotiations: the activities of a period with their counts (the report's "seven
 * activities with three institutions"), and the form liaison staff record a new one with.
 */
export default function AccompanimentPage() {
  const { t } = useTranslation();
  const canWrite = useCan('agreements.write');
  const list = useListParams(FILTERS);
  const from = isDay(list.filters.desde);
  const to = isDay(list.filters.hasta);
  const activities = useQuery({
    queryKey: [...AGREEMENTS_KEY, 'accompaniments', from, to],
    queryFn: () => listAccompaniments({ from, to }),
  });
  return (
    <>
      <PageHeader
        title={t('agreements.accompaniment.title')}
        description={t('agreements.accompaniment.description')}
      />
      <Stack gap="md">
        {canWrite && <RecordActivity />}
        <Paper withBorder p="md">
          <Group align="flex-end" gap="sm" mb="md">
            <DayInput
              invalid="clear"
              label={t('agreements.accompaniment.from')}
              clearable
              value={from ?? null}
              onChange={(v) => list.setFilter('desde', v)}
              w={170}
            />
            <DayInput
              invalid="clear"
              label={t('agreements.accompaniment.to')}
              clearable
              value={to ?? null}
              onChange={(v) => list.setFilter('hasta', v)}
              w={170}
            />
          </Group>
          {activities.isError && (
            <QueryError error={activities.error} onRetry={() => void activities.refetch()} />
          )}
          {activities.data && (
            <>
              <Text size="sm" mb="sm" aria-live="polite">
                {t('agreements.accompaniment.counts', {
                  activities: formatNumber(activities.data.activities),
                  institutions: formatNumber(activities.data.institutions),
                })}
              </Text>
              <Table.ScrollContainer minWidth={800}>
                <Table>
                  <Table.Caption className="sr-caption">
                    {t('agreements.accompaniment.caption')}
                  </Table.Caption>
                  <Table.Thead>
                    <Table.Tr>
                      <Table.Th>{t('agreements.accompaniment.date')}</Table.Th>
                      <Table.Th>{t('agreements.accompaniment.area')}</Table.Th>
                      <Table.Th>{t('agreements.accompaniment.institution')}</Table.Th>
                      <Table.Th>{t('agreements.accompaniment.what')}</Table.Th>
                    </Table.Tr>
                  </Table.Thead>
                  <Table.Tbody>
                    {activities.data.items.map((a) => (
                      <Table.Tr key={a.id}>
                        <Table.Td>{formatDay(a.occurredOn)}</Table.Td>
                        <Table.Td>{a.areaName}</Table.Td>
                        <Table.Td>{a.institutionName}</Table.Td>
                        <Table.Td>{a.description}</Table.Td>
                      </Table.Tr>
                    ))}
                  </Table.Tbody>
                </Table>
              </Table.ScrollContainer>
            </>
          )}
        </Paper>
      </Stack>
    </>
  );
}

function RecordActivity() {
  const { t } = useTranslation();
  const areas = useAreaOptions();
  const negotiating = useInstruments({ status: ['negotiation', 'signature'], pageSize: 200 });
  const f = useSaveForm({
    initialValues: {
      occurredOn: null as string | null,
      areaId: null as string | null,
      institutionId: null as string | null,
      instrumentId: null as string | null,
      description: '',
    },
    schema: AccompanimentInputSchema,
    toInput: (v) => ({
      occurredOn: v.occurredOn ?? '',
      areaId: v.areaId ?? '',
      institutionId: v.institutionId ?? '',
      instrumentId: v.instrumentId,
      description: v.description.trim(),
    }),
    save: recordAccompaniment,
    invalidate: [AGREEMENTS_KEY],
    saved: () => t('agreements.accompaniment.saved'),
    onSaved: () => f.form.setFieldValue('description', ''),
  });
  return (
    <Paper withBorder p="md">
      <Title order={2} size="h4" mb="xs">
        {t('agreements.accompaniment.record')}
      </Title>
      <FormBody form={f} submitLabel={t('agreements.accompaniment.save')}>
        <Group align="flex-start" gap="sm">
          <DayInput
            label={t('agreements.accompaniment.date')}
            withAsterisk
            w={{ base: '100%', xs: 170 }}
            {...f.form.getInputProps('occurredOn')}
          />
          <Select
            label={t('agreements.accompaniment.area')}
            withAsterisk
            data={areas.data ?? []}
            searchable
            w={{ base: '100%', xs: 300 }}
            {...f.form.getInputProps('areaId')}
          />
          <InstitutionSelect
            label={t('agreements.accompaniment.institution')}
            withAsterisk
            w={{ base: '100%', xs: 280 }}
            {...f.form.getInputProps('institutionId')}
          />
          <Select
            label={t('agreements.accompaniment.instrument')}
            data={(negotiating.data?.items ?? []).map((i) => ({ value: i.id, label: i.title }))}
            searchable
            clearable
            w={{ base: '100%', xs: 360 }}
            {...f.form.getInputProps('instrumentId')}
          />
        </Group>
        <Textarea
          label={t('agreements.accompaniment.what')}
          withAsterisk
          autosize
          minRows={2}
          {...f.text('description')}
        />
      </FormBody>
    </Paper>
  );
}
