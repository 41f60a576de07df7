import {
  Anchor,
  Badge,
  Card,
  Group,
  List,
  Loader,
  Progress,
  SimpleGrid,
  Stack,
  Table,
  Text,
  Title,
} from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { usePeriod } from '@/web/shared/lib/use-period';
import { formatDay, formatNumber } from '@/web/shared/lib/format';
import { SimpleBarChart } from '@/web/shared/ui/SimpleBarChart';
import { QueryError } from '@/web/shared/ui/QueryError';
import { useDashboard, useOpenAreaQueue } from './dashboard-api';

function Figure({ label, value, color }: { label: string; value: number; color?: string }) {
  return (
    <Card withBorder padding="md" radius="md">
      <Text size="sm" c="dimmed">
        {label}
      </Text>
      <Text fw={700} fz={28} c={color}>
        {formatNumber(value)}
      </Text>
    </Card>
  );
}

/**
 * A chart and the same figures as a table: the chart is decoration for sighted users (hidden from
 * assistive technology and inert, so its SVG takes no focus), the table is what screen readers
 * and keyboard users read.
 */
function ChartCard({ title, chart, table }: { title: string; chart: ReactNode; table: ReactNode }) {
  return (
    <Card withBorder padding="md" radius="md">
      <Text fw={600} mb="xs">
        {title}
      </Text>
      <div aria-hidden inert>
        {chart}
      </div>
      {table}
    </Card>
  );
}

