import { Anchor, Button, Center, Group, Loader, Stack, Table, Tabs, Text } from '@mantine/core';
import { Calendar } from '@mantine/dates';
import { SpanishDates } from '@/web/shared/ui/SpanishDates';
import {
  IconCalendarEvent,
  IconEdit,
  IconFileTypeDocx,
  IconFileTypePdf,
  IconPlus,
  IconRss,
  IconUserPlus,
} from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import type { BodyDetail, Membership, Session } from '../contract';
import { formatDay } from '@/web/shared/lib/format';
import { DayInput } from '@/web/shared/ui/DayInput';
import { PageHeader } from '@/web/shared/ui/PageHeader';
import { QueryError } from '@/web/shared/ui/QueryError';
import { Trail } from '@/web/shared/ui/Trail';
import { useCan } from '@/web/shared/session/session';
import { BodyFormModal } from './BodyFormModal';
import { CalendarFeedsModal } from './CalendarFeeds';
import { HistoricalAgreementModal } from './HistoricalAgreementModal';
import { EndMembershipModal, MembershipFormModal } from './MembershipFormModal';
import { SessionFormModal } from './SessionFormModal';
import { SessionStatusBadge } from './SessionStatusBadge';
import {
  bodyCalendarUrl,
  downloadAttendanceReport,
  useAgreements,
  useAttendanceReport,
  useBody,
  useSessions,
  type Period,
} from './api';
import governanceStrings from 'virtual:lazy-strings/governance';
import { addLazyStrings } from '@/web/i18n/all';

// This module's wording loads with it, not with the signed-in frame (issue 18).
addLazyStrings(governanceStrings);

const capitalized = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

