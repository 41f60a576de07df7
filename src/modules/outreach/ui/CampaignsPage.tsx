import {
  Anchor,
  Badge,
  Button,
  Checkbox,
  Group,
  Modal,
  MultiSelect,
  NumberInput,
  Paper,
  Select,
  Stack,
  Table,
  Text,
  TextInput,
  Textarea,
} from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { FormBody } from '@/web/shared/form/FormBody';
import { useSaveForm } from '@/web/shared/form/use-save-form';
import { useCan } from '@/web/shared/session/session';
import { PageHeader } from '@/web/shared/ui/PageHeader';
import { ListFooter } from '@/web/shared/ui/ListFooter';
import { QueryError } from '@/web/shared/ui/QueryError';
import { SearchInput } from '@/web/shared/ui/SearchInput';
import { todayInMexicoCity } from '@/shared/calendar';
import { BounceInputSchema, CHANNELS, CampaignInputSchema } from '../contract';
import { OUTREACH_KEY, createCampaign, recordBounces, useBases, useCampaigns, useObjectives } from './api';
import outreachStrings from 'virtual:lazy-strings/outreach';
import { addLazyStrings } from '@/web/i18n/all';

// This module's wording loads with it, not with the signed-in frame (issue 18).
addLazyStrings(outreachStrings);

const PAGE_SIZE = 25;

function CampaignForm({ onClose }: { onClose: (id?: string) => void }) {
  const { t } = useTranslation();
  const bases = useBases();
  const objectives = useObjectives();
  const f = useSaveForm({
    initialValues: {
      topic: '',
      month: todayInMexicoCity().slice(0, 7),
      channels: ['email'] as string[],
      baseIds: [] as string[],
      objectiveId: null as string | null,
      subject: '',
      textTemplate: 'Hola {{nombre}}:\n\n\n\nPara dejar de recibir estos correos: {{enlace_baja}}',
      htmlTemplate: '',
      ratePerSecond: 20,
      trackOpens: false,
      historical: false,
    },
    schema: CampaignInputSchema,
    toInput: (v) => ({ ...v, subject: v.subject || null, htmlTemplate: v.htmlTemplate || null }),
    save: createCampaign,
    invalidate: [OUTREACH_KEY],
    onSaved: (c) => onClose(c.id),
  });
  return (
    <FormBody form={f} submitLabel={t('outreach.save')} onCancel={() => onClose()}>
      <TextInput label={t('outreach.topic')} required {...f.text('topic')} />
      <Group grow>
        <TextInput label={t('outreach.month')} placeholder="AAAA-MM" required {...f.text('month')} />
        <Select
          label={t('outreach.objective')}
          data={(objectives.data ?? []).map((o) => ({
            value: o.id,
            label: `${o.year} · ${o.code} ${o.title.slice(0, 60)}`,
          }))}
          clearable
          searchable
          {...f.form.getInputProps('objectiveId')}
        />
      </Group>
      <MultiSelect
        label={t('outreach.channelsLabel')}
        data={CHANNELS.map((c) => ({ value: c, label: t(`outreach.channels.${c}`) }))}
        {...f.form.getInputProps('channels')}
      />
      <MultiSelect
        label={t('outreach.bases')}
        data={(bases.data ?? []).map((b) => ({
          value: b.id,
          label: `${b.name} (${b.consenting}/${b.contacts})`,
        }))}
        {...f.form.getInputProps('baseIds')}
      />
      <TextInput label={t('outreach.subject')} {...f.text('subject')} />
      <Textarea
        label={t('outreach.textTemplate')}
        autosize
        minRows={4}
        {...f.text('textTemplate', t('outreach.mergeFields'))}
      />
      <Textarea label={t('outreach.htmlTemplate')} autosize minRows={2} {...f.text('htmlTemplate')} />
      <Group grow>
        <NumberInput
          label={t('outreach.ratePerSecond')}
          min={1}
          max={10000}
          {...f.form.getInputProps('ratePerSecond')}
        />
        <Checkbox
          label={t('outreach.trackOpens')}
          {...f.form.getInputProps('trackOpens', { type: 'checkbox' })}
        />
      </Group>
      <Checkbox
        label={t('outreach.historical')}
        {...f.form.getInputProps('historical', { type: 'checkbox' })}
      />
    </FormBody>
  );
}

