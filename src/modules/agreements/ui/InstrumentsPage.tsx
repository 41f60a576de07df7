import {
  ActionIcon,
  Anchor,
  Box,
  Button,
  Group,
  MultiSelect,
  NumberInput,
  Paper,
  SegmentedControl,
  Select,
  Stack,
  Table,
  Text,
} from '@mantine/core';
import { IconChevronDown, IconChevronRight, IconDownload, IconPlus, IconUpload } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import {
  INSTRUMENT_STATUSES,
  type Instrument,
  type InstrumentFilters,
  type InstrumentStatus,
} from '../contract';
import { InstitutionSelect } from '@/modules/directory/ui/InstitutionSelect';
import { useAreaOptions } from '@/modules/directory/ui/api';
import { formatDay } from '@/web/shared/lib/format';
import { useListParams } from '@/web/shared/lib/use-list-params';
import { useCan } from '@/web/shared/session/session';
import { DayInput } from '@/web/shared/ui/DayInput';
import { notifyError } from '@/web/shared/ui/errors';
import { ListFooter } from '@/web/shared/ui/ListFooter';
import { PageHeader } from '@/web/shared/ui/PageHeader';
import { QueryError } from '@/web/shared/ui/QueryError';
import { SearchInput } from '@/web/shared/ui/SearchInput';
import { ImportPlanModal } from '@/web/shared/ui/ImportPlanModal';
import {
  AGREEMENTS_KEY,
  downloadInstrumentTemplate,
  exportInstruments,
  importInstrumentFile,
  previewInstrumentImport,
  useInstrumentTypes,
  useInstruments,
} from './api';
import { InstrumentFormModal } from './InstrumentFormModal';
import { StatusBadge } from './StatusBadge';
import agreementsStrings from 'virtual:lazy-strings/agreements';
import { addLazyStrings } from '@/web/i18n/all';

// This module's wording loads with it, not with the signed-in frame (issue 18).
addLazyStrings(agreementsStrings);

const PAGE_SIZE = 25;
const FILTERS = ['tipo', 'estado', 'parte', 'area', 'desde', 'hasta', 'vence', 'vista'] as const;

