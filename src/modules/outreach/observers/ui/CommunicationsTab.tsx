import {
  Badge,
  Button,
  Group,
  Modal,
  Paper,
  Progress,
  Select,
  Stack,
  Table,
  Text,
  TextInput,
  Textarea,
  Title,
} from '@mantine/core';
import { IconSend } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FormBody } from '@/web/shared/form/FormBody';
import { useSaveForm } from '@/web/shared/form/use-save-form';
import { formatDateTime } from '@/web/shared/lib/format';
import { useCan } from '@/web/shared/session/session';
import { QueryError } from '@/web/shared/ui/QueryError';
import {
  CommunicationInputSchema,
  type CommunicationDetail,
  type DeliveryStatus,
  type Mission,
} from '../contract';
import { OBSERVERS_KEY, sendCommunication, useCommunication, useCommunications, useGroups } from './api';
import observersStrings from 'virtual:lazy-strings/observers';
import { addLazyStrings } from '@/web/i18n/all';

// This module's wording loads with it, not with the signed-in frame (issue 18).
addLazyStrings(observersStrings);

const STATUS_COLORS: Record<DeliveryStatus, string> = {
  queued: 'gray.8',
  sending: 'blue.9',
  sent: 'teal.9',
  failed: 'red.9',
  skipped: 'yellow.9',
};

function CommunicationForm({
  mission,
  onSent,
  onCancel,
}: {
  mission: Mission;
  onSent: (c: CommunicationDetail) => void;
  onCancel: () => void;
}) {
  const { t } = useTranslation();
  const groups = useGroups(mission.id);
  const f = useSaveForm({
    initialValues: { subject: '', body: '', groupId: '' },
    schema: CommunicationInputSchema,
    toInput: (v) => ({ ...v, groupId: v.groupId || null }),
    save: (input) => sendCommunication(mission.id, input),
    invalidate: [OBSERVERS_KEY],
    saved: () => t('observers.communicationSent'),
    onSaved: onSent,
  });
  return (
    <FormBody form={f} submitLabel={t('observers.send')} onCancel={onCancel}>
      <Select
        label={t('observers.recipients')}
        placeholder={t('observers.allRegistrants')}
        clearable
        data={(groups.data ?? []).map((g) => ({ value: g.id, label: g.name }))}
        {...f.form.getInputProps('groupId')}
      />
      <TextInput label={t('observers.subject')} withAsterisk {...f.text('subject')} />
      <Textarea
        label={t('observers.body')}
        withAsterisk
        autosize
        minRows={5}
        {...f.text('body', t('observers.bodyHint', { field: '{{nombre}}' }))}
      />
      <Text size="sm" c="dimmed">
        {t('observers.consentRule')}
      </Text>
    </FormBody>
  );
}

function CommunicationDetails({ id }: { id: string }) {
  const { t } = useTranslation();
  const c = useCommunication(id);
  if (c.isError) return <QueryError error={c.error} onRetry={() => void c.refetch()} />;
  if (!c.data) return null;
  const { counts } = c.data;
  const eligible = counts.total - counts.skipped;
  return (
    <Stack>
      <Progress
        value={eligible ? ((counts.sent + counts.failed) / eligible) * 100 : 100}
        aria-label={t('observers.progress')}
        color="teal.9"
      />
      <Text size="sm">{t('observers.countsLine', counts)}</Text>
      <Table.ScrollContainer minWidth={560}>
        <Table>
          <Table.Caption className="sr-caption">{t('observers.deliveriesCaption')}</Table.Caption>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('observers.fullName')}</Table.Th>
              <Table.Th>{t('observers.email')}</Table.Th>
              <Table.Th>{t('observers.deliveryStatus')}</Table.Th>
              <Table.Th>{t('observers.sentAt')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {c.data.deliveries.map((d) => (
              <Table.Tr key={d.id}>
                <Table.Td>{d.fullName ?? t('observers.erased')}</Table.Td>
                <Table.Td>{d.email ?? '—'}</Table.Td>
                <Table.Td>
                  <Badge
                    color={STATUS_COLORS[d.status]}
                    variant="light"
                    tt="none"
                    title={d.lastError ?? undefined}
                  >
                    {t(`observers.deliveryStatuses.${d.status}`)}
                  </Badge>
                </Table.Td>
                <Table.Td>{d.sentAt ? formatDateTime(d.sentAt) : '—'}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </Stack>
  );
}

export function CommunicationsTab({ mission }: { mission: Mission }) {
  const { t } = useTranslation();
  const canWrite = useCan('observers.write');
  const list = useCommunications(mission.id);
  const [composing, setComposing] = useState(false);
  const [open, setOpen] = useState<string | null>(null);
  if (list.isError) return <QueryError error={list.error} onRetry={() => void list.refetch()} />;
  return (
    <Stack>
      {canWrite && (
        <Group justify="flex-end">
          <Button leftSection={<IconSend size={16} aria-hidden />} onClick={() => setComposing(true)}>
            {t('observers.newCommunication')}
          </Button>
        </Group>
      )}
      {list.data?.length === 0 && <Text c="dimmed">{t('observers.noCommunications')}</Text>}
      {(list.data ?? []).map((c) => (
        <Paper key={c.id} withBorder p="md">
          <Group justify="space-between" align="flex-start">
            <Stack gap={2}>
              <Title order={2} size="h5">
                {c.subject}
              </Title>
              <Text size="sm" c="dimmed">
                {formatDateTime(c.createdAt)} · {c.groupName ?? t('observers.allRegistrants')} ·{' '}
                {c.sentBy ?? ''}
              </Text>
              <Text size="sm">{t('observers.countsLine', c.counts)}</Text>
            </Stack>
            <Button variant="default" size="xs" onClick={() => setOpen(open === c.id ? null : c.id)}>
              {open === c.id ? t('observers.hideDeliveries') : t('observers.showDeliveries')}
            </Button>
          </Group>
          {open === c.id && (
            <Stack mt="sm">
              <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
                {c.body}
              </Text>
              <CommunicationDetails id={c.id} />
            </Stack>
          )}
        </Paper>
      ))}
      <Modal
        opened={composing}
        onClose={() => setComposing(false)}
        title={t('observers.newCommunication')}
        size="lg"
      >
        <CommunicationForm
          mission={mission}
          onSent={(c) => (setComposing(false), setOpen(c.id))}
          onCancel={() => setComposing(false)}
        />
      </Modal>
    </Stack>
  );
}
