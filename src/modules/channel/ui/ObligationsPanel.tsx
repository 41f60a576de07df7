import {
  Anchor,
  Badge,
  Button,
  FileInput,
  Group,
  Paper,
  Select,
  Table,
  Text,
  Textarea,
  Title,
} from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { todayInMexicoCity } from '@/shared/calendar';
import { formatMonth } from '@/shared/spanish-dates';
import { describeDueRule } from '../contract-due-rules';
import {
  AnswerOccurrenceInputSchema,
  ObligationAreaInputSchema,
  ReturnOccurrenceInputSchema,
  ReviewOccurrenceInputSchema,
  occurrenceActions,
  type MyOccurrence,
  type Obligation,
  type Occurrence,
  type OccurrenceDisplay,
  type OccurrenceEvent,
} from '../occurrence-contract';
import { FormModal } from '@/web/shared/form/FormModal';
import { useSaveForm } from '@/web/shared/form/use-save-form';
import { formatDay } from '@/web/shared/lib/format';
import { useCan, useMe } from '@/web/shared/session/session';
import { useAreaOptions } from '@/modules/directory/ui/api';
import { DayInput } from '@/web/shared/ui/DayInput';
import { QueryError } from '@/web/shared/ui/QueryError';
import { AttachmentList } from './AttachmentList';
import { CHANNEL_KEY } from './api';
import {
  acceptOccurrence,
  answerOccurrence,
  returnOccurrence,
  setObligationArea,
  useFolioObligations,
} from './occurrence-api';
import channelStrings from 'virtual:lazy-strings/channel';
import { addLazyStrings } from '@/web/i18n/all';

// This module's wording loads with it, not with the signed-in frame (issue 18).
addLazyStrings(channelStrings);

// The months of a folio's recurring obligations (on the folio's page) and of the obligations an
// area answers (in "Mis turnos"): each month with its due date, status, answer and files, and the
// actions the signed-in person may take on it (the same rules the server applies).

const COLORS: Record<OccurrenceDisplay, string> = {
  pending: 'orange',
  answered: 'blue',
  accepted: 'green',
  returned: 'grape',
  overdue: 'red',
};

export function monthOf(period: string): string {
  return formatMonth(Number(period.slice(0, 4)), Number(period.slice(5, 7)));
}

export function OccurrenceStatusBadge({ display }: { display: OccurrenceDisplay }) {
  const { t } = useTranslation();
  return (
    <Badge color={COLORS[display]} variant="dot" style={{ overflow: 'visible' }}>
      {t(`channel.months.status.${display}`)}
    </Badge>
  );
}

/** The folio page's panel: nothing when the folio carries no recurring obligation. */
export function ObligationsPanel({
  folio,
}: {
  folio: { id: string; localOrganization: { id: string }; nationalOrgId: string | null };
}) {
  const { t } = useTranslation();
  const me = useMe();
  const canWrite = useCan('channel.write');
  const [editing, setEditing] = useState<Obligation | null>(null);
  const obligations = useFolioObligations(folio.id);
  if (obligations.isError) {
    return <QueryError error={obligations.error} onRetry={() => void obligations.refetch()} />;
  }
  if (!obligations.data?.length || !me.data) return null;
  const person = { organizationId: me.data.organization.id, roles: me.data.roles, areaIds: me.data.areaIds };
  const sides = { localOrgId: folio.localOrganization.id, nationalOrgId: folio.nationalOrgId };
  return (
    <>
      {obligations.data.map((o) => (
        <Paper withBorder p="md" key={o.id}>
          <Title order={2} size="h4">
            {t('channel.months.title')}
          </Title>
          <Text size="sm" mt={4}>
            {o.description}
          </Text>
          <Group gap="xs" mb="md" align="center">
            <Text size="sm" c="dimmed">
              {t('channel.months.rule')}: {describeDueRule(o.dueRule)} · {t('channel.months.answeredBy')}:{' '}
              {o.area?.name ?? t('channel.months.liaison')}
            </Text>
            {canWrite && folio.localOrganization.id === person.organizationId && (
              <Button size="compact-xs" variant="subtle" onClick={() => setEditing(o)}>
                {t('channel.months.changeArea')}
              </Button>
            )}
          </Group>
          <OccurrenceTable
            caption={t('channel.months.caption', { description: o.description })}
            rows={o.occurrences}
            actionsFor={(x) => occurrenceActions(x, sides, person, o.area?.id ?? null)}
          />
        </Paper>
      ))}
      {editing && <AreaModal obligation={editing} onClose={() => setEditing(null)} />}
    </>
  );
}

