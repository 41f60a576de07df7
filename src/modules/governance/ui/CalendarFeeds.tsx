import { Alert, Badge, Button, CopyButton, Group, Modal, Stack, Table, Text, TextInput } from '@mantine/core';
import { IconCalendarPlus } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { FeedTokenCreated } from '../contract';
import { notifyError, notifySuccess } from '@/web/shared/ui/errors';
import { FormErrorAlert } from '@/web/shared/ui/FormErrorAlert';
import { QueryError } from '@/web/shared/ui/QueryError';
import { issueFeedToken, revokeFeedToken, useFeedTokens, useGovernanceMutation } from './api';
import governanceStrings from 'virtual:lazy-strings/governance';
import { addLazyStrings } from '@/web/i18n/all';

// This module's wording loads with it, not with the signed-in frame (issue 18).
addLazyStrings(governanceStrings);

/**
 * The user's secret calendar addresses: one for this body's sessions or for every body's, to paste
 * in a calendar app (which cannot sign in). The address is shown once; revoking it makes it 404.
 */
export function CalendarFeedsModal(props: { bodyId: string; bodyAcronym: string; onClose: () => void }) {
  const { t } = useTranslation();
  const tokens = useFeedTokens();
  const [created, setCreated] = useState<FeedTokenCreated | null>(null);
  const create = useGovernanceMutation(issueFeedToken);
  const revoke = useGovernanceMutation(revokeFeedToken);
  const issue = (bodyId: string | null) => create.mutate(bodyId, { onSuccess: (c) => setCreated(c) });
  return (
    <Modal opened onClose={props.onClose} title={t('governance.feeds.title')} size="xl">
      <Stack>
        <Text size="sm">{t('governance.feeds.description')}</Text>
        <FormErrorAlert error={create.error} />
        <Group>
          <Button
            leftSection={<IconCalendarPlus size={16} aria-hidden />}
            loading={create.isPending && create.variables === props.bodyId}
            onClick={() => issue(props.bodyId)}
          >
            {t('governance.feeds.createForBody', { acronym: props.bodyAcronym })}
          </Button>
          <Button
            variant="default"
            loading={create.isPending && create.variables === null}
            onClick={() => issue(null)}
          >
            {t('governance.feeds.createForAll')}
          </Button>
        </Group>
        {created && (
          <Alert color="teal" title={t('governance.feeds.createdTitle')}>
            <Stack gap="xs">
              <Text size="sm">{t('governance.feeds.createdHelp')}</Text>
              <Group align="flex-end">
                <TextInput
                  label={t('governance.feeds.address')}
                  value={created.url}
                  readOnly
                  style={{ flex: 1 }}
                  onFocus={(e) => e.currentTarget.select()}
                />
                <CopyButton value={created.url}>
                  {({ copied, copy }) => (
                    <Button variant="default" onClick={copy}>
                      {copied ? t('governance.feeds.copied') : t('governance.feeds.copy')}
                    </Button>
                  )}
                </CopyButton>
              </Group>
            </Stack>
          </Alert>
        )}
        {tokens.isError ? (
          <QueryError error={tokens.error} onRetry={() => void tokens.refetch()} />
        ) : (
          <Table aria-label={t('governance.feeds.list')}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('governance.feeds.scope')}</Table.Th>
                <Table.Th>{t('governance.feeds.createdAt')}</Table.Th>
                <Table.Th>{t('governance.feeds.state')}</Table.Th>
                <Table.Th>{t('common.actions')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {(tokens.data?.items ?? []).map((f) => (
                <Table.Tr key={f.id}>
                  <Table.Td>{f.bodyName ?? t('governance.feeds.allBodies')}</Table.Td>
                  <Table.Td>{new Date(f.createdAt).toLocaleString('es-MX')}</Table.Td>
                  <Table.Td>
                    {f.revokedAt ? (
                      <Badge color="gray" variant="light" tt="none">
                        {t('governance.feeds.revoked')}
                      </Badge>
                    ) : (
                      <Badge color="teal.9" variant="light" tt="none">
                        {t('governance.feeds.active')}
                      </Badge>
                    )}
                  </Table.Td>
                  <Table.Td>
                    {!f.revokedAt && (
                      <Button
                        variant="subtle"
                        color="red"
                        size="xs"
                        loading={revoke.isPending && revoke.variables === f.id}
                        aria-label={t('governance.feeds.revokeOf', {
                          scope: f.bodyName ?? t('governance.feeds.allBodies'),
                        })}
                        onClick={() =>
                          revoke.mutate(f.id, {
                            onSuccess: () => {
                              notifySuccess(t('governance.feeds.revokedDone'));
                              setCreated(null);
                            },
                            onError: (error) => notifyError(error, t),
                          })
                        }
                      >
                        {t('governance.feeds.revoke')}
                      </Button>
                    )}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
      </Stack>
    </Modal>
  );
}
