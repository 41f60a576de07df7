import { Group, Paper, Select, SimpleGrid, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { formatMonth } from '@/shared/spanish-dates';
import { CHANNEL_MODULES, FOLIO_STATUSES, type ChannelModule } from '../contract-folio-status';
import { formatNumber } from '@/web/shared/lib/format';
import { useListParams } from '@/web/shared/lib/use-list-params';
import { useKnownPeriod, withPeriod } from '@/web/shared/lib/use-period';
import { DayInput } from '@/web/shared/ui/DayInput';
import { PageHeader } from '@/web/shared/ui/PageHeader';
import { QueryError } from '@/web/shared/ui/QueryError';
import { useMonthlyTable } from './api';
import { StatisticsCharts } from './StatisticsCharts';
import channelStrings from 'virtual:lazy-strings/channel';
import { addLazyStrings } from '@/web/i18n/all';

// This module's wording loads with it, not with the signed-in frame (issue 18).
addLazyStrings(channelStrings);

const FILTERS = ['modulo', 'desde', 'hasta', 'al'] as const;

/** Folios received per month by their status as of a day: the annex tables of the report. */
export default withPeriod(StatisticsPage);

function StatisticsPage() {
  const { t } = useTranslation();
  const list = useListParams(FILTERS);
  const module = (list.filters.modulo ?? 'follow_up') as ChannelModule;
  // Without dates of its own, the page shows the app's chosen quarter (the latest with records).
  const { period } = useKnownPeriod();
  const from = list.filters.desde ?? period.from;
  const to = list.filters.hasta ?? period.to;
  const asOf = list.filters.al ?? to;
  const table = useMonthlyTable(from <= to ? { module, from, to, asOf } : null);
  const label = (month: string) => formatMonth(Number(month.slice(0, 4)), Number(month.slice(5, 7)));

  return (
    <>
      <PageHeader title={t('channel.statistics')} description={t('channel.statisticsDescription')} />
      <Paper withBorder p="md">
        <Group align="flex-end" mb="md" gap="sm">
          <Select
            label={t('channel.module')}
            data={CHANNEL_MODULES.map((m) => ({ value: m, label: t(`channel.modules.${m}`) }))}
            value={module}
            allowDeselect={false}
            onChange={(v) => list.setFilter('modulo', v)}
            w={240}
          />
          <DayInput
            invalid="clear"
            label={t('channel.periodFrom')}
            value={from}
            onChange={(v) => list.setFilter('desde', v)}
            w={160}
          />
          <DayInput
            invalid="clear"
            label={t('channel.periodTo')}
            value={to}
            onChange={(v) => list.setFilter('hasta', v)}
            w={160}
          />
          <DayInput
            invalid="clear"
            label={t('channel.asOf')}
            value={asOf}
            onChange={(v) => list.setFilter('al', v)}
            w={160}
          />
        </Group>
        {table.isError && <QueryError error={table.error} onRetry={() => void table.refetch()} />}
        {table.data && (
          <>
            <Table.ScrollContainer minWidth={700}>
              <Table striped withTableBorder>
                <Table.Caption>
                  {t('channel.tableCaption', { module: t(`channel.modules.${module}`) })}
                </Table.Caption>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>{t('channel.monthOfReceipt')}</Table.Th>
                    {FOLIO_STATUSES.map((s) => (
                      <Table.Th key={s} ta="right">
                        {t(`channel.status.${s}`)}
                      </Table.Th>
                    ))}
                    <Table.Th ta="right">{t('channel.total')}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {table.data.months.map((m) => (
                    <Table.Tr key={m.month}>
                      <Table.Td>{label(m.month)}</Table.Td>
                      {FOLIO_STATUSES.map((s) => (
                        <Table.Td key={s} ta="right">
                          {formatNumber(m[s])}
                        </Table.Td>
                      ))}
                      <Table.Td ta="right" fw={600}>
                        {formatNumber(m.total)}
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
                <Table.Tfoot>
                  <Table.Tr>
                    <Table.Th>{t('channel.total')}</Table.Th>
                    {FOLIO_STATUSES.map((s) => (
                      <Table.Th key={s} ta="right">
                        {formatNumber(table.data.totals[s])}
                      </Table.Th>
                    ))}
                    <Table.Th ta="right">{formatNumber(table.data.totals.total)}</Table.Th>
                  </Table.Tr>
                </Table.Tfoot>
              </Table>
            </Table.ScrollContainer>
            {module === 'follow_up' && (
              <SimpleGrid cols={2} mt="md" maw={480}>
                <Text size="sm">
                  {t('channel.natures.for_information')}:{' '}
                  <b>{formatNumber(table.data.byNature.for_information)}</b>
                </Text>
                <Text size="sm">
                  {t('channel.natures.for_attention')}:{' '}
                  <b>{formatNumber(table.data.byNature.for_attention)}</b>
                </Text>
              </SimpleGrid>
            )}
          </>
        )}
      </Paper>
      {from <= to && <StatisticsCharts module={module} from={from} to={to} asOf={asOf} />}
    </>
  );
}