function AreaModal(props: { obligation: Obligation; onClose: () => void }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const areas = useAreaOptions();
  const f = useSaveForm({
    initialValues: { areaId: props.obligation.area?.id ?? null },
    schema: ObligationAreaInputSchema,
    toInput: (v) => v,
    save: async (input) => {
      try {
        return await setObligationArea(props.obligation.id, input.areaId);
      } finally {
        void queryClient.invalidateQueries({ queryKey: CHANNEL_KEY });
      }
    },
    saved: () => t('channel.months.areaSaved'),
    onSaved: props.onClose,
  });
  return (
    <FormModal
      form={f}
      onClose={props.onClose}
      title={t('channel.months.changeArea')}
      submitLabel={t('channel.months.saveArea')}
      size="md"
    >
      <Text size="sm">{props.obligation.description}</Text>
      <Select
        label={t('channel.months.answeredBy')}
        placeholder={t('channel.months.noArea')}
        data={areas.data ?? []}
        searchable
        clearable
        {...f.form.getInputProps('areaId')}
      />
    </FormModal>
  );
}

/** A table of months; with `folioOf`, a first column names each month's folio (the area's queue). */
export function OccurrenceTable<T extends Occurrence>(props: {
  caption: string;
  rows: T[];
  actionsFor: (o: T) => OccurrenceEvent[];
  folioOf?: (o: T) => MyOccurrence['folio'] & { area: string };
}) {
  const { t } = useTranslation();
  const [open, setOpen] = useState<{ occurrence: T; event: OccurrenceEvent } | null>(null);
  return (
    <>
      <Table.ScrollContainer minWidth={800}>
        <Table verticalSpacing="xs">
          <Table.Caption className="sr-caption">{props.caption}</Table.Caption>
          <Table.Thead>
            <Table.Tr>
              {props.folioOf && <Table.Th>{t('channel.folio')}</Table.Th>}
              <Table.Th>{t('channel.months.month')}</Table.Th>
              <Table.Th>{t('channel.months.due')}</Table.Th>
              <Table.Th>{t('channel.months.statusLabel')}</Table.Th>
              <Table.Th>{t('channel.months.answer')}</Table.Th>
              <Table.Th>{t('channel.months.actions')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {props.rows.map((o) => {
              const folio = props.folioOf?.(o);
              const month = monthOf(o.period);
              return (
                <Table.Tr key={o.id}>
                  {folio && (
                    <Table.Td>
                      <Anchor component={Link} to={`/canal/folios/${folio.id}`} fw={600}>
                        {folio.folio}
                      </Anchor>
                      <Text size="xs" c="dimmed">
                        {folio.area}
                      </Text>
                    </Table.Td>
                  )}
                  <Table.Th scope="row" fw={600}>
                    {month}
                  </Table.Th>
                  <Table.Td>{formatDay(o.dueOn)}</Table.Td>
                  <Table.Td>
                    <OccurrenceStatusBadge display={o.display} />
                  </Table.Td>
                  <Table.Td maw={420}>
                    {o.answerText && (
                      <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
                        {o.answerText}
                      </Text>
                    )}
                    {o.answeredOn && (
                      <Text size="xs" c="dimmed">
                        {t('channel.months.answeredOn', { day: formatDay(o.answeredOn) })}
                        {o.reviewedOn &&
                          ` · ${t('channel.months.reviewedOn', { day: formatDay(o.reviewedOn) })}`}
                      </Text>
                    )}
                    {o.status === 'returned' && o.returnReason && (
                      <Text size="sm" c="grape.9">
                        {t('channel.months.returnedBecause', { reason: o.returnReason })}
                      </Text>
                    )}
                    <AttachmentList files={o.attachments} />
                  </Table.Td>
                  <Table.Td>
                    <Group gap="xs">
                      {props.actionsFor(o).map((event) => {
                        const label =
                          event === 'answer' && o.status === 'returned'
                            ? t('channel.months.answerAgain')
                            : t(`channel.months.${event === 'answer' ? 'answerMonth' : event}`);
                        return (
                          <Button
                            key={event}
                            size="xs"
                            variant={event === 'return' ? 'default' : 'filled'}
                            aria-label={`${label}: ${month}`}
                            onClick={() => setOpen({ occurrence: o, event })}
                          >
                            {label}
                          </Button>
                        );
                      })}
                    </Group>
                  </Table.Td>
                </Table.Tr>
              );
            })}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      {open && <OccurrenceModal {...open} onClose={() => setOpen(null)} />}
    </>
  );
}

const OCCURRENCE_SCHEMAS = {
  answer: AnswerOccurrenceInputSchema,
  accept: ReviewOccurrenceInputSchema,
  return: ReturnOccurrenceInputSchema,
} as const;

function OccurrenceModal(props: { occurrence: Occurrence; event: OccurrenceEvent; onClose: () => void }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [files, setFiles] = useState<File[]>([]);
  const month = monthOf(props.occurrence.period);
  const id = props.occurrence.id;
  const f = useSaveForm({
    initialValues: { on: todayInMexicoCity() as string | null, text: '', reason: '' },
    schema: OCCURRENCE_SCHEMAS[props.event],
    toInput: (v) => {
      const on = v.on ?? '';
      return props.event === 'answer'
        ? { on, text: v.text }
        : props.event === 'accept'
          ? { on }
          : { on, reason: v.reason };
    },
    save: async (input) => {
      try {
        if (props.event === 'answer') {
          const done = await answerOccurrence(id, { on: input.on, text: input.text ?? '' }, files);
          setFiles([]);
          return done;
        }
        return props.event === 'accept'
          ? await acceptOccurrence(id, { on: input.on })
          : await returnOccurrence(id, { on: input.on, reason: input.reason ?? '' });
      } finally {
        void queryClient.invalidateQueries({ queryKey: CHANNEL_KEY });
      }
    },
    saved: () =>
      t(
        `channel.months.${props.event === 'answer' ? 'answered' : props.event === 'accept' ? 'accepted' : 'returned'}`,
      ),
    onSaved: props.onClose,
    aliases: {
      occurrence: props.event === 'return' ? 'reason' : props.event === 'answer' ? 'text' : 'on',
      file: 'text',
    },
  });
  const title =
    props.event === 'answer'
      ? t('channel.months.answerTitle', { month })
      : props.event === 'accept'
        ? t('channel.months.acceptTitle', { month })
        : t('channel.months.returnTitle', { month });
  return (
    <FormModal
      form={f}
      onClose={props.onClose}
      title={title}
      submitLabel={
        props.event === 'answer'
          ? t('channel.months.send')
          : t(`channel.months.${props.event === 'accept' ? 'accept' : 'return'}`)
      }
    >
      <DayInput label={t('channel.months.on')} withAsterisk {...f.form.getInputProps('on')} />
      {props.event === 'answer' && (
        <>
          <Textarea label={t('channel.months.text')} withAsterisk autosize minRows={4} {...f.text('text')} />
          <FileInput
            label={t('channel.months.attach')}
            description={t('channel.months.attachHelp')}
            multiple
            clearable
            clearButtonProps={{ 'aria-label': t('files.clear') }}
            value={files}
            onChange={setFiles}
          />
        </>
      )}
      {props.event === 'return' && (
        <Textarea
          label={t('channel.months.reason')}
          withAsterisk
          autosize
          minRows={3}
          {...f.text('reason')}
        />
      )}
    </FormModal>
  );
}