/** Records asynchronous bounces: the text of a delivery status notification, pasted. */
function BounceForm({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation();
  const f = useSaveForm({
    initialValues: { dsn: '' },
    schema: BounceInputSchema,
    toInput: (v) => v,
    save: (v) => recordBounces(v.dsn),
    invalidate: [OUTREACH_KEY],
  });
  const report = f.mutation.data;
  return (
    <FormBody
      form={f}
      submitLabel={t('outreach.recordBounce')}
      onCancel={onClose}
      cancelLabel={t('outreach.close')}
    >
      <Text size="sm">{t('outreach.bounceHint')}</Text>
      <Textarea
        label={t('outreach.bounceText')}
        withAsterisk
        autosize
        minRows={8}
        maxRows={16}
        styles={{ input: { fontFamily: 'monospace' } }}
        {...f.text('dsn')}
      />
      {report && (
        <Stack gap={4} aria-live="polite">
          {report.recorded.map((r) => (
            <Text size="sm" key={r.ledgerId}>
              {t('outreach.bounceRecorded', {
                recipient: r.recipient,
                status: r.status,
                topic: r.campaignTopic,
              })}
              {r.emailInvalidated ? ` ${t('outreach.bounceInvalidated')}` : ''}
            </Text>
          ))}
          {report.ignored.map((r, i) => (
            <Text size="sm" c="dimmed" key={i}>
              {t('outreach.bounceIgnored', { recipient: r.recipient || '—', reason: r.reason })}
            </Text>
          ))}
        </Stack>
      )}
    </FormBody>
  );
}

export default function CampaignsPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const canWrite = useCan('outreach.write');
  const [q, setQ] = useState('');
  const [page, setPage] = useState(1);
  const campaigns = useCampaigns({ q: q || undefined, page, pageSize: PAGE_SIZE });
  const [creating, setCreating] = useState(false);
  const [bouncing, setBouncing] = useState(false);
  return (
    <>
      <PageHeader
        title={t('outreach.campaignsTitle')}
        description={t('outreach.campaignsDescription')}
        actions={
          canWrite && (
            <>
              <Button variant="default" onClick={() => setBouncing(true)}>
                {t('outreach.recordBounce')}
              </Button>
              <Button leftSection={<IconPlus size={16} aria-hidden />} onClick={() => setCreating(true)}>
                {t('outreach.newCampaign')}
              </Button>
            </>
          )
        }
      />
      <Paper withBorder p="md">
        <Group mb="md">
          <SearchInput label={t('outreach.search')} value={q} onChange={(v) => (setQ(v), setPage(1))} />
        </Group>
        {campaigns.isError ? (
          <QueryError error={campaigns.error} onRetry={() => void campaigns.refetch()} />
        ) : (
          <Table.ScrollContainer minWidth={720}>
            <Table striped>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('outreach.month')}</Table.Th>
                  <Table.Th>{t('outreach.topic')}</Table.Th>
                  <Table.Th>{t('outreach.channelsLabel')}</Table.Th>
                  <Table.Th>{t('outreach.status')}</Table.Th>
                  <Table.Th>{t('outreach.sentCount')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {(campaigns.data?.items ?? []).map((c) => (
                  <Table.Tr key={c.id}>
                    <Table.Td>{c.sentOn ?? c.month}</Table.Td>
                    <Table.Td>
                      <Anchor component={Link} to={`/difusion/campanas/${c.id}`}>
                        {c.topic}
                      </Anchor>
                    </Table.Td>
                    <Table.Td>{c.channels.map((ch) => t(`outreach.channels.${ch}`)).join(', ')}</Table.Td>
                    <Table.Td>
                      <Badge color="gray" variant="light" tt="none">
                        {t(`outreach.campaignStatuses.${c.status}`)}
                      </Badge>
                    </Table.Td>
                    <Table.Td>{c.progress.total ? `${c.progress.sent}/${c.progress.total}` : '—'}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
        <ListFooter page={page} pageSize={PAGE_SIZE} total={campaigns.data?.total ?? 0} onPage={setPage} />
      </Paper>
      <Modal
        opened={bouncing}
        onClose={() => setBouncing(false)}
        title={t('outreach.recordBounce')}
        size="lg"
      >
        <BounceForm onClose={() => setBouncing(false)} />
      </Modal>
      <Modal opened={creating} onClose={() => setCreating(false)} title={t('outreach.newCampaign')} size="lg">
        <CampaignForm
          onClose={(id) => {
            setCreating(false);
            if (id) void navigate(`/difusion/campanas/${id}`);
          }}
        />
      </Modal>
    </>
  );
}
