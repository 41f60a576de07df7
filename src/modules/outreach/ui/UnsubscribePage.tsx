import { Alert, Button, Center, Paper, Stack, Text, Title } from '@mantine/core';
import { useMutation, useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { QueryError } from '@/web/shared/ui/QueryError';
import { unsubscribe, unsubscribeInfo } from './api';
import outreachStrings from 'virtual:lazy-strings/outreach';
import { addLazyStrings } from '@/web/i18n/all';

// This module's wording loads with it, not with the signed-in frame (issue 18).
addLazyStrings(outreachStrings);

/** The public page of an e-mail's unsubscribe link: no sign-in, one button. */
export default function UnsubscribePage() {
  const { t } = useTranslation();
  const { token = '' } = useParams();
  const info = useQuery({
    queryKey: ['unsubscribe', token],
    queryFn: () => unsubscribeInfo(token),
    retry: false,
  });
  const confirm = useMutation({ mutationFn: () => unsubscribe(token) });
  const done = confirm.data?.optedOut || info.data?.optedOut;
  return (
    <Center mih="100vh" p="md">
      <Paper withBorder p="xl" maw={480} w="100%" component="main">
        <Stack>
          <Title order={1} size="h3">
            {t('outreach.unsubscribeTitle')}
          </Title>
          {info.isError ? (
            <QueryError error={info.error} />
          ) : info.data ? (
            <>
              <Text>
                {t('outreach.unsubscribeText', {
                  email: info.data.maskedEmail,
                  organization: info.data.organization,
                })}
              </Text>
              {done ? (
                <Alert color="green" role="status">
                  {t('outreach.unsubscribed')}
                </Alert>
              ) : (
                <Button onClick={() => confirm.mutate()} loading={confirm.isPending}>
                  {t('outreach.unsubscribeButton')}
                </Button>
              )}
            </>
          ) : null}
        </Stack>
      </Paper>
    </Center>
  );
}
