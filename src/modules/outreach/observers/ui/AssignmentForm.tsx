import { Button, Group, Select, Stack, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { FieldProblem } from '@/shared/errors';
import { foldedOptionsFilter } from '@/web/shared/lib/fold';
import { FormErrorAlert } from '@/web/shared/ui/FormErrorAlert';
import type { Mission } from '../contract';
import {
  applyNestedErrors,
  assignStaff,
  useAgenda,
  useGroups,
  useObserversWrite,
  useStaffOptions,
} from './api';

/** Assigns a member of staff (a user or a person of the directory) to an agenda item and/or a group. */
export function AssignmentForm({
  mission,
  agendaItemId,
  groupId,
  onClose,
}: {
  mission: Mission;
  agendaItemId?: string;
  groupId?: string;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const staff = useStaffOptions();
  const agenda = useAgenda(mission.id);
  const groups = useGroups(mission.id);
  const form = useForm({
    initialValues: { staff: '', role: '', agendaItemId: agendaItemId ?? '', groupId: groupId ?? '' },
  });
  const [unplaced, setUnplaced] = useState<FieldProblem[]>([]);
  const save = useObserversWrite((v: typeof form.values) => {
    const [kind, id] = v.staff.split(':');
    return assignStaff(mission.id, {
      agendaItemId: v.agendaItemId || null,
      groupId: v.groupId || null,
      userId: kind === 'user' ? id : null,
      personId: kind === 'person' ? id : null,
      role: v.role,
    });
  });
  const options = [
    {
      group: t('observers.staffUsers'),
      items: (staff.data ?? [])
        .filter((s) => s.kind === 'user')
        .map((s) => ({ value: `user:${s.userId}`, label: s.name })),
    },
    {
      group: t('observers.staffPeople'),
      items: (staff.data ?? [])
        .filter((s) => s.kind === 'person')
        .map((s) => ({ value: `person:${s.personId}`, label: s.name })),
    },
  ];
  return (
    <form
      onSubmit={form.onSubmit((v) =>
        save.mutate(v, {
          onSuccess: onClose,
          onError: (e) => setUnplaced(applyNestedErrors(form, e)),
        }),
      )}
    >
      <Stack>
        <FormErrorAlert error={save.error} unplaced={unplaced} />
        <Select
          label={t('observers.staffMember')}
          required
          searchable
          filter={foldedOptionsFilter}
          data={options}
          {...form.getInputProps('staff')}
        />
        <TextInput
          label={t('observers.role')}
          required
          placeholder={t('observers.rolePlaceholder')}
          {...form.getInputProps('role')}
        />
        <Select
          label={t('observers.agendaItem')}
          clearable
          data={(agenda.data ?? []).map((a) => ({
            value: a.id,
            label: `${a.day} ${a.startTime} · ${a.title}`,
          }))}
          {...form.getInputProps('agendaItemId')}
        />
        <Select
          label={t('observers.group')}
          clearable
          data={(groups.data ?? []).map((g) => ({ value: g.id, label: g.name }))}
          {...form.getInputProps('groupId')}
        />
        <Group justify="flex-end">
          <Button type="submit" loading={save.isPending}>
            {t('observers.assign')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
