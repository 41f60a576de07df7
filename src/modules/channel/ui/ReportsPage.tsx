import {
  ActionIcon,
  Badge,
  Button,
  Group,
  Modal,
  Paper,
  Select,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { IconDownload, IconFileTypePdf, IconPlus, IconSend, IconTrash } from '@tabler/icons-react';
import { useRef, useState } from 'react';
import { useKnownPeriod, withPeriod } from '@/web/shared/lib/use-period';
import { useTranslation } from 'react-i18next';
import { formatMonth } from '@/shared/spanish-dates';
import {
  GenerateReportInputSchema,
  ReportRecipientInputSchema,
  type ChannelReport,
} from '../contract-reports';
import { useReturnFocus } from '@/web/shared/form/FormModal';
import { useSaveForm } from '@/web/shared/form/use-save-form';
import { formatDay } from '@/web/shared/lib/format';
import { useCan } from '@/web/shared/session/session';
import { FormErrorAlert } from '@/web/shared/ui/FormErrorAlert';
import { PageHeader } from '@/web/shared/ui/PageHeader';
import { QueryError } from '@/web/shared/ui/QueryError';
import { CHANNEL_KEY } from './api';
import {
  addReportRecipient,
  downloadReport,
  generateReport,
  removeReportRecipient,
  sendReport,
  useChannelWrite,
  useRecipients,
  useReports,
} from './report-api';
import channelStrings from 'virtual:lazy-strings/channel';
import channelReportsStrings from 'virtual:lazy-strings/channelReports';
import { addLazyStrings } from '@/web/i18n/all';

// These sections' wording loads with this module, not with the signed-in frame (issue 18).
addLazyStrings(channelStrings);
addLazyStrings(channelReportsStrings);

const STATE_COLORS: Record<ChannelReport['state'], string> = {
  generated: 'gray',
  queued: 'blue',
  sent: 'teal',
  failed: 'red',
};

/** The fortnightly statistical reports: list with download and "send now", and the distribution list. */
export default withPeriod(ReportsPage);

function ReportsPage() {
  const { t } = useTranslation();
  const canManage = useCan('channel.reports');
  const thisYear = new Date().getFullYear();
  // The year of the app's chosen quarter; choosing a year keeps the quarter's number.
  const { period, setPeriod } = useKnownPeriod();
  const year = Number(period.value.slice(0, 4));
  const setYear = (y: number) => setPeriod(`${y}-${period.value.slice(5)}`);
  const [generating, setGenerating] = useState(false);
  const reports = useReports(year);
  const send = useChannelWrite(sendReport, t('channelReports.queued'));
  const download = useChannelWrite((v: { id: string; format: 'docx' | 'pdf' }) =>
    downloadReport(v.id, v.format),
  );
  const years = Array.from({ length: 6 }, (_, i) => String(thisYear - i));
  if (!years.includes('2024')) years.push('2024');
  if (!years.includes(String(year))) years.push(String(year));
  years.sort((a, b) => Number(b) - Number(a));

  return (
    <>
      <PageHeader
        title={t('channelReports.reportsTitle')}
        description={t('channelReports.reportsDescription')}
        actions={
          canManage && (
            <Button leftSection={<IconPlus size={16} aria-hidden />} onClick={() => setGenerating(true)}>
              {t('channelReports.generate')}
            </Button>
          )
        }
      />
      <Paper withBorder p="md">
        <Select
          label={t('channelReports.year')}
          data={years}
          value={String(year)}
          allowDeselect={false}
          onChange={(v) => v && setYear(Number(v))}
          w={140}
          mb="md"
        />
        {reports.isError && <QueryError error={reports.error} onRetry={() => void reports.refetch()} />}
        {reports.data && reports.data.length === 0 && <Text c="dimmed">{t('channelReports.noReports')}</Text>}
        {reports.data && reports.data.length > 0 && (
          <Table.ScrollContainer minWidth={760}>
            <Table striped withTableBorder>
              <Table.Caption>{t('channelReports.reportsCaption')}</Table.Caption>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('channelReports.number')}</Table.Th>
                  <Table.Th>{t('channelReports.report')}</Table.Th>
                  <Table.Th>{t('channelReports.period')}</Table.Th>
                  <Table.Th>{t('channelReports.state')}</Table.Th>
                  <Table.Th>{t('channelReports.sentOn')}</Table.Th>
                  <Table.Th>{t('channelReports.actions')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {[...reports.data]
                  .sort((a, b) => a.number - b.number)
                  .map((r) => (
                    <Table.Tr key={r.id}>
                      <Table.Td>{r.number}</Table.Td>
                      <Table.Td>{r.title}</Table.Td>
                      <Table.Td>
                        {formatDay(r.periodFrom)} – {formatDay(r.periodTo)}
                      </Table.Td>
                      <Table.Td>
                        <Badge color={STATE_COLORS[r.state]} variant="light">
                          {t(`channelReports.states.${r.state}`)}
                        </Badge>
                        {r.lastError && (
                          <Text size="xs" c={r.state === 'failed' ? 'red.9' : 'dimmed'} mt={4} maw={320}>
                            {r.lastError}
                          </Text>
                        )}
                      </Table.Td>
                      <Table.Td>{r.sentOn ? formatDay(r.sentOn) : '—'}</Table.Td>
                      <Table.Td>
                        <Group gap={4} wrap="nowrap">
                          <ActionIcon
                            variant="subtle"
                            aria-label={t('channelReports.downloadDocx', { title: r.title })}
                            onClick={() => download.mutate({ id: r.id, format: 'docx' })}
                          >
                            <IconDownload size={18} aria-hidden />
                          </ActionIcon>
                          <ActionIcon
                            variant="subtle"
                            aria-label={t('channelReports.downloadPdf', { title: r.title })}
                            onClick={() => download.mutate({ id: r.id, format: 'pdf' })}
                          >
                            <IconFileTypePdf size={18} aria-hidden />
                          </ActionIcon>
                          {canManage && (r.state === 'generated' || r.state === 'failed') && (
                            <Button
                              size="compact-sm"
                              variant="light"
                              leftSection={<IconSend size={14} aria-hidden />}
                              loading={send.isPending && send.variables === r.id}
                              onClick={() => send.mutate(r.id)}
                            >
                              {r.state === 'failed'
                                ? t('channelReports.retrySend')
                                : t('channelReports.sendNow')}
                            </Button>
                          )}
                        </Group>
                      </Table.Td>
                    </Table.Tr>
                  ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
      </Paper>
      {canManage && <RecipientsPanel />}
      {generating && <GenerateModal year={year} onClose={() => setGenerating(false)} />}
    </>
  );
}

type FortnightValues = { year: string; month: string; half: string };

function GenerateModal(props: { year: number; onClose: () => void }) {
  const { t } = useTranslation();
  const now = new Date();
  useReturnFocus();
  // Which of the two buttons submitted the form: generate only, or generate and send.
  const sending = useRef(false);
  const f = useSaveForm({
    initialValues: {
      year: String(props.year),
      month: String(now.getMonth() + 1),
      half: now.getDate() > 15 ? '1' : '2',
    } as FortnightValues,
    schema: GenerateReportInputSchema,
    toInput: (v) => ({
      year: Number(v.year),
      month: Number(v.month),
      half: Number(v.half),
      send: sending.current,
    }),
    save: generateReport,
    invalidate: [CHANNEL_KEY],
    saved: () => t('channelReports.generated'),
    onSaved: props.onClose,
  });
  const form = f.form;
  const year = Number(form.values.year) || now.getFullYear();
  const pending = f.mutation.isPending;
  return (
    <Modal opened onClose={props.onClose} title={t('channelReports.generateTitle')}>
      <form noValidate onSubmit={f.submit}>
        <Stack>
          <FormErrorAlert error={f.error} unplaced={f.unplaced} />
          <TextInput label={t('channelReports.year')} {...form.getInputProps('year')} />
          <Select
            label={t('channelReports.month')}
            data={Array.from({ length: 12 }, (_, i) => ({
              value: String(i + 1),
              label: formatMonth(year, i + 1).replace(/ de \d+$/, ''),
            }))}
            allowDeselect={false}
            {...form.getInputProps('month')}
          />
          <Select
            label={t('channelReports.half')}
            data={['1', '2'].map((h) => ({ value: h, label: t(`channelReports.halves.${h as '1' | '2'}`) }))}
            allowDeselect={false}
            {...form.getInputProps('half')}
          />
          <Group justify="flex-end">
            <Button
              type="submit"
              variant="default"
              onClick={() => (sending.current = false)}
              loading={pending && !f.mutation.variables?.send}
            >
              {t('channelReports.generate')}
            </Button>
            <Button
              type="submit"
              leftSection={<IconSend size={16} aria-hidden />}
              onClick={() => (sending.current = true)}
              loading={pending && f.mutation.variables?.send === true}
            >
              {t('channelReports.generateAndSend')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}

function RecipientsPanel() {
  const { t } = useTranslation();
  const recipients = useRecipients(true);
  const add = useSaveForm({
    initialValues: { email: '', name: '' },
    schema: ReportRecipientInputSchema,
    toInput: (v) => v,
    save: addReportRecipient,
    invalidate: [CHANNEL_KEY],
    saved: () => t('channelReports.added'),
    onSaved: clear,
  });
  function clear(): void {
    add.form.reset();
  }
  const remove = useChannelWrite(removeReportRecipient, t('channelReports.removed'));
  return (
    <Paper withBorder p="md" mt="lg">
      <Title order={2} size="h4">
        {t('channelReports.recipientsTitle')}
      </Title>
      <Text size="sm" c="dimmed" mb="md">
        {t('channelReports.recipientsDescription')}
      </Text>
      <form noValidate onSubmit={add.submit}>
        <FormErrorAlert error={add.error} unplaced={add.unplaced} />
        <Group align="flex-end" gap="sm" mb="md">
          <TextInput
            label={t('channelReports.email')}
            type="email"
            required
            w={280}
            {...add.form.getInputProps('email')}
          />
          <TextInput label={t('channelReports.name')} w={240} {...add.form.getInputProps('name')} />
          <Button
            type="submit"
            leftSection={<IconPlus size={16} aria-hidden />}
            loading={add.mutation.isPending}
          >
            {t('channelReports.add')}
          </Button>
        </Group>
      </form>
      {recipients.isError && (
        <QueryError error={recipients.error} onRetry={() => void recipients.refetch()} />
      )}
      {recipients.data && recipients.data.length === 0 && (
        <Text size="sm" c="dimmed">
          {t('channelReports.noRecipients')}
        </Text>
      )}
      {recipients.data && recipients.data.length > 0 && (
        <Table withTableBorder striped maw={720}>
          <Table.Caption>{t('channelReports.recipientsCaption')}</Table.Caption>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('channelReports.email')}</Table.Th>
              <Table.Th>{t('channelReports.name')}</Table.Th>
              <Table.Th w={60} />
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {recipients.data.map((r) => (
              <Table.Tr key={r.id}>
                {/* Long addresses wrap rather than push the table past a phone's width. */}
                <Table.Td style={{ overflowWrap: 'anywhere' }}>{r.email}</Table.Td>
                <Table.Td>{r.name}</Table.Td>
                <Table.Td>
                  <ActionIcon
                    variant="subtle"
                    color="red"
                    aria-label={t('channelReports.remove', { email: r.email })}
                    onClick={() => remove.mutate(r.id)}
                  >
                    <IconTrash size={18} aria-hidden />
                  </ActionIcon>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </Paper>
  );
}
