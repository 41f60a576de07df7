import {
  ActionIcon,
  Anchor,
  Badge,
  Button,
  Group,
  Paper,
  Select,
  Stack,
  Table,
  Text,
  Tooltip,
  VisuallyHidden,
} from '@mantine/core';
import { IconPencil, IconPlus } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { AREA_KINDS, type Area, type AreaListQuery } from '../contract';
import { useListParams } from '@/web/shared/lib/use-list-params';
import { useCan } from '@/web/shared/session/session';
import { ListFooter } from '@/web/shared/ui/ListFooter';
import { PageHeader } from '@/web/shared/ui/PageHeader';
import { QueryError } from '@/web/shared/ui/QueryError';
import { SearchInput } from '@/web/shared/ui/SearchInput';
import { useAreas } from './api';
import { AreaFormModal } from './AreaFormModal';
import { DirectoryFileActions } from './DirectoryFileActions';

const PAGE_SIZE = 25;
const FILTERS = ['tipo'] as const;

export default function AreasPage() {
  const { t } = useTranslation();
  const canWrite = useCan('directory.write');
  const list = useListParams(FILTERS);
  const filters = { q: list.q || undefined, kind: (list.filters.tipo ?? undefined) as AreaListQuery['kind'] };
  const areas = useAreas({ ...filters, page: list.page, pageSize: PAGE_SIZE });
  const [editing, setEditing] = useState<Area | 'new' | null>(null);

  return (
    <>
      <PageHeader
        title={t('areas.title')}
        description={t('areas.description')}
        actions={
          <>
            <DirectoryFileActions collection="areas" filters={filters} />
            {canWrite && (
              <Button leftSection={<IconPlus size={16} aria-hidden />} onClick={() => setEditing('new')}>
                {t('areas.create')}
              </Button>
            )}
          </>
        }
      />
      <Paper withBorder p="md">
        <Group align="flex-end" mb="md" gap="sm">
          <SearchInput
            label={t('areas.search')}
            placeholder={t('areas.searchPlaceholder')}
            value={list.q}
            onChange={list.setQ}
          />
          <Select
            label={t('areas.kind')}
            placeholder={t('common.all')}
            clearable
            data={AREA_KINDS.map((k) => ({ value: k, label: t(`enums.areaKind.${k}`) }))}
            value={list.filters.tipo}
            onChange={(v) => list.setFilter('tipo', v)}
            w={240}
          />
        </Group>
        {areas.isError ? (
          <QueryError error={areas.error} onRetry={() => void areas.refetch()} />
        ) : (
          <Table.ScrollContainer minWidth={720}>
            <Table>
              <Table.Caption className="sr-caption">{t('areas.caption')}</Table.Caption>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('areas.name')}</Table.Th>
                  <Table.Th>{t('areas.kind')}</Table.Th>
                  <Table.Th>{t('areas.currentHead')}</Table.Th>
                  {canWrite && (
                    <Table.Th>
                      <VisuallyHidden>{t('common.actions')}</VisuallyHidden>
                    </Table.Th>
                  )}
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {areas.data?.items.map((a) => (
                  <Table.Tr key={a.id}>
                    <Table.Td>
                      <Anchor component={Link} to={`/directorio/areas/${a.id}`} fw={600} size="sm">
                        {a.name}
                      </Anchor>
                      {a.acronym && (
                        <Text size="xs" c="dimmed">
                          {a.acronym}
                        </Text>
                      )}
                    </Table.Td>
                    <Table.Td>{t(`enums.areaKind.${a.kind}`)}</Table.Td>
                    <Table.Td>
                      {a.currentHead ? (
                        <Stack gap={2} align="flex-start">
                          <Anchor
                            component={Link}
                            to={`/directorio/personas/${a.currentHead.personId}`}
                            size="sm"
                          >
                            {a.currentHead.personName}
                          </Anchor>
                          {a.currentHead.headKind === 'encargado_de_despacho' && (
                            <Badge size="sm" variant="light" color="grape" tt="none">
                              {t('enums.headKind.encargado_de_despacho')}
                            </Badge>
                          )}
                        </Stack>
                      ) : (
                        <Text size="sm" c="dimmed">
                          {t('areas.noHead')}
                        </Text>
                      )}
                    </Table.Td>
                    {canWrite && (
                      <Table.Td ta="right">
                        <Tooltip label={t('common.edit')}>
                          <ActionIcon
                            variant="subtle"
                            color="gray"
                            aria-label={t('areas.editNamed', { name: a.name })}
                            onClick={() => setEditing(a)}
                          >
                            <IconPencil size={18} aria-hidden />
                          </ActionIcon>
                        </Tooltip>
                      </Table.Td>
                    )}
                  </Table.Tr>
                ))}
                {areas.data?.items.length === 0 && (
                  <Table.Tr>
                    <Table.Td colSpan={canWrite ? 4 : 3}>
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
        {areas.data && (
          <ListFooter page={list.page} pageSize={PAGE_SIZE} total={areas.data.total} onPage={list.setPage} />
        )}
      </Paper>
      {editing && (
        <AreaFormModal area={editing === 'new' ? undefined : editing} onClose={() => setEditing(null)} />
      )}
    </>
  );
}
