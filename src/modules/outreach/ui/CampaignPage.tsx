import {
  Badge,
  Button,
  Group,
  Modal,
  Paper,
  Progress,
  Select,
  SimpleGrid,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ListFooter } from '@/web/shared/ui/ListFooter';
import { useParams } from 'react-router';
import { formatDateTime } from '@/web/shared/lib/format';
import { ConfirmModal } from '@/web/shared/ui/ConfirmModal';
import { FormBody } from '@/web/shared/form/FormBody';
import { useSaveForm } from '@/web/shared/form/use-save-form';
import { useCan } from '@/web/shared/session/session';
import { DayInput } from '@/web/shared/ui/DayInput';
import { FormErrorAlert } from '@/web/shared/ui/FormErrorAlert';
import { PageHeader } from '@/web/shared/ui/PageHeader';
import { QueryError } from '@/web/shared/ui/QueryError';
import { todayInMexicoCity } from '@/shared/calendar';
import { MANUAL_OUTCOMES, ManualContactInputSchema, type Channel } from '../contract';
import {
  OUTREACH_KEY,
  controlCampaign,
  recordManualContact,
  startCampaign,
  useCampaign,
  useContacts,
  useLedger,
  useManualContacts,
  useOutreachWrite,
} from './api';
import outreachStrings from 'virtual:lazy-strings/outreach';
import { addLazyStrings } from '@/web/i18n/all';

// This module's wording loads with it, not with the signed-in frame (issue 18).
addLazyStrings(outreachStrings);

