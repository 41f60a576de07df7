import {
  ActionIcon,
  Alert,
  Badge,
  Button,
  Code,
  Menu,
  Modal,
  Paper,
  Select,
  Stack,
  Text,
  TextInput,
} from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { IconDots, IconMailForward, IconPlayerPause, IconPlayerPlay, IconPlus } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FormModal } from '@/web/shared/form/FormModal';
import { useSaveForm } from '@/web/shared/form/use-save-form';
import { formatDateTime } from '@/web/shared/lib/format';
import { ConfirmModal } from '@/web/shared/ui/ConfirmModal';
import { notifySuccess } from '@/web/shared/ui/errors';
import { ListTable } from '@/web/shared/ui/ListTable';
import { PageHeader } from '@/web/shared/ui/PageHeader';
import {
  InvitationInputSchema,
  MEXICAN_STATES,
  OrganizationInputSchema,
  OrganizationKindSchema,
  TIME_ZONES,
  type Organization,
  type OrganizationKind,
} from '../contract';
import { createOrganization, inviteAdministrator, setOrganizationSuspended, useOrganizations } from './api';

type Dialog = { kind: 'create' } | { kind: 'invite' | 'suspend'; org: Organization } | null;

/**
 * The installation operator's screen (ADR 0023): the organizations, a new one, each one's
 * administrator invited by e-mail, suspension and reactivation. No record of any organization
 * shows here.
 */
export default function OrganizationsPage() {
  const { t } = useTranslation();
  const organizations = useOrganizations();
  const queryClient = useQueryClient();
  const [dialog, setDialog] = useState<Dialog>(null);
  const close = () => setDialog(null);
  const toggle = useMutation({
    mutationFn: (org: Organization) => setOrganizationSuspended(org.id, !org.suspended),
    onSuccess: (org) => {
      void queryClient.invalidateQueries({ queryKey: ['organizations'] });
      notifySuccess(
        t(org.suspended ? 'organizations.suspendedDone' : 'organizations.reactivated', {
          acronym: org.acronym,
        }),
      );
      close();
    },
  });

  return (
    <>
      <PageHeader
        title={t('organizations.title')}
        description={t('organizations.description')}
        actions={
          <Button
            leftSection={<IconPlus size={16} aria-hidden />}
            onClick={() => setDialog({ kind: 'create' })}
          >
            {t('organizations.create')}
          </Button>
        }
      />
      <Paper withBorder p="md">
        <ListTable
          caption={t('organizations.caption')}
          minWidth={760}
          query={organizations}
          columns={[
            {
              header: t('organizations.name'),
              cell: (o) => (
                <>
                  <Text fw={600} size="sm">
                    {o.acronym}
                  </Text>
                  <Text size="xs" c="dimmed">
                    {o.name}
                  </Text>
                </>
              ),
            },
            { header: t('organizations.kind'), cell: (o) => t(`enums.organizationKind.${o.kind}`) },
            { header: t('organizations.state'), cell: (o) => o.state ?? '—' },
            { header: t('organizations.timeZone'), cell: (o) => o.timeZone },
            {
              header: t('organizations.users'),
              cell: (o) => t('organizations.usersCount', { count: o.users, pending: o.pendingInvitations }),
            },
            {
              header: t('organizations.status'),
              cell: (o) =>
                o.suspended ? (
                  <Badge color="red" variant="light" tt="none">
                    {t('organizations.suspended')}
                  </Badge>
                ) : (
                  <Badge color="teal" variant="light" tt="none">
                    {t('organizations.active')}
                  </Badge>
                ),
            },
            {
              header: t('common.actions'),
              hiddenHeader: true,
              align: 'right',
              cell: (o) => (
                <Menu position="bottom-end" withinPortal>
                  <Menu.Target>
                    <ActionIcon
                      variant="subtle"
                      color="gray"
                      aria-label={t('organizations.actionsFor', { acronym: o.acronym })}
                    >
                      <IconDots size={18} aria-hidden />
                    </ActionIcon>
                  </Menu.Target>
                  <Menu.Dropdown>
                    <Menu.Item
                      leftSection={<IconMailForward size={16} aria-hidden />}
                      disabled={o.suspended}
                      onClick={() => setDialog({ kind: 'invite', org: o })}
                    >
                      {t('organizations.invite')}
                    </Menu.Item>
                    {o.suspended ? (
                      <Menu.Item
                        leftSection={<IconPlayerPlay size={16} aria-hidden />}
                        onClick={() => toggle.mutate(o)}
                      >
                        {t('organizations.reactivate')}
                      </Menu.Item>
                    ) : (
                      <Menu.Item
                        color="red.9"
                        leftSection={<IconPlayerPause size={16} aria-hidden />}
                        onClick={() => setDialog({ kind: 'suspend', org: o })}
                      >
                        {t('organizations.suspend')}
                      </Menu.Item>
                    )}
                  </Menu.Dropdown>
                </Menu>
              ),
            },
          ]}
        />
      </Paper>
      {dialog?.kind === 'create' && <OrganizationFormModal onClose={close} />}
      {dialog?.kind === 'invite' && <InviteModal org={dialog.org} onClose={close} />}
      {dialog?.kind === 'suspend' && (
        <ConfirmModal
          title={t('organizations.suspendTitle', { acronym: dialog.org.acronym })}
          message={t('organizations.suspendText', { name: dialog.org.name })}
          confirm={t('organizations.suspend')}
          mutation={toggle}
          onConfirm={() => toggle.mutate(dialog.org)}
          onClose={close}
        />
      )}
    </>
  );
}

