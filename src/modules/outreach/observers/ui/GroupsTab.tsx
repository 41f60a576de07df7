import {
  Button,
  Group,
  List,
  Modal,
  MultiSelect,
  Paper,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
  Textarea,
  Title,
} from '@mantine/core';
import { IconPlus, IconTrash, IconUserPlus, IconUsers } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FormBody } from '@/web/shared/form/FormBody';
import { useSaveForm } from '@/web/shared/form/use-save-form';
import { foldedOptionsFilter } from '@/web/shared/lib/fold';
import { useCan } from '@/web/shared/session/session';
import { FormErrorAlert } from '@/web/shared/ui/FormErrorAlert';
import { ConfirmModal } from '@/web/shared/ui/ConfirmModal';
import { IconAction } from '@/web/shared/ui/ListTable';
import { QueryError } from '@/web/shared/ui/QueryError';
import { GroupInputSchema, type Group as MissionGroup, type Mission } from '../contract';
import {
  OBSERVERS_KEY,
  createGroup,
  deleteGroup,
  removeAssignment,
  setGroupMembers,
  useAllRegistrants,
  useAssignments,
  useGroups,
  useObserversWrite,
} from './api';
import { AssignmentForm } from './AssignmentForm';
import observersStrings from 'virtual:lazy-strings/observers';
import { addLazyStrings } from '@/web/i18n/all';

// This module's wording loads with it, not with the signed-in frame (issue 18).
addLazyStrings(observersStrings);

function GroupForm({ mission, onClose }: { mission: Mission; onClose: () => void }) {
  const { t } = useTranslation();
  const f = useSaveForm({
    initialValues: { name: '', description: '' },
    schema: GroupInputSchema,
    toInput: (v) => ({ ...v, description: v.description || null }),
    save: (input) => createGroup(mission.id, input),
    invalidate: [OBSERVERS_KEY],
    saved: (g) => t('observers.groupSaved', { name: g.name }),
    onSaved: onClose,
  });
  return (
    <FormBody form={f} submitLabel={t('observers.save')} onCancel={onClose}>
      <TextInput label={t('observers.groupName')} withAsterisk {...f.text('name')} />
      <Textarea label={t('observers.description')} {...f.text('description')} />
    </FormBody>
  );
}

