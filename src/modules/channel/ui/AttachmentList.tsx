import { Anchor, Group, List, Text } from '@mantine/core';
import { IconPaperclip } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { Attachment } from '../routing-contract';
import { notifyError } from '@/web/shared/ui/errors';
import { downloadAttachment } from './routing-api';

function size(bytes: number): string {
  return bytes < 1024 * 1024
    ? `${Math.max(1, Math.round(bytes / 1024))} KB`
    : `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

/** Files with a download link each (served only to users who may see the folio). */
export function AttachmentList({ files, empty }: { files: Attachment[]; empty?: string }) {
  const { t } = useTranslation();
  if (!files.length)
    return empty ? (
      <Text size="sm" c="dimmed">
        {empty}
      </Text>
    ) : null;
  return (
    <List spacing={4} size="sm" listStyleType="none">
      {files.map((f) => (
        <List.Item key={f.id}>
          <Group gap={6} wrap="nowrap">
            <IconPaperclip size={14} aria-hidden />
            <Anchor
              component="button"
              type="button"
              size="sm"
              onClick={() => void downloadAttachment(f).catch((e) => notifyError(e, t))}
            >
              {f.filename}
            </Anchor>
            <Text size="xs" c="dimmed">
              {size(f.size)}
            </Text>
          </Group>
        </List.Item>
      ))}
    </List>
  );
}
