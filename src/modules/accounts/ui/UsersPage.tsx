import { ActionIcon, Badge, Button, Group, Menu, Paper, Select, Text } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import {
  IconDots,
  IconKey,
  IconLogout,
  IconPencil,
  IconPlus,
  IconShieldOff,
  IconUserCheck,
  IconUserOff,
} from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ROLES, type Role, type User } from '../contract';
import { useListParams } from '@/web/shared/lib/use-list-params';
import { useCan, useMe } from '@/web/shared/session/session';
import { notifySuccess } from '@/web/shared/ui/errors';
import { ConfirmModal } from '@/web/shared/ui/ConfirmModal';
import { ListTable } from '@/web/shared/ui/ListTable';
import { PageHeader } from '@/web/shared/ui/PageHeader';
import { SearchInput } from '@/web/shared/ui/SearchInput';
import { endUserSessions, updateUser, useAreaOptions, useUsers } from './api';
import { ResetPasswordModal } from './ResetPasswordModal';
import { UserFormModal } from './UserFormModal';
import { ResetTwoFactorModal, TwoFactorPolicyCard } from './TwoFactorAdmin';
import { SsoPolicyCard } from './SsoPolicyCard';

const PAGE_SIZE = 25;
const FILTERS = ['rol'] as const;

type Dialog =
  { kind: 'create' } | { kind: 'edit' | 'password' | 'toggle' | 'sessions' | 'twoFactor'; user: User } | null;

export default function UsersPage() {
  const { t } = useTranslation();
  const canManage = useCan('users.manage');
  const { data: me } = useMe();
  const list = useListParams(FILTERS);
  const role = (list.filters.rol as Role | null) ?? undefined;
  const users = useUsers({ q: list.q || undefined, role, page: list.page, pageSize: PAGE_SIZE });
  const areas = useAreaOptions();
  const areaName = new Map((areas.data ?? []).map((a) => [a.value, a.label]));
  const [dialog, setDialog] = useState<Dialog>(null);
  const close = () => setDialog(null);

  return (
    <>
      <PageHeader
        title={t('users.title')}
        description={t('users.description')}
        actions={
          canManage && (
            <Button
              leftSection={<IconPlus size={16} aria-hidden />}
              onClick={() => setDialog({ kind: 'create' })}
            >
              {t('users.create')}
            </Button>
          )
        }
      />
      <Paper withBorder p="md">
        <Group align="flex-end" mb="md" gap="sm">
          <SearchInput
            label={t('users.search')}
            placeholder={t('users.searchPlaceholder')}
            value={list.q}
            onChange={list.setQ}
          />
          <Select
            label={t('users.roleFilter')}
            placeholder={t('common.all')}
            clearable
            data={ROLES.map((r) => ({ value: r, label: t(`enums.role.${r}`) }))}
            value={list.filters.rol}
            onChange={(v) => list.setFilter('rol', v)}
            w={260}
          />
        </Group>
        <ListTable
          caption={t('users.caption')}
          minWidth={760}
          query={users}
          paging={{ page: list.page, pageSize: PAGE_SIZE, onPage: list.setPage }}
          columns={[
            {
              header: t('users.name'),
              cell: (u) => (
                <>
                  <Text fw={600} size="sm">
                    {u.name}
                  </Text>
                  <Text size="xs" c="dimmed">
                    {u.email}
                  </Text>
                </>
              ),
            },
            {
              header: t('users.roles'),
              cell: (u) => (
                <Group gap={4}>
                  {u.roles.map((r) => (
                    <Badge key={r} variant="light" color="gray" tt="none">
                      {t(`enums.role.${r}`)}
                    </Badge>
                  ))}
                </Group>
              ),
            },
            {
              header: t('users.areas'),
              cell: (u) => (
                <Text size="sm">
                  {u.areaIds.length ? u.areaIds.map((id) => areaName.get(id) ?? '…').join('; ') : '—'}
                </Text>
              ),
            },
            {
              header: t('users.status'),
              cell: (u) =>
                u.disabled ? (
                  <Badge color="red" variant="light" tt="none">
                    {t('users.disabled')}
                  </Badge>
                ) : (
                  <Group gap={4}>
                    <Badge color="teal" variant="light" tt="none">
                      {t('users.active')}
                    </Badge>
                    {u.twoFactorEnabled && (
                      <Badge color="blue" variant="light" tt="none">
                        {t('twoFactor.badge')}
                      </Badge>
                    )}
                  </Group>
                ),
            },
            canManage && {
              header: t('common.actions'),
              hiddenHeader: true,
              align: 'right',
              cell: (u) => (
                <Menu position="bottom-end" withinPortal>
                  <Menu.Target>
                    <ActionIcon
                      variant="subtle"
                      color="gray"
                      aria-label={t('users.actionsFor', { name: u.name })}
                    >
                      <IconDots size={18} aria-hidden />
                    </ActionIcon>
                  </Menu.Target>
                  <Menu.Dropdown>
                    <Menu.Item
                      leftSection={<IconPencil size={16} aria-hidden />}
                      onClick={() => setDialog({ kind: 'edit', user: u })}
                    >
                      {t('users.edit')}
                    </Menu.Item>
                    <Menu.Item
                      leftSection={<IconKey size={16} aria-hidden />}
                      onClick={() => setDialog({ kind: 'password', user: u })}
                    >
                      {t('users.resetPassword')}
                    </Menu.Item>
                    {u.twoFactorEnabled && (
                      <Menu.Item
                        leftSection={<IconShieldOff size={16} aria-hidden />}
                        onClick={() => setDialog({ kind: 'twoFactor', user: u })}
                      >
                        {t('twoFactor.reset')}
                      </Menu.Item>
                    )}
                    <Menu.Item
                      leftSection={<IconLogout size={16} aria-hidden />}
                      onClick={() => setDialog({ kind: 'sessions', user: u })}
                    >
                      {t('users.endSessions')}
                    </Menu.Item>
                    <Menu.Item
                      color={u.disabled ? undefined : 'red.9'}
                      disabled={u.id === me?.id}
                      leftSection={
                        u.disabled ? (
                          <IconUserCheck size={16} aria-hidden />
                        ) : (
                          <IconUserOff size={16} aria-hidden />
                        )
                      }
                      onClick={() => setDialog({ kind: 'toggle', user: u })}
                    >
                      {u.disabled ? t('users.enable') : t('users.disable')}
                    </Menu.Item>
                  </Menu.Dropdown>
                </Menu>
              ),
            },
          ]}
        />
      </Paper>
      <TwoFactorPolicyCard canManage={canManage} />
      <SsoPolicyCard canManage={canManage} />

      {dialog?.kind === 'create' && <UserFormModal opened onClose={close} />}
      {dialog?.kind === 'edit' && <UserFormModal opened onClose={close} user={dialog.user} />}
      {dialog?.kind === 'password' && <ResetPasswordModal user={dialog.user} onClose={close} />}
      {dialog?.kind === 'toggle' && <ToggleUserModal user={dialog.user} onClose={close} />}
      {dialog?.kind === 'sessions' && <EndSessionsModal user={dialog.user} onClose={close} />}
      {dialog?.kind === 'twoFactor' && <ResetTwoFactorModal user={dialog.user} onClose={close} />}
    </>
  );
}

