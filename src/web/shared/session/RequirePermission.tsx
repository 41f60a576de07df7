import { Alert } from '@mantine/core';
import { IconLock } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { Permission } from '@/modules/accounts/contract';
import { useCan } from './session';

/** Shows `children` only to users who hold `permission`; others read why they cannot. */
export function RequirePermission({ permission, children }: { permission: Permission; children: ReactNode }) {
  const { t } = useTranslation();
  if (!useCan(permission)) {
    return (
      <Alert color="red" icon={<IconLock aria-hidden />} title={t('errors.forbiddenTitle')} role="alert">
        {t('errors.forbiddenPage')}
      </Alert>
    );
  }
  return children;
}
