import { Badge, Button, Group, Paper, Stack, Text, Textarea, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  InstructRoutingInputSchema,
  type InstructionQueue,
  type InstructRoutingInput,
} from '../routing-contract';
import { FormModal } from '@/web/shared/form/FormModal';
import { useSaveForm } from '@/web/shared/form/use-save-form';
import { formatDay } from '@/web/shared/lib/format';
import { QueryError } from '@/web/shared/ui/QueryError';
import { CHANNEL_KEY } from './api';
import { DueBadges } from './FolioStatusBadge';
import { instructRouting, useRoutingsToInstruct } from './routing-api';

type Proposal = InstructionQueue['items'][number];

/**
 * «Turnos por instruir»: the routings liaison staff proposed, for the Secretaría Ejecutiva's staff
 * to instruct or send back (ADR 0038). Shown only to those who instruct.
 */
export function InstructionQueuePanel() {
  const { t } = useTranslation();
  const queue = useRoutingsToInstruct();
  const [deciding, setDeciding] = useState<{
    item: Proposal;
    decision: InstructRoutingInput['decision'];
  } | null>(null);
  if (queue.isError) return <QueryError error={queue.error} onRetry={() => void queue.refetch()} />;
  if (!queue.data?.instructs) return null;
  return (
    <Paper withBorder p="md" mb="md">
      <Title order={2} size="h4" mb="xs">
        {t('channel.instruction.queueTitle')}
      </Title>
      <Text size="sm" c="dimmed" mb="md">
        {t('channel.instruction.queueDescription')}
      </Text>
      {queue.data.items.length === 0 && <Text c="dimmed">{t('channel.instruction.queueEmpty')}</Text>}
      <Stack gap="sm">
        {queue.data.items.map((item) => (
          <Paper key={item.folioSummary.id} withBorder p="sm" component="article">
            <Group justify="space-between" align="flex-start" wrap="wrap" gap="xs">
              <div style={{ minWidth: 0, flex: '1 1 16rem' }}>
                <Text fw={700}>{t('channel.instruction.folio', { folio: item.folioSummary.folio })}</Text>
                <Text size="sm">{item.folioSummary.subject}</Text>
                <Text size="xs" c="dimmed">
                  {item.folioSummary.originLabel}
                  {item.folioSummary.dueOn
                    ? ` · ${t('channel.instruction.folioDue', { date: formatDay(item.folioSummary.dueOn) })}`
                    : ''}
                </Text>
                <DueBadges folio={item.folioSummary} />
              </div>
              <Group gap="xs">
                <Button size="xs" onClick={() => setDeciding({ item, decision: 'instruct' })}>
                  {t('channel.instruction.instruct')}
                </Button>
                <Button
                  size="xs"
                  variant="default"
                  onClick={() => setDeciding({ item, decision: 'decline' })}
                >
                  {t('channel.instruction.decline')}
                </Button>
              </Group>
            </Group>
            <Stack gap={4} mt="xs">
              {item.routings.map((r) => (
                <div key={r.id}>
                  <Group gap="xs">
                    <Text size="sm" fw={600}>
                      {r.area.name}
                    </Text>
                    <Badge size="sm" variant="light" color={r.role === 'responsible' ? 'blue' : 'gray'}>
                      {t(`channel.routing.roles.${r.role}`)}
                    </Badge>
                  </Group>
                  <Text size="xs" c="dimmed">
                    {t('channel.instruction.proposedBy', {
                      name: r.assignedBy ?? '—',
                      due: r.internalDueOn ? formatDay(r.internalDueOn) : t('channel.instruction.noDue'),
                    })}
                  </Text>
                  {r.instructions && (
                    <Text size="xs" style={{ whiteSpace: 'pre-wrap' }}>
                      {r.instructions}
                    </Text>
                  )}
                </div>
              ))}
            </Stack>
          </Paper>
        ))}
      </Stack>
      {deciding && (
        <DecisionModal item={deciding.item} decision={deciding.decision} onClose={() => setDeciding(null)} />
      )}
    </Paper>
  );
}

function DecisionModal(props: {
  item: Proposal;
  decision: InstructRoutingInput['decision'];
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const instruct = props.decision === 'instruct';
  const f = useSaveForm({
    initialValues: { note: '' },
    schema: InstructRoutingInputSchema,
    toInput: (v): InstructRoutingInput => ({ decision: props.decision, note: v.note }),
    save: (input) => instructRouting(props.item.folioSummary.id, input),
    invalidate: [CHANNEL_KEY],
    saved: () => (instruct ? t('channel.instruction.instructed') : t('channel.instruction.declined')),
    onSaved: props.onClose,
    aliases: { folio: 'note' },
  });
  return (
    <FormModal
      form={f}
      onClose={props.onClose}
      title={`${instruct ? t('channel.instruction.instruct') : t('channel.instruction.decline')} · ${props.item.folioSummary.folio}`}
      submitLabel={instruct ? t('channel.instruction.instruct') : t('channel.instruction.decline')}
    >
      <Text size="sm">
        {instruct ? t('channel.instruction.instructHelp') : t('channel.instruction.declineHelp')}
      </Text>
      <Textarea
        label={instruct ? t('channel.instruction.note') : t('channel.instruction.reason')}
        withAsterisk={!instruct}
        autosize
        minRows={3}
        {...f.text('note')}
      />
    </FormModal>
  );
}
