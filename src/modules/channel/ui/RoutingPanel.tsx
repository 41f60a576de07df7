import type { TFunction } from 'i18next';
import {
  Badge,
  Button,
  FileButton,
  Group,
  MultiSelect,
  NumberInput,
  Paper,
  SegmentedControl,
  Select,
  Table,
  Text,
  Textarea,
  Title,
} from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { IconArrowsExchange, IconPaperclip, IconShare } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { FolioDetail } from '../contract';
import { originatorOf } from '../contract-folio-status';
import {
  ReassignRoutingInputSchema,
  RouteFolioInputSchema,
  type ReassignRoutingInput,
  type Routing,
  type RouteFolioInput,
} from '../routing-contract';
import { useAreaOptions } from '@/modules/directory/ui/api';
import { formatDateTime, formatDay } from '@/web/shared/lib/format';
import { useCan, useMe } from '@/web/shared/session/session';
import { FormModal } from '@/web/shared/form/FormModal';
import { useSaveForm } from '@/web/shared/form/use-save-form';
import { DayInput } from '@/web/shared/ui/DayInput';
import { notifyError, notifySuccess } from '@/web/shared/ui/errors';
import { QueryError } from '@/web/shared/ui/QueryError';
import { CHANNEL_KEY } from './api';
import { AttachmentList } from './AttachmentList';
import { DueBadges } from './FolioStatusBadge';
import {
  attachToCommunication,
  reassignRouting,
  routeFolio,
  useFolioAttachments,
  useFolioRoutings,
  useRoutingPolicy,
} from './routing-api';
import channelStrings from 'virtual:lazy-strings/channel';
import { addLazyStrings } from '@/web/i18n/all';

// This module's wording loads with it, not with the signed-in frame (issue 18).
addLazyStrings(channelStrings);

const STATE_COLORS: Record<Routing['state'], string> = {
  proposed: 'yellow',
  assigned: 'orange',
  answered: 'green',
  returned: 'grape',
  withdrawn: 'gray',
};

export function RoutingStateBadge({ state }: { state: Routing['state'] }) {
  const { t } = useTranslation();
  return (
    <Badge color={STATE_COLORS[state]} variant="dot" style={{ overflow: 'visible' }}>
      {t(`channel.routing.states.${state}`)}
    </Badge>
  );
}

