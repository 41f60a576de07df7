import { Alert, Anchor, Paper, SegmentedControl, Table, Text, Title } from '@mantine/core';
import { IconUserShare } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { formatDay } from '@/web/shared/lib/format';
import { useListParams } from '@/web/shared/lib/use-list-params';
import { ListFooter } from '@/web/shared/ui/ListFooter';
import { PageHeader } from '@/web/shared/ui/PageHeader';
import { QueryError } from '@/web/shared/ui/QueryError';
import { DueBadges, FolioStatusBadge } from './FolioStatusBadge';
import { InstructionQueuePanel } from './InstructionQueue';
import { RoutingStateBadge } from './RoutingPanel';
import { useMyRoutings } from './routing-api';
import { occurrenceActions } from '../occurrence-contract';
import { useMe } from '@/web/shared/session/session';
import { OccurrenceTable } from './ObligationsPanel';
import { useMyOccurrences } from './occurrence-api';
import channelStrings from 'virtual:lazy-strings/channel';
import { addLazyStrings } from '@/web/i18n/all';

// This module's wording loads with it, not with the signed-in frame (issue 18).
addLazyStrings(channelStrings);

const PAGE_SIZE = 25;
const FILTERS = ['turnos'] as const;

/** "Mis turnos": the folios routed to the areas of an area-staff user. */
export default function MyRoutingsPage() {
  const { t } = useTranslation();
  const list = useListParams(FILTERS);
  const state = (list.filters.turnos ?? 'open') as 'open' | 'closed' | 'all';
  const queue = useMyRoutings({ state, page: list.page, pageSize: PAGE_SIZE });
  const me = useMe();

  return (
    <>
      <PageHeader title={t('channel.queue.title')} description={t('channel.queue.description')} />
      {me.data?.actingFor.map((a) => (
        <Alert key={a.userId} color="blue" mb="md" icon={<IconUserShare size={18} aria-hidden />}>
          {t('channel.queue.actingFor', { names: a.name, until: formatDay(a.endsOn) })}
        </Alert>
      ))}
      <InstructionQueuePanel />
      <Paper withBorder p="md">
        <SegmentedControl
          mb="md"
          aria-label={t('channel.queue.show')}
          value={state}
          onChange={(v) => list.setFilter('turnos', v === 'open' ? null : v)}
          data={[
            { value: 'open', label: t('channel.queue.open') },
            { value: 'closed', label: t('channel.queue.closed') },
            { value: 'all', label: t('common.all') },
          ]}
        />
        {queue.isError ? (
          <QueryError error={queue.error} onRetry={() => void queue.refetch()} />
        ) : (
          <Table.ScrollContainer minWidth={900}>
            <Table>
              <Table.Caption className="sr-caption">{t('channel.queue.caption')}</Table.Caption>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('channel.folio')}</Table.Th>
                  <Table.Th>{t('channel.subject')}</Table.Th>
                  <Table.Th>{t('channel.routing.area')}</Table.Th>
                  <Table.Th>{t('channel.routing.internalDue')}</Table.Th>
                  <Table.Th>{t('channel.routing.state')}</Table.Th>
                  <Table.Th>{t('channel.statusLabel')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {queue.data?.items.map((r) => (
                  <Table.Tr key={r.id}>
                    <Table.Td>
                      <Anchor component={Link} to={`/canal/turnos/${r.id}`} fw={600}>
                        {r.folioSummary.folio}
                      </Anchor>
                      <Text size="xs" c="dimmed">
                        {t(`channel.modules.${r.folioSummary.module}`)}
                      </Text>
                    </Table.Td>
                    <Table.Td maw={420}>
                      <Text size="sm" lineClamp={2}>
                        {r.folioSummary.subject}
                      </Text>
                      <Text size="xs" c="dimmed">
                        {t(`channel.routing.roles.${r.role}`)}
                      </Text>
                      {/* Beside the subject, not the area: in sight on a phone, where the table scrolls. */}
                      {r.actingFor && (
                        <Text size="xs" c="blue.9" fw={600}>
                          {t('channel.queue.onBehalfOf', { name: r.actingFor.name })}
                        </Text>
                      )}
                    </Table.Td>
                    <Table.Td>{r.area.name}</Table.Td>
                    <Table.Td>
                      {r.internalDueOn ? formatDay(r.internalDueOn) : '—'}
                      <DueBadges folio={r} />
                    </Table.Td>
                    <Table.Td>
                      <RoutingStateBadge state={r.state} />
                    </Table.Td>
                    <Table.Td>
                      <FolioStatusBadge status={r.folioSummary.status} />
                      <DueBadges folio={r.folioSummary} />
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
        {queue.data?.total === 0 && (
          <Text c="dimmed" mt="sm">
            {t('channel.queue.empty')}
          </Text>
        )}
        {queue.data && (
          <ListFooter page={list.page} pageSize={PAGE_SIZE} total={queue.data.total} onPage={list.setPage} />
        )}
      </Paper>
      <MyMonths state={state} />
    </>
  );
}

/** The months of the recurring obligations the user's areas answer, with the same filter. */
function MyMonths({ state }: { state: 'open' | 'closed' | 'all' }) {
  const { t } = useTranslation();
  const me = useMe();
  const months = useMyOccurrences(state);
  if (!me.data) return null;
  const person = { organizationId: me.data.organization.id, roles: me.data.roles, areaIds: me.data.areaIds };
  // The queue holds only months of the user's own organization, which answers them.
  const sides = { localOrgId: person.organizationId, nationalOrgId: null };
  return (
    <Paper withBorder p="md" mt="md">
      <Title order={2} size="h4" mb="md">
        {t('channel.months.queueTitle')}
      </Title>
      {months.isError ? (
        <QueryError error={months.error} onRetry={() => void months.refetch()} />
      ) : (
        <OccurrenceTable
          caption={t('channel.months.queueCaption')}
          rows={months.data ?? []}
          folioOf={(o) => ({
            ...o.folio,
            area: o.actingFor
              ? `${o.obligation.area.name} · ${t('channel.queue.onBehalfOf', { name: o.actingFor.name })}`
              : o.obligation.area.name,
          })}
          actionsFor={(o) =>
            // A month answered for an absent person is answered as that person's area would.
            occurrenceActions(
              o,
              sides,
              o.actingFor ? { ...person, areaIds: [o.obligation.area.id], roles: ['area_staff'] } : person,
              o.obligation.area.id,
            ).filter((e) => e === 'answer')
          }
        />
      )}
      {months.data?.length === 0 && (
        <Text c="dimmed" mt="sm">
          {t('channel.months.queueEmpty')}
        </Text>
      )}
    </Paper>
  );
}
