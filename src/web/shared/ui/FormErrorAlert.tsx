import { Alert, List } from '@mantine/core';
import { IconAlertCircle } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { FieldProblem } from '@/shared/errors';
import { errorText } from './errors';

/** Why a form was refused: the API's message, plus the problems no field of the form could show. */
export function FormErrorAlert({ error, unplaced = [] }: { error: unknown; unplaced?: FieldProblem[] }) {
  const { t } = useTranslation();
  if (!error) return null;
  return (
    <Alert color="red" icon={<IconAlertCircle aria-hidden />} role="alert" title={errorText(error, t)}>
      {unplaced.length > 0 ? (
        <List size="sm">
          {unplaced.map((p) => (
            <List.Item key={`${p.path}-${p.message}`}>
              {p.path ? `${p.path}: ` : ''}
              {p.message}
            </List.Item>
          ))}
        </List>
      ) : (
        t('errors.checkFields')
      )}
    </Alert>
  );
}
