import { Badge, Button, Paper, SegmentedControl, Select, Stack, Text, TextInput } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { IconPlayerStop, IconPlus } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import delegationStrings from 'virtual:lazy-strings/delegations';
import { addLazyStrings } from '@/web/i18n/all';
import { FormModal } from '@/web/shared/form/FormModal';
import { useSaveForm } from '@/web/shared/form/use-save-form';
import { formatDay } from '@/web/shared/lib/format';
import { useListParams } from '@/web/shared/lib/use-list-params';
import { ConfirmModal } from '@/web/shared/ui/ConfirmModal';
import { DayInput } from '@/web/shared/ui/DayInput';
import { notifySuccess } from '@/web/shared/ui/errors';
import { IconAction, ListTable, RowActions } from '@/web/shared/ui/ListTable';
import { PageHeader } from '@/web/shared/ui/PageHeader';
import { DelegationInputSchema, type Delegation, type DelegationStatus } from '../delegation-contract';
import { useUsers } from './api';
import { DELEGATIONS_KEY, createDelegation, endDelegation, useDelegations } from './delegation-api';

// The page's wording travels with it, not with every page of the app (vite.config.ts).
addLazyStrings(delegationStrings);

const PAGE_SIZE = 25;
const FILTERS = ['ver'] as const;
const STATUS_COLOR: Record<DelegationStatus, string> = {
  scheduled: 'blue',
  current: 'teal',
  finished: 'gray',
  ended: 'gray',
};

/** Administración › Suplencias: who acts for an absent person, and until when (ADR 0035). */
export default function DelegationsPage() {
  const { t } = useTranslation();
  const list = useListParams(FILTERS);
  const state = list.filters.ver === 'todas' ? 'all' : 'active';
  const delegations = useDelegations({ state, page: list.page, pageSize: PAGE_SIZE });
  const [creating, setCreating] = useState(false);
  const [ending, setEnding] = useState<Delegation | null>(null);
  // On a phone one column says it all, so the status and the action are in sight without scrolling.
  const narrow = useMediaQuery('(max-width: 48em)');
  const status = (d: Delegation) => (
    <Badge color={STATUS_COLOR[d.status]} variant="light" tt="none">
      {t(`delegations.statuses.${d.status}`)}
    </Badge>
  );
  const period = (d: Delegation) => `${formatDay(d.startsOn)} – ${formatDay(d.endsOn)}`;
  const endAction = {
    header: t('common.actions'),
    hiddenHeader: true,
    align: 'right' as const,
    width: 52,
    cell: (d: Delegation) =>
      (d.status === 'current' || d.status === 'scheduled') && (
        <RowActions>
          <IconAction
            tooltip={t('delegations.end')}
            label={t('delegations.endNamed', { absent: d.absent.name })}
            icon={<IconPlayerStop size={18} aria-hidden />}
            color="red"
            onClick={() => setEnding(d)}
          />
        </RowActions>
      ),
  };

  return (
    <>
      <PageHeader
        title={t('delegations.title')}
        description={t('delegations.description')}
        actions={
          <Button leftSection={<IconPlus size={16} aria-hidden />} onClick={() => setCreating(true)}>
            {t('delegations.create')}
          </Button>
        }
      />
      <Paper withBorder p="md">
        <SegmentedControl
          mb="md"
          aria-label={t('delegations.show')}
          value={state}
          onChange={(v) => list.setFilter('ver', v === 'all' ? 'todas' : null)}
          data={[
            { value: 'active', label: t('delegations.active') },
            { value: 'all', label: t('delegations.all') },
          ]}
        />
        <ListTable
          caption={t('delegations.caption')}
          empty={t(state === 'all' ? 'delegations.emptyAll' : 'delegations.emptyActive')}
          minWidth={narrow ? 300 : 760}
          query={delegations}
          paging={{ page: list.page, pageSize: PAGE_SIZE, onPage: list.setPage }}
          columns={
            narrow
              ? [
                  {
                    header: t('delegations.caption'),
                    cell: (d) => (
                      <Stack gap={2}>
                        <Text fw={600} size="sm">
                          {t('delegations.whoForWhom', { acting: d.acting.name, absent: d.absent.name })}
                        </Text>
                        <Text size="xs">{period(d)}</Text>
                        <Text size="xs" c="dimmed" lineClamp={2}>
                          {d.reason}
                        </Text>
                        <div>{status(d)}</div>
                      </Stack>
                    ),
                  },
                  endAction,
                ]
              : [
                  {
                    header: t('delegations.absent'),
                    cell: (d) => (
                      <Text fw={600} size="sm">
                        {d.absent.name}
                      </Text>
                    ),
                  },
                  { header: t('delegations.acting'), cell: (d) => <Text size="sm">{d.acting.name}</Text> },
                  {
                    header: t('delegations.period'),
                    cell: (d) => (
                      <Text size="sm" style={{ whiteSpace: 'nowrap' }}>
                        {period(d)}
                      </Text>
                    ),
                  },
                  {
                    header: t('delegations.reason'),
                    cell: (d) => (
                      <Text size="sm" lineClamp={2} maw={280}>
                        {d.reason}
                      </Text>
                    ),
                  },
                  { header: t('delegations.status'), cell: status },
                  endAction,
                ]
          }
        />
      </Paper>
      {creating && <DelegationFormModal onClose={() => setCreating(false)} />}
      {ending && <EndDelegationModal delegation={ending} onClose={() => setEnding(null)} />}
    </>
  );
}

