import { Select, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { FormBody } from '@/web/shared/form/FormBody';
import { useSaveForm } from '@/web/shared/form/use-save-form';
import { foldedOptionsFilter } from '@/web/shared/lib/fold';
import { AssignmentInputSchema, type Mission } from '../contract';
import { OBSERVERS_KEY, assignStaff, useAgenda, useGroups, useStaffOptions } from './api';
import observersStrings from 'virtual:lazy-strings/observers';
import { addLazyStrings } from '@/web/i18n/all';

// This module's wording loads with it, not with the signed-in frame (issue 18).
addLazyStrings(observersStrings);

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
  const f = useSaveForm({
    initialValues: { staff: '', role: '', agendaItemId: agendaItemId ?? '', groupId: groupId ?? '' },
    schema: AssignmentInputSchema,
    toInput: (v) => {
      const [kind, id] = v.staff.split(':');
      return {
        agendaItemId: v.agendaItemId || null,
        groupId: v.groupId || null,
        userId: kind === 'user' ? id : null,
        personId: kind === 'person' ? id : null,
        role: v.role,
      };
    },
    save: (input) => assignStaff(mission.id, input),
    invalidate: [OBSERVERS_KEY],
    saved: () => t('observers.assigned'),
    onSaved: onClose,
    // Who is assigned is one field here: a user or a person of the directory.
    aliases: { userId: 'staff', personId: 'staff' },
  });
  const form = f.form;
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
    <FormBody form={f} submitLabel={t('observers.assign')} onCancel={onClose}>
      <Select
        label={t('observers.staffMember')}
        withAsterisk
        searchable
        filter={foldedOptionsFilter}
        data={options}
        {...form.getInputProps('staff')}
      />
      <TextInput
        label={t('observers.role')}
        withAsterisk
        placeholder={t('observers.rolePlaceholder')}
        {...f.text('role')}
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
    </FormBody>
  );
}
