import { Alert, Button, Group, Modal, Stack, Text } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { IconAlertTriangle } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { errorText, notifySuccess } from '@/web/shared/ui/errors';
import { DIRECTORY_KEY, deleteRecord, type DirectoryCollection } from './api';

/**
 * Deletes an institution, area or person registered by mistake. The server refuses while other
 * records use it and says which; the refusal is shown here.
 */
export function DeleteRecordModal(props: {
  collection: DirectoryCollection;
  id: string;
  name: string;
  onClose: () => void;
  onDeleted?: () => void;
}) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const remove = useMutation({
    mutationFn: () => deleteRecord(props.collection, props.id),
    onSuccess: () => {
      notifySuccess(t('records.deleted', { name: props.name }));
      props.onClose();
      props.onDeleted?.();
      void queryClient.invalidateQueries({ queryKey: DIRECTORY_KEY });
    },
  });
  return (
    <Modal opened onClose={props.onClose} title={t(`records.deleteTitle.${props.collection}`)}>
      <Stack>
        <Text size="sm">{t('records.deleteText', { name: props.name })}</Text>
        {remove.error && (
          <Alert color="red" icon={<IconAlertTriangle aria-hidden />} role="alert">
            {errorText(remove.error, t)}
          </Alert>
        )}
        <Group justify="flex-end">
          <Button variant="default" onClick={props.onClose}>
            {t('common.cancel')}
          </Button>
          <Button
            color="red.9"
            loading={remove.isPending}
            disabled={Boolean(remove.error)}
            onClick={() => remove.mutate()}
          >
            {t('common.delete')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