type Values = {
  absentUserId: string | null;
  actingUserId: string | null;
  startsOn: string | null;
  endsOn: string | null;
  reason: string;
};

function DelegationFormModal({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation();
  const users = useUsers({ pageSize: 200 });
  const people = (users.data?.items ?? [])
    .filter((u) => !u.disabled)
    .map((u) => ({ value: u.id, label: `${u.name} (${u.email})` }));
  const f = useSaveForm({
    initialValues: {
      absentUserId: null,
      actingUserId: null,
      startsOn: null,
      endsOn: null,
      reason: '',
    } as Values,
    schema: DelegationInputSchema,
    toInput: (v) => ({
      absentUserId: v.absentUserId ?? '',
      actingUserId: v.actingUserId ?? '',
      startsOn: v.startsOn ?? '',
      endsOn: v.endsOn ?? '',
      reason: v.reason,
    }),
    save: createDelegation,
    invalidate: [DELEGATIONS_KEY],
    saved: (d) => t('delegations.created', { acting: d.acting.name, absent: d.absent.name }),
    onSaved: onClose,
  });
  const select = {
    data: people,
    searchable: true,
    nothingFoundMessage: t('common.nothingFound'),
    placeholder: users.isPending ? t('common.loading') : undefined,
    comboboxProps: { withinPortal: true },
  };
  return (
    <FormModal
      form={f}
      onClose={onClose}
      title={t('delegations.createTitle')}
      submitLabel={t('delegations.save')}
    >
      <Select
        label={t('delegations.absent')}
        description={t('delegations.absentHelp')}
        withAsterisk
        data-autofocus
        {...select}
        {...f.form.getInputProps('absentUserId')}
      />
      <Select
        label={t('delegations.acting')}
        description={t('delegations.actingHelp')}
        withAsterisk
        {...select}
        {...f.form.getInputProps('actingUserId')}
      />
      <DayInput label={t('delegations.startsOn')} withAsterisk {...f.form.getInputProps('startsOn')} />
      <DayInput
        label={t('delegations.endsOn')}
        description={t('delegations.endsOnHelp')}
        withAsterisk
        {...f.form.getInputProps('endsOn')}
      />
      <TextInput
        label={t('delegations.reason')}
        placeholder={t('delegations.reasonPlaceholder')}
        withAsterisk
        {...f.text('reason')}
      />
    </FormModal>
  );
}

function EndDelegationModal({ delegation, onClose }: { delegation: Delegation; onClose: () => void }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const end = useMutation({
    mutationFn: () => endDelegation(delegation.id),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: DELEGATIONS_KEY });
      notifySuccess(t('delegations.ended', { absent: delegation.absent.name }));
      onClose();
    },
  });
  return (
    <ConfirmModal
      title={t('delegations.endTitle')}
      message={t('delegations.endMessage', {
        acting: delegation.acting.name,
        absent: delegation.absent.name,
      })}
      confirm={t('delegations.end')}
      mutation={end}
      onConfirm={() => end.mutate()}
      onClose={onClose}
    />
  );
}
