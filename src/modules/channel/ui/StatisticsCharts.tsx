import '@mantine/charts/styles.css';
import { BarChart, DonutChart } from '@mantine/charts';
import { Paper, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { ChannelStatistics } from '../contract-reports';
import { FOLIO_STATUSES } from '../contract-folio-status';
import { formatNumber } from '@/web/shared/lib/format';
import { QueryError } from '@/web/shared/ui/QueryError';
import type { StatisticsPeriod } from './api';
import { useStatistics } from './report-api';
import channelStrings from 'virtual:lazy-strings/channel';
import channelReportsStrings from 'virtual:lazy-strings/channelReports';
import { addLazyStrings } from '@/web/i18n/all';

// These sections' wording loads with this module, not with the signed-in frame (issue 18).
addLazyStrings(channelStrings);
addLazyStrings(channelReportsStrings);

type Row = { label: string; value: number };

/**
 * A chart and, next to it, the same figures as a table: the chart is decoration for sighted
 * users (hidden from assistive technology), the table is what screen readers and keyboard users get.
 */
function ChartWithTable(props: { title: string; rows: Row[]; kind?: 'bar' | 'donut'; unit?: string }) {
  const { t } = useTranslation();
  const data = props.rows.map((r) => ({ label: r.label, value: r.value }));
  const colors = ['blue.6', 'orange.6', 'gray.6', 'teal.6', 'grape.6', 'cyan.6', 'red.6', 'lime.6'];
  return (
    <Paper withBorder p="md">
      <Title order={3} size="h5" mb="sm">
        {props.title}
      </Title>
      {props.rows.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('channelReports.noData')}
        </Text>
      ) : (
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
          {/* inert: the chart is decoration beside its table, so its SVG must not take focus either. */}
          <div aria-hidden inert>
            {props.kind === 'donut' ? (
              <DonutChart
                data={data.map((d, i) => ({
                  name: d.label,
                  value: d.value,
                  color: colors[i % colors.length]!,
                }))}
                withTooltip
                size={160}
                thickness={28}
              />
            ) : (
              <BarChart
                h={Math.max(120, data.length * 36)}
                data={data}
                dataKey="label"
                orientation="vertical"
                yAxisProps={{ width: 150 }}
                series={[{ name: 'value', label: props.unit ?? t('channelReports.folios'), color: 'blue.6' }]}
              />
            )}
          </div>
          <Table withTableBorder striped fz="sm">
            <Table.Caption>{props.title}</Table.Caption>
            <Table.Tbody>
              {props.rows.map((r) => (
                <Table.Tr key={r.label}>
                  <Table.Th scope="row" fw={400}>
                    {r.label}
                  </Table.Th>
                  <Table.Td ta="right">{formatNumber(r.value)}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </SimpleGrid>
      )}
    </Paper>
  );
}

function days(x: number | null) {
  return x === null ? '—' : x.toLocaleString('es-MX', { maximumFractionDigits: 1 });
}

/** Status, type, nature and area of the period's folios, response times and overdue counts. */
export function StatisticsCharts(props: StatisticsPeriod) {
  const { t } = useTranslation();
  const stats = useStatistics(props.from <= props.to ? props : null);
  if (stats.isError) return <QueryError error={stats.error} onRetry={() => void stats.refetch()} />;
  const s: ChannelStatistics | undefined = stats.data;
  if (!s) return null;
  const rt = s.responseTimes;
  return (
    <Stack mt="lg" gap="md">
      <Title order={2} size="h4">
        {t('channelReports.summaryTitle', { count: s.received })}
      </Title>
      <SimpleGrid cols={{ base: 1, lg: 2 }} spacing="md">
        <ChartWithTable
          title={t('channelReports.byStatus')}
          rows={FOLIO_STATUSES.map((st) => ({ label: t(`channel.status.${st}`), value: s.byStatus[st] }))}
        />
        <ChartWithTable
          title={t('channelReports.byType')}
          rows={s.byType.map((x) => ({ label: t(`channelReports.types.${x.documentType}`), value: x.count }))}
        />
        <ChartWithTable
          title={t('channelReports.byNature')}
          kind="donut"
          rows={(['for_information', 'for_attention'] as const)
            .filter((n) => s.byNature[n] > 0)
            .map((n) => ({ label: t(`channel.natures.${n}`), value: s.byNature[n] }))}
        />
        <ChartWithTable
          title={t('channelReports.byArea')}
          rows={s.byArea.map((a) => ({ label: a.name, value: a.responsible + a.informed }))}
        />
      </SimpleGrid>
      <Paper withBorder p="md">
        <Title order={3} size="h5" mb="sm">
          {t('channelReports.times')}
        </Title>
        <Table withTableBorder fz="sm" maw={720}>
          <Table.Caption>{t('channelReports.timesCaption', { count: rt.answered })}</Table.Caption>
          <Table.Thead>
            <Table.Tr>
              <Table.Th />
              <Table.Th ta="right">{t('channelReports.median')}</Table.Th>
              <Table.Th ta="right">{t('channelReports.p90')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            <Table.Tr>
              <Table.Th scope="row">{t('channelReports.businessDays')}</Table.Th>
              <Table.Td ta="right">{days(rt.businessDays.median)}</Table.Td>
              <Table.Td ta="right">{days(rt.businessDays.p90)}</Table.Td>
            </Table.Tr>
            <Table.Tr>
              <Table.Th scope="row">{t('channelReports.naturalDays')}</Table.Th>
              <Table.Td ta="right">{days(rt.naturalDays.median)}</Table.Td>
              <Table.Td ta="right">{days(rt.naturalDays.p90)}</Table.Td>
            </Table.Tr>
          </Table.Tbody>
        </Table>
        <SimpleGrid cols={{ base: 1, sm: 3 }} mt="md" maw={720}>
          <Text size="sm">
            {t('channelReports.overdueOpen')}: <b>{formatNumber(s.overdue.open)}</b>
          </Text>
          <Text size="sm">
            {t('channelReports.answeredLate')}: <b>{formatNumber(s.overdue.answeredLate)}</b>
          </Text>
          <Text size="sm">
            {t('channelReports.answeredOnTime')}: <b>{formatNumber(s.overdue.answeredOnTime)}</b>
          </Text>
        </SimpleGrid>
      </Paper>
    </Stack>
  );
}
