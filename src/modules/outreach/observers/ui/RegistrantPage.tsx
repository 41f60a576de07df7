import { Anchor, Badge, Button, Modal, Paper, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { IconPencil, IconShieldCheck, IconTrash } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { formatDateTime, formatDay } from '@/web/shared/lib/format';
import { useCan } from '@/web/shared/session/session';
import { ConfirmModal } from '@/web/shared/ui/ConfirmModal';
import { PageHeader } from '@/web/shared/ui/PageHeader';
import { QueryError } from '@/web/shared/ui/QueryError';
import { Trail } from '@/web/shared/ui/Trail';
import { countryName } from '../contract';
import { removeRegistrant, useMission, useObserversWrite, useRegistrant } from './api';
import { accreditationColor, ConsentForm, RegistrantForm } from './RegistrantsTab';
import observersStrings from 'virtual:lazy-strings/observers';
import { addLazyStrings } from '@/web/i18n/all';

// This module's wording loads with it, not with the signed-in frame (issue 18).
addLazyStrings(observersStrings);

/** One registrant: the person, the registration, consents for the mission and messages received. */
export default function RegistrantPage() {
  const { t } = useTranslation();
  const { missionId = '', registrantId = '' } = useParams();
  const navigate = useNavigate();
  const canWrite = useCan('observers.write');
  const canSeeContacts = useCan('outreach.read');
  const mission = useMission(missionId);
  const registrant = useRegistrant(registrantId);
  const [modal, setModal] = useState<'edit' | 'consent' | 'delete' | null>(null);
  const remove = useObserversWrite(() => removeRegistrant(registrantId));
  if (registrant.isError)
    return <QueryError error={registrant.error} onRetry={() => void registrant.refetch()} />;
  if (mission.isError) return <QueryError error={mission.error} onRetry={() => void mission.refetch()} />;
  const r = registrant.data;
  const m = mission.data;
  if (!r || !m) return null;
  const name = r.erased ? t('observers.erased') : (r.fullName ?? '—');
  const back = `/acompanamiento/${m.id}/registro`;
  return (
    <>
      <PageHeader
        above={
          <Trail
            items={[
              { label: t('nav.observers'), to: '/acompanamiento' },
              { label: m.name, to: back },
              { label: name },
            ]}
          />
        }
        title={name}
        description={`${t(`observers.kinds.${r.kind}`)} · ${countryName(r.nationality)}`}
        actions={
          canWrite &&
          !r.erased && (
            <>
              <Button
                variant="default"
                leftSection={<IconPencil size={16} aria-hidden />}
                onClick={() => setModal('edit')}
              >
                {t('observers.editRegistrant')}
              </Button>
              {!r.consenting && (
                <Button
                  variant="default"
                  leftSection={<IconShieldCheck size={16} aria-hidden />}
                  onClick={() => setModal('consent')}
                >
                  {t('observers.recordConsent')}
                </Button>
              )}
              <Button
                color="red.9"
                leftSection={<IconTrash size={16} aria-hidden />}
                onClick={() => (remove.reset(), setModal('delete'))}
              >
                {t('observers.removeRegistrant')}
              </Button>
            </>
          )
        }
      />
      <SimpleGrid cols={{ base: 1, md: 2 }} mb="lg">
        <Paper withBorder p="md">
          <Title order={2} size="h4" mb="sm">
            {t('observers.registration')}
          </Title>
          <Stack gap={4}>
            <Text size="sm">
              {t('observers.accreditation')}:{' '}
              <Badge color={accreditationColor(r.accreditationStatus)} variant="light" tt="none">
                {t(`observers.statuses.${r.accreditationStatus}`)}
              </Badge>
            </Text>
            <Text size="sm">
              {t('observers.accreditationNumber')}: {r.accreditationNumber ?? '—'}
            </Text>
            <Text size="sm">
              {t('observers.group')}: {r.groupName ?? t('observers.noGroup')}
            </Text>
            <Text size="sm">
              {t('observers.notes')}: {r.notes ?? '—'}
            </Text>
            <Text size="sm">
              {t('observers.registeredOn')}: {formatDateTime(r.createdAt)}
            </Text>
          </Stack>
        </Paper>
        <Paper withBorder p="md">
          <Title order={2} size="h4" mb="sm">
            {t('observers.person')}
          </Title>
          <Stack gap={4}>
            <Text size="sm">
              {t('observers.nationality')}: {countryName(r.nationality)}
            </Text>
            <Text size="sm">
              {t('observers.organization')}: {r.organization ?? '—'}
            </Text>
            <Text size="sm">
              {t('observers.email')}: {r.email ?? '—'}
              {r.emailOptOut && ` (${t('observers.emailOptOut')})`}
            </Text>
            <Text size="sm">
              {t('observers.phone')}: {r.phone ?? '—'}
            </Text>
            {canSeeContacts && (
              <Anchor component={Link} to={`/difusion/contactos/${r.contactId}`} size="sm">
                {t('observers.openContact')}
              </Anchor>
            )}
          </Stack>
        </Paper>
      </SimpleGrid>
      <Paper withBorder p="md" mb="lg">
        <Title order={2} size="h4" mb="sm">
          {t('observers.consents')}
        </Title>
        {r.consents.length === 0 ? (
          <Text size="sm" c="dimmed">
            {t('observers.consentNone')}
          </Text>
        ) : (
          <Table.ScrollContainer minWidth={720}>
            <Table>
              <Table.Caption>{t('observers.consentsCaption')}</Table.Caption>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('observers.purpose')}</Table.Th>
                  <Table.Th>{t('observers.consentGivenOn')}</Table.Th>
                  <Table.Th>{t('observers.consentSource')}</Table.Th>
                  <Table.Th>{t('observers.privacyNoticeVersion')}</Table.Th>
                  <Table.Th>{t('observers.consentState')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {r.consents.map((c) => (
                  <Table.Tr key={c.id}>
                    <Table.Td>{c.purpose}</Table.Td>
                    <Table.Td>{formatDay(c.givenOn)}</Table.Td>
                    <Table.Td>{c.source}</Table.Td>
                    <Table.Td>{c.privacyNoticeVersion}</Table.Td>
                    <Table.Td>
                      {c.withdrawnOn
                        ? t('observers.withdrawnOn', { day: formatDay(c.withdrawnOn) })
                        : t('observers.consentActive')}
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
      </Paper>
      <Paper withBorder p="md">
        <Title order={2} size="h4" mb="sm">
          {t('observers.received')}
        </Title>
        {r.deliveries.length === 0 ? (
          <Text size="sm" c="dimmed">
            {t('observers.noneReceived')}
          </Text>
        ) : (
          <Table>
            <Table.Caption>{t('observers.receivedCaption')}</Table.Caption>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('observers.subject')}</Table.Th>
                <Table.Th>{t('observers.deliveryStatus')}</Table.Th>
                <Table.Th>{t('observers.sentAt')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {r.deliveries.map((d) => (
                <Table.Tr key={d.communicationId}>
                  <Table.Td>{d.subject}</Table.Td>
                  <Table.Td>{t(`observers.deliveryStatuses.${d.status}`)}</Table.Td>
                  <Table.Td>{d.sentAt ? formatDateTime(d.sentAt) : '—'}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
      </Paper>
      <Modal
        opened={modal === 'edit'}
        onClose={() => setModal(null)}
        title={t('observers.editRegistrant')}
        size="lg"
      >
        {modal === 'edit' && <RegistrantForm mission={m} registrant={r} onClose={() => setModal(null)} />}
      </Modal>
      <Modal opened={modal === 'consent'} onClose={() => setModal(null)} title={t('observers.recordConsent')}>
        {modal === 'consent' && <ConsentForm registrant={r} onClose={() => setModal(null)} />}
      </Modal>
      {modal === 'delete' && (
        <ConfirmModal
          title={t('observers.removeRegistrant')}
          message={t('observers.removeRegistrantConfirm', { name })}
          confirm={t('observers.remove')}
          mutation={remove}
          onConfirm={() => remove.mutate(undefined, { onSuccess: () => void navigate(back) })}
          onClose={() => setModal(null)}
        />
      )}
    </>
  );
}
