import {
  ActionIcon,
  Anchor,
  Badge,
  Button,
  Center,
  DataList,
  Group,
  Loader,
  Modal,
  Paper,
  Stack,
  Table,
  Text,
  Title,
  Tooltip,
  VisuallyHidden,
} from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { IconPencil, IconPlus, IconTrash } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { rangeContains, todayInMexicoCity } from '@/shared/calendar';
import type { Position } from '../contract';
import { formatDay } from '@/web/shared/lib/format';
import { useCan } from '@/web/shared/session/session';
import { notifyError, notifySuccess } from '@/web/shared/ui/errors';
import { PageHeader } from '@/web/shared/ui/PageHeader';
import { QueryError } from '@/web/shared/ui/QueryError';
import { Trail } from '@/web/shared/ui/Trail';
import { DeleteRecordModal } from './DeleteRecordModal';
import { DIRECTORY_KEY, removePosition, usePerson } from './api';
import { PersonFormModal } from './PersonFormModal';
import { PositionFormModal } from './PositionFormModal';

type Dialog =
  | { kind: 'person' }
  | { kind: 'position'; position?: Position }
  | { kind: 'delete'; position: Position }
  | null;

export default function PersonDetailPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const navigate = useNavigate();
  const [deleting, setDeleting] = useState(false);
  const person = usePerson(id);
  const canWrite = useCan('directory.write');
  const [dialog, setDialog] = useState<Dialog>(null);
  const close = () => setDialog(null);

  if (person.isPending) {
    return (
      <Center py="xl">
        <Loader aria-label={t('common.loading')} />
      </Center>
    );
  }
  if (person.isError) return <QueryError error={person.error} onRetry={() => void person.refetch()} />;

  const p = person.data;
  const today = todayInMexicoCity();
  const positions = [...p.positions].sort((a, b) => b.startsOn.localeCompare(a.startsOn));

  return (
    <>
      <PageHeader
        above={
          <Trail
            items={[
              { label: t('nav.group.directory') },
              { label: t('nav.people'), to: '/directorio/personas' },
              { label: p.fullName },
            ]}
          />
        }
        title={p.honorific ? `${p.honorific} ${p.fullName}` : p.fullName}
        description={
          p.currentPositions.length
            ? p.currentPositions
                .map((c) => `${c.title} · ${c.areaName ?? c.institutionName ?? ''}`)
                .join(' — ')
            : t('people.noPosition')
        }
        actions={
          canWrite && (
            <>
              <Button
                variant="default"
                leftSection={<IconPencil size={16} aria-hidden />}
                onClick={() => setDialog({ kind: 'person' })}
              >
                {t('people.edit')}
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
              <DataList.ItemLabel>{t('people.email')}</DataList.ItemLabel>
              <DataList.ItemValue>
                {p.email ? (
                  <Anchor href={`mailto:${p.email}`} size="sm">
                    {p.email}
                  </Anchor>
                ) : (
                  '—'
                )}
              </DataList.ItemValue>
            </DataList.Item>
            <DataList.Item>
              <DataList.ItemLabel>{t('people.phone')}</DataList.ItemLabel>
              <DataList.ItemValue>{p.phone ?? '—'}</DataList.ItemValue>
            </DataList.Item>
            <DataList.Item>
              <DataList.ItemLabel>{t('people.gender')}</DataList.ItemLabel>
              <DataList.ItemValue>{t(`enums.gender.${p.gender}`)}</DataList.ItemValue>
            </DataList.Item>
            <DataList.Item>
              <DataList.ItemLabel>{t('people.aliases')}</DataList.ItemLabel>
              <DataList.ItemValue>{p.aliases.length ? p.aliases.join('; ') : '—'}</DataList.ItemValue>
            </DataList.Item>
            <DataList.Item>
              <DataList.ItemLabel>{t('people.notes')}</DataList.ItemLabel>
              <DataList.ItemValue style={{ whiteSpace: 'pre-wrap' }}>{p.notes ?? '—'}</DataList.ItemValue>
            </DataList.Item>
          </DataList>
        </Paper>

        <Paper withBorder p="lg">
          <Group justify="space-between" mb="sm">
            <Title order={2} size="h4">
              {t('positions.sectionTitle')}
            </Title>
            {canWrite && (
              <Button
                size="sm"
                leftSection={<IconPlus size={16} aria-hidden />}
                onClick={() => setDialog({ kind: 'position' })}
              >
                {t('positions.create')}
              </Button>
            )}
          </Group>
          <Table.ScrollContainer minWidth={760}>
            <Table>
              <Table.Caption className="sr-caption">
                {t('positions.caption', { name: p.fullName })}
              </Table.Caption>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('positions.title')}</Table.Th>
                  <Table.Th>{t('positions.place')}</Table.Th>
                  <Table.Th>{t('positions.headKind')}</Table.Th>
                  <Table.Th>{t('positions.startsOn')}</Table.Th>
                  <Table.Th>{t('positions.endsOn')}</Table.Th>
                  {canWrite && (
                    <Table.Th>
                      <VisuallyHidden>{t('common.actions')}</VisuallyHidden>
                    </Table.Th>
                  )}
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {positions.map((pos) => (
                  <Table.Tr key={pos.id}>
                    <Table.Td fw={600}>{pos.title}</Table.Td>
                    <Table.Td>
                      {pos.areaId ? (
                        <Anchor component={Link} to={`/directorio/areas/${pos.areaId}`} size="sm">
                          {pos.areaName}
                        </Anchor>
                      ) : (
                        <Group gap={6}>
                          <Text size="sm">{pos.institutionName ?? '—'}</Text>
                          <Badge size="xs" variant="light" color="gray" tt="none">
                            {t('positions.external')}
                          </Badge>
                        </Group>
                      )}
                    </Table.Td>
                    <Table.Td>
                      {pos.headKind ? (
                        <Badge
                          variant="light"
                          color={pos.headKind === 'titular' ? 'guinda' : 'grape'}
                          tt="none"
                        >
                          {t(`enums.headKind.${pos.headKind}`)}
                        </Badge>
                      ) : (
                        '—'
                      )}
                    </Table.Td>
                    <Table.Td>{formatDay(pos.startsOn)}</Table.Td>
                    <Table.Td>
                      {pos.endsOn ? (
                        formatDay(pos.endsOn)
                      ) : rangeContains(pos.startsOn, pos.endsOn, today) ? (
                        <Badge variant="light" color="teal" tt="none">
                          {t('positions.current')}
                        </Badge>
                      ) : (
                        '—'
                      )}
                    </Table.Td>
                    {canWrite && (
                      <Table.Td ta="right">
                        <Group gap={4} justify="flex-end" wrap="nowrap">
                          <Tooltip label={t('common.edit')}>
                            <ActionIcon
                              variant="subtle"
                              color="gray"
                              aria-label={t('positions.editNamed', { title: pos.title })}
                              onClick={() => setDialog({ kind: 'position', position: pos })}
                            >
                              <IconPencil size={18} aria-hidden />
                            </ActionIcon>
                          </Tooltip>
                          <Tooltip label={t('common.delete')}>
                            <ActionIcon
                              variant="subtle"
                              color="red"
                              aria-label={t('positions.deleteNamed', { title: pos.title })}
                              onClick={() => setDialog({ kind: 'delete', position: pos })}
                            >
                              <IconTrash size={18} aria-hidden />
                            </ActionIcon>
                          </Tooltip>
                        </Group>
                      </Table.Td>
                    )}
                  </Table.Tr>
                ))}
                {positions.length === 0 && (
                  <Table.Tr>
                    <Table.Td colSpan={canWrite ? 6 : 5}>
                      <Text c="dimmed" ta="center" py="md">
                        {t('positions.none')}
                      </Text>
                    </Table.Td>
                  </Table.Tr>
                )}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        </Paper>
      </Stack>

      {dialog?.kind === 'person' && <PersonFormModal person={p} onClose={close} />}
      {dialog?.kind === 'position' && (
        <PositionFormModal
          personId={p.id}
          personName={p.fullName}
          position={dialog.position}
          onClose={close}
        />
      )}
      {dialog?.kind === 'delete' && (
        <DeletePositionModal personId={p.id} position={dialog.position} onClose={close} />
      )}
      {deleting && (
        <DeleteRecordModal
          collection="people"
          id={p.id}
          name={p.fullName}
          onClose={() => setDeleting(false)}
          onDeleted={() => void navigate('/directorio/personas', { replace: true })}
        />
      )}
    </>
  );
}

function DeletePositionModal(props: { personId: string; position: Position; onClose: () => void }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const remove = useMutation({
    mutationFn: () => removePosition(props.personId, props.position.id),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: DIRECTORY_KEY });
      notifySuccess(t('positions.deleted'));
      props.onClose();
    },
    onError: (error) => notifyError(error, t),
  });
  return (
    <Modal opened onClose={props.onClose} title={t('positions.deleteTitle')}>
      <Stack>
        <Text size="sm">{t('positions.deleteText', { title: props.position.title })}</Text>
        <Group justify="flex-end">
          <Button variant="default" onClick={props.onClose}>
            {t('common.cancel')}
          </Button>
          <Button color="red.9" loading={remove.isPending} onClick={() => remove.mutate()}>
            {t('positions.deleteSubmit')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
