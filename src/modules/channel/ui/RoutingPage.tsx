import {
  Alert,
  Button,
  FileInput,
  Group,
  Paper,
  SimpleGrid,
  Stack,
  Text,
  Textarea,
  Title,
} from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { IconUserShare } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { FormBody } from '@/web/shared/form/FormBody';
import { FormModal } from '@/web/shared/form/FormModal';
import { useSaveForm } from '@/web/shared/form/use-save-form';
import { formatDateTime, formatDay } from '@/web/shared/lib/format';
import { PageHeader } from '@/web/shared/ui/PageHeader';
import { QueryError } from '@/web/shared/ui/QueryError';
import { Trail } from '@/web/shared/ui/Trail';
import { AnswerRoutingInputSchema, ReturnRoutingInputSchema, type RoutingDetail } from '../routing-contract';
import { CHANNEL_KEY } from './api';
import { AttachmentList } from './AttachmentList';
import { DueBadges, FolioStatusBadge } from './FolioStatusBadge';
import { RoutingStateBadge, closedByText } from './RoutingPanel';
import { useMe } from '@/web/shared/session/session';
import { answerRouting, attachToRouting, returnRouting, useMyRouting } from './routing-api';
import channelStrings from 'virtual:lazy-strings/channel';
import { addLazyStrings } from '@/web/i18n/all';

// This module's wording loads with it, not with the signed-in frame (issue 18).
addLazyStrings(channelStrings);

/** One slip of the user's area: the folio, the instructions, and the answer or the return. */
export default function RoutingPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const slip = useMyRouting(id);
  const [returning, setReturning] = useState(false);
  const me = useMe();
  if (slip.isError) return <QueryError error={slip.error} onRetry={() => void slip.refetch()} />;
  if (!slip.data) return null;
  const r = slip.data;
  const f = r.folioSummary;
  return (
    <>
      <PageHeader
        above={
          <Trail items={[{ label: t('channel.queue.title'), to: '/canal/turnos' }, { label: f.folio }]} />
        }
        title={`${t('channel.folio')} ${f.folio}`}
        description={f.subject}
        actions={
          r.state === 'assigned' && (
            <Button variant="default" onClick={() => setReturning(true)}>
              {t('channel.routing.return')}
            </Button>
          )
        }
      />
      <Stack>
        {r.actingFor && r.state === 'assigned' && (
          <Alert color="blue" icon={<IconUserShare size={18} aria-hidden />}>
            {t('channel.routing.actingBanner', { name: r.actingFor.name, me: me.data?.name ?? '' })}
          </Alert>
        )}
        <Paper withBorder p="md">
          <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="md">
            <Field label={t('channel.routing.area')}>
              {r.area.name} · {t(`channel.routing.roles.${r.role}`)}
            </Field>
            <Field label={t('channel.routing.state')}>
              <RoutingStateBadge state={r.state} />
            </Field>
            <Field label={t('channel.routing.internalDue')}>
              <Group gap="xs">
                <span>{r.internalDueOn ? formatDay(r.internalDueOn) : '—'}</span>
                <DueBadges folio={r} />
              </Group>
            </Field>
            <Field label={t('channel.statusLabel')}>
              <FolioStatusBadge status={f.status} />
            </Field>
            <Field label={t('channel.due')}>
              <Group gap="xs">
                <span>{f.dueOn ? formatDay(f.dueOn) : '—'}</span>
                <DueBadges folio={f} />
              </Group>
            </Field>
            <Field label={t('channel.routing.routedAt')}>
              {formatDateTime(r.assignedAt)}
              {r.assignedBy ? ` · ${r.assignedBy}` : ''}
            </Field>
          </SimpleGrid>
          {r.instructions && (
            <Field label={t('channel.routing.instructions')}>
              <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
                {r.instructions}
              </Text>
            </Field>
          )}
          {f.body && (
            <Text mt="md" size="sm" style={{ whiteSpace: 'pre-wrap' }}>
              {f.body}
            </Text>
          )}
          <Title order={2} size="h5" mt="md" mb={4}>
            {t('channel.routing.files')}
          </Title>
          <AttachmentList files={r.folioAttachments} empty={t('channel.routing.noFiles')} />
        </Paper>
        <Paper withBorder p="md">
          <Title order={2} size="h4" mb="sm">
            {t('channel.routing.areaAnswer')}
          </Title>
          {r.state === 'assigned' ? (
            <AnswerForm routing={r} />
          ) : (
            <Stack gap="xs">
              {r.answerText && (
                <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
                  {r.answerText}
                </Text>
              )}
              {r.returnReason && (
                <Text size="sm">
                  {t('channel.routing.reason')}: {r.returnReason}
                </Text>
              )}
              <AttachmentList files={r.attachments} />
              <Text size="xs" c="dimmed">
                {r.closedAt ? formatDateTime(r.closedAt) : ''}
                {r.closedBy ? ` · ${closedByText(r, t)}` : ''} · {t('channel.routing.daysInArea')}:{' '}
                {r.businessDaysInArea}
              </Text>
            </Stack>
          )}
        </Paper>
      </Stack>
      {returning && <ReturnModal routing={r} onClose={() => setReturning(false)} />}
    </>
  );
}

function Field(props: { label: string; children: React.ReactNode }) {
  return (
    <div>
      <Text size="xs" c="dimmed" fw={600}>
        {props.label}
      </Text>
      <div>{props.children}</div>
    </div>
  );
}

function AnswerForm({ routing }: { routing: RoutingDetail }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [files, setFiles] = useState<File[]>([]);
  const f = useSaveForm({
    initialValues: { text: '' },
    schema: AnswerRoutingInputSchema,
    toInput: (v) => v,
    save: async (input) => {
      try {
        // Files first: a refused file stops the answer, so nothing goes half-done.
        await attachToRouting(routing.id, files);
        setFiles([]);
        return await answerRouting(routing.id, input);
      } finally {
        void queryClient.invalidateQueries({ queryKey: CHANNEL_KEY });
      }
    },
    saved: () => t('channel.routing.answered'),
    aliases: { routing: 'text', file: 'text' },
  });
  return (
    <FormBody form={f} submitLabel={t('channel.routing.sendAnswer')}>
      <AttachmentList files={routing.attachments} />
      <Textarea
        label={t('channel.routing.answerText')}
        withAsterisk
        autosize
        minRows={4}
        {...f.text('text')}
      />
      <FileInput
        label={t('channel.routing.attach')}
        description={t('channel.routing.attachHelp')}
        multiple
        clearable
        clearButtonProps={{ 'aria-label': t('files.clear') }}
        value={files}
        onChange={setFiles}
      />
    </FormBody>
  );
}

function ReturnModal(props: { routing: RoutingDetail; onClose: () => void }) {
  const { t } = useTranslation();
  const f = useSaveForm({
    initialValues: { reason: '' },
    schema: ReturnRoutingInputSchema,
    toInput: (v) => v,
    save: (input) => returnRouting(props.routing.id, input),
    invalidate: [CHANNEL_KEY],
    saved: () => t('channel.routing.returned'),
    onSaved: props.onClose,
    aliases: { routing: 'reason' },
  });
  return (
    <FormModal
      form={f}
      onClose={props.onClose}
      title={`${t('channel.routing.return')} · ${props.routing.folioSummary.folio}`}
      submitLabel={t('channel.routing.return')}
      size="md"
    >
      <Textarea label={t('channel.routing.reason')} withAsterisk autosize minRows={3} {...f.text('reason')} />
    </FormModal>
  );
}
