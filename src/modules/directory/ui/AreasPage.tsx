import { Anchor, Badge, Button, Group, Paper, Select, Stack, Text } from '@mantine/core';
import { IconPencil, IconPlus } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { AREA_KINDS, type Area, type AreaListQuery } from '../contract';
import { useListParams } from '@/web/shared/lib/use-list-params';
import { useCan } from '@/web/shared/session/session';
import { IconAction, ListTable } from '@/web/shared/ui/ListTable';
import { PageHeader } from '@/web/shared/ui/PageHeader';
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
        <ListTable
          caption={t('areas.caption')}
          minWidth={720}
          query={areas}
          paging={{ page: list.page, pageSize: PAGE_SIZE, onPage: list.setPage }}
          columns={[
            {
              header: t('areas.name'),
              cell: (a) => (
                <>
                  <Anchor component={Link} to={`/directorio/areas/${a.id}`} fw={600} size="sm">
                    {a.name}
                  </Anchor>
                  {a.acronym && (
                    <Text size="xs" c="dimmed">
                      {a.acronym}
                    </Text>
                  )}
                </>
              ),
            },
            { header: t('areas.kind'), cell: (a) => t(`enums.areaKind.${a.kind}`) },
            {
              header: t('areas.currentHead'),
              cell: (a) =>
                a.currentHead ? (
                  <Stack gap={2} align="flex-start">
                    <Anchor component={Link} to={`/directorio/personas/${a.currentHead.personId}`} size="sm">
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
                ),
            },
            canWrite && {
              header: t('common.actions'),
              hiddenHeader: true,
              align: 'right',
              cell: (a) => (
                <IconAction
                  tooltip={t('common.edit')}
                  label={t('areas.editNamed', { name: a.name })}
                  icon={<IconPencil size={18} aria-hidden />}
                  onClick={() => setEditing(a)}
                />
              ),
            },
          ]}
        />
      </Paper>
      {editing && (
        <AreaFormModal area={editing === 'new' ? undefined : editing} onClose={() => setEditing(null)} />
      )}
    </>
  );
}
