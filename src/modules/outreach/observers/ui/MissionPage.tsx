import { Badge, Button, Group, Modal, Tabs, Text } from '@mantine/core';
import { IconPencil } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router';
import { formatDay } from '@/web/shared/lib/format';
import { useCan } from '@/web/shared/session/session';
import { PageHeader } from '@/web/shared/ui/PageHeader';
import { QueryError } from '@/web/shared/ui/QueryError';
import { Trail } from '@/web/shared/ui/Trail';
import { useMission } from './api';
import { AgendaTab } from './AgendaTab';
import { CommunicationsTab } from './CommunicationsTab';
import { GroupsTab } from './GroupsTab';
import { MissionForm } from './MissionsPage';
import { RegistrantsTab } from './RegistrantsTab';
import observersStrings from 'virtual:lazy-strings/observers';
import { addLazyStrings } from '@/web/i18n/all';

// This module's wording loads with it, not with the signed-in frame (issue 18).
addLazyStrings(observersStrings);

const TABS = ['registro', 'grupos', 'agenda', 'comunicaciones'] as const;
type Tab = (typeof TABS)[number];

/** A mission: its registrants, groups, agenda with the election-day routes, and communications. */
export default function MissionPage() {
  const { t } = useTranslation();
  const { id = '', tab } = useParams();
  const navigate = useNavigate();
  const canWrite = useCan('observers.write');
  const mission = useMission(id);
  const [editing, setEditing] = useState(false);
  const current: Tab = (TABS as readonly string[]).includes(tab ?? '') ? (tab as Tab) : 'registro';
  if (mission.isError) return <QueryError error={mission.error} onRetry={() => void mission.refetch()} />;
  const m = mission.data;
  if (!m) return null;
  return (
    <>
      <PageHeader
        above={<Trail items={[{ label: t('nav.observers'), to: '/acompanamiento' }, { label: m.name }]} />}
        title={m.name}
        description={
          <>
            {m.process} · {t('observers.electionDay')}: {formatDay(m.electionDay)} ·{' '}
            {t('observers.missionDays', { from: formatDay(m.startsOn), to: formatDay(m.endsOn) })}
            {m.agreementRef && (
              <>
                {' · '}
                {t('observers.approvedBy', { ref: m.agreementRef })}
                {m.approvedOn && ` (${formatDay(m.approvedOn)})`}
              </>
            )}
          </>
        }
        actions={
          canWrite && (
            <Button
              variant="default"
              leftSection={<IconPencil size={16} aria-hidden />}
              onClick={() => setEditing(true)}
            >
              {t('observers.editMission')}
            </Button>
          )
        }
      />
      <Group gap="xs" mb="md">
        <Badge variant="light" color="blue.9" tt="none">
          {t('observers.registrantsBadge', { count: m.registrants })}
        </Badge>
        <Badge variant="light" color="teal.9" tt="none">
          {t('observers.accreditedBadge', { count: m.accredited })}
        </Badge>
        <Badge variant="light" color="gray.8" tt="none">
          {t('observers.consentingBadge', { count: m.consenting })}
        </Badge>
      </Group>
      <Tabs
        value={current}
        onChange={(v) => void navigate(`/acompanamiento/${id}/${v ?? 'registro'}`)}
        keepMounted={false}
      >
        <Tabs.List mb="md">
          <Tabs.Tab value="registro">{t('observers.tabs.registrants')}</Tabs.Tab>
          <Tabs.Tab value="grupos">{t('observers.tabs.groups')}</Tabs.Tab>
          <Tabs.Tab value="agenda">{t('observers.tabs.agenda')}</Tabs.Tab>
          <Tabs.Tab value="comunicaciones">{t('observers.tabs.communications')}</Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="registro">
          <RegistrantsTab mission={m} />
        </Tabs.Panel>
        <Tabs.Panel value="grupos">
          <GroupsTab mission={m} />
        </Tabs.Panel>
        <Tabs.Panel value="agenda">
          <AgendaTab mission={m} />
        </Tabs.Panel>
        <Tabs.Panel value="comunicaciones">
          <CommunicationsTab mission={m} />
        </Tabs.Panel>
      </Tabs>
      <Text size="xs" c="dimmed" mt="lg">
        {t('observers.privacyNote')}
      </Text>
      <Modal opened={editing} onClose={() => setEditing(false)} title={t('observers.editMission')}>
        <MissionForm mission={m} onDone={() => setEditing(false)} onCancel={() => setEditing(false)} />
      </Modal>
    </>
  );
}
