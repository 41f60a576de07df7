import {
  ActionIcon,
  Badge,
  Button,
  Group,
  Modal,
  NumberInput,
  Paper,
  Select,
  Stack,
  Table,
  Text,
  TextInput,
  Textarea,
  Title,
  Tooltip,
} from '@mantine/core';
import '@mantine/dates/styles.css';
import { TimeInput } from '@mantine/dates';
import { IconPencil, IconPlus, IconTrash, IconUserPlus } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatLongDate } from '@/shared/spanish-dates';
import { useCan } from '@/web/shared/session/session';
import { DayInput } from '@/web/shared/ui/DayInput';
import { FormErrorAlert } from '@/web/shared/ui/FormErrorAlert';
import { IconAction } from '@/web/shared/ui/ListTable';
import { QueryError } from '@/web/shared/ui/QueryError';
import {
  AGENDA_KINDS,
  AgendaItemInputSchema,
  AgendaItemPatchSchema,
  type AgendaItem,
  type Mission,
} from '../contract';
import { FormBody } from '@/web/shared/form/FormBody';
import { useSaveForm } from '@/web/shared/form/use-save-form';
import {
  OBSERVERS_KEY,
  deleteAgendaItem,
  saveAgendaItem,
  useAgenda,
  useGroups,
  useObserversWrite,
} from './api';
import { AssignmentForm } from './AssignmentForm';
import observersStrings from 'virtual:lazy-strings/observers';
import { addLazyStrings } from '@/web/i18n/all';

// This module's wording loads with it, not with the signed-in frame (issue 18).
addLazyStrings(observersStrings);

type StopValues = {
  section: number | string;
  casillaType: string;
  address: string;
  arrivalTime: string;
  departureTime: string;
};
const emptyStop = (): StopValues => ({
  section: '',
  casillaType: 'B',
  address: '',
  arrivalTime: '',
  departureTime: '',
});

