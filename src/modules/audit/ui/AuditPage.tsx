import { ActionIcon, Anchor, Button, Group, Paper, Select, Stack, Text } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { IconEye } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import auditStrings from 'virtual:lazy-strings/audit';
import { recordPage, type AuditEntry } from '../contract';
import { formatDateTime } from '@/web/shared/lib/format';
import { useListParams } from '@/web/shared/lib/use-list-params';
import { DayInput } from '@/web/shared/ui/DayInput';
import { ListTable } from '@/web/shared/ui/ListTable';
import { PageHeader } from '@/web/shared/ui/PageHeader';
import { addLazyStrings } from '@/web/i18n/all';
import { AuditDetailModal } from './AuditDetailModal';
import { useAuditEntries, useAuditFacets } from './api';
import { actorText } from './actor-text';

// The trail's wording (every action and record type by its label: the largest section of the
// strings) travels with the page, not with every page of the app (vite.config.ts).
addLazyStrings(auditStrings);

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
  const entries = useAuditEntries(query);
  // The filters offer what the trail actually holds, labelled when a translation exists.
  const facets = useAuditFacets();
  const [selected, setSelected] = useState<AuditEntry | null>(null);
  const actionLabel = (a: string) => actionLabels[a] ?? a;
  const entityLabel = (e: string) => entityLabels[e] ?? e;
  const narrow = useMediaQuery('(max-width: 48em)');
  // The codes stay at hand for technicians, on hover.
  const actionCell = (e: AuditEntry) => (
    <Text span fz="sm" title={e.action}>
      {actionLabel(e.action)}
    </Text>
  );
  // The record's page, while the record exists.
  const entityCell = (e: AuditEntry, fz: 'sm' | 'xs') => {
    const page = recordPage(e);
    return page ? (
      <Anchor component={Link} to={page} fz={fz} title={t('audit.openRecord', { code: e.entityType })}>
        {entityLabel(e.entityType)}
      </Anchor>
    ) : (
      <Text span fz={fz} c={fz === 'xs' ? 'dimmed' : undefined} title={e.entityType}>
        {entityLabel(e.entityType)}
      </Text>
    );
  };

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
        <ListTable
          caption={t('audit.caption')}
          minWidth={narrow ? 300 : 820}
          query={entries}
          paging={{ page: list.page, pageSize: PAGE_SIZE, onPage: list.setPage }}
          columns={
            narrow
              ? // On a phone: what happened and to what, then when and who; no sideways scrolling.
                [
                  {
                    header: t('audit.action'),
                    cell: (e) => (
                      <Stack gap={2}>
                        {actionCell(e)}
                        {entityCell(e, 'xs')}
                      </Stack>
                    ),
                  },
                  {
                    header: t('audit.when'),
                    cell: (e) => (
                      <Stack gap={2}>
                        <Text fz="sm">{formatDateTime(e.occurredAt)}</Text>
                        <Text fz="xs" c="dimmed" style={{ overflowWrap: 'anywhere' }}>
                          {actorText(e, t)}
                        </Text>
                      </Stack>
                    ),
                  },
                  {
                    header: t('common.actions'),
                    hiddenHeader: true,
                    align: 'right',
                    width: 44,
                    cell: (e) => (
                      <ActionIcon
                        variant="subtle"
                        aria-label={t('audit.viewNamed', { seq: e.seq })}
                        onClick={() => setSelected(e)}
                      >
                        <IconEye size={18} aria-hidden />
                      </ActionIcon>
                    ),
                  },
                ]
              : [
                  {
                    header: t('audit.seq'),
                    width: 80,
                    cell: (e) => (
                      <Text ff="monospace" fz="sm">
                        {e.seq}
                      </Text>
                    ),
                  },
                  { header: t('audit.when'), cell: (e) => formatDateTime(e.occurredAt) },
                  { header: t('audit.who'), cell: (e) => actorText(e, t) },
                  { header: t('audit.action'), cell: actionCell },
                  { header: t('audit.entity'), cell: (e) => entityCell(e, 'sm') },
                  {
                    header: t('common.actions'),
                    hiddenHeader: true,
                    align: 'right',
                    cell: (e) => (
                      <Button
                        size="xs"
                        variant="subtle"
                        leftSection={<IconEye size={14} aria-hidden />}
                        aria-label={t('audit.viewNamed', { seq: e.seq })}
                        onClick={() => setSelected(e)}
                      >
                        {t('audit.view')}
                      </Button>
                    ),
                  },
                ]
          }
        />
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
