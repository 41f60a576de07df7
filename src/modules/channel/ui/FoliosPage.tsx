import { Anchor, Button, Checkbox, Group, Paper, Select, Table, Text } from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import { useMediaQuery } from '@mantine/hooks';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { FOLIO_STATUSES, CHANNEL_MODULES, FOLIO_NATURES } from '../contract-folio-status';
import type { FolioListQuery } from '../contract';
import { useAreaOptions } from '@/modules/directory/ui/api';
import { formatDay } from '@/web/shared/lib/format';
import { useListParams } from '@/web/shared/lib/use-list-params';
import { useCan, useMe } from '@/web/shared/session/session';
import { ListFooter } from '@/web/shared/ui/ListFooter';
import { PageHeader } from '@/web/shared/ui/PageHeader';
import { DayInput } from '@/web/shared/ui/DayInput';
import { QueryError } from '@/web/shared/ui/QueryError';
import { SearchInput } from '@/web/shared/ui/SearchInput';
import { useFolios } from './api';
import { DueBadges, FolioStatusBadge } from './FolioStatusBadge';
import { ExportFoliosMenu } from './ExportFoliosMenu';
import { ImportFoliosButton } from './ImportFoliosButton';
import { NewFolioModal } from './NewFolioModal';
import channelStrings from 'virtual:lazy-strings/channel';
import { addLazyStrings } from '@/web/i18n/all';

// This module's wording loads with it, not with the signed-in frame (issue 18).
addLazyStrings(channelStrings);

const PAGE_SIZE = 25;
const FILTERS = ['modulo', 'estatus', 'naturaleza', 'area', 'desde', 'hasta', 'vencidos'] as const;

