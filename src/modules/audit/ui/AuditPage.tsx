import { Button, Group, Paper, Select, Table, Text, VisuallyHidden } from '@mantine/core';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { IconEye } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Page } from '@/shared/paging';
import type { AuditEntry, AuditFacets } from '../contract';
import { api } from '@/web/shared/api/client';
import { formatDateTime } from '@/web/shared/lib/format';
import { useListParams } from '@/web/shared/lib/use-list-params';
import { DayInput } from '@/web/shared/ui/DayInput';
import { ListFooter } from '@/web/shared/ui/ListFooter';
import { PageHeader } from '@/web/shared/ui/PageHeader';
import { QueryError } from '@/web/shared/ui/QueryError';
import { AuditDetailModal } from './AuditDetailModal';

const PAGE_SIZE = 50;
const FILTERS = ['accion', 'entidad', 'desde', 'hasta'] as const;

export default function AuditPage() {
  const { t } = useTranslation();
  const list = useListParams(FILTERS);
  const actionLabels: Record<string, string> = t('audit.actions', { returnObjects: true });
  const entityLabels: Record<string, string> = t('audit.entities', { returnObjects: true });
  const query = {
    action: list.filters.accion ?? undefined,
    entityType: list.filters.entidad ?? undefined,
    from: list.filters.desde ?? undefined,
    to: list.filters.hasta ?? undefined,
    page: list.page,
    pageSize: PAGE_SIZE,
  };
  const entries = useQuery({
    queryKey: ['audit', query],
    queryFn: () => api.get<Page<AuditEntry>>('/api/audit', query),
    placeholderData: keepPreviousData,
  });
  // The filters offer what the trail actually holds, labelled when a translation exists.
  const facets = useQuery({
    queryKey: ['audit', 'facets'],
    queryFn: () => api.get<AuditFacets>('/api/audit/facets'),
  });
  const [selected, setSelected] = useState<AuditEntry | null>(null);
  const actionLabel = (a: string) => actionLabels[a] ?? a;
  const entityLabel = (e: string) => entityLabels[e] ?? e;

  return (
    <>
      <PageHeader title={t('audit.title')} description={t('audit.description')} />
      <Paper withBorder p="md">
        <Group align="flex-end" mb="md" gap="sm">
          <Select
            label={t('audit.action')}
            placeholder={t('common.all')}
            data={(facets.data?.actions ?? []).map((value) => ({ value, label: actionLabel(value) }))}
            searchable
            clearable
            nothingFoundMessage={t('common.nothingFound')}
            value={list.filters.accion}
            onChange={(v) => list.setFilter('accion', v)}
            w={280}
          />
          <Select
            label={t('audit.entity')}
            placeholder={t('common.all')}
            data={(facets.data?.entityTypes ?? []).map((value) => ({ value, label: entityLabel(value) }))}
            clearable
            value={list.filters.entidad}
            onChange={(v) => list.setFilter('entidad', v)}
            w={200}
          />
          <DayInput
            label={t('audit.from')}
            clearable
            value={list.filters.desde}
            onChange={(v) => list.setFilter('desde', v)}
            maxDate={list.filters.hasta ?? undefined}
            w={170}
          />
          <DayInput
            label={t('audit.to')}
            clearable
            value={list.filters.hasta}
            onChange={(v) => list.setFilter('hasta', v)}
            minDate={list.filters.desde ?? undefined}
            w={170}
          />
        </Group>
        {entries.isError ? (
          <QueryError error={entries.error} onRetry={() => void entries.refetch()} />
        ) : (
          <Table.ScrollContainer minWidth={820}>
            <Table>
              <Table.Caption className="sr-caption">{t('audit.caption')}</Table.Caption>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th w={80}>{t('audit.seq')}</Table.Th>
                  <Table.Th>{t('audit.when')}</Table.Th>
                  <Table.Th>{t('audit.who')}</Table.Th>
                  <Table.Th>{t('audit.action')}</Table.Th>
                  <Table.Th>{t('audit.entity')}</Table.Th>
                  <Table.Th>
                    <VisuallyHidden>{t('common.actions')}</VisuallyHidden>
                  </Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {entries.data?.items.map((e) => (
                  <Table.Tr key={e.seq}>
                    <Table.Td ff="monospace" fz="sm">
                      {e.seq}
                    </Table.Td>
                    <Table.Td>{formatDateTime(e.occurredAt)}</Table.Td>
                    <Table.Td>{e.actorLabel}</Table.Td>
                    <Table.Td>{actionLabel(e.action)}</Table.Td>
                    <Table.Td>{entityLabel(e.entityType)}</Table.Td>
                    <Table.Td ta="right">
                      <Button
                        size="xs"
                        variant="subtle"
                        leftSection={<IconEye size={14} aria-hidden />}
                        aria-label={t('audit.viewNamed', { seq: e.seq })}
                        onClick={() => setSelected(e)}
                      >
                        {t('audit.view')}
                      </Button>
                    </Table.Td>
                  </Table.Tr>
                ))}
                {entries.data?.items.length === 0 && (
                  <Table.Tr>
                    <Table.Td colSpan={6}>
                      <Text c="dimmed" ta="center" py="md">
                        {t('list.empty')}
                      </Text>
                    </Table.Td>
                  </Table.Tr>
                )}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
        {entries.data && (
          <ListFooter
            page={list.page}
            pageSize={PAGE_SIZE}
            total={entries.data.total}
            onPage={list.setPage}
          />
        )}
      </Paper>
      {selected && (
        <AuditDetailModal
          entry={selected}
          actionLabel={actionLabel(selected.action)}
          entityLabel={entityLabel(selected.entityType)}
          onClose={() => setSelected(null)}
        />
      )}
    </>
  );
}