function AgendaForm({
  mission,
  item,
  onClose,
}: {
  mission: Mission;
  item?: AgendaItem;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const groups = useGroups(mission.id);
  const f = useSaveForm({
    initialValues: {
      kind: item?.kind ?? 'activity',
      title: item?.title ?? '',
      day: item?.day ?? mission.startsOn,
      startTime: item?.startTime ?? '',
      endTime: item?.endTime ?? '',
      place: item?.place ?? '',
      description: item?.description ?? '',
      groupId: item?.groupId ?? '',
      stops: (item?.stops ?? []).map((s): StopValues => ({
        section: s.section,
        casillaType: s.casillaType,
        address: s.address,
        arrivalTime: s.arrivalTime,
        departureTime: s.departureTime,
      })),
    },
    schema: item ? AgendaItemPatchSchema : AgendaItemInputSchema,
    toInput: (v) => {
      const body = {
        title: v.title,
        day: v.day,
        startTime: v.startTime,
        endTime: v.endTime,
        place: v.place || null,
        description: v.description || null,
        groupId: v.groupId || null,
        stops:
          v.kind === 'route'
            ? v.stops.map((s) => ({
                ...s,
                // An empty section is missing (null), not "not a number".
                section: (s.section === '' ? null : Number(s.section)) as number,
              }))
            : item
              ? undefined
              : [],
      };
      return item ? body : { ...body, kind: v.kind };
    },
    save: (input) =>
      item
        ? saveAgendaItem({ itemId: item.id }, input)
        : saveAgendaItem({ missionId: mission.id }, input as Parameters<typeof saveAgendaItem>[1]),
    invalidate: [OBSERVERS_KEY],
    saved: () => t('observers.agendaSaved'),
    onSaved: onClose,
    // Each stop's problems go under its own fields ("stops.1.arrivalTime").
    aliases: (v) =>
      Object.fromEntries(
        v.stops.flatMap((_, i) =>
          ['section', 'casillaType', 'address', 'arrivalTime', 'departureTime'].map((k) => [
            `stops.${i}.${k}`,
            `stops.${i}.${k}`,
          ]),
        ),
      ),
  });
  const form = f.form;
  const route = form.values.kind === 'route';
  return (
    <FormBody form={f} submitLabel={t('observers.save')} onCancel={onClose}>
      {!item && (
        <Select
          label={t('observers.agendaKind')}
          data={AGENDA_KINDS.map((k) => ({ value: k, label: t(`observers.agendaKinds.${k}`) }))}
          allowDeselect={false}
          {...form.getInputProps('kind')}
          onChange={(v) => {
            form.setFieldValue('kind', (v ?? 'activity') as 'activity');
            if (v === 'route') {
              form.setFieldValue('day', mission.electionDay);
              if (!form.values.stops.length) form.setFieldValue('stops', [emptyStop()]);
            }
          }}
        />
      )}
      <TextInput label={t('observers.agendaTitle')} required {...f.text('title')} />
      <Group grow align="flex-start">
        <DayInput label={t('observers.day')} required {...form.getInputProps('day')} />
        <TimeInput label={t('observers.startTime')} required {...form.getInputProps('startTime')} />
        <TimeInput label={t('observers.endTime')} required {...form.getInputProps('endTime')} />
      </Group>
      <TextInput label={t('observers.place')} {...f.text('place')} />
      <Select
        label={t('observers.group')}
        placeholder={t('observers.wholeMission')}
        clearable
        data={(groups.data ?? []).map((g) => ({ value: g.id, label: g.name }))}
        {...form.getInputProps('groupId')}
      />
      <Textarea
        label={t('observers.description')}
        autosize
        minRows={2}
        {...form.getInputProps('description')}
      />
      {route && (
        <Stack gap="xs">
          <Title order={3} size="h5">
            {t('observers.stops')}
          </Title>
          {form.errors.stops && (
            <Text c="red.8" size="sm">
              {form.errors.stops}
            </Text>
          )}
          {form.values.stops.map((_, i) => (
            <Paper key={i} withBorder p="xs">
              <Group align="flex-start" gap="xs" wrap="wrap">
                <NumberInput
                  label={t('observers.stopSection', { n: i + 1 })}
                  required
                  min={1}
                  max={99999}
                  w={110}
                  {...form.getInputProps(`stops.${i}.section`)}
                />
                <TextInput
                  label={t('observers.casillaType', { n: i + 1 })}
                  required
                  w={110}
                  {...form.getInputProps(`stops.${i}.casillaType`)}
                />
                <TimeInput
                  label={t('observers.arrival', { n: i + 1 })}
                  required
                  w={120}
                  {...form.getInputProps(`stops.${i}.arrivalTime`)}
                />
                <TimeInput
                  label={t('observers.departure', { n: i + 1 })}
                  required
                  w={120}
                  {...form.getInputProps(`stops.${i}.departureTime`)}
                />
                <TextInput
                  label={t('observers.stopAddress', { n: i + 1 })}
                  required
                  style={{ flex: 1, minWidth: 220 }}
                  {...form.getInputProps(`stops.${i}.address`)}
                />
                <Tooltip label={t('observers.removeStop')}>
                  <ActionIcon
                    mt={26}
                    variant="subtle"
                    color="red"
                    aria-label={t('observers.removeStopN', { n: i + 1 })}
                    onClick={() => form.removeListItem('stops', i)}
                  >
                    <IconTrash size={16} aria-hidden />
                  </ActionIcon>
                </Tooltip>
              </Group>
            </Paper>
          ))}
          <Group>
            <Button
              variant="default"
              size="xs"
              leftSection={<IconPlus size={14} aria-hidden />}
              onClick={() => form.insertListItem('stops', emptyStop())}
            >
              {t('observers.addStop')}
            </Button>
          </Group>
        </Stack>
      )}
    </FormBody>
  );
}

function ItemCard({
  item,
  mission,
  onEdit,
  onStaff,
  onDelete,
}: {
  item: AgendaItem;
  mission: Mission;
  onEdit: () => void;
  onStaff: () => void;
  onDelete: () => void;
}) {
  const { t } = useTranslation();
  const canWrite = useCan('observers.write');
  return (
    <Paper withBorder p="md">
      <Group justify="space-between" align="flex-start">
        <Stack gap={2}>
          <Group gap="xs">
            <Text fw={600}>
              {item.startTime}–{item.endTime}
            </Text>
            <Title order={3} size="h5">
              {item.title}
            </Title>
            {item.kind === 'route' && (
              <Badge variant="light" color="blue.9" tt="none">
                {t('observers.agendaKinds.route')}
              </Badge>
            )}
          </Group>
          <Text size="sm" c="dimmed">
            {[item.place, item.groupName ?? t('observers.wholeMission')].filter(Boolean).join(' · ')}
          </Text>
          {item.staff.length > 0 && (
            <Text size="sm">
              {t('observers.staff')}: {item.staff.map((s) => `${s.name} (${s.role})`).join(', ')}
            </Text>
          )}
        </Stack>
        {canWrite && (
          <Group gap={4}>
            <IconAction
              tooltip={t('observers.assignStaff')}
              label={t('observers.assignStaffTo', { title: item.title })}
              icon={<IconUserPlus size={18} aria-hidden />}
              onClick={onStaff}
            />
            <IconAction
              tooltip={t('observers.edit')}
              label={t('observers.editOf', { name: item.title })}
              icon={<IconPencil size={18} aria-hidden />}
              onClick={onEdit}
            />
            <IconAction
              tooltip={t('observers.delete')}
              label={t('observers.deleteOf', { name: item.title })}
              icon={<IconTrash size={18} aria-hidden />}
              color="red"
              onClick={onDelete}
            />
          </Group>
        )}
      </Group>
      {item.kind === 'route' && (
        <Table.ScrollContainer minWidth={640} mt="sm">
          <Table>
            <Table.Caption className="sr-caption">
              {t('observers.routeCaption', { title: item.title, day: formatLongDate(mission.electionDay) })}
            </Table.Caption>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>#</Table.Th>
                <Table.Th>{t('observers.casilla')}</Table.Th>
                <Table.Th>{t('observers.address')}</Table.Th>
                <Table.Th>{t('observers.arrivalShort')}</Table.Th>
                <Table.Th>{t('observers.departureShort')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {item.stops.map((s) => (
                <Table.Tr key={s.id}>
                  <Table.Td>{s.position}</Table.Td>
                  <Table.Td>
                    {t('observers.casillaLabel', {
                      section: String(s.section).padStart(4, '0'),
                      type: s.casillaType,
                    })}
                  </Table.Td>
                  <Table.Td>{s.address}</Table.Td>
                  <Table.Td>{s.arrivalTime}</Table.Td>
                  <Table.Td>{s.departureTime}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
    </Paper>
  );
}

export function AgendaTab({ mission }: { mission: Mission }) {
  const { t } = useTranslation();
  const canWrite = useCan('observers.write');
  const agenda = useAgenda(mission.id);
  const remove = useObserversWrite((id: string) => deleteAgendaItem(id));
  const [modal, setModal] = useState<
    { kind: 'new' } | { kind: 'edit' | 'staff' | 'delete'; item: AgendaItem } | null
  >(null);
  if (agenda.isError) return <QueryError error={agenda.error} onRetry={() => void agenda.refetch()} />;
  const days = [...new Set((agenda.data ?? []).map((a) => a.day))];
  return (
    <Stack>
      {canWrite && (
        <Group justify="flex-end">
          <Button leftSection={<IconPlus size={16} aria-hidden />} onClick={() => setModal({ kind: 'new' })}>
            {t('observers.newAgendaItem')}
          </Button>
        </Group>
      )}
      {agenda.data?.length === 0 && <Text c="dimmed">{t('observers.noAgenda')}</Text>}
      {days.map((day) => (
        <Stack key={day} gap="xs">
          <Title order={2} size="h4">
            {formatLongDate(day)}
            {day === mission.electionDay && ` · ${t('observers.electionDay')}`}
          </Title>
          {(agenda.data ?? [])
            .filter((a) => a.day === day)
            .map((item) => (
              <ItemCard
                key={item.id}
                item={item}
                mission={mission}
                onEdit={() => setModal({ kind: 'edit', item })}
                onStaff={() => setModal({ kind: 'staff', item })}
                onDelete={() => setModal({ kind: 'delete', item })}
              />
            ))}
        </Stack>
      ))}
      <Modal
        opened={modal?.kind === 'new' || modal?.kind === 'edit'}
        onClose={() => setModal(null)}
        title={modal?.kind === 'edit' ? t('observers.editAgendaItem') : t('observers.newAgendaItem')}
        size="xl"
      >
        {(modal?.kind === 'new' || modal?.kind === 'edit') && (
          <AgendaForm
            mission={mission}
            item={modal.kind === 'edit' ? modal.item : undefined}
            onClose={() => setModal(null)}
          />
        )}
      </Modal>
      <Modal
        opened={modal?.kind === 'staff'}
        onClose={() => setModal(null)}
        title={t('observers.assignStaff')}
      >
        {modal?.kind === 'staff' && (
          <AssignmentForm
            mission={mission}
            agendaItemId={modal.item.id}
            groupId={modal.item.groupId ?? undefined}
            onClose={() => setModal(null)}
          />
        )}
      </Modal>
      <Modal
        opened={modal?.kind === 'delete'}
        onClose={() => setModal(null)}
        title={t('observers.deleteAgendaItem')}
      >
        {modal?.kind === 'delete' && (
          <Stack>
            <FormErrorAlert error={remove.error} />
            <Text>{t('observers.deleteConfirm', { title: modal.item.title })}</Text>
            <Group justify="flex-end">
              <Button variant="default" onClick={() => setModal(null)}>
                {t('common.cancel')}
              </Button>
              <Button
                color="red.9"
                loading={remove.isPending}
                onClick={() => remove.mutate(modal.item.id, { onSuccess: () => setModal(null) })}
              >
                {t('observers.delete')}
              </Button>
            </Group>
          </Stack>
        )}
      </Modal>
    </Stack>
  );
}