/** The folio's files, its routing slips to areas, and the consolidated answer (folio page). */
export function RoutingPanel({ folio }: { folio: FolioDetail }) {
  const { t } = useTranslation();
  const me = useMe();
  const canRoute = useCan('channel.route');
  const canWrite = useCan('channel.write');
  const routings = useFolioRoutings(folio.id);
  const files = useFolioAttachments(folio.id);
  const [routing, setRouting] = useState(false);
  const [reassigning, setReassigning] = useState<Routing | null>(null);
  const open = folio.status !== 'concluded' && folio.status !== 'cancelled';
  // Routing is to areas of one's own organization: with none registered (the INE in the demo) there
  // is nothing to route to, so the button is not offered.
  const areas = useAreaOptions(canRoute && open);
  const hasAreas = (areas.data?.length ?? 0) > 0;
  const queryClient = useQueryClient();
  // The originator keeps the communication's documents; so does a local body that typed it in.
  const mySide = me.data?.organization.id === folio.localOrganization.id ? 'local' : 'national';
  const canAttach =
    canWrite &&
    (mySide === originatorOf(folio.module) || (mySide === 'local' && folio.nationalOrgId === null));
  const attach = useMutation({
    mutationFn: (file: File) => attachToCommunication(folio.communicationId, file),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: CHANNEL_KEY });
      notifySuccess(t('channel.routing.fileAttached'));
    },
    onError: (error) => notifyError(error, t),
  });

  return (
    <>
      <Paper withBorder p="md">
        <Group justify="space-between" mb="sm">
          <Title order={2} size="h4">
            {t('channel.routing.files')}
          </Title>
          {canAttach && (
            <FileButton onChange={(file) => file && attach.mutate(file)}>
              {(props) => (
                <Button
                  {...props}
                  variant="default"
                  loading={attach.isPending}
                  leftSection={<IconPaperclip size={16} aria-hidden />}
                >
                  {t('channel.routing.attachToCommunication')}
                </Button>
              )}
            </FileButton>
          )}
        </Group>
        {files.isError ? (
          <QueryError error={files.error} onRetry={() => void files.refetch()} />
        ) : (
          <AttachmentList files={files.data ?? []} empty={t('channel.routing.noFiles')} />
        )}
      </Paper>
      <Paper withBorder p="md">
        <Group justify="space-between" mb="sm">
          <Title order={2} size="h4">
            {t('channel.routing.title')}
          </Title>
          <Group gap="xs">
            {canRoute && open && hasAreas && (
              <Button
                variant="default"
                leftSection={<IconShare size={16} aria-hidden />}
                onClick={() => setRouting(true)}
              >
                {t('channel.routing.route')}
              </Button>
            )}
          </Group>
        </Group>
        {routings.isError && <QueryError error={routings.error} onRetry={() => void routings.refetch()} />}
        {routings.data?.length === 0 && <Text c="dimmed">{t('channel.routing.none')}</Text>}
        {!!routings.data?.length && (
          <Table.ScrollContainer minWidth={800}>
            <Table verticalSpacing="sm">
              <Table.Caption className="sr-caption">{t('channel.routing.caption')}</Table.Caption>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('channel.routing.area')}</Table.Th>
                  <Table.Th>{t('channel.routing.internalDue')}</Table.Th>
                  <Table.Th>{t('channel.routing.state')}</Table.Th>
                  <Table.Th>{t('channel.routing.daysInArea')}</Table.Th>
                  <Table.Th>{t('channel.routing.answer')}</Table.Th>
                  {canRoute && <Table.Th>{t('common.actions')}</Table.Th>}
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {routings.data.map((r) => (
                  <Table.Tr key={r.id}>
                    <Table.Td>
                      <Text size="sm" fw={600}>
                        {r.area.name}
                      </Text>
                      <Text size="xs" c="dimmed">
                        {t(`channel.routing.roles.${r.role}`)}
                        {r.assignedBy ? ` · ${r.assignedBy}` : ''}
                      </Text>
                      {r.instructions && (
                        <Text size="xs" style={{ whiteSpace: 'pre-wrap' }}>
                          {r.instructions}
                        </Text>
                      )}
                    </Table.Td>
                    <Table.Td>
                      {r.internalDueOn ? formatDay(r.internalDueOn) : '—'}
                      <DueBadges folio={r} />
                    </Table.Td>
                    <Table.Td>
                      <RoutingStateBadge state={r.state} />
                    </Table.Td>
                    <Table.Td>{r.businessDaysInArea}</Table.Td>
                    <Table.Td maw={380}>
                      {r.answerText && (
                        <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
                          {r.answerText}
                        </Text>
                      )}
                      {r.returnReason && (
                        <Text size="sm" c="dimmed">
                          {t('channel.routing.reason')}: {r.returnReason}
                        </Text>
                      )}
                      <AttachmentList files={r.attachments} />
                      {r.instructedBy && r.instructedAt && (
                        <Text size="xs" c="dimmed">
                          {t('channel.instruction.instructedBy', {
                            name: r.instructedBy,
                            date: formatDateTime(r.instructedAt),
                          })}
                        </Text>
                      )}
                      {r.closedBy && (
                        <Text size="xs" c="dimmed">
                          {closedByText(r, t)}
                        </Text>
                      )}
                    </Table.Td>
                    {canRoute && (
                      <Table.Td>
                        {r.state === 'assigned' && (
                          <Button
                            size="xs"
                            variant="subtle"
                            leftSection={<IconArrowsExchange size={14} aria-hidden />}
                            onClick={() => setReassigning(r)}
                            aria-label={`${t('channel.routing.reassign')} · ${r.area.name}`}
                          >
                            {t('channel.routing.reassign')}
                          </Button>
                        )}
                      </Table.Td>
                    )}
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
      </Paper>
      {routing && <RouteFolioModal folio={folio} onClose={() => setRouting(false)} />}
      {reassigning && <ReassignModal routing={reassigning} onClose={() => setReassigning(null)} />}
    </>
  );
}

type RouteValues = {
  responsibleAreaId: string | null;
  informedAreaIds: string[];
  instructions: string;
  dueAs: 'days' | 'date';
  internalDueBusinessDays: number | string;
  internalDueOn: string | null;
};

function RouteFolioModal(props: { folio: FolioDetail; onClose: () => void }) {
  const { t } = useTranslation();
  const areas = useAreaOptions();
  const policy = useRoutingPolicy();
  const se = policy.data?.instructingArea;
  const f = useSaveForm({
    initialValues: {
      responsibleAreaId: null,
      informedAreaIds: [],
      instructions: '',
      dueAs: 'days',
      internalDueBusinessDays: 3,
      internalDueOn: null,
    } as RouteValues,
    schema: RouteFolioInputSchema,
    toInput: (v): RouteFolioInput => ({
      responsibleAreaId: v.responsibleAreaId,
      informedAreaIds: v.informedAreaIds,
      instructions: v.instructions,
      internalDueBusinessDays:
        v.dueAs === 'days' && v.internalDueBusinessDays !== '' ? Number(v.internalDueBusinessDays) : null,
      internalDueOn: v.dueAs === 'date' ? v.internalDueOn : null,
    }),
    save: (input) => routeFolio(props.folio.id, input),
    invalidate: [CHANNEL_KEY],
    saved: () => (se ? t('channel.instruction.proposed', { area: se.name }) : t('channel.routing.routed')),
    onSaved: props.onClose,
    aliases: { folio: 'responsibleAreaId' },
  });
  const form = f.form;
  const options = areas.data ?? [];
  return (
    <FormModal
      form={f}
      onClose={props.onClose}
      title={`${t('channel.routing.route')} · ${props.folio.folio}`}
      submitLabel={t('channel.routing.route')}
    >
      <Select
        label={t('channel.routing.responsible')}
        placeholder={t('channel.routing.choose')}
        data={options}
        searchable
        clearable
        {...form.getInputProps('responsibleAreaId')}
      />
      <MultiSelect
        label={t('channel.routing.informed')}
        data={options.filter((o) => o.value !== form.values.responsibleAreaId)}
        searchable
        {...form.getInputProps('informedAreaIds')}
      />
      <Textarea label={t('channel.routing.instructions')} autosize minRows={3} {...f.text('instructions')} />
      <div>
        <Text size="sm" fw={500} mb={4} id="due-as-label">
          {t('channel.routing.internalDue')}
        </Text>
        <SegmentedControl
          aria-labelledby="due-as-label"
          data={[
            { value: 'days', label: t('channel.routing.inBusinessDays') },
            { value: 'date', label: t('channel.routing.onDate') },
          ]}
          {...form.getInputProps('dueAs')}
        />
      </div>
      {form.values.dueAs === 'days' ? (
        <NumberInput
          label={t('channel.routing.businessDays')}
          min={1}
          max={60}
          {...form.getInputProps('internalDueBusinessDays')}
        />
      ) : (
        <DayInput label={t('channel.routing.dueDate')} {...form.getInputProps('internalDueOn')} />
      )}
      {props.folio.dueOn && (
        <Text size="xs" c="dimmed">
          {t('channel.routing.folioDue', { date: formatDay(props.folio.dueOn) })}
        </Text>
      )}
      {se && <Text size="sm">{t('channel.instruction.routeHelp', { area: se.name })}</Text>}
    </FormModal>
  );
}

function ReassignModal(props: { routing: Routing; onClose: () => void }) {
  const { t } = useTranslation();
  const areas = useAreaOptions();
  const f = useSaveForm({
    initialValues: { areaId: null as string | null, reason: '' },
    schema: ReassignRoutingInputSchema,
    toInput: (v): ReassignRoutingInput => ({ areaId: v.areaId ?? '', reason: v.reason }),
    save: (input) => reassignRouting(props.routing.id, input),
    invalidate: [CHANNEL_KEY],
    saved: () => t('channel.routing.reassigned'),
    onSaved: props.onClose,
    aliases: { routing: 'areaId' },
  });
  return (
    <FormModal
      form={f}
      onClose={props.onClose}
      title={`${t('channel.routing.reassign')} · ${props.routing.area.name}`}
      submitLabel={t('channel.routing.reassign')}
    >
      <Select
        label={t('channel.routing.newArea')}
        withAsterisk
        searchable
        data={(areas.data ?? []).filter((o) => o.value !== props.routing.area.id)}
        {...f.form.getInputProps('areaId')}
      />
      <Textarea label={t('channel.routing.reason')} withAsterisk autosize minRows={2} {...f.text('reason')} />
    </FormModal>
  );
}
/** Who closed a slip: «A», or «A, por ausencia de B» when A acted for B (ADR 0035). */
export function closedByText(r: { closedBy: string | null; closedOnBehalfOf: string | null }, t: TFunction) {
  if (!r.closedBy) return '';
  return r.closedOnBehalfOf
    ? t('channel.routing.closedOnBehalf', { name: r.closedBy, absent: r.closedOnBehalfOf })
    : r.closedBy;
}
