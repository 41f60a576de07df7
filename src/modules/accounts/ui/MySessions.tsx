import { Badge, Button, Group, Paper, Stack, Table, Text, Title, VisuallyHidden } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '@/web/shared/lib/format';
import { notifyError, notifySuccess } from '@/web/shared/ui/errors';
import { endMyOtherSessions, endMySession, useMySessions } from './api';

/** "Mis sesiones": where the person is signed in, and a way to end what they do not recognize. */
export function MySessions() {
  const { t } = useTranslation();
  const sessions = useMySessions();
  const queryClient = useQueryClient();
  const refresh = () => queryClient.invalidateQueries({ queryKey: ['my-sessions'] });
  const endOne = useMutation({
    mutationFn: endMySession,
    onSuccess: () => {
      notifySuccess(t('sessions.ended'));
      return refresh();
    },
    onError: (error) => notifyError(error, t),
  });
  const endOthers = useMutation({
    mutationFn: endMyOtherSessions,
    onSuccess: ({ ended }) => {
      notifySuccess(t('sessions.othersEnded', { count: ended }));
      return refresh();
    },
    onError: (error) => notifyError(error, t),
  });
  const items = sessions.data ?? [];
  const others = items.filter((s) => !s.current).length;

  return (
    <Paper withBorder p={{ base: 'md', sm: 'xl' }} mt="xl" component="section" aria-labelledby="mis-sesiones">
      <Stack>
        <Group justify="space-between" align="flex-start">
          <div>
            <Title order={2} size="h3" id="mis-sesiones">
              {t('sessions.title')}
            </Title>
            <Text size="sm" c="dimmed">
              {t('sessions.description')}
            </Text>
          </div>
          <Button
            variant="light"
            color="red"
            disabled={others === 0}
            loading={endOthers.isPending}
            onClick={() => endOthers.mutate()}
          >
            {t('sessions.endOthers')}
          </Button>
        </Group>
        {sessions.isError && <Text c="red">{t('sessions.loadFailed')}</Text>}
        {/* Three columns, the address under the device: the last use stays in view on a phone. */}
        <Table.ScrollContainer minWidth={280}>
          <Table>
            <Table.Caption>{t('sessions.caption')}</Table.Caption>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('sessions.device')}</Table.Th>
                <Table.Th>{t('sessions.lastActive')}</Table.Th>
                <Table.Th>
                  <VisuallyHidden>{t('common.actions')}</VisuallyHidden>
                </Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {items.map((s) => (
                <Table.Tr key={s.id}>
                  <Table.Td>
                    <Group gap="xs">
                      <Text size="sm">{s.device}</Text>
                      {s.current && (
                        <Badge variant="light" color="teal" tt="none">
                          {t('sessions.current')}
                        </Badge>
                      )}
                    </Group>
                    <Text size="xs" c="dimmed">
                      {t('sessions.fromAddress', {
                        address: s.ipAddress ?? t('sessions.unknownAddress'),
                      })}
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm">{formatDateTime(s.lastActiveAt)}</Text>
                  </Table.Td>
                  <Table.Td ta="right">
                    {!s.current && (
                      <Button
                        size="xs"
                        variant="subtle"
                        color="red"
                        loading={endOne.isPending && endOne.variables === s.id}
                        onClick={() => endOne.mutate(s.id)}
                        aria-label={t('sessions.endOneOf', {
                          device: s.device,
                          date: formatDateTime(s.lastActiveAt),
                        })}
                      >
                        {t('sessions.endOne')}
                      </Button>
                    )}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      </Stack>
    </Paper>
  );
}