function MembersForm({
  mission,
  group,
  onClose,
}: {
  mission: Mission;
  group: MissionGroup;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const registrants = useAllRegistrants(mission.id);
  const current = (registrants.data?.items ?? []).filter((r) => r.groupId === group.id).map((r) => r.id);
  const [value, setValue] = useState<string[] | null>(null);
  const save = useObserversWrite((ids: string[]) => setGroupMembers(group.id, ids));
  return (
    <Stack>
      <FormErrorAlert error={save.error} />
      <MultiSelect
        label={t('observers.members')}
        searchable
        filter={foldedOptionsFilter}
        data={(registrants.data?.items ?? [])
          .filter((r) => !r.erased)
          .map((r) => ({
            value: r.id,
            label:
              r.groupId && r.groupId !== group.id ? `${r.fullName} (${r.groupName})` : (r.fullName ?? ''),
          }))}
        value={value ?? current}
        onChange={setValue}
      />
      <Text size="xs" c="dimmed">
        {t('observers.membersHint')}
      </Text>
      <Group justify="flex-end">
        <Button
          loading={save.isPending}
          onClick={() => save.mutate(value ?? current, { onSuccess: onClose })}
        >
          {t('observers.save')}
        </Button>
      </Group>
    </Stack>
  );
}

export function GroupsTab({ mission }: { mission: Mission }) {
  const { t } = useTranslation();
  const canWrite = useCan('observers.write');
  const groups = useGroups(mission.id);
  const registrants = useAllRegistrants(mission.id);
  const assignments = useAssignments(mission.id);
  const remove = useObserversWrite((id: string) => removeAssignment(id));
  const removeGroup = useObserversWrite((id: string) => deleteGroup(id));
  const [modal, setModal] = useState<
    { kind: 'new' } | { kind: 'members' | 'staff' | 'delete'; g: MissionGroup } | null
  >(null);
  if (groups.isError) return <QueryError error={groups.error} onRetry={() => void groups.refetch()} />;
  return (
    <Stack>
      {canWrite && (
        <Group justify="flex-end">
          <Button leftSection={<IconPlus size={16} aria-hidden />} onClick={() => setModal({ kind: 'new' })}>
            {t('observers.newGroup')}
          </Button>
        </Group>
      )}
      {groups.data?.length === 0 && <Text c="dimmed">{t('observers.noGroups')}</Text>}
      <SimpleGrid cols={{ base: 1, md: 2 }}>
        {(groups.data ?? []).map((g) => {
          const members = (registrants.data?.items ?? []).filter((r) => r.groupId === g.id);
          const staff = (assignments.data ?? []).filter((a) => a.groupId === g.id);
          return (
            <Paper key={g.id} withBorder p="md">
              <Group justify="space-between" mb="xs">
                <Title order={2} size="h4">
                  {g.name}
                </Title>
                {canWrite && (
                  <Group gap={4}>
                    <Button
                      size="xs"
                      variant="default"
                      leftSection={<IconUsers size={14} aria-hidden />}
                      onClick={() => setModal({ kind: 'members', g })}
                    >
                      {t('observers.editMembers')}
                    </Button>
                    <Button
                      size="xs"
                      variant="default"
                      leftSection={<IconUserPlus size={14} aria-hidden />}
                      onClick={() => setModal({ kind: 'staff', g })}
                    >
                      {t('observers.assignStaff')}
                    </Button>
                    <IconAction
                      tooltip={t('observers.deleteGroup')}
                      label={t('observers.deleteOf', { name: g.name })}
                      icon={<IconTrash size={16} aria-hidden />}
                      color="red"
                      onClick={() => (removeGroup.reset(), setModal({ kind: 'delete', g }))}
                    />
                  </Group>
                )}
              </Group>
              {g.description && (
                <Text size="sm" c="dimmed" mb="xs">
                  {g.description}
                </Text>
              )}
              <Title order={3} size="h6">
                {t('observers.membersCount', { count: g.members })}
              </Title>
              <List size="sm" mb="sm">
                {members.map((r) => (
                  <List.Item key={r.id}>{r.fullName ?? t('observers.erased')}</List.Item>
                ))}
              </List>
              <Title order={3} size="h6">
                {t('observers.staff')}
              </Title>
              {staff.length === 0 ? (
                <Text size="sm" c="dimmed">
                  {t('observers.noStaff')}
                </Text>
              ) : (
                <List size="sm">
                  {staff.map((a) => (
                    <List.Item key={a.id}>
                      <Group gap={4} wrap="nowrap">
                        <span>
                          {a.staff.name} — {a.role}
                          {a.agendaItemTitle ? ` (${a.agendaItemTitle})` : ''}
                        </span>
                        {canWrite && (
                          <IconAction
                            tooltip={t('observers.removeAssignment')}
                            label={t('observers.removeAssignmentOf', { name: a.staff.name })}
                            icon={<IconTrash size={16} aria-hidden />}
                            color="red"
                            onClick={() => remove.mutate(a.id)}
                          />
                        )}
                      </Group>
                    </List.Item>
                  ))}
                </List>
              )}
            </Paper>
          );
        })}
      </SimpleGrid>
      <Modal opened={modal?.kind === 'new'} onClose={() => setModal(null)} title={t('observers.newGroup')}>
        <GroupForm mission={mission} onClose={() => setModal(null)} />
      </Modal>
      <Modal
        opened={modal?.kind === 'members'}
        onClose={() => setModal(null)}
        title={modal && modal.kind !== 'new' ? t('observers.membersOf', { name: modal.g.name }) : ''}
      >
        {modal?.kind === 'members' && (
          <MembersForm mission={mission} group={modal.g} onClose={() => setModal(null)} />
        )}
      </Modal>
      <Modal
        opened={modal?.kind === 'staff'}
        onClose={() => setModal(null)}
        title={t('observers.assignStaff')}
      >
        {modal?.kind === 'staff' && (
          <AssignmentForm mission={mission} groupId={modal.g.id} onClose={() => setModal(null)} />
        )}
      </Modal>
      {modal?.kind === 'delete' && (
        <ConfirmModal
          title={t('observers.deleteGroup')}
          message={t('observers.deleteGroupConfirm', { name: modal.g.name })}
          confirm={t('observers.delete')}
          mutation={removeGroup}
          onConfirm={() => removeGroup.mutate(modal.g.id, { onSuccess: () => setModal(null) })}
          onClose={() => setModal(null)}
        />
      )}
    </Stack>
  );
}
