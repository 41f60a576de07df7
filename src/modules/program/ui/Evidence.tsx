import { ActionIcon, Anchor, Button, FileButton, Group, Stack, Text } from '@mantine/core';
import { IconPaperclip, IconX } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { Activity } from '../contract';
import { errorText } from '@/web/shared/ui/errors';
import { activityFileUrl, useAttachEvidence, useRemoveEvidence } from './api';
import programStrings from 'virtual:lazy-strings/program';
import { addLazyStrings } from '@/web/i18n/all';

// This module's wording loads with it, not with the signed-in frame (issue 18).
addLazyStrings(programStrings);

/** The evidence files of an activity, each a download link, and (for writers) a button to add one. */
export function Evidence({ activity, canWrite }: { activity: Activity; canWrite: boolean }) {
  const { t } = useTranslation();
  const attach = useAttachEvidence(activity.id);
  const remove = useRemoveEvidence(activity.id);
  return (
    <Stack gap={2}>
      {activity.files.map((f) => (
        <Group key={f.id} gap={2} wrap="nowrap">
          <Anchor size="xs" href={activityFileUrl(activity.id, f.id)}>
            {f.filename}
          </Anchor>
          {canWrite && (
            <ActionIcon
              size="xs"
              variant="subtle"
              color="red.8"
              loading={remove.isPending && remove.variables === f.id}
              aria-label={t('program.activities.removeFile', { name: f.filename })}
              onClick={() => remove.mutate(f.id)}
            >
              <IconX size={12} aria-hidden />
            </ActionIcon>
          )}
        </Group>
      ))}
      {canWrite && (
        <FileButton onChange={(file) => file && attach.mutate(file)}>
          {(props) => (
            <Button
              {...props}
              size="compact-xs"
              variant="subtle"
              loading={attach.isPending}
              leftSection={<IconPaperclip size={12} aria-hidden />}
              aria-label={t('program.activities.attachTo', { title: activity.title })}
            >
              {t('program.activities.attach')}
            </Button>
          )}
        </FileButton>
      )}
      {remove.isError && (
        <Text size="xs" c="red.8" role="alert">
          {errorText(remove.error, t)}
        </Text>
      )}
      {attach.isError && (
        <Text size="xs" c="red.8" role="alert">
          {t('program.activities.attachFailed')} {errorText(attach.error, t)}
        </Text>
      )}
    </Stack>
  );
}