function OrganizationFormModal({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation();
  const f = useSaveForm({
    initialValues: {
      name: '',
      acronym: '',
      kind: 'local_body' as OrganizationKind,
      state: null as string | null,
      timeZone: 'America/Mexico_City' as string,
    },
    schema: OrganizationInputSchema,
    toInput: (v) => ({
      name: v.name,
      acronym: v.acronym,
      kind: v.kind,
      state: v.state as (typeof MEXICAN_STATES)[number] | null,
      timeZone: v.timeZone as (typeof TIME_ZONES)[number],
    }),
    save: createOrganization,
    invalidate: [['organizations']],
    saved: (o) => t('organizations.created', { acronym: o.acronym }),
    onSaved: onClose,
  });
  return (
    <FormModal
      form={f}
      onClose={onClose}
      title={t('organizations.createTitle')}
      submitLabel={t('organizations.create')}
    >
      <TextInput label={t('organizations.name')} withAsterisk data-autofocus {...f.text('name')} />
      <TextInput label={t('organizations.acronym')} withAsterisk {...f.text('acronym')} />
      <Select
        label={t('organizations.kind')}
        withAsterisk
        allowDeselect={false}
        data={OrganizationKindSchema.options.map((k) => ({
          value: k,
          label: t(`enums.organizationKind.${k}`),
        }))}
        comboboxProps={{ withinPortal: true }}
        {...f.form.getInputProps('kind')}
      />
      <Select
        label={t('organizations.state')}
        placeholder={t('organizations.statePlaceholder')}
        clearable
        searchable
        data={[...MEXICAN_STATES]}
        nothingFoundMessage={t('common.nothingFound')}
        comboboxProps={{ withinPortal: true }}
        {...f.form.getInputProps('state')}
      />
      <Select
        label={t('organizations.timeZone')}
        description={t('organizations.timeZoneHelp')}
        allowDeselect={false}
        data={[...TIME_ZONES]}
        comboboxProps={{ withinPortal: true }}
        {...f.form.getInputProps('timeZone')}
      />
    </FormModal>
  );
}

type Sent = Awaited<ReturnType<typeof inviteAdministrator>>;

function InviteModal({ org, onClose }: { org: Organization; onClose: () => void }) {
  const { t } = useTranslation();
  const [unsent, setUnsent] = useState<Sent | null>(null);
  const f = useSaveForm({
    initialValues: { name: '', email: '' },
    schema: InvitationInputSchema,
    toInput: (v) => v,
    save: (input) => inviteAdministrator(org.id, input),
    invalidate: [['organizations']],
    saved: (sent) => (sent.mailed ? t('organizations.invited', { email: sent.email }) : ''),
    onSaved: (sent) => (sent.mailed ? onClose() : setUnsent(sent)),
  });
  if (unsent) {
    return (
      <Modal opened onClose={onClose} title={t('organizations.notMailedTitle')} size="lg">
        <Stack>
          <Alert color="yellow">
            {t('organizations.notMailed', { email: unsent.email, date: formatDateTime(unsent.expiresAt) })}
          </Alert>
          <Code block>{unsent.link}</Code>
          <Button onClick={onClose}>{t('common.close')}</Button>
        </Stack>
      </Modal>
    );
  }
  return (
    <FormModal
      form={f}
      onClose={onClose}
      title={t('organizations.inviteTitle', { acronym: org.acronym })}
      submitLabel={t('organizations.inviteSubmit')}
    >
      <Text size="sm">{t('organizations.inviteHelp')}</Text>
      <TextInput label={t('organizations.inviteName')} withAsterisk data-autofocus {...f.text('name')} />
      <TextInput
        label={t('organizations.inviteEmail')}
        type="email"
        withAsterisk
        {...f.form.getInputProps('email')}
      />
    </FormModal>
  );
}