function ManualForm({
  campaignId,
  channels,
  onClose,
}: {
  campaignId: string;
  channels: string[];
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const [q, setQ] = useState('');
  const contacts = useContacts({ q: q || undefined, page: 1, pageSize: 20 });
  const f = useSaveForm({
    initialValues: {
      contactId: '',
      channel: channels[0] ?? 'whatsapp',
      outcome: 'delivered',
      contactedOn: todayInMexicoCity() as string | null,
      notes: '',
    },
    schema: ManualContactInputSchema,
    toInput: (v) => ({ ...v, notes: v.notes || null }),
    save: (input) => recordManualContact(campaignId, input),
    invalidate: [OUTREACH_KEY],
    onSaved: onClose,
  });
  return (
    <FormBody form={f} submitLabel={t('outreach.save')} onCancel={onClose}>
      <Select
        label={t('outreach.contact')}
        searchable
        onSearchChange={setQ}
        data={(contacts.data?.items ?? [])
          .filter((c) => c.fullName)
          .map((c) => ({ value: c.id, label: c.fullName! }))}
        required
        {...f.form.getInputProps('contactId')}
      />
      <Select
        label={t('outreach.channel')}
        data={channels.map((c) => ({ value: c, label: t(`outreach.channels.${c as Channel}`) }))}
        allowDeselect={false}
        {...f.form.getInputProps('channel')}
      />
      <Select
        label={t('outreach.outcome')}
        data={MANUAL_OUTCOMES.map((o) => ({ value: o, label: t(`outreach.manualOutcomes.${o}`) }))}
        allowDeselect={false}
        {...f.form.getInputProps('outcome')}
      />
      <DayInput label={t('outreach.contactedOn')} required {...f.form.getInputProps('contactedOn')} />
      <TextInput label={t('outreach.notes')} {...f.text('notes')} />
    </FormBody>
  );
}

export default function CampaignPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const canWrite = useCan('outreach.write');
  const campaign = useCampaign(id);
  const [page, setPage] = useState(1);
  const sending = campaign.data?.status === 'sending';
  const ledger = useLedger(id, page, sending);
  const manual = useManualContacts(id);
  const start = useOutreachWrite(() => startCampaign(id));
  const control = useOutreachWrite((verb: 'pause' | 'resume' | 'cancel') => controlCampaign(id, verb));
  const [logging, setLogging] = useState(false);
  const [confirmingCancel, setConfirmingCancel] = useState(false);
  // Mail that has left cannot be recalled: starting (or scheduling) asks first.
  const [confirmingStart, setConfirmingStart] = useState(false);
  if (campaign.isError) return <QueryError error={campaign.error} onRetry={() => void campaign.refetch()} />;
  const c = campaign.data;
  if (!c) return null;
  const p = c.progress;
  const done = p.sent + p.failed + p.bounced + p.skipped + p.cancelled;
  const pct = p.total ? Math.round((done / p.total) * 100) : 0;
  const manualChannels = c.channels.filter((ch) => ch !== 'email');
  return (
    <>
      <PageHeader
        title={c.topic}
        description={`${c.sentOn ?? c.month} · ${c.channels.map((ch) => t(`outreach.channels.${ch}`)).join(', ')}`}
        actions={
          canWrite && (
            <>
              {c.status === 'draft' && c.channels.includes('email') && (
                <Button
                  loading={start.isPending}
                  onClick={() => {
                    start.reset();
                    setConfirmingStart(true);
                  }}
                >
                  {c.scheduledAt ? t('outreach.schedule') : t('outreach.start')}
                </Button>
              )}
              {c.status === 'sending' && (
                <Button
                  variant="default"
                  loading={control.isPending && control.variables === 'pause'}
                  onClick={() => control.mutate('pause')}
                >
                  {t('outreach.pause')}
                </Button>
              )}
              {c.status === 'paused' && (
                <Button
                  loading={control.isPending && control.variables === 'resume'}
                  onClick={() => control.mutate('resume')}
                >
                  {t('outreach.resume')}
                </Button>
              )}
              {['scheduled', 'sending', 'paused'].includes(c.status) && (
                <Button variant="outline" color="red.9" onClick={() => setConfirmingCancel(true)}>
                  {t('outreach.cancelSending')}
                </Button>
              )}
              {manualChannels.length > 0 && (
                <Button variant="default" onClick={() => setLogging(true)}>
                  {t('outreach.logManual')}
                </Button>
              )}
            </>
          )
        }
      />
      <FormErrorAlert error={start.error} />
      <FormErrorAlert error={control.error} />
      <SimpleGrid cols={{ base: 1, md: 2 }} mb="lg">
        <Paper withBorder p="md">
          <Title order={2} size="h4" mb="sm">
            {t('outreach.status')}
          </Title>
          <Badge color="gray" variant="light" tt="none" mb="sm">
            {t(`outreach.campaignStatuses.${c.status}`)}
          </Badge>
          {p.total > 0 && (
            <Stack gap={4}>
              <Progress value={pct} size="lg" aria-label={t('outreach.progressLabel')} animated={sending} />
              <Text size="sm">
                {t('outreach.progressText', {
                  sent: p.sent,
                  total: p.total,
                  failed: p.failed + p.bounced,
                  skipped: p.skipped,
                  opened: p.opened,
                })}
              </Text>
            </Stack>
          )}
          {p.cancelled > 0 && <Text size="sm">{t('outreach.cancelledCount', { count: p.cancelled })}</Text>}
          {p.manual > 0 && <Text size="sm">{t('outreach.manualCount', { count: p.manual })}</Text>}
        </Paper>
        <Paper withBorder p="md">
          <Title order={2} size="h4" mb="sm">
            {t('outreach.content')}
          </Title>
          <Text size="sm" fw={600}>
            {c.subject ?? '—'}
          </Text>
          <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
            {c.textTemplate ?? ''}
          </Text>
        </Paper>
      </SimpleGrid>
      {p.total > 0 && (
        <Paper withBorder p="md" mb="lg">
          <Title order={2} size="h4" mb="sm">
            {t('outreach.ledger')}
          </Title>
          <Table.ScrollContainer minWidth={720}>
            <Table aria-label={t('outreach.ledgerCaption')}>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('outreach.contact')}</Table.Th>
                  <Table.Th>{t('outreach.email')}</Table.Th>
                  <Table.Th>{t('outreach.status')}</Table.Th>
                  <Table.Th>{t('outreach.attempts')}</Table.Th>
                  <Table.Th>{t('outreach.sentAt')}</Table.Th>
                  <Table.Th>{t('outreach.ledgerDetail')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {(ledger.data?.items ?? []).map((l) => (
                  <Table.Tr key={l.id}>
                    <Table.Td>{l.contactName ?? t('outreach.erased')}</Table.Td>
                    <Table.Td>{l.email ?? '—'}</Table.Td>
                    <Table.Td>
                      {t(`outreach.ledgerStatuses.${l.status}`)}
                      {l.openedAt ? ` · ${t('outreach.opened')}` : ''}
                    </Table.Td>
                    <Table.Td>{l.attempts}</Table.Td>
                    <Table.Td>{l.sentAt ? formatDateTime(l.sentAt) : '—'}</Table.Td>
                    <Table.Td>
                      <Text size="xs" style={{ overflowWrap: 'anywhere' }}>
                        {l.lastError ?? '—'}
                      </Text>
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
          <ListFooter page={page} pageSize={25} total={ledger.data?.total ?? 0} onPage={setPage} />
        </Paper>
      )}
      {(manual.data ?? []).length > 0 && (
        <Paper withBorder p="md">
          <Title order={2} size="h4" mb="sm">
            {t('outreach.manualLog')}
          </Title>
          <Table>
            <Table.Tbody>
              {(manual.data ?? []).map((m) => (
                <Table.Tr key={m.id}>
                  <Table.Td>{m.contactedOn}</Table.Td>
                  <Table.Td>{m.contactName ?? t('outreach.erased')}</Table.Td>
                  <Table.Td>{t(`outreach.channels.${m.channel}`)}</Table.Td>
                  <Table.Td>{t(`outreach.manualOutcomes.${m.outcome}`)}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Paper>
      )}
      <Modal
        opened={confirmingCancel}
        onClose={() => setConfirmingCancel(false)}
        title={t('outreach.cancelSending')}
      >
        <Stack>
          <Text size="sm">{t('outreach.cancelWarning', { count: p.queued + p.sending })}</Text>
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setConfirmingCancel(false)}>
              {t('outreach.keepSending')}
            </Button>
            <Button
              color="red.9"
              loading={control.isPending && control.variables === 'cancel'}
              onClick={() => control.mutate('cancel', { onSettled: () => setConfirmingCancel(false) })}
            >
              {t('outreach.confirmCancel')}
            </Button>
          </Group>
        </Stack>
      </Modal>
      {confirmingStart && (
        <ConfirmModal
          title={c.scheduledAt ? t('outreach.startConfirm.scheduleTitle') : t('outreach.startConfirm.title')}
          message={
            c.scheduledAt
              ? t('outreach.startConfirm.scheduleMessage', {
                  topic: c.topic,
                  when: formatDateTime(c.scheduledAt),
                })
              : t('outreach.startConfirm.message', { topic: c.topic })
          }
          confirm={c.scheduledAt ? t('outreach.schedule') : t('outreach.start')}
          color="blue"
          mutation={start}
          onConfirm={() => start.mutate(undefined, { onSuccess: () => setConfirmingStart(false) })}
          onClose={() => setConfirmingStart(false)}
        />
      )}
      <Modal opened={logging} onClose={() => setLogging(false)} title={t('outreach.logManual')}>
        <ManualForm campaignId={id} channels={manualChannels} onClose={() => setLogging(false)} />
      </Modal>
    </>
  );
}
