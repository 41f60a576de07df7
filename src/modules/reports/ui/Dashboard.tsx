import '@mantine/charts/styles.css';
import { BarChart } from '@mantine/charts';
import {
  Anchor,
  Badge,
  Card,
  Group,
  List,
  Loader,
  RingProgress,
  SimpleGrid,
  Stack,
  Table,
  Text,
  Title,
} from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { api } from '@/web/shared/api/client';
import { QueryError } from '@/web/shared/ui/QueryError';
import type { QueueItem } from '@/modules/channel/routing-contract';
import type { Dashboard } from '../contract';

function Figure({ label, value, color }: { label: string; value: number; color?: string }) {
  return (
    <Card withBorder padding="md" radius="md">
      <Text size="sm" c="dimmed">
        {label}
      </Text>
      <Text fw={700} fz={28} c={color}>
        {value}
      </Text>
    </Card>
  );
}

/** Councillors and liaison staff: the current quarter at a glance, from the records the report uses. */
export function PeriodDashboard() {
  const { t } = useTranslation();
  const q = useQuery({
    queryKey: ['reports', 'dashboard'],
    queryFn: () => api.get<Dashboard>('/api/dashboard'),
  });
  if (q.isPending) return <Loader aria-label={t('common.loading')} />;
  if (q.error) return <QueryError error={q.error} onRetry={() => q.refetch()} />;
  const d = q.data;
  const sessions = d.bodies.reduce((s, b) => s + b.sessions, 0);
  const agreements = d.bodies.reduce((s, b) => s + b.agreements, 0);
  const ch = d.channel;
  const open = ch ? ch.pending + ch.inProcess : 0;
  return (
    <Stack gap="md" component="section" aria-labelledby="dashboard-title">
      <Title order={2} size="h4" id="dashboard-title">
        {t('dashboard.period', { label: d.label })}
      </Title>
      <SimpleGrid cols={{ base: 2, sm: 4 }} spacing="sm">
        <Figure label={t('dashboard.sessions')} value={sessions} />
        <Figure label={t('dashboard.agreements')} value={agreements} />
        <Figure label={t('dashboard.pending')} value={ch?.pending ?? 0} />
        <Figure
          label={t('dashboard.overdue')}
          value={ch?.overdue ?? 0}
          color={ch?.overdue ? 'red.8' : undefined}
        />
      </SimpleGrid>
      <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md">
        {ch && (
          <Card withBorder padding="md" radius="md">
            <Text fw={600} mb="xs" id="chart-title">
              {t('dashboard.foliosByMonth')}
            </Text>
            <BarChart
              h={220}
              data={ch.byMonth}
              dataKey="label"
              series={[
                { name: 'followUp', label: t('dashboard.followUp'), color: 'guinda.6' },
                { name: 'consultation', label: t('dashboard.consultation'), color: 'gray.6' },
              ]}
              withLegend
            />
            <Table mt="sm" fz="sm" aria-label={t('dashboard.foliosByMonth')}>
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
                    <Table.Td>{m.label}</Table.Td>
                    <Table.Td>{m.followUp}</Table.Td>
                    <Table.Td>{m.consultation}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Card>
        )}
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
          {ch && open > 0 && (
            <Group mt="md" gap="md">
              <RingProgress
                size={90}
                thickness={10}
                sections={[
                  { value: (ch.pending / open) * 100, color: 'orange.7' },
                  { value: (ch.inProcess / open) * 100, color: 'gray.5' },
                ]}
              />
              <Text size="sm">{t('dashboard.ring', { pending: ch.pending, open })}</Text>
            </Group>
          )}
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
                  <Badge size="sm" variant="light" color="orange">
                    {i.effectiveEnd}
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

/** Area staff: the folios routed to their areas and their internal deadlines. */
export function AreaQueue() {
  const { t } = useTranslation();
  const q = useQuery({
    queryKey: ['channel', 'my-routings', 'home'],
    queryFn: () =>
      api.get<{ items: QueueItem[]; total: number }>('/api/channel/my-routings', {
        state: 'open',
        pageSize: 20,
      }),
  });
  if (q.isPending) return <Loader aria-label={t('common.loading')} />;
  if (q.error) return <QueryError error={q.error} onRetry={() => q.refetch()} />;
  const items = q.data.items;
  const overdue = items.filter((i) => i.overdue).length;
  return (
    <Stack gap="md" component="section" aria-labelledby="queue-title">
      <Title order={2} size="h4" id="queue-title">
        {t('dashboard.queue', { count: q.data.total })}
      </Title>
      <SimpleGrid cols={{ base: 2, sm: 3 }} spacing="sm">
        <Figure label={t('dashboard.queueOpen')} value={q.data.total} />
        <Figure label={t('dashboard.overdue')} value={overdue} color={overdue ? 'red.8' : undefined} />
        <Figure label={t('dashboard.dueSoon')} value={items.filter((i) => i.dueSoon).length} />
      </SimpleGrid>
      {items.length > 0 && (
        <Table.ScrollContainer minWidth={500}>
          <Table>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('dashboard.folio')}</Table.Th>
                <Table.Th>{t('dashboard.subject')}</Table.Th>
                <Table.Th>{t('dashboard.due')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {items.map((i) => (
                <Table.Tr key={i.id}>
                  <Table.Td>{i.folioSummary.folio}</Table.Td>
                  <Table.Td>{i.folioSummary.subject}</Table.Td>
                  <Table.Td>
                    {i.internalDueOn ?? '—'}{' '}
                    {i.overdue && (
                      <Badge color="red" size="sm">
                        {t('dashboard.late')}
                      </Badge>
                    )}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
    </Stack>
  );
}
