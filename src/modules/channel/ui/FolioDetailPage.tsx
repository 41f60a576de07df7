import { Button, Group, Paper, SimpleGrid, Stack, Text, Textarea, Timeline, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { todayInMexicoCity } from '@/shared/calendar';
import { ChangeFolioStatusInputSchema, type ChangeFolioStatusInput, type FolioDetail } from '../contract';
import { describeDueRule } from '../contract-due-rules';
import { allowedEvents, type FolioEvent } from '../contract-folio-status';
import type { OpenRoutingsChoice } from '../contract-open-routings';
import { formatDateTime, formatDay } from '@/web/shared/lib/format';
import { useCan, useMe } from '@/web/shared/session/session';
import { FormModal } from '@/web/shared/form/FormModal';
import { useSaveForm } from '@/web/shared/form/use-save-form';
import { DayInput } from '@/web/shared/ui/DayInput';
import { PageHeader } from '@/web/shared/ui/PageHeader';
import { QueryError } from '@/web/shared/ui/QueryError';
import { Trail } from '@/web/shared/ui/Trail';
import type { Routing } from '../routing-contract';
import { CHANNEL_KEY, changeFolioStatus, useFolio } from './api';
import { ANSWER_EVENTS, AnswerFolioModal, OpenRoutingsQuestion, type AnswerEvent } from './AnswerFolioModal';
import { useFolioRoutings } from './routing-api';
import { DueBadges, FolioStatusBadge } from './FolioStatusBadge';
import { ObligationsPanel } from './ObligationsPanel';
import { RoutingPanel } from './RoutingPanel';
import channelStrings from 'virtual:lazy-strings/channel';
import { addLazyStrings } from '@/web/i18n/all';

// This module's wording loads with it, not with the signed-in frame (issue 18).
addLazyStrings(channelStrings);

export default function FolioDetailPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const folio = useFolio(id);
  const me = useMe();
  const canWrite = useCan('channel.write');
  const [event, setEvent] = useState<FolioEvent | null>(null);
  // The answer forms ask about the slips still open, so they open once the slips are known.
  const routings = useFolioRoutings(id);

  if (folio.isError) return <QueryError error={folio.error} onRetry={() => void folio.refetch()} />;
  if (!folio.data || !me.data) return null;
  const f = folio.data;
  const actions = canWrite
    ? allowedEvents({ ...f, localOrgId: f.localOrganization.id }, me.data.organization.id)
    : [];

  return (
    <>
      <PageHeader
        above={<Trail items={[{ label: t('channel.title'), to: '/canal/folios' }, { label: f.folio }]} />}
        title={`${t('channel.folio')} ${f.folio}`}
        description={f.subject}
        actions={actions.map((e) => (
          <Button
            key={e}
            variant={e === 'originator_cancels' ? 'default' : 'filled'}
            onClick={() => setEvent(e)}
          >
            {t(`channel.events.${e}`)}
          </Button>
        ))}
      />
      <Stack>
        <Paper withBorder p="md">
          <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="md">
            <Field label={t('channel.statusLabel')}>
              <FolioStatusBadge status={f.status} />
            </Field>
            <Field label={t('channel.module')}>{t(`channel.modules.${f.module}`)}</Field>
            <Field label={t('channel.documentType')}>
              {t(`channel.types.${f.documentType}`)} · {t(`channel.natures.${f.nature}`)}
            </Field>
            <Field label={t('channel.origin')}>{f.originLabel}</Field>
            <Field label={t('channel.localBody')}>{f.localOrganization.name}</Field>
            <Field label={t('channel.sentReceived')}>
              {formatDay(f.sentOn)} · {formatDay(f.receivedOn)}
            </Field>
            <Field label={t('channel.due')}>
              <Group gap="xs">
                <span>{f.dueOn ? formatDay(f.dueOn) : '—'}</span>
                <DueBadges folio={f} />
              </Group>
              {f.dueRule && (
                <Text size="xs" c="dimmed">
                  {describeDueRule(f.dueRule)}
                </Text>
              )}
            </Field>
            {f.closedOn && <Field label={t('channel.closedOn')}>{formatDay(f.closedOn)}</Field>}
          </SimpleGrid>
          {f.body && (
            <Text mt="md" size="sm" style={{ whiteSpace: 'pre-wrap' }}>
              {f.body}
            </Text>
          )}
        </Paper>
        <SimpleGrid cols={{ base: 1, md: 2 }}>
          <Paper withBorder p="md">
            <Title order={2} size="h4" mb="md">
              {t('channel.history')}
            </Title>
            <Timeline bulletSize={14} lineWidth={2}>
              {f.history.map((h, i) => (
                <Timeline.Item key={i} title={t(`channel.events.${h.event}`, { defaultValue: h.event })}>
                  {/* What happened to the routing slips leaves the status as it was: no «A → A» line. */}
                  {h.fromStatus !== h.toStatus && (
                    <Text size="sm">
                      {h.fromStatus ? `${t(`channel.status.${h.fromStatus}`)} → ` : ''}
                      {t(`channel.status.${h.toStatus}`)}
                    </Text>
                  )}
                  {h.reason && (
                    <Text size="sm" c="dimmed">
                      {h.reason}
                    </Text>
                  )}
                  <Text size="xs" c="dimmed">
                    {formatDay(h.occurredOn)} · {h.actorLabel} · {formatDateTime(h.occurredAt)}
                  </Text>
                </Timeline.Item>
              ))}
            </Timeline>
          </Paper>
          <Paper withBorder p="md">
            <Title order={2} size="h4" mb="md">
              {t('channel.messages')}
            </Title>
            {f.messages.length === 0 && <Text c="dimmed">{t('channel.noMessages')}</Text>}
            <Stack>
              {f.messages.map((m) => (
                <div key={m.id}>
                  <Text size="xs" c="dimmed">
                    {t(`channel.sides.${m.fromSide}`)} · {formatDay(m.sentOn)}
                  </Text>
                  <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
                    {m.text}
                  </Text>
                </div>
              ))}
            </Stack>
          </Paper>
        </SimpleGrid>
        <ObligationsPanel folio={f} />
        <RoutingPanel folio={f} />
      </Stack>
      {event && routings.data && ANSWER_EVENTS.includes(event) && (
        <AnswerFolioModal
          folio={f}
          orgId={me.data.organization.id}
          event={event as AnswerEvent}
          routings={routings.data}
          onClose={() => setEvent(null)}
        />
      )}
      {event && routings.data && !ANSWER_EVENTS.includes(event) && (
        <EventModal
          folio={f}
          orgId={me.data.organization.id}
          event={event}
          routings={routings.data}
          onClose={() => setEvent(null)}
        />
      )}
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

/** The events that are not an answer to send: the national authority's, and a cancellation. */
function EventModal(props: {
  folio: FolioDetail;
  orgId: string;
  event: FolioEvent;
  routings: readonly Routing[];
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const f = useSaveForm({
    initialValues: {
      on: todayInMexicoCity() as string | null,
      text: '',
      reason: '',
      openRoutings: null as OpenRoutingsChoice | null,
    },
    schema: ChangeFolioStatusInputSchema,
    toInput: (v): ChangeFolioStatusInput => ({
      event: props.event,
      on: v.on ?? undefined,
      text: v.text.trim() || undefined,
      reason: v.reason.trim() || undefined,
      openRoutings: v.openRoutings ?? undefined,
    }),
    save: (input) => changeFolioStatus(props.folio.id, input),
    invalidate: [CHANNEL_KEY],
    saved: () => t('channel.eventSaved'),
    onSaved: props.onClose,
    aliases: { event: 'reason' },
  });
  const withText = props.event === 'local_answers' || props.event === 'national_concludes';
  return (
    <FormModal
      form={f}
      onClose={props.onClose}
      title={`${t(`channel.events.${props.event}`)} · ${props.folio.folio}`}
      submitLabel={t(`channel.events.${props.event}`)}
    >
      <DayInput label={t('channel.eventDate')} withAsterisk {...f.form.getInputProps('on')} />
      {withText && <Textarea label={t('channel.eventText')} autosize minRows={3} {...f.text('text')} />}
      <Textarea label={t('channel.eventReason')} autosize minRows={2} {...f.text('reason')} />
      <OpenRoutingsQuestion
        folio={props.folio}
        orgId={props.orgId}
        event={props.event}
        routings={props.routings}
        inputProps={f.form.getInputProps('openRoutings')}
      />
    </FormModal>
  );
}