export default function InstrumentsPage() {
  const { t } = useTranslation();
  const canExport = useCan('agreements.export');
  const canWrite = useCan('agreements.write');
  const [creating, setCreating] = useState(false);
  const [importing, setImporting] = useState(false);
  const list = useListParams(FILTERS);
  const types = useInstrumentTypes();
  const areas = useAreaOptions();
  const expiring = Number(list.filters.vence);
  const filters: Partial<InstrumentFilters> = {
    q: list.q || undefined,
    typeId: list.filters.tipo ?? undefined,
    status: list.filters.estado
      ? (list.filters.estado
          .split(',')
          .filter((s) => (INSTRUMENT_STATUSES as readonly string[]).includes(s)) as InstrumentStatus[])
      : undefined,
    partyId: list.filters.parte ?? undefined,
    areaId: list.filters.area ?? undefined,
    signedFrom: list.filters.desde ?? undefined,
    signedTo: list.filters.hasta ?? undefined,
    expiringWithinDays:
      Number.isInteger(expiring) && expiring >= 0 && list.filters.vence ? expiring : undefined,
  };
  const tree = list.filters.vista === 'arbol';
  const instruments = useInstruments({
    ...filters,
    ...(tree ? { roots: 'true' as const } : {}),
    page: list.page,
    pageSize: PAGE_SIZE,
  });

  const download = (format: 'csv' | 'xlsx') =>
    exportInstruments(filters, format).catch((e: unknown) => notifyError(e, t));

  return (
    <>
      <PageHeader
        title={t('agreements.instruments.title')}
        description={t('agreements.instruments.description')}
        actions={
          <Group gap="xs">
            {canWrite && (
              <Button leftSection={<IconPlus size={16} aria-hidden />} onClick={() => setCreating(true)}>
                {t('agreements.instruments.create')}
              </Button>
            )}
            {canWrite && (
              <Button
                variant="default"
                leftSection={<IconUpload size={16} aria-hidden />}
                onClick={() => setImporting(true)}
              >
                {t('files.import')}
              </Button>
            )}
            {canExport && (
              <Button
                variant="default"
                leftSection={<IconDownload size={16} aria-hidden />}
                onClick={() => void download('csv')}
              >
                {t('agreements.instruments.exportCsv')}
              </Button>
            )}
            {canExport && (
              <Button
                variant="default"
                leftSection={<IconDownload size={16} aria-hidden />}
                onClick={() => void download('xlsx')}
              >
                {t('agreements.instruments.exportXlsx')}
              </Button>
            )}
          </Group>
        }
      />
      {creating && <InstrumentFormModal onClose={() => setCreating(false)} />}
      {importing && (
        <ImportPlanModal
          title={t('importPlan.instruments.title')}
          help={t('importPlan.instruments.help')}
          recordHeader={t('agreements.instruments.instrument')}
          template={downloadInstrumentTemplate}
          preview={previewInstrumentImport}
          commit={importInstrumentFile}
          invalidate={[AGREEMENTS_KEY]}
          onClose={() => setImporting(false)}
        />
      )}
      <Paper withBorder p="md">
        <Group align="flex-end" mb="md" gap="sm">
          <SearchInput
            label={t('agreements.instruments.search')}
            placeholder={t('agreements.instruments.searchPlaceholder')}
            value={list.q}
            onChange={list.setQ}
          />
          <Select
            label={t('agreements.instruments.type')}
            placeholder={t('common.all')}
            clearable
            searchable
            data={(types.data ?? []).map((x) => ({ value: x.id, label: x.name }))}
            value={list.filters.tipo}
            onChange={(v) => list.setFilter('tipo', v)}
            w={260}
          />
          <MultiSelect
            label={t('agreements.instruments.status')}
            placeholder={filters.status?.length ? undefined : t('common.all')}
            clearable
            data={INSTRUMENT_STATUSES.map((s) => ({ value: s, label: t(`agreements.status.${s}`) }))}
            value={filters.status ?? []}
            onChange={(v) => list.setFilter('estado', v.length ? v.join(',') : null)}
            w={260}
          />
          <InstitutionSelect
            label={t('agreements.instruments.party')}
            placeholder={t('common.all')}
            value={list.filters.parte}
            onChange={(v) => list.setFilter('parte', v)}
            w={240}
          />
          <Select
            label={t('agreements.instruments.area')}
            placeholder={t('common.all')}
            clearable
            searchable
            data={areas.data ?? []}
            value={list.filters.area}
            onChange={(v) => list.setFilter('area', v)}
            w={260}
          />
          <DayInput
            label={t('agreements.instruments.signedFrom')}
            clearable
            value={list.filters.desde}
            onChange={(v) => list.setFilter('desde', v)}
            w={170}
          />
          <DayInput
            label={t('agreements.instruments.signedTo')}
            clearable
            value={list.filters.hasta}
            onChange={(v) => list.setFilter('hasta', v)}
            w={170}
          />
          <NumberInput
            label={t('agreements.instruments.expiringWithin')}
            min={0}
            max={3650}
            allowDecimal={false}
            value={list.filters.vence ?? ''}
            onChange={(v) => list.setFilter('vence', v === '' ? null : String(v))}
            w={150}
          />
          <SegmentedControl
            aria-label={t('agreements.instruments.view')}
            value={tree ? 'arbol' : 'lista'}
            onChange={(v) => list.setFilter('vista', v === 'arbol' ? 'arbol' : null)}
            data={[
              { value: 'lista', label: t('agreements.instruments.listView') },
              { value: 'arbol', label: t('agreements.instruments.treeView') },
            ]}
          />
        </Group>
        {instruments.isError ? (
          <QueryError error={instruments.error} onRetry={() => void instruments.refetch()} />
        ) : tree ? (
          <Stack gap={4} role="tree" aria-label={t('agreements.instruments.treeView')}>
            {instruments.data?.items.map((i) => (
              <TreeNode key={i.id} instrument={i} depth={0} />
            ))}
          </Stack>
        ) : (
          <InstrumentTable items={instruments.data?.items ?? []} />
        )}
        {instruments.data && (
          <ListFooter
            page={list.page}
            pageSize={PAGE_SIZE}
            total={instruments.data.total}
            onPage={list.setPage}
          />
        )}
        {instruments.data?.total === 0 && (
          <Text c="dimmed" size="sm">
            {t('common.nothingFound')}
          </Text>
        )}
      </Paper>
    </>
  );
}

