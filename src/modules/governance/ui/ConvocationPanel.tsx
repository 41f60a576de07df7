import { Alert, Badge, Button, Group, Menu, Paper, Stack, Table, Text, Textarea, Title } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { IconMailForward } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ConvocationRecipient, SessionDetail } from '../contract';
import { formatDateTime } from '@/web/shared/lib/format';
import { ApiRequestError } from '@/web/shared/api/client';
import { notifySuccess } from '@/web/shared/ui/errors';
import { FormErrorAlert } from '@/web/shared/ui/FormErrorAlert';
import { useConvene, useRecordConvocationResponse } from './api';
import governanceStrings from 'virtual:lazy-strings/governance';
import { addLazyStrings } from '@/web/i18n/all';

// This module's wording loads with it, not with the signed-in frame (issue 18).
addLazyStrings(governanceStrings);

/**
 * The session's convocatoria: sending it (with the server's warning when it is too late, which
 * the sender may override), then each recipient's receipt and answer.
 */
export function ConvocationPanel({ session: s, canWrite }: { session: SessionDetail; canWrite: boolean }) {
  const { t } = useTranslation();
  const narrow = useMediaQuery('(max-width: 48em)');
  const convene = useConvene(s.id);
  const record = useRecordConvocationResponse(s.id);
  const [message, setMessage] = useState('');
  const c = s.convocation;
  const late =
    convene.error instanceof ApiRequestError && convene.error.code === 'CONVOCATION_LATE'
      ? convene.error.message
      : null;
  const send = (confirmLate: boolean) =>
    convene.mutate(
      { confirmLate, message: message.trim() || null },
      { onSuccess: () => notifySuccess(t('governance.convocation.sent')) },
    );

  if (!c) {
    if (s.status !== 'scheduled') return null;
    return (
      <Paper withBorder p="md">
        <Title order={2} size="h4" mb="sm">
          {t('governance.convocation.title')}
        </Title>
        <Stack gap="sm">
          <Text size="sm">{t('governance.convocation.notSent')}</Text>
          <Text size="sm" c="dimmed">
            {t('governance.convocation.notice', { hours: s.requiredNoticeHours })}
          </Text>
          {canWrite && (
            <>
              <Textarea
                label={t('governance.convocation.message')}
                value={message}
                onChange={(e) => setMessage(e.currentTarget.value)}
                autosize
                minRows={2}
                maxLength={4000}
              />
              {late ? (
                <Alert
                  color="yellow"
                  title={t('governance.convocation.lateTitle')}
                  styles={{ title: { color: 'var(--mantine-color-dark-7)' } }}
                >
                  <Text size="sm" mb="sm">
                    {late}
                  </Text>
                  <Group gap="xs">
                    <Button color="red.9" onClick={() => send(true)} loading={convene.isPending}>
                      {t('governance.convocation.sendAnyway')}
                    </Button>
                    <Button variant="default" onClick={() => convene.reset()}>
                      {t('common.cancel')}
                    </Button>
                  </Group>
                </Alert>
              ) : (
                <>
                  <FormErrorAlert
                    error={convene.error}
                    unplaced={
                      convene.error instanceof ApiRequestError
                        ? convene.error.fields.map((f) => ({ path: '', message: f.message }))
                        : []
                    }
                  />
                  <Group>
                    <Button
                      leftSection={<IconMailForward size={16} aria-hidden />}
                      onClick={() => send(false)}
                      loading={convene.isPending}
                    >
                      {t('governance.convocation.send')}
                    </Button>
                  </Group>
                </>
              )}
            </>
          )}
        </Stack>
      </Paper>
    );
  }

  const count = (r: ConvocationRecipient['response']) => c.recipients.filter((x) => x.response === r).length;
  const answer = (r: ConvocationRecipient) =>
    r.response ? (
      <>
        <Badge color={r.response === 'attending' ? 'teal' : 'gray'} variant="light" tt="none">
          {t(`governance.convocation.${r.response}`)}
        </Badge>
        {r.recordedByStaff && (
          <Text size="xs" c="dimmed">
            {t('governance.convocation.byStaff')}
          </Text>
        )}
      </>
    ) : (
      <Text size="sm" c="dimmed">
        {t('governance.convocation.noAnswer')}
      </Text>
    );
  const receipt = (r: ConvocationRecipient) =>
    r.email ? (
      <Text size="sm" c={r.receivedAt ? undefined : 'dimmed'}>
        {r.receivedAt
          ? t('governance.convocation.received', { when: formatDateTime(r.receivedAt) })
          : t('governance.convocation.notReceived')}
      </Text>
    ) : (
      <Text size="sm" c="dimmed">
        {t('governance.convocation.noEmail')}
      </Text>
    );
  const canAnswer = canWrite && s.status === 'scheduled';
  return (
    <Paper withBorder p="md">
      <Group justify="space-between" mb="sm">
        <Title order={2} size="h4">
          {t('governance.convocation.title')}
        </Title>
        {c.late && (
          <Badge color="yellow" c="dark" tt="none">
            {t('governance.convocation.late')}
          </Badge>
        )}
      </Group>
      <Stack gap={4} mb="sm">
        <Text size="sm">
          {t('governance.convocation.sentOn', {
            when: formatDateTime(c.sentAt),
            given: c.givenHours,
            required: c.requiredHours,
          })}
        </Text>
        {c.sequence > 0 && (
          <Text size="sm">{t('governance.convocation.updates', { count: c.sequence })}</Text>
        )}
        <Text size="sm" fw={500}>
          {t('governance.convocation.summary', {
            attending: count('attending'),
            declined: count('not_attending'),
            pending: count(null),
          })}
        </Text>
      </Stack>
      <FormErrorAlert error={record.error} />
      <Table.ScrollContainer minWidth={narrow ? 300 : 700}>
        <Table striped aria-label={t('governance.convocation.title')}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('governance.convocation.recipient')}</Table.Th>
              {!narrow && <Table.Th>{t('governance.convocation.receipt')}</Table.Th>}
              <Table.Th>{t('governance.convocation.answer')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {c.recipients.map((r) => (
              <Table.Tr key={r.id}>
                <Table.Td>
                  <Text size="sm" fw={500}>
                    {r.name}
                  </Text>
                  <Text size="xs" c="dimmed" style={{ overflowWrap: 'anywhere' }}>
                    {r.roleLabel}
                    {r.email ? ` · ${r.email}` : ''}
                  </Text>
                  {narrow && receipt(r)}
                </Table.Td>
                {!narrow && <Table.Td>{receipt(r)}</Table.Td>}
                <Table.Td>
                  <Group gap={4} align="flex-start">
                    <div>{answer(r)}</div>
                    {canAnswer && (
                      <Menu position="bottom-end">
                        <Menu.Target>
                          <Button
                            variant="subtle"
                            size="compact-xs"
                            aria-label={t('governance.convocation.recordAnswer', { name: r.name })}
                          >
                            {t('common.edit')}
                          </Button>
                        </Menu.Target>
                        <Menu.Dropdown>
                          {(['attending', 'not_attending'] as const).map((response) => (
                            <Menu.Item
                              key={response}
                              onClick={() =>
                                record.mutate(
                                  { recipientId: r.id, response },
                                  { onSuccess: () => notifySuccess(t('governance.convocation.recorded')) },
                                )
                              }
                            >
                              {t(`governance.convocation.${response}`)}
                            </Menu.Item>
                          ))}
                        </Menu.Dropdown>
                      </Menu>
                    )}
                  </Group>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </Paper>
  );
}
