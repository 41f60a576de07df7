import { Anchor, Button, Group, Paper, Select, Stack, Text, TextInput } from '@mantine/core';
import { IconPencil, IconPlus, IconTrash } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  INSTITUTION_KINDS,
  INSTITUTION_LEVELS,
  type Institution,
  type InstitutionListQuery,
} from '../contract';
import { isWebUrl } from '@/shared/web-url';
import { useListParams } from '@/web/shared/lib/use-list-params';
import { useCan } from '@/web/shared/session/session';
import { IconAction, ListTable, RowActions } from '@/web/shared/ui/ListTable';
import { PageHeader } from '@/web/shared/ui/PageHeader';
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
        <ListTable
          caption={t('institutions.caption')}
          minWidth={800}
          query={institutions}
          paging={{ page: list.page, pageSize: PAGE_SIZE, onPage: list.setPage }}
          columns={[
            {
              header: t('institutions.name'),
              cell: (i) => (
                <>
                  <Text fw={600} size="sm">
                    {i.name}
                  </Text>
                  {i.acronym && (
                    <Text size="xs" c="dimmed">
                      {i.acronym}
                    </Text>
                  )}
                </>
              ),
            },
            { header: t('institutions.kind'), cell: (i) => t(`enums.institutionKind.${i.kind}`) },
            { header: t('institutions.level'), cell: (i) => t(`enums.institutionLevel.${i.level}`) },
            { header: t('institutions.country'), cell: (i) => i.country },
            {
              header: t('institutions.contact'),
              cell: (i) => (
                <Stack gap={0}>
                  {i.email && (
                    <Anchor href={`mailto:${i.email}`} size="sm">
                      {i.email}
                    </Anchor>
                  )}
                  {i.phone && <Text size="sm">{i.phone}</Text>}
                  {/* An address saved before http(s) was required is shown, not linked. */}
                  {isWebUrl(i.website) ? (
                    <Anchor href={i.website} target="_blank" rel="noreferrer" size="sm">
                      {i.website.replace(/^https?:\/\//i, '')}
                    </Anchor>
                  ) : (
                    i.website && <Text size="sm">{i.website}</Text>
                  )}
                  {!i.email && !i.phone && !i.website && '—'}
                </Stack>
              ),
            },
            canWrite && {
              header: t('common.actions'),
              hiddenHeader: true,
              align: 'right',
              cell: (i) => (
                <RowActions>
                  <IconAction
                    tooltip={t('common.edit')}
                    label={t('institutions.editNamed', { name: i.name })}
                    icon={<IconPencil size={18} aria-hidden />}
                    onClick={() => setEditing(i)}
                  />
                  <IconAction
                    tooltip={t('records.delete')}
                    label={t('records.deleteNamed', { name: i.name })}
                    icon={<IconTrash size={18} aria-hidden />}
                    color="red"
                    onClick={() => setDeleting(i)}
                  />
                </RowActions>
              ),
            },
          ]}
        />
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
