import {
  Anchor,
  Button,
  FileInput,
  Group,
  List,
  Modal,
  Select,
  Stack,
  Table,
  Text,
  Title,
} from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  OPINION_KINDS,
  VOTES,
  type Agreement,
  type OpinionKind,
  type SessionDetail,
  type Vote,
} from '../contract';
import { ApiRequestError } from '@/web/shared/api/client';
import { notifySuccess } from '@/web/shared/ui/errors';
import { FormErrorAlert } from '@/web/shared/ui/FormErrorAlert';
import { opinionUrl, useAttachOpinion, useRecordVote } from './api';
import governanceStrings from 'virtual:lazy-strings/governance';
import { addLazyStrings } from '@/web/i18n/all';

// This module's wording loads with it, not with the signed-in frame (issue 18).
addLazyStrings(governanceStrings);

const problems = (error: unknown) =>
  error instanceof ApiRequestError ? error.fields.map((f) => ({ path: '', message: f.message })) : [];

/**
 * An agreement's vote: each voting member's vote (majority agreements), and the votos particulares
 * and concurrentes attached as documents.
 */
export function AgreementVotesModal(props: {
  session: SessionDetail;
  agreement: Agreement;
  canWrite: boolean;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const { session: s } = props;
  // The modal follows the session's query: after each write the agreement comes back refreshed.
  const a = s.agreements.find((x) => x.id === props.agreement.id) ?? props.agreement;
  const vote = useRecordVote(a.id);
  const attach = useAttachOpinion(a.id);
  const voting = s.roster.filter((r) => r.voting && r.personId);
  const pending = voting.filter((r) => !a.votes.some((v) => v.membershipId === r.membershipId));
  const [voter, setVoter] = useState<string | null>(null);
  const [choice, setChoice] = useState<Vote | null>(null);
  const [author, setAuthor] = useState<string | null>(null);
  const [kind, setKind] = useState<OpinionKind | null>(null);
  const [file, setFile] = useState<File | null>(null);
  const editable = props.canWrite && !a.frozen;

  return (
    <Modal opened onClose={props.onClose} title={t('governance.votes.title', { number: a.number })} size="lg">
      <Stack>
        <Text size="sm" fw={500}>
          {a.title}
        </Text>
        {a.voteKind === 'unanimous' ? (
          <Text size="sm">{t('governance.votes.unanimous')}</Text>
        ) : (
          <>
            <Table aria-label={t('governance.votes.vote')}>
              <Table.Tbody>
                {a.votes.map((v) => (
                  <Table.Tr key={v.membershipId}>
                    <Table.Td>{v.personName}</Table.Td>
                    <Table.Td>{t(`governance.vote.${v.vote}`)}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
            {editable &&
              (pending.length ? (
                <Stack gap="xs">
                  <FormErrorAlert error={vote.error} unplaced={problems(vote.error)} />
                  <Group align="flex-end" gap="xs">
                    <Select
                      label={t('governance.votes.who')}
                      data={pending.map((r) => ({ value: r.personId!, label: r.personName ?? '' }))}
                      value={voter}
                      onChange={setVoter}
                      w={220}
                    />
                    <Select
                      label={t('governance.votes.vote')}
                      data={VOTES.map((v) => ({ value: v, label: t(`governance.vote.${v}`) }))}
                      value={choice}
                      onChange={(v) => setChoice(v as Vote | null)}
                      w={160}
                    />
                    <Button
                      disabled={!voter || !choice}
                      loading={vote.isPending}
                      onClick={() =>
                        vote.mutate(
                          { personId: voter!, vote: choice! },
                          {
                            onSuccess: () => {
                              notifySuccess(t('governance.votes.recorded'));
                              setVoter(null);
                              setChoice(null);
                            },
                          },
                        )
                      }
                    >
                      {t('governance.votes.record')}
                    </Button>
                  </Group>
                </Stack>
              ) : (
                <Text size="sm" c="dimmed">
                  {t('governance.votes.allVoted')}
                </Text>
              ))}
          </>
        )}

        <Title order={3} size="h5">
          {t('governance.votes.opinions')}
        </Title>
        {a.opinions.length ? (
          <List size="sm">
            {a.opinions.map((o) => (
              <List.Item key={o.id}>
                {t('governance.votes.opinionOf', {
                  kind: t(`governance.opinionKind.${o.kind}`),
                  name: o.personName,
                })}
                {': '}
                <Anchor href={opinionUrl(a.id, o.id)} style={{ overflowWrap: 'anywhere' }}>
                  {o.filename}
                </Anchor>
              </List.Item>
            ))}
          </List>
        ) : (
          <Text size="sm" c="dimmed">
            {t('governance.votes.noOpinions')}
          </Text>
        )}
        {editable && (
          <Stack gap="xs">
            <FormErrorAlert error={attach.error} unplaced={problems(attach.error)} />
            <Group align="flex-end" gap="xs">
              <Select
                label={t('governance.votes.author')}
                data={voting.map((r) => ({ value: r.personId!, label: r.personName ?? '' }))}
                value={author}
                onChange={setAuthor}
                w={220}
              />
              <Select
                label={t('governance.votes.opinionKind')}
                data={OPINION_KINDS.map((k) => ({ value: k, label: t(`governance.opinionKind.${k}`) }))}
                value={kind}
                onChange={(v) => setKind(v as OpinionKind | null)}
                w={180}
              />
            </Group>
            <Group align="flex-end" gap="xs">
              <FileInput
                label={t('governance.votes.opinionFile')}
                value={file}
                onChange={setFile}
                w={300}
                clearable
              />
              <Button
                variant="light"
                disabled={!author || !kind || !file}
                loading={attach.isPending}
                onClick={() =>
                  attach.mutate(
                    { personId: author!, kind: kind!, file: file! },
                    {
                      onSuccess: () => {
                        notifySuccess(t('governance.votes.attached'));
                        setFile(null);
                      },
                    },
                  )
                }
              >
                {t('governance.votes.attach')}
              </Button>
            </Group>
          </Stack>
        )}
        <Group justify="flex-end">
          <Button variant="default" onClick={props.onClose}>
            {t('common.close')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