/** Councillors and liaison staff: a quarter at a glance, from the records the report uses. */
export function PeriodDashboard() {
  const { t } = useTranslation();
  const { period, periodSelect: picker } = usePeriod({ label: t('dashboard.quarter'), width: 260 });
  const q = useDashboard(period);
  if (q.isPending) return <Loader aria-label={t('common.loading')} />;
  if (q.error) return <QueryError error={q.error} onRetry={() => q.refetch()} />;
  const d = q.data;
  const sessions = d.bodies.reduce((s, b) => s + b.sessions, 0);
  const agreements = d.bodies.reduce((s, b) => s + b.agreements, 0);
  const ch = d.channel;
  return (
    <Stack gap="md" component="section" aria-labelledby="dashboard-title">
      <Group justify="space-between" align="flex-end">
        <Title order={2} size="h4" id="dashboard-title">
          {t('dashboard.period', { label: d.label })}
        </Title>
        {picker}
      </Group>
      <SimpleGrid cols={{ base: 2, sm: 4, lg: 7 }} spacing="sm">
        <Figure label={t('dashboard.sessions')} value={sessions} />
        <Figure label={t('dashboard.agreements')} value={agreements} />
        <Figure label={t('dashboard.pending')} value={ch?.pending ?? 0} />
        <Figure
          label={t('dashboard.overdue')}
          value={ch?.overdue ?? 0}
          color={ch?.overdue ? 'red.8' : undefined}
        />
        <Figure
          label={t('dashboard.overdueMonths')}
          value={ch?.overdueMonths ?? 0}
          color={ch?.overdueMonths ? 'red.8' : undefined}
        />
        <Figure label={t('dashboard.inProcess')} value={ch?.inProcess ?? 0} />
        <Figure
          label={t('dashboard.expiringCount')}
          value={d.instrumentsExpiring.length}
          color={d.instrumentsExpiring.length ? 'orange.9' : undefined}
        />
      </SimpleGrid>
      <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md">
        {ch && (
          <ChartCard
            title={t('dashboard.foliosByMonth')}
            chart={
              <SimpleBarChart
                layout="columns"
                h={220}
                data={ch.byMonth}
                dataKey="label"
                series={[
                  { name: 'followUp', label: t('dashboard.followUp'), color: 'guinda.6' },
                  { name: 'consultation', label: t('dashboard.consultation'), color: 'gray.6' },
                ]}
              />
            }
            table={
              <Table mt="sm" fz="sm">
                <Table.Caption>{t('dashboard.foliosByMonth')}</Table.Caption>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>{t('dashboard.month')}</Table.Th>
                    <Table.Th>{t('dashboard.followUp')}</Table.Th>
                    <Table.Th>{t('dashboard.consultation')}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {ch.byMonth.map((m) => (
                    <Table.Tr key={m.month}>
                      <Table.Th scope="row" fw={400}>
                        {m.label}
                      </Table.Th>
                      <Table.Td>{formatNumber(m.followUp)}</Table.Td>
                      <Table.Td>{formatNumber(m.consultation)}</Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            }
          />
        )}
        {d.programLines.length > 0 && (
          <ChartCard
            title={t('dashboard.program')}
            chart={
              <SimpleBarChart
                layout="stacked-rows"
                data={d.programLines.map((l) => ({
                  line: t('dashboard.lineShort', { number: l.number }),
                  withActivity: l.objectivesWithActivity,
                  without: l.objectives - l.objectivesWithActivity,
                }))}
                dataKey="line"
                labelWidth={70}
                series={[
                  { name: 'withActivity', label: t('dashboard.withActivity'), color: 'teal.7' },
                  { name: 'without', label: t('dashboard.withoutActivity'), color: 'gray.4' },
                ]}
              />
            }
            table={
              // Narrow cell padding: at 390 px the three columns' longest words just fit the card.
              <Table mt="sm" fz="sm" horizontalSpacing={6}>
                <Table.Caption>{t('dashboard.program')}</Table.Caption>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>{t('dashboard.line')}</Table.Th>
                    <Table.Th>{t('dashboard.objectivesCovered')}</Table.Th>
                    <Table.Th>{t('dashboard.activities')}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {d.programLines.map((l) => (
                    <Table.Tr key={l.number}>
                      <Table.Th scope="row" fw={400}>
                        {l.number}. {l.title}
                      </Table.Th>
                      <Table.Td>
                        {t('dashboard.ofObjectives', {
                          count: l.objectivesWithActivity,
                          total: l.objectives,
                        })}
                      </Table.Td>
                      <Table.Td>{formatNumber(l.activities)}</Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            }
          />
        )}
        <Card withBorder padding="md" radius="md">
          <Text fw={600} mb="xs">
            {t('dashboard.targets')}
          </Text>
          {d.targets.length ? (
            <Stack gap="sm">
              {d.targets.map((target) => (
                <Stack key={target.id} gap={2}>
                  <Group justify="space-between" gap="xs" wrap="nowrap">
                    <Text size="sm">
                      {target.label}: {target.description}
                    </Text>
                    <Badge
                      color={target.met ? 'green' : 'gray'}
                      c="dark"
                      variant="light"
                      style={{ flexShrink: 0 }}
                    >
                      {t('dashboard.targetCount', {
                        count: target.count,
                        minimum: target.minimum,
                        unit: target.unit,
                      })}
                    </Badge>
                  </Group>
                  <Progress
                    value={target.percent}
                    color={target.met ? 'green' : 'blue'}
                    aria-label={t('dashboard.targetProgress', {
                      what: target.description,
                      percent: Math.round(target.percent),
                    })}
                  />
                </Stack>
              ))}
            </Stack>
          ) : (
            <Text size="sm" c="dimmed">
              {t('dashboard.noTargets')}
            </Text>
          )}
        </Card>
        <Card withBorder padding="md" radius="md">
          <Text fw={600} mb="xs">
            {t('dashboard.bodies')}
          </Text>
          <Stack gap="xs">
            {d.bodies.map((b) => (
              <Group key={b.id} justify="space-between">
                <Anchor component={Link} to={`/gobierno/organos/${b.id}`}>
                  {b.acronym}
                </Anchor>
                <Text size="sm">
                  {t('dashboard.bodyLine', { sessions: b.sessions, agreements: b.agreements })}
                </Text>
              </Group>
            ))}
          </Stack>
          <Text size="sm" mt="md">
            <Anchor component={Link} to="/informes">
              {t('dashboard.reports', { drafts: d.reports.drafts, approved: d.reports.approved })}
            </Anchor>
          </Text>
        </Card>
        <Card withBorder padding="md" radius="md">
          <Text fw={600} mb="xs">
            {t('dashboard.upcoming')}
          </Text>
          {d.upcomingSessions.length ? (
            <List size="sm" spacing={4}>
              {d.upcomingSessions.map((s) => (
                <List.Item key={s.id}>
                  <Anchor component={Link} to={`/gobierno/sesiones/${s.id}`}>
                    {s.bodyAcronym}: {s.name}
                  </Anchor>{' '}
                  — {s.heldOnText}
                </List.Item>
              ))}
            </List>
          ) : (
            <Text size="sm" c="dimmed">
              {t('dashboard.noUpcoming')}
            </Text>
          )}
          <Text fw={600} mt="md" mb="xs">
            {t('dashboard.upcomingActivities')}
          </Text>
          {d.upcomingActivities.length ? (
            <List size="sm" spacing={4}>
              {d.upcomingActivities.map((a) => (
                <List.Item key={a.id}>
                  {a.label} · {a.title} — {a.datesText}
                </List.Item>
              ))}
            </List>
          ) : (
            <Text size="sm" c="dimmed">
              {t('dashboard.noUpcomingActivities')}
            </Text>
          )}
        </Card>
        <Card withBorder padding="md" radius="md">
          <Text fw={600} mb="xs">
            {t('dashboard.expiring')}
          </Text>
          {d.instrumentsExpiring.length ? (
            <List size="sm" spacing={4}>
              {d.instrumentsExpiring.map((i) => (
                <List.Item key={i.id}>
                  <Anchor component={Link} to={`/convenios/instrumentos/${i.id}`}>
                    {i.title}
                  </Anchor>{' '}
                  <Badge size="sm" color="yellow" c="dark">
                    {formatDay(i.effectiveEnd)}
                  </Badge>
                </List.Item>
              ))}
            </List>
          ) : (
            <Text size="sm" c="dimmed">
              {t('dashboard.noExpiring')}
            </Text>
          )}
        </Card>
      </SimpleGrid>
    </Stack>
  );
}

/** Area staff: the folios routed to their areas, with the internal deadline and the folio's own. */
export function AreaQueue() {
  const { t } = useTranslation();
  const q = useOpenAreaQueue();
  if (q.isPending) return <Loader aria-label={t('common.loading')} />;
  if (q.error) return <QueryError error={q.error} onRetry={() => q.refetch()} />;
  const items = q.data.items;
  const overdue = items.filter((i) => i.overdue).length;
  const dueSoon = items.filter((i) => i.dueSoon).length;
  return (
    <Stack gap="md" component="section" aria-labelledby="queue-title">
      <Title order={2} size="h4" id="queue-title">
        {t('dashboard.queue', { count: q.data.total })}
      </Title>
      <SimpleGrid cols={{ base: 2, sm: 3 }} spacing="sm">
        <Figure label={t('dashboard.queueOpen')} value={q.data.total} />
        <Figure label={t('dashboard.overdue')} value={overdue} color={overdue ? 'red.8' : undefined} />
        <Figure label={t('dashboard.dueSoon')} value={dueSoon} color={dueSoon ? 'orange.9' : undefined} />
      </SimpleGrid>
      {q.data.total > items.length && (
        <Text size="sm" c="dimmed">
          {t('dashboard.queueFirst', { count: items.length })}
        </Text>
      )}
      {items.length > 0 ? (
        <Table.ScrollContainer minWidth={640}>
          <Table>
            <Table.Caption>{t('dashboard.queueCaption')}</Table.Caption>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('dashboard.folio')}</Table.Th>
                <Table.Th>{t('dashboard.area')}</Table.Th>
                <Table.Th>{t('dashboard.subject')}</Table.Th>
                <Table.Th>{t('dashboard.due')}</Table.Th>
                <Table.Th>{t('dashboard.folioDue')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {items.map((i) => (
                <Table.Tr key={i.id}>
                  <Table.Td>
                    <Anchor component={Link} to={`/canal/turnos/${i.id}`}>
                      {i.folioSummary.folio}
                    </Anchor>
                  </Table.Td>
                  <Table.Td>{i.area.acronym ?? i.area.name}</Table.Td>
                  <Table.Td>{i.folioSummary.subject}</Table.Td>
                  <Table.Td>
                    {i.internalDueOn ? formatDay(i.internalDueOn) : '—'}{' '}
                    {i.overdue ? (
                      <Badge color="red.9" size="sm">
                        {t('dashboard.late')}
                      </Badge>
                    ) : (
                      i.dueSoon && (
                        <Badge color="yellow" c="dark" size="sm">
                          {t('dashboard.soon')}
                        </Badge>
                      )
                    )}
                  </Table.Td>
                  <Table.Td>{i.folioSummary.dueOn ? formatDay(i.folioSummary.dueOn) : '—'}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      ) : (
        <Text size="sm" c="dimmed">
          {t('dashboard.queueEmpty')}
        </Text>
      )}
    </Stack>
  );
}
