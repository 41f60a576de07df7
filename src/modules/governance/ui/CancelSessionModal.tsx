import { Text, Textarea } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { SessionCancellationInputSchema, type Session } from '../contract';
import { FormModal } from '@/web/shared/form/FormModal';
import { useSaveForm } from '@/web/shared/form/use-save-form';
import { GOVERNANCE_KEY, cancelSession } from './api';
import governanceStrings from 'virtual:lazy-strings/governance';
import { addLazyStrings } from '@/web/i18n/all';

// This module's wording loads with it, not with the signed-in frame (issue 18).
addLazyStrings(governanceStrings);

/** Cancels a session not yet held; the reason is required and stays on the session's page. */
export function CancelSessionModal(props: { session: Session; title: string; onClose: () => void }) {
  const { t } = useTranslation();
  const f = useSaveForm({
    initialValues: { reason: '' },
    schema: SessionCancellationInputSchema,
    toInput: (v) => ({ reason: v.reason }),
    save: (input) => cancelSession(props.session.id, input),
    invalidate: [GOVERNANCE_KEY],
    saved: () => t('governance.cancel.done', { name: props.title }),
    onSaved: props.onClose,
  });
  return (
    <FormModal
      form={f}
      onClose={props.onClose}
      title={t('governance.cancel.title', { name: props.title })}
      submitLabel={t('governance.cancel.confirm')}
      submitColor="red.9"
      cancelLabel={t('governance.cancel.back')}
    >
      <Text size="sm">{t('governance.cancel.consequence')}</Text>
      <Textarea
        label={t('governance.cancel.reason')}
        withAsterisk
        data-autofocus
        autosize
        minRows={3}
        {...f.text('reason')}
      />
    </FormModal>
  );
}
