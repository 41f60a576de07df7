import { Alert, Anchor, Button, Center, Group, List, Paper, Stack, Text, Title } from '@mantine/core';
import { useMutation, useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import type { NoticeResponse } from '../contract';
import { QueryError } from '@/web/shared/ui/QueryError';
import { FormErrorAlert } from '@/web/shared/ui/FormErrorAlert';
import { answerConvocation, convocationDocumentUrl, openConvocation } from './api';
import governanceStrings from 'virtual:lazy-strings/governance';
import { addLazyStrings } from '@/web/i18n/all';

// This module's wording loads with it, not with the signed-in frame (issue 18).
addLazyStrings(governanceStrings);

/**
 * The page of a convocatoria's link: no sign-in. Opening it is the receipt; the recipient says
 * whether they will attend and can download the agenda's documents.
 */
export default function ConvocationLinkPage() {
  const { t } = useTranslation();
  const { token = '' } = useParams();
  const info = useQuery({
    queryKey: ['convocation-link', token],
    queryFn: () => openConvocation(token),
    retry: false,
  });
  const answer = useMutation({ mutationFn: (r: NoticeResponse) => answerConvocation(token, r) });
  const c = answer.data ?? info.data;
  return (
    <Center mih="100vh" p="md">
      <Paper withBorder p="xl" maw={640} w="100%" component="main">
        <Stack>
          <Title order={1} size="h3">
            {t('governance.publicConvocation.title')}
          </Title>
          {info.isError ? (
            <QueryError error={info.error} />
          ) : c ? (
            <>
              <Text c="dimmed" size="sm">
                {c.organizationName}
              </Text>
              <Text>{t('governance.publicConvocation.greeting', { name: c.recipientName })}</Text>
              <Text>
                {t('governance.publicConvocation.text', {
                  session: c.sessionName,
                  body: c.bodyName,
                  day: c.heldOnText,
                  time: c.startTime ? ` a las ${c.startTime} horas` : '',
                  modality: t(`governance.modality.${c.modality}`).toLowerCase(),
                  place: c.place ? `, en ${c.place}` : '',
                })}
              </Text>
              {c.message && <Text style={{ whiteSpace: 'pre-wrap' }}>{c.message}</Text>}
              {c.cancelled ? (
                <Alert color="red">{t('governance.publicConvocation.cancelled')}</Alert>
              ) : (
                <>
                  <Title order={2} size="h4">
                    {t('governance.publicConvocation.agenda')}
                  </Title>
                  <List type="ordered" spacing="xs">
                    {c.agenda.map((item) => (
                      <List.Item key={item.position}>
                        <Text size="sm">{item.title}</Text>
                        {item.documents.map((d) => (
                          <Anchor
                            key={d.id}
                            size="sm"
                            href={convocationDocumentUrl(token, d.id)}
                            display="block"
                            style={{ overflowWrap: 'anywhere' }}
                          >
                            {d.filename}
                          </Anchor>
                        ))}
                      </List.Item>
                    ))}
                  </List>
                  {c.response && (
                    <Alert color="green" role="status">
                      {t(`governance.publicConvocation.answered_${c.response}`)}{' '}
                      {t('governance.publicConvocation.change')}
                    </Alert>
                  )}
                  <FormErrorAlert error={answer.error} />
                  <Text fw={500}>{t('governance.publicConvocation.question')}</Text>
                  <Group>
                    <Button
                      onClick={() => answer.mutate('attending')}
                      loading={answer.isPending && answer.variables === 'attending'}
                    >
                      {t('governance.publicConvocation.yes')}
                    </Button>
                    <Button
                      variant="default"
                      onClick={() => answer.mutate('not_attending')}
                      loading={answer.isPending && answer.variables === 'not_attending'}
                    >
                      {t('governance.publicConvocation.no')}
                    </Button>
                  </Group>
                </>
              )}
            </>
          ) : null}
        </Stack>
      </Paper>
    </Center>
  );
}