export default function FoliosPage() {
  const { t } = useTranslation();
  const me = useMe();
  const canWrite = useCan('channel.write');
  const list = useListParams(FILTERS);
  // On a phone the seven columns become two, each stacking what the wide table spreads out.
  const narrow = useMediaQuery('(max-width: 48em)');
  const filters = {
    q: list.q || undefined,
    module: (list.filters.modulo ?? undefined) as FolioListQuery['module'],
    status: (list.filters.estatus ?? undefined) as FolioListQuery['status'],
    nature: (list.filters.naturaleza ?? undefined) as FolioListQuery['nature'],
    areaId: list.filters.area ?? undefined,
    receivedFrom: list.filters.desde ?? undefined,
    receivedTo: list.filters.hasta ?? undefined,
    overdue: list.filters.vencidos === 'si' ? ('true' as const) : undefined,
  };
  const folios = useFolios({ ...filters, page: list.page, pageSize: PAGE_SIZE });
  const [creating, setCreating] = useState(false);
  const national = me.data?.organization.kind === 'national_authority';
  const canReadAreas = useCan('directory.read');
  const areas = useAreaOptions(canReadAreas && !national);

  return (
    <>
      <PageHeader
        title={t('channel.title')}
        description={t(national ? 'channel.descriptionNational' : 'channel.description')}
        actions={
          <>
            <ExportFoliosMenu filters={filters} />
            <ImportFoliosButton />
            {canWrite && (
              <Button leftSection={<IconPlus size={16} aria-hidden />} onClick={() => setCreating(true)}>
                {t('channel.new')}
              </Button>
            )}
          </>
        }
      />
      <Paper withBorder p="md">
        <Group align="flex-end" mb="md" gap="sm">
          <SearchInput
            label={t('channel.search')}
            placeholder={t('channel.searchPlaceholder')}
            value={list.q}
            onChange={list.setQ}
          />
          <Select
            label={t('channel.module')}
            placeholder={t('common.all')}
            clearable
            data={CHANNEL_MODULES.map((m) => ({ value: m, label: t(`channel.modules.${m}`) }))}
            value={list.filters.modulo}
            onChange={(v) => list.setFilter('modulo', v)}
            w={230}
          />
          <Select
            label={t('channel.statusLabel')}
            placeholder={t('common.all')}
            clearable
            data={FOLIO_STATUSES.map((s) => ({ value: s, label: t(`channel.status.${s}`) }))}
            value={list.filters.estatus}
            onChange={(v) => list.setFilter('estatus', v)}
            w={230}
          />
          <Select
            label={t('channel.nature')}
            placeholder={t('common.all')}
            clearable
            data={FOLIO_NATURES.map((n) => ({ value: n, label: t(`channel.natures.${n}`) }))}
            value={list.filters.naturaleza}
            onChange={(v) => list.setFilter('naturaleza', v)}
            w={180}
          />
          {areas.data && areas.data.length > 0 && (
            <Select
              label={t('channel.area')}
              placeholder={t('common.all')}
              clearable
              searchable
              data={areas.data}
              value={list.filters.area}
              onChange={(v) => list.setFilter('area', v)}
              w={260}
            />
          )}
          <DayInput
            invalid="clear"
            label={t('channel.receivedFrom')}
            clearable
            value={list.filters.desde}
            onChange={(v) => list.setFilter('desde', v ? String(v) : null)}
            w={150}
          />
          <DayInput
            invalid="clear"
            label={t('channel.receivedTo')}
            clearable
            value={list.filters.hasta}
            onChange={(v) => list.setFilter('hasta', v ? String(v) : null)}
            w={150}
          />
          <Checkbox
            label={t('channel.onlyOverdue')}
            checked={list.filters.vencidos === 'si'}
            onChange={(e) => list.setFilter('vencidos', e.currentTarget.checked ? 'si' : null)}
            mb={8}
          />
        </Group>
        {folios.isError ? (
          <QueryError error={folios.error} onRetry={() => void folios.refetch()} />
        ) : (
          <Table.ScrollContainer minWidth={narrow ? 300 : 900}>
            <Table>
              <Table.Caption className="sr-caption">{t('channel.caption')}</Table.Caption>
              <Table.Thead>
                {narrow ? (
                  <Table.Tr>
                    <Table.Th>{t('channel.folio')}</Table.Th>
                    <Table.Th>{t('channel.subject')}</Table.Th>
                  </Table.Tr>
                ) : (
                  <Table.Tr>
                    <Table.Th>{t('channel.folio')}</Table.Th>
                    <Table.Th>{t('channel.subject')}</Table.Th>
                    {national && <Table.Th>{t('channel.localBody')}</Table.Th>}
                    {!national && <Table.Th>{t('channel.areas')}</Table.Th>}
                    <Table.Th>{t('channel.received')}</Table.Th>
                    <Table.Th>{t('channel.due')}</Table.Th>
                    <Table.Th>{t('channel.statusLabel')}</Table.Th>
                  </Table.Tr>
                )}
              </Table.Thead>
              <Table.Tbody>
                {folios.data?.items.map((f) =>
                  narrow ? (
                    <Table.Tr key={f.id}>
                      <Table.Td style={{ verticalAlign: 'top' }}>
                        <Anchor component={Link} to={`/canal/folios/${f.id}`} fw={600}>
                          {f.folio}
                        </Anchor>
                        <Text size="xs" c="dimmed">
                          {t(`channel.modules.${f.module}`)}
                        </Text>
                      </Table.Td>
                      <Table.Td>
                        <Text size="sm" lineClamp={3}>
                          {f.subject}
                        </Text>
                        <Text size="xs" c="dimmed">
                          {t(`channel.types.${f.documentType}`)} · {t(`channel.natures.${f.nature}`)}
                        </Text>
                        <Text size="xs">
                          {t('channel.received')}: {formatDay(f.receivedOn)}
                          {f.dueOn && ` · ${t('channel.due')}: ${formatDay(f.dueOn)}`}
                        </Text>
                        <Group gap={4}>
                          <FolioStatusBadge status={f.status} />
                          <DueBadges folio={f} />
                        </Group>
                      </Table.Td>
                    </Table.Tr>
                  ) : (
                    <Table.Tr key={f.id}>
                      <Table.Td>
                        <Anchor component={Link} to={`/canal/folios/${f.id}`} fw={600}>
                          {f.folio}
                        </Anchor>
                        <Text size="xs" c="dimmed">
                          {t(`channel.modules.${f.module}`)}
                        </Text>
                      </Table.Td>
                      <Table.Td maw={460}>
                        <Text size="sm" lineClamp={2}>
                          {f.subject}
                        </Text>
                        <Text size="xs" c="dimmed">
                          {t(`channel.types.${f.documentType}`)} · {t(`channel.natures.${f.nature}`)}
                        </Text>
                      </Table.Td>
                      {national && <Table.Td>{f.localOrganization.acronym}</Table.Td>}
                      {!national && (
                        <Table.Td maw={220}>
                          {f.areas.length === 0 ? (
                            <Text size="sm" c="dimmed">
                              {t('channel.notRouted')}
                            </Text>
                          ) : (
                            f.areas.map((a) => (
                              <Text key={a.id} size="sm" fw={a.role === 'responsible' ? 600 : undefined}>
                                {a.name}
                                {a.role === 'informed' && (
                                  <Text span size="xs" c="dimmed">
                                    {' '}
                                    ({t('channel.forInformation')})
                                  </Text>
                                )}
                              </Text>
                            ))
                          )}
                        </Table.Td>
                      )}
                      <Table.Td>{formatDay(f.receivedOn)}</Table.Td>
                      <Table.Td>
                        {f.dueOn ? formatDay(f.dueOn) : '—'}
                        <DueBadges folio={f} />
                      </Table.Td>
                      <Table.Td>
                        <FolioStatusBadge status={f.status} />
                      </Table.Td>
                    </Table.Tr>
                  ),
                )}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
        {folios.data && (
          <ListFooter
            page={list.page}
            pageSize={PAGE_SIZE}
            total={folios.data.total}
            totalIsLowerBound={folios.data.totalIsLowerBound}
            onPage={list.setPage}
          />
        )}
      </Paper>
      {creating && <NewFolioModal onClose={() => setCreating(false)} />}
    </>
  );
}
