import { Button, Group, Modal, MultiSelect, Stack, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { FieldProblem } from '@/shared/errors';
import { ROLES, type Role, type User } from '../contract';
import { api } from '@/web/shared/api/client';
import { applyFieldErrors } from '@/web/shared/api/form-errors';
import { notifySuccess } from '@/web/shared/ui/errors';
import { FormErrorAlert } from '@/web/shared/ui/FormErrorAlert';
import { PasswordField } from '@/web/shared/ui/PasswordField';
import { useAreaOptions } from './api';

type Values = { name: string; email: string; password: string; roles: string[]; areaIds: string[] };

/** Creates a user (`user` absent) or edits one's name, roles and areas. */
export function UserFormModal(props: { opened: boolean; onClose: () => void; user?: User }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const areas = useAreaOptions();
  const editing = Boolean(props.user);
  const [unplaced, setUnplaced] = useState<FieldProblem[]>([]);
  const form = useForm<Values>({
    initialValues: {
      name: props.user?.name ?? '',
      email: props.user?.email ?? '',
      password: '',
      roles: props.user?.roles ?? [],
      areaIds: props.user?.areaIds ?? [],
    },
  });

  const save = useMutation({
    mutationFn: (v: Values) =>
      props.user
        ? api.patch<User>(`/api/users/${encodeURIComponent(props.user.id)}`, {
            name: v.name,
            roles: v.roles as Role[],
            areaIds: v.areaIds,
          })
        : api.post<User>('/api/users', { ...v, roles: v.roles as Role[] }),
    onSuccess: (user) => {
      void queryClient.invalidateQueries({ queryKey: ['users'] });
      notifySuccess(
        editing ? t('users.updated', { name: user.name }) : t('users.created', { name: user.name }),
      );
      props.onClose();
    },
    onError: (error) => setUnplaced(applyFieldErrors(form, error)),
  });

  return (
    <Modal
      opened={props.opened}
      onClose={props.onClose}
      title={editing ? t('users.editTitle') : t('users.createTitle')}
      size="lg"
    >
      <form noValidate onSubmit={form.onSubmit((v) => save.mutate(v))}>
        <Stack>
          <FormErrorAlert error={save.error} unplaced={unplaced} />
          <TextInput label={t('users.name')} withAsterisk data-autofocus {...form.getInputProps('name')} />
          <TextInput
            label={t('users.email')}
            type="email"
            withAsterisk={!editing}
            disabled={editing}
            description={editing ? t('users.emailFixed') : undefined}
            {...form.getInputProps('email')}
          />
          {!editing && (
            <PasswordField
              label={t('users.initialPassword')}
              description={t('password.rule')}
              autoComplete="new-password"
              withAsterisk
              {...form.getInputProps('password')}
            />
          )}
          <MultiSelect
            label={t('users.roles')}
            withAsterisk
            data={ROLES.map((r) => ({ value: r, label: t(`enums.role.${r}`) }))}
            comboboxProps={{ withinPortal: true }}
            {...form.getInputProps('roles')}
          />
          <MultiSelect
            label={t('users.areas')}
            description={t('users.areasHelp')}
            data={areas.data ?? []}
            searchable
            nothingFoundMessage={t('common.nothingFound')}
            placeholder={areas.isPending ? t('common.loading') : undefined}
            comboboxProps={{ withinPortal: true }}
            {...form.getInputProps('areaIds')}
          />
          <Group justify="flex-end" mt="sm">
            <Button variant="default" onClick={props.onClose}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={save.isPending}>
              {editing ? t('common.saveChanges') : t('users.create')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
