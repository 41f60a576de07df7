import { MultiSelect, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import {
  CreateUserInputSchema,
  ROLES,
  UpdateUserInputSchema,
  type CreateUserInput,
  type Role,
  type UpdateUserInput,
  type User,
} from '../contract';
import { FormModal } from '@/web/shared/form/FormModal';
import { useSaveForm } from '@/web/shared/form/use-save-form';
import { PasswordField } from '@/web/shared/ui/PasswordField';
import { createUser, updateUser, useAreaOptions } from './api';

type Values = { name: string; email: string; password: string; roles: string[]; areaIds: string[] };

/** Creates a user (`user` absent) or edits one's name, roles and areas. */
export function UserFormModal(props: { opened: boolean; onClose: () => void; user?: User }) {
  const { t } = useTranslation();
  const areas = useAreaOptions();
  const user = props.user;
  const f = useSaveForm({
    initialValues: {
      name: user?.name ?? '',
      email: user?.email ?? '',
      password: '',
      roles: user?.roles ?? [],
      areaIds: user?.areaIds ?? [],
    } as Values,
    schema: user ? UpdateUserInputSchema : CreateUserInputSchema,
    toInput: (v): CreateUserInput | UpdateUserInput =>
      user
        ? { name: v.name, roles: v.roles as Role[], areaIds: v.areaIds }
        : { ...v, roles: v.roles as Role[] },
    save: (input) =>
      user ? updateUser(user.id, input as UpdateUserInput) : createUser(input as CreateUserInput),
    invalidate: [['users']],
    saved: (saved) =>
      user ? t('users.updated', { name: saved.name }) : t('users.created', { name: saved.name }),
    onSaved: props.onClose,
  });
  if (!props.opened) return null;

  return (
    <FormModal
      form={f}
      onClose={props.onClose}
      title={user ? t('users.editTitle') : t('users.createTitle')}
      submitLabel={user ? t('common.saveChanges') : t('users.create')}
    >
      <TextInput label={t('users.name')} withAsterisk data-autofocus {...f.text('name')} />
      <TextInput
        label={t('users.email')}
        type="email"
        withAsterisk={!user}
        disabled={Boolean(user)}
        description={user ? t('users.emailFixed') : undefined}
        {...f.form.getInputProps('email')}
      />
      {!user && (
        <PasswordField
          label={t('users.initialPassword')}
          description={t('password.rule')}
          autoComplete="new-password"
          withAsterisk
          {...f.form.getInputProps('password')}
        />
      )}
      <MultiSelect
        label={t('users.roles')}
        withAsterisk
        data={ROLES.map((r) => ({ value: r, label: t(`enums.role.${r}`) }))}
        comboboxProps={{ withinPortal: true }}
        {...f.form.getInputProps('roles')}
      />
      <MultiSelect
        label={t('users.areas')}
        description={t('users.areasHelp')}
        data={areas.data ?? []}
        searchable
        nothingFoundMessage={t('common.nothingFound')}
        placeholder={areas.isPending ? t('common.loading') : undefined}
        comboboxProps={{ withinPortal: true }}
        {...f.form.getInputProps('areaIds')}
      />
    </FormModal>
  );
}