function InstrumentTable({ items }: { items: Instrument[] }) {
  const { t } = useTranslation();
  return (
    <Table.ScrollContainer minWidth={900}>
      <Table>
        <Table.Caption className="sr-caption">{t('agreements.instruments.caption')}</Table.Caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('agreements.instruments.instrument')}</Table.Th>
            <Table.Th>{t('agreements.instruments.parties')}</Table.Th>
            <Table.Th>{t('agreements.instruments.areas')}</Table.Th>
            <Table.Th>{t('agreements.instruments.signedOn')}</Table.Th>
            <Table.Th>{t('agreements.instruments.end')}</Table.Th>
            <Table.Th>{t('agreements.instruments.status')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {items.map((i) => (
            <Table.Tr key={i.id}>
              <Table.Td>
                <Anchor component={Link} to={`/convenios/instrumentos/${i.id}`} size="sm" fw={600}>
                  {i.title}
                </Anchor>
                <Text size="xs" c="dimmed">
                  {i.typeName}
                </Text>
              </Table.Td>
              <Table.Td>{i.parties.map((p) => p.acronym ?? p.name).join(', ')}</Table.Td>
              <Table.Td>{i.areas.map((a) => a.name).join('; ')}</Table.Td>
              <Table.Td>{i.signedOn ? formatDay(i.signedOn) : '—'}</Table.Td>
              <Table.Td>
                {i.effectiveEnd
                  ? formatDay(i.effectiveEnd)
                  : i.validityKind === 'dated'
                    ? '—'
                    : t('agreements.instruments.indefinite')}
              </Table.Td>
              <Table.Td>
                <StatusBadge status={i.status} />
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

/** One instrument of the tree; its derived instruments load when it is opened. */
function TreeNode({ instrument, depth }: { instrument: Instrument; depth: number }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const children = useInstruments({ parentId: instrument.id, pageSize: 200 }, open);
  const kids = open && children.data ? children.data.items : [];
  return (
    <Box role="treeitem" aria-expanded={open} pl={depth * 24}>
      <Group gap="xs" wrap="nowrap">
        <ActionIcon
          variant="subtle"
          aria-label={t(open ? 'agreements.instruments.collapse' : 'agreements.instruments.expand', {
            title: instrument.title,
          })}
          onClick={() => setOpen((o) => !o)}
        >
          {open ? <IconChevronDown size={16} aria-hidden /> : <IconChevronRight size={16} aria-hidden />}
        </ActionIcon>
        <Anchor component={Link} to={`/convenios/instrumentos/${instrument.id}`} size="sm">
          {instrument.title}
        </Anchor>
        <StatusBadge status={instrument.status} />
      </Group>
      {open && children.data?.total === 0 && (
        <Text size="xs" c="dimmed" pl={(depth + 1) * 24 + 28}>
          {t('agreements.instruments.noChildren')}
        </Text>
      )}
      {kids.length > 0 && (
        <Stack gap={4} role="group" mt={4}>
          {kids.map((k) => (
            <TreeNode key={k.id} instrument={k} depth={depth + 1} />
          ))}
        </Stack>
      )}
    </Box>
  );
}
