import { Paper, Text, Title } from '@mantine/core';
import type { UseQueryResult } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { QueryError } from './QueryError';

/**
 * A setting of the organization shown on the page it governs: its title and what it means, then
 * its form for who may change it, or its value in words for everyone else.
 */
export function SettingCard<T>(props: {
  title: ReactNode;
  description: ReactNode;
  query: UseQueryResult<T>;
  canManage: boolean;
  form: (value: T) => ReactNode;
  read: (value: T) => ReactNode;
}) {
  const { query } = props;
  return (
    <Paper withBorder p="md" mt="md">
      <Title order={2} size="h4" mb="xs">
        {props.title}
      </Title>
      <Text size="sm" c="dimmed" mb="sm">
        {props.description}
      </Text>
      {query.isError && <QueryError error={query.error} onRetry={() => void query.refetch()} />}
      {query.data !== undefined && (props.canManage ? props.form(query.data) : props.read(query.data))}
    </Paper>
  );
}
