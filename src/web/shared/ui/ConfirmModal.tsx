import { Button, Group, Modal, Stack, Text, type MantineColor } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { FormErrorAlert } from '@/web/shared/ui/FormErrorAlert';

/**
 * Asks before a removal or another step that cannot be undone, naming its consequence; the
 * server's refusal, if any, shows in the dialog. A step that is not a removal (approving, issuing)
 * passes its own color.
 */
export function ConfirmModal({
  title,
  message,
  confirm,
  color = 'red.9',
  mutation,
  onConfirm,
  onClose,
}: {
  title: string;
  message: string;
  confirm: string;
  color?: MantineColor;
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
          <Button color={color} loading={mutation.isPending} onClick={onConfirm}>
            {confirm}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