function Composition({ body }: { body: BodyDetail }) {
  const { t } = useTranslation();
  const canWrite = useCan('governance.write');
  const [adding, setAdding] = useState(false);
  const [ending, setEnding] = useState<Membership | null>(null);
  return (
    <Stack>
      {canWrite && (
        <Group>
          <Button leftSection={<IconUserPlus size={16} aria-hidden />} onClick={() => setAdding(true)}>
            {t('governance.membershipForm.title')}
          </Button>
        </Group>
      )}
      <Table.ScrollContainer minWidth={700}>
        <Table striped aria-label={t('governance.composition.title')}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('governance.composition.role')}</Table.Th>
              <Table.Th>{t('governance.composition.holder')}</Table.Th>
              <Table.Th>{t('governance.composition.from')}</Table.Th>
              <Table.Th>{t('governance.composition.to')}</Table.Th>
              <Table.Th>{t('governance.composition.agreement')}</Table.Th>
              {canWrite && <Table.Th>{t('common.actions')}</Table.Th>}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {body.memberships.map((m) => (
              <Table.Tr key={m.id}>
                <Table.Td>{t(`governance.membershipRole.${m.role}`)}</Table.Td>
                <Table.Td>
                  {m.personName ?? m.institutionName ?? m.areaName}
                  {m.role === 'area_invitee' && (
                    <Text size="xs" c="dimmed">
                      {t('governance.composition.headDerived')}
                    </Text>
                  )}
                </Table.Td>
                <Table.Td>{formatDay(m.startsOn)}</Table.Td>
                <Table.Td>{m.endsOn ? formatDay(m.endsOn) : t('governance.composition.current')}</Table.Td>
                <Table.Td>{m.agreementNumber ?? m.agreementReference ?? '—'}</Table.Td>
                {canWrite && (
                  <Table.Td>
                    <Button
                      variant="subtle"
                      size="xs"
                      aria-label={t('governance.membershipForm.endOf', {
                        who: m.personName ?? m.institutionName ?? m.areaName,
                      })}
                      onClick={() => setEnding(m)}
                    >
                      {t('governance.membershipForm.end')}
                    </Button>
                  </Table.Td>
                )}
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      {adding && <MembershipFormModal bodyId={body.id} onClose={() => setAdding(false)} />}
      {ending && <EndMembershipModal bodyId={body.id} membership={ending} onClose={() => setEnding(null)} />}
    </Stack>
  );
}

function SessionsTab({
  bodyId,
  bodyAcronym,
  sessions,
}: {
  bodyId: string;
  bodyAcronym: string;
  sessions: Session[];
}) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const canWrite = useCan('governance.write');
  const [creating, setCreating] = useState(false);
  const [feeds, setFeeds] = useState(false);
  const byDay = new Map(sessions.map((s) => [s.heldOn, s]));
  const last = sessions[sessions.length - 1];
  return (
    <Group align="flex-start" gap="xl">
      <Stack gap="xs">
        <SpanishDates>
          <Calendar
            aria-label={t('governance.sessions.calendar')}
            defaultDate={last?.heldOn}
            hideOutsideDates
            weekendDays={[]}
            nextLabel={t('common.nextMonth')}
            previousLabel={t('common.previousMonth')}
            getDayProps={(day) => {
              const s = byDay.get(day);
              return s
                ? {
                    selected: true,
                    onClick: () => void navigate(`/gobierno/sesiones/${s.id}`),
                    'aria-label': capitalized(s.name),
                  }
                : {};
            }}
          />
        </SpanishDates>
        <Anchor href={bodyCalendarUrl(bodyId)} size="sm">
          <IconCalendarEvent size={14} aria-hidden /> {t('governance.sessions.ical')}
        </Anchor>
        <Button
          variant="subtle"
          size="xs"
          leftSection={<IconRss size={14} aria-hidden />}
          onClick={() => setFeeds(true)}
        >
          {t('governance.feeds.open')}
        </Button>
        {canWrite && (
          <Button leftSection={<IconPlus size={16} aria-hidden />} onClick={() => setCreating(true)}>
            {t('governance.sessionForm.createTitle')}
          </Button>
        )}
        {creating && (
          <SessionFormModal
            bodyId={bodyId}
            onClose={() => setCreating(false)}
            onSaved={(s) => void navigate(`/gobierno/sesiones/${s.id}`)}
          />
        )}
        {feeds && (
          <CalendarFeedsModal bodyId={bodyId} bodyAcronym={bodyAcronym} onClose={() => setFeeds(false)} />
        )}
      </Stack>
      <Table.ScrollContainer minWidth={500} style={{ flex: 1 }}>
        <Table striped aria-label={t('governance.sessions.title')}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('governance.sessions.name')}</Table.Th>
              <Table.Th>{t('governance.sessions.date')}</Table.Th>
              <Table.Th>{t('governance.sessions.modality')}</Table.Th>
              <Table.Th>{t('governance.sessions.status')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {[...sessions].reverse().map((s) => (
              <Table.Tr key={s.id}>
                <Table.Td>
                  <Anchor component={Link} to={`/gobierno/sesiones/${s.id}`}>
                    {capitalized(s.name)}
                  </Anchor>
                </Table.Td>
                <Table.Td>{s.heldOnText}</Table.Td>
                <Table.Td>{t(`governance.modality.${s.modality}`)}</Table.Td>
                <Table.Td>
                  <SessionStatusBadge session={s} />
                  {s.cancellation && (
                    <Text size="xs" c="dimmed" style={{ overflowWrap: 'anywhere' }}>
                      {s.cancellation.reason}
                    </Text>
                  )}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </Group>
  );
}

function AttendanceTab({ bodyId, period }: { bodyId: string; period: Period }) {
  const { t } = useTranslation();
  const report = useAttendanceReport(bodyId, period);
  if (report.isPending) return <Loader aria-label={t('common.loading')} />;
  if (report.isError) return <QueryError error={report.error} onRetry={() => void report.refetch()} />;
  const table = report.data;
  const download = (format: 'docx' | 'pdf') => void downloadAttendanceReport(bodyId, period, format);
  return (
    <Stack>
      <Group gap="xs">
        <Button
          variant="default"
          leftSection={<IconFileTypeDocx size={16} aria-hidden />}
          onClick={() => download('docx')}
        >
          {t('governance.attendance.docx')}
        </Button>
        <Button
          variant="default"
          leftSection={<IconFileTypePdf size={16} aria-hidden />}
          onClick={() => download('pdf')}
        >
          {t('governance.attendance.pdf')}
        </Button>
      </Group>
      <Table.ScrollContainer minWidth={700}>
        <Table striped withColumnBorders aria-label={t('governance.attendance.title')}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('governance.attendance.who')}</Table.Th>
              {table.sessions.map((s) => (
                <Table.Th key={s.id} ta="center" title={capitalized(s.name)}>
                  {s.heading}
                </Table.Th>
              ))}
              <Table.Th ta="right">%</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {table.rows.map((r, i) => (
              <Table.Tr key={i}>
                <Table.Td>
                  {r.line}
                  {r.footnote && <sup> {r.footnote}</sup>}
                </Table.Td>
                {r.attended.map((a, j) => (
                  <Table.Td
                    key={j}
                    ta="center"
                    aria-label={
                      a ? t('governance.attendance.attended') : t('governance.attendance.notAttended')
                    }
                  >
                    {a ? '✓' : ''}
                  </Table.Td>
                ))}
                <Table.Td ta="right">{r.percent}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      {table.footnotes.map((f, i) => (
        <Text key={i} size="xs">
          <sup>{i + 1}</sup> {f}
        </Text>
      ))}
    </Stack>
  );
}

function AgreementsTab({
  body,
  sessions,
  period,
}: {
  body: BodyDetail;
  sessions: Session[];
  period: Period;
}) {
  const { t } = useTranslation();
  const list = useAgreements(body.id, period);
  const canWrite = useCan('governance.write');
  const [recording, setRecording] = useState(false);
  if (list.isPending) return <Loader aria-label={t('common.loading')} />;
  if (list.isError) return <QueryError error={list.error} onRetry={() => void list.refetch()} />;
  return (
    <Stack>
      <Group justify="space-between">
        <Text>{t('governance.agreements.total', { count: list.data.total })}</Text>
        {canWrite && (
          <Button variant="default" onClick={() => setRecording(true)}>
            {t('governance.historical.title')}
          </Button>
        )}
      </Group>
      {recording && (
        <HistoricalAgreementModal
          bodyId={body.id}
          prefix={body.agreementPrefix}
          sessions={sessions}
          onClose={() => setRecording(false)}
        />
      )}
      {(list.data.outsideSessions?.length ?? 0) > 0 && (
        <Stack gap={4}>
          <Text fw={600}>{t('governance.agreements.outsideSessions')}:</Text>
          {(list.data.outsideSessions ?? []).map((a) => (
            <Text key={a.id} size="sm">
              <strong>{a.number}.</strong> {a.title}
            </Text>
          ))}
        </Stack>
      )}
      {list.data.sessions.map((g) => (
        <Stack key={g.session.id} gap={4}>
          <Text fw={600}>{g.heading}:</Text>
          {g.agreements.map((a) => (
            <Text key={a.id} size="sm">
              <strong>{a.number}.</strong> {a.title}
            </Text>
          ))}
        </Stack>
      ))}
    </Stack>
  );
}

export default function BodyPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const body = useBody(id);
  const sessions = useSessions(id);
  const [from, setFrom] = useState<string | null>(null);
  const [to, setTo] = useState<string | null>(null);
  const canWrite = useCan('governance.write');
  const [editing, setEditing] = useState(false);
  if (body.isPending || sessions.isPending) {
    return (
      <Center py="xl">
        <Loader aria-label={t('common.loading')} />
      </Center>
    );
  }
  if (body.isError) return <QueryError error={body.error} onRetry={() => void body.refetch()} />;
  if (sessions.isError) return <QueryError error={sessions.error} onRetry={() => void sessions.refetch()} />;
  const period = { from, to };
  // The attendance and agreements tabs share one period.
  const periodFilter = (
    <Group mb="md">
      <DayInput
        invalid="clear"
        label={t('governance.period.from')}
        value={from}
        onChange={(v) => setFrom(v)}
        clearable
      />
      <DayInput
        invalid="clear"
        label={t('governance.period.to')}
        value={to}
        onChange={(v) => setTo(v)}
        clearable
      />
    </Group>
  );
  return (
    <>
      <PageHeader
        above={<Trail items={[{ label: t('nav.bodies'), to: '/gobierno' }, { label: body.data.acronym }]} />}
        title={body.data.name}
        description={
          body.data.createdByAgreement
            ? t('governance.bodies.createdLine', {
                agreement: body.data.createdByAgreement,
                date: formatDay(body.data.createdOn),
              })
            : t(`governance.bodyKind.${body.data.kind}`)
        }
        actions={
          canWrite && (
            <Button
              variant="default"
              leftSection={<IconEdit size={16} aria-hidden />}
              onClick={() => setEditing(true)}
            >
              {t('governance.bodyForm.editTitle')}
            </Button>
          )
        }
      />
      {editing && <BodyFormModal body={body.data} onClose={() => setEditing(false)} />}
      <Tabs defaultValue="sessions">
        <Tabs.List mb="md">
          <Tabs.Tab value="sessions">{t('governance.sessions.title')}</Tabs.Tab>
          <Tabs.Tab value="composition">{t('governance.composition.title')}</Tabs.Tab>
          <Tabs.Tab value="attendance">{t('governance.attendance.title')}</Tabs.Tab>
          <Tabs.Tab value="agreements">{t('governance.agreements.title')}</Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="sessions">
          <SessionsTab bodyId={id} bodyAcronym={body.data.acronym} sessions={sessions.data.items} />
        </Tabs.Panel>
        <Tabs.Panel value="composition">
          <Composition body={body.data} />
        </Tabs.Panel>
        <Tabs.Panel value="attendance">
          {periodFilter}
          <AttendanceTab bodyId={id} period={period} />
        </Tabs.Panel>
        <Tabs.Panel value="agreements">
          {periodFilter}
          <AgreementsTab body={body.data} sessions={sessions.data.items} period={period} />
        </Tabs.Panel>
      </Tabs>
    </>
  );
}
