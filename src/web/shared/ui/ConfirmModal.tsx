import { Button, Group, Modal, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { FormErrorAlert } from '@/web/shared/ui/FormErrorAlert';

/** Asks before a removal; the server's refusal, if any, shows in the dialog. */
export function ConfirmModal({
  title,
  message,
  confirm,
  mutation,
  onConfirm,
  onClose,
}: {
  title: string;
  message: string;
  confirm: string;
  mutation: { error: unknown; isPending: boolean };
  onConfirm: () => void;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  return (
    <Modal opened onClose={onClose} title={title}>
      <Stack>
        <FormErrorAlert error={mutation.error} />
        <Text size="sm">{message}</Text>
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('common.cancel')}
          </Button>
          <Button color="red.9" loading={mutation.isPending} onClick={onConfirm}>
            {confirm}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
