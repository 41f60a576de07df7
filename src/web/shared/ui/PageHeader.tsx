import { Group, Stack, Text, Title } from '@mantine/core';
import { useDocumentTitle } from '@mantine/hooks';
import type { ReactNode } from 'react';

/** The page's title (also the tab's title), a line about it and its main actions. */
export function PageHeader(props: {
  title: string;
  description?: ReactNode;
  actions?: ReactNode;
  above?: ReactNode;
}) {
  useDocumentTitle(`${props.title} · Vincula`);
  return (
    <Stack gap={4} mb="lg">
      {props.above}
      <Group justify="space-between" align="flex-end" gap="sm">
        <Stack gap={4}>
          <Title order={1} fz={{ base: 24, sm: 28 }}>
            {props.title}
          </Title>
          {props.description && (
            <Text c="dimmed" size="sm">
              {props.description}
            </Text>
          )}
        </Stack>
        {props.actions && <Group gap="xs">{props.actions}</Group>}
      </Group>
    </Stack>
  );
}
