import {
  ActionIcon,
  Anchor,
  Button,
  Group,
  Paper,
  Select,
  Stack,
  Table,
  Text,
  TextInput,
  Tooltip,
  VisuallyHidden,
} from '@mantine/core';
import { IconPencil, IconPlus, IconTrash } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  INSTITUTION_KINDS,
  INSTITUTION_LEVELS,
  type Institution,
  type InstitutionListQuery,
} from '../contract';
import { useListParams } from '@/web/shared/lib/use-list-params';
import { useCan } from '@/web/shared/session/session';
import { ListFooter } from '@/web/shared/ui/ListFooter';
import { PageHeader } from '@/web/shared/ui/PageHeader';
import { QueryError } from '@/web/shared/ui/QueryError';
import { SearchInput } from '@/web/shared/ui/SearchInput';
import { useInstitutions } from './api';
import { DeleteRecordModal } from './DeleteRecordModal';
import { DirectoryFileActions } from './DirectoryFileActions';
import { InstitutionFormModal } from './InstitutionFormModal';

const PAGE_SIZE = 25;
const FILTERS = ['tipo', 'ambito', 'pais'] as const;

export default function InstitutionsPage() {
  const { t } = useTranslation();
  const canWrite = useCan('directory.write');
  const list = useListParams(FILTERS);
  const country = list.filters.pais?.toUpperCase();
  const filters = {
    q: list.q || undefined,
    kind: (list.filters.tipo ?? undefined) as InstitutionListQuery['kind'],
    level: (list.filters.ambito ?? undefined) as InstitutionListQuery['level'],
    country: country && /^[A-Z]{2}$/.test(country) ? country : undefined,
  };
  const institutions = useInstitutions({ ...filters, page: list.page, pageSize: PAGE_SIZE });
  const [editing, setEditing] = useState<Institution | 'new' | null>(null);
  const [deleting, setDeleting] = useState<Institution | null>(null);

  return (
    <>
      <PageHeader
        title={t('institutions.title')}
        description={t('institutions.description')}
        actions={
          <>
            <DirectoryFileActions collection="institutions" filters={filters} />
            {canWrite && (
              <Button leftSection={<IconPlus size={16} aria-hidden />} onClick={() => setEditing('new')}>
                {t('institutions.create')}
              </Button>
            )}
          </>
        }
      />
      <Paper withBorder p="md">
        <Group align="flex-end" mb="md" gap="sm">
          <SearchInput
            label={t('institutions.search')}
            placeholder={t('institutions.searchPlaceholder')}
            value={list.q}
            onChange={list.setQ}
          />
          <Select
            label={t('institutions.kind')}
            placeholder={t('common.all')}
            clearable
            data={INSTITUTION_KINDS.map((k) => ({ value: k, label: t(`enums.institutionKind.${k}`) }))}
            value={list.filters.tipo}
            onChange={(v) => list.setFilter('tipo', v)}
            w={260}
          />
          <Select
            label={t('institutions.level')}
            placeholder={t('common.all')}
            clearable
            data={INSTITUTION_LEVELS.map((k) => ({ value: k, label: t(`enums.institutionLevel.${k}`) }))}
            value={list.filters.ambito}
            onChange={(v) => list.setFilter('ambito', v)}
            w={160}
          />
          <CountryFilter value={list.filters.pais ?? ''} onChange={(v) => list.setFilter('pais', v)} />
        </Group>
        {institutions.isError ? (
          <QueryError error={institutions.error} onRetry={() => void institutions.refetch()} />
        ) : (
          <Table.ScrollContainer minWidth={800}>
            <Table>
              <Table.Caption className="sr-caption">{t('institutions.caption')}</Table.Caption>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('institutions.name')}</Table.Th>
                  <Table.Th>{t('institutions.kind')}</Table.Th>
                  <Table.Th>{t('institutions.level')}</Table.Th>
                  <Table.Th>{t('institutions.country')}</Table.Th>
                  <Table.Th>{t('institutions.contact')}</Table.Th>
                  {canWrite && (
                    <Table.Th>
                      <VisuallyHidden>{t('common.actions')}</VisuallyHidden>
                    </Table.Th>
                  )}
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {institutions.data?.items.map((i) => (
                  <Table.Tr key={i.id}>
                    <Table.Td>
                      <Text fw={600} size="sm">
                        {i.name}
                      </Text>
                      {i.acronym && (
                        <Text size="xs" c="dimmed">
                          {i.acronym}
                        </Text>
                      )}
                    </Table.Td>
                    <Table.Td>{t(`enums.institutionKind.${i.kind}`)}</Table.Td>
                    <Table.Td>{t(`enums.institutionLevel.${i.level}`)}</Table.Td>
                    <Table.Td>{i.country}</Table.Td>
                    <Table.Td>
                      <Stack gap={0}>
                        {i.email && (
                          <Anchor href={`mailto:${i.email}`} size="sm">
                            {i.email}
                          </Anchor>
                        )}
                        {i.phone && <Text size="sm">{i.phone}</Text>}
                        {i.website && (
                          <Anchor href={i.website} target="_blank" rel="noreferrer" size="sm">
                            {i.website.replace(/^https?:\/\//, '')}
                          </Anchor>
                        )}
                        {!i.email && !i.phone && !i.website && '—'}
                      </Stack>
                    </Table.Td>
                    {canWrite && (
                      <Table.Td ta="right">
                        <Group gap={4} justify="flex-end" wrap="nowrap">
                          <Tooltip label={t('common.edit')}>
                            <ActionIcon
                              variant="subtle"
                              color="gray"
                              aria-label={t('institutions.editNamed', { name: i.name })}
                              onClick={() => setEditing(i)}
                            >
                              <IconPencil size={18} aria-hidden />
                            </ActionIcon>
                          </Tooltip>
                          <Tooltip label={t('records.delete')}>
                            <ActionIcon
                              variant="subtle"
                              color="red"
                              aria-label={t('records.deleteNamed', { name: i.name })}
                              onClick={() => setDeleting(i)}
                            >
                              <IconTrash size={18} aria-hidden />
                            </ActionIcon>
                          </Tooltip>
                        </Group>
                      </Table.Td>
                    )}
                  </Table.Tr>
                ))}
                {institutions.data?.items.length === 0 && (
                  <Table.Tr>
                    <Table.Td colSpan={canWrite ? 6 : 5}>
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
        {institutions.data && (
          <ListFooter
            page={list.page}
            pageSize={PAGE_SIZE}
            total={institutions.data.total}
            onPage={list.setPage}
          />
        )}
      </Paper>
      {editing && (
        <InstitutionFormModal
          institution={editing === 'new' ? undefined : editing}
          onClose={() => setEditing(null)}
        />
      )}
      {deleting && (
        <DeleteRecordModal
          collection="institutions"
          id={deleting.id}
          name={deleting.name}
          onClose={() => setDeleting(null)}
        />
      )}
    </>
  );
}

/** Two-letter country code; the filter applies once both letters are typed. */
function CountryFilter(props: { value: string; onChange: (value: string | null) => void }) {
  const { t } = useTranslation();
  const [text, setText] = useState(props.value);
  return (
    <TextInput
      label={t('institutions.country')}
      placeholder="MX"
      maxLength={2}
      w={90}
      value={text}
      onChange={(e) => {
        const v = e.currentTarget.value.toUpperCase();
        setText(v);
        if (v.length === 2 || v.length === 0) props.onChange(v || null);
      }}
    />
  );
}
