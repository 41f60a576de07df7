import {
  Alert,
  Badge,
  Button,
  Center,
  Checkbox,
  Group,
  Loader,
  Paper,
  Stack,
  Table,
  Text,
  Title,
} from '@mantine/core';
import { IconBan, IconEdit, IconFileTypeDocx, IconFileTypePdf, IconGavel } from '@tabler/icons-react';
import { useMediaQuery } from '@mantine/hooks';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import type { Agreement, RosterEntry } from '../contract';
import { cancellationProblem, recordingProblem } from '../contract-session-status';
import { formatDay } from '@/web/shared/lib/format';
import { ApiRequestError } from '@/web/shared/api/client';
import { notifySuccess } from '@/web/shared/ui/errors';
import { FormErrorAlert } from '@/web/shared/ui/FormErrorAlert';
import { useCan } from '@/web/shared/session/session';
import { PageHeader } from '@/web/shared/ui/PageHeader';
import { QueryError } from '@/web/shared/ui/QueryError';
import { Trail } from '@/web/shared/ui/Trail';
import { AgreementEditModal, AgreementFormModal } from './AgreementFormModal';
import { downloadSessionDocument, useRecordAttendance, useSession } from './api';
import { SessionFormModal } from './SessionFormModal';
import { AgendaPanel } from './AgendaPanel';
import { AgreementVotesModal } from './AgreementVotesModal';
import { ConvocationPanel } from './ConvocationPanel';
import { CancelSessionModal } from './CancelSessionModal';
import { SessionStatusBadge } from './SessionStatusBadge';
import { MinutesPanel } from './SessionParts';
import governanceStrings from 'virtual:lazy-strings/governance';
import { addLazyStrings } from '@/web/i18n/all';

// This module's wording loads with it, not with the signed-in frame (issue 18).
addLazyStrings(governanceStrings);

const DOCUMENTS = ['orden-del-dia', 'lista-de-asistencia', 'minuta'] as const;
const key = (r: RosterEntry) => r.membershipId;

