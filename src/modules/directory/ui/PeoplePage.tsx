import { Anchor, Button, Group, Paper, Select, Stack, Text } from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { useListParams } from '@/web/shared/lib/use-list-params';
import { useCan } from '@/web/shared/session/session';
import { ListTable } from '@/web/shared/ui/ListTable';
import { PageHeader } from '@/web/shared/ui/PageHeader';
import { SearchInput } from '@/web/shared/ui/SearchInput';
import { useAreaOptions, usePeople } from './api';
import { DirectoryFileActions } from './DirectoryFileActions';
import { InstitutionSelect } from './InstitutionSelect';
import { PersonFormModal } from './PersonFormModal';
import { positionPlace } from './positions';

const PAGE_SIZE = 25;
const FILTERS = ['area', 'institucion'] as const;

export default function PeoplePage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const canWrite = useCan('directory.write');
  const list = useListParams(FILTERS);
  const areas = useAreaOptions();
  const filters = {
    q: list.q || undefined,
    areaId: list.filters.area ?? undefined,
    institutionId: list.filters.institucion ?? undefined,
  };
  const people = usePeople({ ...filters, page: list.page, pageSize: PAGE_SIZE });
  const [creating, setCreating] = useState(false);

  return (
    <>
      <PageHeader
        title={t('people.title')}
        description={t('people.description')}
        actions={
          <>
            <DirectoryFileActions collection="people" filters={filters} />
            {canWrite && (
              <Button leftSection={<IconPlus size={16} aria-hidden />} onClick={() => setCreating(true)}>
                {t('people.create')}
              </Button>
            )}
          </>
        }
      />
      <Paper withBorder p="md">
        <Group align="flex-end" mb="md" gap="sm">
          <SearchInput
            label={t('people.search')}
            placeholder={t('people.searchPlaceholder')}
            value={list.q}
            onChange={list.setQ}
          />
          <Select
            label={t('people.areaFilter')}
            placeholder={t('common.all')}
            data={areas.data ?? []}
            searchable
            clearable
            nothingFoundMessage={t('common.nothingFound')}
            value={list.filters.area}
            onChange={(v) => list.setFilter('area', v)}
            w={280}
          />
          <InstitutionSelect
            label={t('people.institutionFilter')}
            placeholder={t('common.all')}
            value={list.filters.institucion}
            onChange={(v) => list.setFilter('institucion', v)}
            w={280}
          />
        </Group>
        <ListTable
          caption={t('people.caption')}
          minWidth={720}
          query={people}
          paging={{ page: list.page, pageSize: PAGE_SIZE, onPage: list.setPage }}
          columns={[
            {
              header: t('people.fullName'),
              cell: (p) => (
                <Anchor component={Link} to={`/directorio/personas/${p.id}`} fw={600} size="sm">
                  {p.honorific ? `${p.honorific} ${p.fullName}` : p.fullName}
                </Anchor>
              ),
            },
            {
              header: t('people.currentPositions'),
              cell: (p) => (
                <Stack gap={2}>
                  {p.currentPositions.map((pos) => (
                    <Text size="sm" key={pos.id}>
                      {pos.title}
                      <Text span c="dimmed" size="sm">
                        {' · '}
                        {positionPlace(pos)}
                      </Text>
                    </Text>
                  ))}
                  {p.currentPositions.length === 0 && (
                    <Text size="sm" c="dimmed">
                      {t('people.noPosition')}
                    </Text>
                  )}
                </Stack>
              ),
            },
            {
              header: t('people.contact'),
              cell: (p) => (
                <Stack gap={0}>
                  {p.email && (
                    <Anchor href={`mailto:${p.email}`} size="sm">
                      {p.email}
                    </Anchor>
                  )}
                  {p.phone && <Text size="sm">{p.phone}</Text>}
                  {!p.email && !p.phone && '—'}
                </Stack>
              ),
            },
          ]}
        />
      </Paper>
      {creating && (
        <PersonFormModal
          onClose={() => setCreating(false)}
          onSaved={(p) => void navigate(`/directorio/personas/${p.id}`)}
        />
      )}
    </>
  );
}
