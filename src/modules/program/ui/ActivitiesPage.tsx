import { Badge, Button, Center, Group, Loader, Select, Table, Text } from '@mantine/core';
import { IconDownload, IconPencil, IconPlus, IconSettings } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Activity } from '../contract';
import { useListParams } from '@/web/shared/lib/use-list-params';
import { useCan } from '@/web/shared/session/session';
import { ListFooter } from '@/web/shared/ui/ListFooter';
import { PageHeader } from '@/web/shared/ui/PageHeader';
import { QueryError } from '@/web/shared/ui/QueryError';
import { SearchInput } from '@/web/shared/ui/SearchInput';
import { exportActivities, useActivities, useActivityKinds, usePrograms, useProgramTree } from './api';
import { ActivityKindsModal } from './ActivityKindsModal';
import { Evidence } from './Evidence';
import { ActivityFormModal, objectiveOptions } from './ActivityFormModal';
import { useProgramPeriod } from './use-program-period';
import { withPeriod } from '@/web/shared/lib/use-period';
import programStrings from 'virtual:lazy-strings/program';
import { addLazyStrings } from '@/web/i18n/all';

// This module's wording loads with it, not with the signed-in frame (issue 18).
addLazyStrings(programStrings);

const FILTERS = ['objetivo', 'tipo'] as const;

/** What a tour or a mission adds to a row: route and agenda, or who invited, where and which election. */
function ActivityDetails({ activity: a }: { activity: Activity }) {
  const { t } = useTranslation();
  const lead = a.participants.filter((p) => p.role === 'lead').map((p) => p.fullName);
  const lines = [
    a.route.length ? t('program.activities.routeLine', { route: a.route.join(' → ') }) : null,
    lead.length ? t('program.activities.leadLine', { names: lead.join(', ') }) : null,
    a.partners.length ? t('program.activities.partnersLine', { partners: a.partners.join('; ') }) : null,
    a.agenda.length ? t('program.activities.agendaLine', { count: a.agenda.length }) : null,
    a.invitingInstitution ? t('program.activities.invitedBy', { name: a.invitingInstitution.name }) : null,
    a.country || a.election ? [a.country, a.election].filter(Boolean).join(' · ') : null,
  ].filter((l): l is string => !!l);
  return lines.map((l) => (
    <Text key={l} size="xs" c="dimmed">
      {l}
    </Text>
  ));
}

const PAGE_SIZE = 25;

export default withPeriod(ActivitiesPage);