export default function SessionPage() {
  const { t } = useTranslation();
  // On a phone the attendance list shows each member's name under their seat, and an agreement's
  // number and vote under its title, so nothing hides past the screen's edge.
  const narrow = useMediaQuery('(max-width: 48em)');
  const { id = '' } = useParams();
  const session = useSession(id);
  const canWrite = useCan('governance.write');
  const save = useRecordAttendance(id);
  const [present, setPresent] = useState<Record<string, boolean>>({});
  const [editing, setEditing] = useState(false);
  const [adopting, setAdopting] = useState(false);
  const [correcting, setCorrecting] = useState<Agreement | null>(null);
  const [cancelling, setCancelling] = useState(false);
  const [votingOn, setVotingOn] = useState<Agreement | null>(null);

  useEffect(() => {
    if (session.data) {
      setPresent(Object.fromEntries(session.data.roster.map((r) => [key(r), r.present ?? false])));
    }
  }, [session.data]);

  if (session.isPending) {
    return (
      <Center py="xl">
        <Loader aria-label={t('common.loading')} />
      </Center>
    );
  }
  if (session.isError) return <QueryError error={session.error} onRetry={() => void session.refetch()} />;
  const s = session.data;
  const title = s.name.charAt(0).toUpperCase() + s.name.slice(1);
  // Approved minutes freeze the session; a cancelled one was never held and takes no records.
  const frozen = !!s.minutesApprovedBy || !!recordingProblem(s.status);
  const cancellable = canWrite && !cancellationProblem(s.status);
  const votingPresent = s.roster.filter((r) => r.voting && present[key(r)]).length;
  const reached = votingPresent >= s.quorum.required && s.quorum.votingMembers > 0;

  const submit = () =>
    save.mutate(
      {
        entries: s.roster.map((r) =>
          r.institutionId
            ? { institutionId: r.institutionId, present: !!present[key(r)] }
            : { personId: r.personId!, present: !!present[key(r)] },
        ),
      },
      {
        onSuccess: () => notifySuccess(t('governance.session.saved')),
      },
    );
  const download = (doc: (typeof DOCUMENTS)[number], format: 'docx' | 'pdf') =>
    void downloadSessionDocument(id, doc, format);

  return (
    <>
      <PageHeader
        above={
          <Trail
            items={[
              { label: t('nav.bodies'), to: '/gobierno' },
              { label: s.body.acronym, to: `/gobierno/organos/${s.body.id}` },
              { label: title },
            ]}
          />
        }
        title={`${title} — ${s.body.acronym}`}
        description={
          <>
            {`${s.heldOnText}${s.startTime ? `, ${s.startTime}${s.endTime ? `–${s.endTime}` : ''} h` : ''} · ${t(`governance.modality.${s.modality}`)} · `}
            <SessionStatusBadge session={s} />
          </>
        }
      />
      <Stack gap="lg">
        {s.cancellation && (
          <Alert
            color="red"
            variant="light"
            title={t('governance.cancel.cancelledOn', { day: formatDay(s.cancellation.cancelledOn) })}
          >
            <Text size="sm" style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
              {t('governance.cancel.reasonShown', { reason: s.cancellation.reason })}
            </Text>
          </Alert>
        )}
        <Group gap="xs">
          {canWrite && !frozen && (
            <Button leftSection={<IconEdit size={16} aria-hidden />} onClick={() => setEditing(true)}>
              {t('governance.sessionForm.editTitle')}
            </Button>
          )}
          {cancellable && (
            <Button
              variant="outline"
              color="red.9"
              leftSection={<IconBan size={16} aria-hidden />}
              onClick={() => setCancelling(true)}
            >
              {t('governance.cancel.open')}
            </Button>
          )}
          {DOCUMENTS.map((doc) => (
            <Group key={doc} gap={4}>
              <Button
                variant="default"
                size="xs"
                leftSection={<IconFileTypeDocx size={14} aria-hidden />}
                onClick={() => download(doc, 'docx')}
              >
                {t(`governance.session.documents.${doc}`)} (DOCX)
              </Button>
              <Button
                variant="default"
                size="xs"
                leftSection={<IconFileTypePdf size={14} aria-hidden />}
                onClick={() => download(doc, 'pdf')}
              >
                PDF
              </Button>
            </Group>
          ))}
        </Group>

        <AgendaPanel session={s} canWrite={canWrite} />

        <ConvocationPanel session={s} canWrite={canWrite} />

        {s.status !== 'cancelled' && (
          <>
            <Paper withBorder p="md">
              <Group justify="space-between" mb="sm">
                <Title order={2} size="h4">
                  {t('governance.session.attendance')}
                </Title>
                <Badge color={reached ? 'teal' : 'red'} variant="light" tt="none">
                  {reached
                    ? t('governance.session.quorum', {
                        present: votingPresent,
                        total: s.quorum.votingMembers,
                      })
                    : t('governance.session.noQuorum', {
                        present: votingPresent,
                        total: s.quorum.votingMembers,
                        required: s.quorum.required,
                      })}
                </Badge>
              </Group>
              {!!s.minutesApprovedBy && (
                <Alert color="gray" mb="sm">
                  {t('governance.session.frozen', { number: s.minutesApprovedBy!.number })}
                </Alert>
              )}
              <FormErrorAlert
                error={save.error}
                unplaced={
                  save.error instanceof ApiRequestError
                    ? save.error.fields.map((f) => ({ path: '', message: f.message }))
                    : []
                }
              />
              <Table.ScrollContainer minWidth={narrow ? 300 : 600}>
                <Table striped aria-label={t('governance.session.attendance')}>
                  <Table.Thead>
                    <Table.Tr>
                      <Table.Th>{t('governance.session.present')}</Table.Th>
                      <Table.Th>{t('governance.composition.role')}</Table.Th>
                      {!narrow && <Table.Th>{t('governance.composition.holder')}</Table.Th>}
                    </Table.Tr>
                  </Table.Thead>
                  <Table.Tbody>
                    {s.roster.map((r) => {
                      const name = r.institutionName ?? r.personName ?? '';
                      return (
                        <Table.Tr key={key(r)}>
                          <Table.Td>
                            <Checkbox
                              aria-label={t('governance.session.attendedBy', { name })}
                              checked={!!present[key(r)]}
                              disabled={!canWrite || frozen}
                              onChange={(e) => {
                                const checked = e.currentTarget.checked;
                                setPresent((p) => ({ ...p, [key(r)]: checked }));
                              }}
                            />
                          </Table.Td>
                          <Table.Td>
                            {r.roleLabel}
                            {r.voting && (
                              <Badge ml="xs" size="xs" variant="outline" tt="none">
                                {t('governance.session.voting')}
                              </Badge>
                            )}
                            {narrow && (
                              <Text size="sm" fw={500}>
                                {name}
                              </Text>
                            )}
                          </Table.Td>
                          {!narrow && <Table.Td>{name}</Table.Td>}
                        </Table.Tr>
                      );
                    })}
                  </Table.Tbody>
                </Table>
              </Table.ScrollContainer>
              {canWrite && !frozen && (
                <Button mt="sm" onClick={submit} loading={save.isPending}>
                  {t('governance.session.saveAttendance')}
                </Button>
              )}
            </Paper>

            <Paper withBorder p="md">
              <Group justify="space-between" mb="sm">
                <Title order={2} size="h4">
                  {t('governance.agreements.title')}
                </Title>
                {canWrite && !frozen && (
                  <Button leftSection={<IconGavel size={16} aria-hidden />} onClick={() => setAdopting(true)}>
                    {t('governance.agreementForm.title')}
                  </Button>
                )}
              </Group>
              {s.agreements.length ? (
                <Table aria-label={t('governance.agreements.title')}>
                  <Table.Thead>
                    <Table.Tr>
                      {!narrow && <Table.Th>{t('governance.agreements.number')}</Table.Th>}
                      <Table.Th>{t('governance.agreements.subject')}</Table.Th>
                      {!narrow && <Table.Th>{t('governance.agreements.vote')}</Table.Th>}
                      <Table.Th>{t('common.actions')}</Table.Th>
                    </Table.Tr>
                  </Table.Thead>
                  <Table.Tbody>
                    {s.agreements.map((a) => (
                      <Table.Tr key={a.id}>
                        {!narrow && <Table.Td style={{ whiteSpace: 'nowrap' }}>{a.number}</Table.Td>}
                        <Table.Td>
                          {narrow && <Text fw={600}>{a.number}</Text>}
                          {a.title}
                          {a.agendaItemId && (
                            <Text size="xs" c="dimmed">
                              {t('governance.agreementForm.underItem', {
                                position: s.agenda.find((i) => i.id === a.agendaItemId)?.position ?? '—',
                              })}
                            </Text>
                          )}
                          {narrow && (
                            <Text size="sm" c="dimmed">
                              {t('governance.agreements.vote')}: {t(`governance.voteKind.${a.voteKind}`)}
                            </Text>
                          )}
                        </Table.Td>
                        {!narrow && (
                          <Table.Td>
                            {t(`governance.voteKind.${a.voteKind}`)}
                            {a.votes.length > 0 && (
                              <Text size="xs" c="dimmed">
                                {a.votes
                                  .map((v) => `${v.personName}: ${t(`governance.vote.${v.vote}`)}`)
                                  .join('; ')}
                              </Text>
                            )}
                            {a.opinions.map((o) => (
                              <Text key={o.id} size="xs" c="dimmed">
                                {t('governance.votes.opinionOf', {
                                  kind: t(`governance.opinionKind.${o.kind}`),
                                  name: o.personName,
                                })}
                              </Text>
                            ))}
                          </Table.Td>
                        )}
                        <Table.Td>
                          <Group gap={4} wrap="nowrap">
                            <Button
                              variant="subtle"
                              size="xs"
                              aria-label={t('governance.votes.title', { number: a.number })}
                              onClick={() => setVotingOn(a)}
                            >
                              {t('governance.votes.open')}
                            </Button>
                            {canWrite && !frozen && (
                              <Button
                                variant="subtle"
                                size="xs"
                                aria-label={t('governance.agreementForm.editTitle', { number: a.number })}
                                onClick={() => setCorrecting(a)}
                              >
                                {t('common.edit')}
                              </Button>
                            )}
                          </Group>
                        </Table.Td>
                      </Table.Tr>
                    ))}
                  </Table.Tbody>
                </Table>
              ) : (
                <Text c="dimmed">{t('governance.session.noAgreements')}</Text>
              )}
            </Paper>

            <MinutesPanel
              key={`${s.id}-${s.minutesApprovedBy?.agreementId ?? ''}`}
              session={s}
              canWrite={canWrite}
            />
          </>
        )}
      </Stack>
      {cancelling && <CancelSessionModal session={s} title={s.name} onClose={() => setCancelling(false)} />}
      {editing && <SessionFormModal bodyId={s.bodyId} session={s} onClose={() => setEditing(false)} />}
      {adopting && <AgreementFormModal session={s} onClose={() => setAdopting(false)} />}
      {correcting && <AgreementEditModal agreement={correcting} onClose={() => setCorrecting(null)} />}
      {votingOn && (
        <AgreementVotesModal
          session={s}
          agreement={votingOn}
          canWrite={canWrite}
          onClose={() => setVotingOn(null)}
        />
      )}
    </>
  );
}
