import {
  Anchor,
  Badge,
  Button,
  Center,
  DataList,
  Loader,
  Paper,
  Stack,
  Table,
  Text,
  Title,
} from '@mantine/core';
import { IconPencil, IconTrash } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { todayInMexicoCity, rangeContains } from '@/shared/calendar';
import { formatDay } from '@/web/shared/lib/format';
import { useCan } from '@/web/shared/session/session';
import { PageHeader } from '@/web/shared/ui/PageHeader';
import { QueryError } from '@/web/shared/ui/QueryError';
import { Trail } from '@/web/shared/ui/Trail';
import { DeleteRecordModal } from './DeleteRecordModal';
import { useArea, useAreaOptions } from './api';
import { AreaFormModal } from './AreaFormModal';

export default function AreaDetailPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const navigate = useNavigate();
  const [deleting, setDeleting] = useState(false);
  const area = useArea(id);
  const areaOptions = useAreaOptions();
  const canWrite = useCan('directory.write');
  const [editing, setEditing] = useState(false);

  if (area.isPending) {
    return (
      <Center py="xl">
        <Loader aria-label={t('common.loading')} />
      </Center>
    );
  }
  if (area.isError) return <QueryError error={area.error} onRetry={() => void area.refetch()} />;

  const a = area.data;
  const parent = a.parentId ? areaOptions.data?.find((o) => o.value === a.parentId) : undefined;
  const today = todayInMexicoCity();
  const heads = [...a.heads].sort((x, y) => y.startsOn.localeCompare(x.startsOn));

  return (
    <>
      <PageHeader
        above={
          <Trail
            items={[
              { label: t('nav.group.directory') },
              { label: t('nav.areas'), to: '/directorio/areas' },
              { label: a.acronym ?? a.name },
            ]}
          />
        }
        title={a.name}
        description={t(`enums.areaKind.${a.kind}`)}
        actions={
          canWrite && (
            <>
              <Button
                variant="default"
                leftSection={<IconPencil size={16} aria-hidden />}
                onClick={() => setEditing(true)}
              >
                {t('areas.edit')}
              </Button>
              <Button
                variant="default"
                c="red.9"
                leftSection={<IconTrash size={16} aria-hidden />}
                onClick={() => setDeleting(true)}
              >
                {t('records.delete')}
              </Button>
            </>
          )
        }
      />
      <Stack gap="lg">
        <Paper withBorder p="lg">
          <DataList labelWidth={200} withDivider>
            <DataList.Item>
              <DataList.ItemLabel>{t('areas.acronym')}</DataList.ItemLabel>
              <DataList.ItemValue>{a.acronym ?? '—'}</DataList.ItemValue>
            </DataList.Item>
            <DataList.Item>
              <DataList.ItemLabel>{t('areas.parent')}</DataList.ItemLabel>
              <DataList.ItemValue>
                {a.parentId ? (
                  <Anchor component={Link} to={`/directorio/areas/${a.parentId}`} size="sm">
                    {parent?.label ?? t('common.loading')}
                  </Anchor>
                ) : (
                  '—'
                )}
              </DataList.ItemValue>
            </DataList.Item>
            <DataList.Item>
              <DataList.ItemLabel>{t('areas.currentHead')}</DataList.ItemLabel>
              <DataList.ItemValue>
                {a.currentHead ? (
                  <Anchor component={Link} to={`/directorio/personas/${a.currentHead.personId}`} size="sm">
                    {a.currentHead.personName}
                  </Anchor>
                ) : (
                  t('areas.noHead')
                )}
              </DataList.ItemValue>
            </DataList.Item>
            <DataList.Item>
              <DataList.ItemLabel>{t('areas.aliases')}</DataList.ItemLabel>
              <DataList.ItemValue>{a.aliases.length ? a.aliases.join('; ') : '—'}</DataList.ItemValue>
            </DataList.Item>
          </DataList>
        </Paper>

        <Paper withBorder p="lg">
          <Title order={2} size="h4" mb="sm">
            {t('areas.headsTitle')}
          </Title>
          <Text size="sm" c="dimmed" mb="md">
            {t('areas.headsHelp')}
          </Text>
          <Table.ScrollContainer minWidth={640}>
            <Table>
              <Table.Caption className="sr-caption">
                {t('areas.headsCaption', { name: a.name })}
              </Table.Caption>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('positions.person')}</Table.Th>
                  <Table.Th>{t('positions.title')}</Table.Th>
                  <Table.Th>{t('positions.headKind')}</Table.Th>
                  <Table.Th>{t('positions.startsOn')}</Table.Th>
                  <Table.Th>{t('positions.endsOn')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {heads.map((h) => (
                  <Table.Tr key={h.positionId}>
                    <Table.Td>
                      <Anchor component={Link} to={`/directorio/personas/${h.personId}`} size="sm" fw={600}>
                        {h.personName}
                      </Anchor>
                    </Table.Td>
                    <Table.Td>{h.title}</Table.Td>
                    <Table.Td>
                      <Badge variant="light" color={h.headKind === 'titular' ? 'guinda' : 'grape'} tt="none">
                        {t(`enums.headKind.${h.headKind}`)}
                      </Badge>
                    </Table.Td>
                    <Table.Td>{formatDay(h.startsOn)}</Table.Td>
                    <Table.Td>
                      {h.endsOn ? (
                        formatDay(h.endsOn)
                      ) : rangeContains(h.startsOn, h.endsOn, today) ? (
                        <Badge variant="light" color="teal" tt="none">
                          {t('positions.current')}
                        </Badge>
                      ) : (
                        '—'
                      )}
                    </Table.Td>
                  </Table.Tr>
                ))}
                {heads.length === 0 && (
                  <Table.Tr>
                    <Table.Td colSpan={5}>
                      <Text c="dimmed" ta="center" py="md">
                        {t('areas.noHeads')}
                      </Text>
                    </Table.Td>
                  </Table.Tr>
                )}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        </Paper>
      </Stack>
      {editing && <AreaFormModal area={a} onClose={() => setEditing(false)} />}
      {deleting && (
        <DeleteRecordModal
          collection="areas"
          id={a.id}
          name={a.name}
          onClose={() => setDeleting(false)}
          onDeleted={() => void navigate('/directorio/areas', { replace: true })}
        />
      )}
    </>
  );
}