function ActivitiesPage() {
  const { t } = useTranslation();
  const list = useListParams(FILTERS);
  const { period, periodSelect } = useProgramPeriod();
  const programs = usePrograms();
  const programId = programs.data?.find((p) => String(p.year) === period.from.slice(0, 4))?.id ?? null;
  const tree = useProgramTree(programId);
  const kinds = useActivityKinds();
  const canWrite = useCan('program.write');
  const canExport = useCan('program.export');
  const canAdmin = useCan('program.admin');
  const [managingKinds, setManagingKinds] = useState(false);
  const [editing, setEditing] = useState<Activity | 'new' | null>(null);
  const scope = list.filters.objetivo ?? '';
  const filters = {
    objectiveId: scope.startsWith('o:') ? scope.slice(2) : null,
    lineId: scope.startsWith('l:') ? scope.slice(2) : null,
    kind: list.filters.tipo,
    from: period.from,
    to: period.to,
    q: list.q || null,
  };
  const activities = useActivities({ ...filters, page: list.page, pageSize: PAGE_SIZE });
  const lineOptions = (tree.data?.lines ?? []).map((l) => ({
    value: `l:${l.id}`,
    label: `${t('program.activities.line')} ${l.number}`,
  }));

  return (
    <>
      <PageHeader
        title={t('program.activities.title')}
        description={t('program.activities.description')}
        actions={
          <>
            {canExport &&
              (['csv', 'xlsx'] as const).map((format) => (
                <Button
                  key={format}
                  variant="default"
                  leftSection={<IconDownload size={16} aria-hidden />}
                  onClick={() => void exportActivities(filters, format)}
                >
                  {t(`program.activities.export.${format}`)}
                </Button>
              ))}
            {canAdmin && (
              <Button
                variant="default"
                leftSection={<IconSettings size={16} aria-hidden />}
                onClick={() => setManagingKinds(true)}
              >
                {t('program.kinds.manage')}
              </Button>
            )}
            {canWrite && (
              <Button leftSection={<IconPlus size={16} aria-hidden />} onClick={() => setEditing('new')}>
                {t('program.activityForm.createTitle')}
              </Button>
            )}
          </>
        }
      />
      <Group mb="md" align="flex-end" gap="sm">
        {periodSelect}
        <Select
          label={t('program.activities.lineOrObjective')}
          clearable
          searchable
          data={[...lineOptions, ...objectiveOptions(tree.data).filter((o) => o.value.startsWith('o:'))]}
          value={list.filters.objetivo}
          onChange={(value) => list.setFilter('objetivo', value)}
          w={320}
        />
        <Select
          label={t('program.activities.kind')}
          clearable
          data={(kinds.data ?? []).map((k) => ({ value: k.code, label: k.name }))}
          value={list.filters.tipo}
          onChange={(value) => list.setFilter('tipo', value)}
        />
        <SearchInput value={list.q} onChange={list.setQ} label={t('program.activities.search')} />
      </Group>
      {activities.isPending ? (
        <Center py="xl">
          <Loader aria-label={t('common.loading')} />
        </Center>
      ) : activities.isError ? (
        <QueryError error={activities.error} onRetry={() => void activities.refetch()} />
      ) : (
        <>
          <Table.ScrollContainer minWidth={800}>
            <Table striped aria-label={t('program.activities.title')}>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('program.activities.objective')}</Table.Th>
                  <Table.Th>{t('program.activities.kind')}</Table.Th>
                  <Table.Th>{t('program.activities.titleField')}</Table.Th>
                  <Table.Th>{t('program.activities.dates')}</Table.Th>
                  <Table.Th>{t('program.activities.institutions')}</Table.Th>
                  <Table.Th>{t('program.activities.evidence')}</Table.Th>
                  {canWrite && <Table.Th>{t('common.actions')}</Table.Th>}
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {activities.data.items.map((a) => (
                  <Table.Tr key={a.id}>
                    <Table.Td>
                      <Badge variant="outline">
                        {a.objectiveKey ? `${a.lineNumber}.${a.objectiveKey}` : a.lineNumber}
                      </Badge>
                    </Table.Td>
                    <Table.Td>{a.kindName}</Table.Td>
                    <Table.Td>
                      <Text size="sm">{a.title}</Text>
                      {a.place && (
                        <Text size="xs" c="dimmed">
                          {a.place}
                        </Text>
                      )}
                      <ActivityDetails activity={a} />
                    </Table.Td>
                    <Table.Td>{a.datesText}</Table.Td>
                    <Table.Td>{a.institutions.map((i) => i.acronym ?? i.name).join(', ')}</Table.Td>
                    <Table.Td>
                      <Evidence activity={a} canWrite={canWrite} />
                    </Table.Td>
                    {canWrite && (
                      <Table.Td>
                        <Button
                          size="xs"
                          variant="subtle"
                          leftSection={<IconPencil size={14} aria-hidden />}
                          aria-label={t('program.activities.editOne', { title: a.title })}
                          onClick={() => setEditing(a)}
                        >
                          {t('common.edit')}
                        </Button>
                      </Table.Td>
                    )}
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
          {activities.data.items.length === 0 && (
            <Text c="dimmed" py="md">
              {t('program.activities.empty')}
            </Text>
          )}
          <ListFooter
            page={list.page}
            pageSize={PAGE_SIZE}
            total={activities.data.total}
            onPage={list.setPage}
          />
        </>
      )}
      {editing && (
        <ActivityFormModal
          activity={editing === 'new' ? null : editing}
          year={Number(period.from.slice(0, 4))}
          onClose={() => setEditing(null)}
        />
      )}
      {managingKinds && <ActivityKindsModal onClose={() => setManagingKinds(false)} />}
    </>
  );
}