function ToggleUserModal({ user, onClose }: { user: User; onClose: () => void }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const toggle = useMutation({
    mutationFn: () => updateUser(user.id, { disabled: !user.disabled }),
    onSuccess: (updated) => {
      void queryClient.invalidateQueries({ queryKey: ['users'] });
      notifySuccess(
        updated.disabled
          ? t('users.disabledDone', { name: updated.name })
          : t('users.enabledDone', { name: updated.name }),
      );
      onClose();
    },
  });
  return (
    <ConfirmModal
      title={user.disabled ? t('users.enableTitle') : t('users.disableTitle')}
      message={
        user.disabled
          ? t('users.enableText', { name: user.name })
          : t('users.disableText', { name: user.name })
      }
      confirm={user.disabled ? t('users.enable') : t('users.disable')}
      color={user.disabled ? 'guinda' : 'red.9'}
      mutation={toggle}
      onConfirm={() => toggle.mutate()}
      onClose={onClose}
    />
  );
}

/** An administrator ends every session of a user (a lost laptop, a shared password). */
function EndSessionsModal({ user, onClose }: { user: User; onClose: () => void }) {
  const { t } = useTranslation();
  const end = useMutation({
    mutationFn: () => endUserSessions(user.id),
    onSuccess: ({ ended }) => {
      notifySuccess(t('users.sessionsEnded', { count: ended, name: user.name }));
      onClose();
    },
  });
  return (
    <ConfirmModal
      title={t('users.endSessionsTitle')}
      message={t('users.endSessionsText', { name: user.name })}
      confirm={t('users.endSessionsSubmit')}
      mutation={end}
      onConfirm={() => end.mutate()}
      onClose={onClose}
    />
  );
}
