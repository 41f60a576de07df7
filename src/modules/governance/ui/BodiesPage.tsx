import { Anchor, Button, Center, Group, Loader, Table } from '@mantine/core';
import { IconPlus, IconUpload } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { formatDay } from '@/web/shared/lib/format';
import { ImportPlanModal } from '@/web/shared/ui/ImportPlanModal';
import { PageHeader } from '@/web/shared/ui/PageHeader';
import { QueryError } from '@/web/shared/ui/QueryError';
import { useCan } from '@/web/shared/session/session';
import {
  downloadSessionTemplate,
  GOVERNANCE_KEY,
  importSessionFile,
  previewSessionImport,
  useBodies,
} from './api';
import { BodyFormModal } from './BodyFormModal';
import { NoticeSettingsCard } from './NoticeSettingsCard';
import governanceStrings from 'virtual:lazy-strings/governance';
import { addLazyStrings } from '@/web/i18n/all';

// This module's wording loads with it, not with the signed-in frame (issue 18).
addLazyStrings(governanceStrings);

export default function BodiesPage() {
  const { t } = useTranslation();
  const bodies = useBodies();
  const navigate = useNavigate();
  const canWrite = useCan('governance.write');
  const [creating, setCreating] = useState(false);
  const [importing, setImporting] = useState(false);
  return (
    <>
      <PageHeader
        title={t('governance.bodies.title')}
        description={t('governance.bodies.description')}
        actions={
          canWrite && (
            <Group gap="xs">
              <Button leftSection={<IconPlus size={16} aria-hidden />} onClick={() => setCreating(true)}>
                {t('governance.bodyForm.createTitle')}
              </Button>
              {!!bodies.data?.items.length && (
                <Button
                  variant="default"
                  leftSection={<IconUpload size={16} aria-hidden />}
                  onClick={() => setImporting(true)}
                >
                  {t('importPlan.sessions.button')}
                </Button>
              )}
            </Group>
          )
        }
      />
      {importing && (
        <ImportPlanModal
          title={t('importPlan.sessions.title')}
          help={t('importPlan.sessions.help')}
          recordHeader={t('importPlan.sessions.record')}
          template={downloadSessionTemplate}
          preview={previewSessionImport}
          commit={importSessionFile}
          invalidate={[GOVERNANCE_KEY]}
          onClose={() => setImporting(false)}
        />
      )}
      {creating && (
        <BodyFormModal
          onClose={() => setCreating(false)}
          onSaved={(b) => void navigate(`/gobierno/organos/${b.id}`)}
        />
      )}
      {bodies.isPending ? (
        <Center py="xl">
          <Loader aria-label={t('common.loading')} />
        </Center>
      ) : bodies.isError ? (
        <QueryError error={bodies.error} onRetry={() => void bodies.refetch()} />
      ) : (
        <Table.ScrollContainer minWidth={600}>
          <Table striped aria-label={t('governance.bodies.title')}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('governance.bodies.name')}</Table.Th>
                <Table.Th>{t('governance.bodies.kind')}</Table.Th>
                <Table.Th>{t('governance.bodies.createdBy')}</Table.Th>
                <Table.Th>{t('governance.bodies.createdOn')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {bodies.data.items.map((b) => (
                <Table.Tr key={b.id}>
                  <Table.Td>
                    <Anchor component={Link} to={`/gobierno/organos/${b.id}`}>
                      {b.name} ({b.acronym})
                    </Anchor>
                  </Table.Td>
                  <Table.Td>{t(`governance.bodyKind.${b.kind}`)}</Table.Td>
                  <Table.Td>{b.createdByAgreement ?? '—'}</Table.Td>
                  <Table.Td>{formatDay(b.createdOn)}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      <NoticeSettingsCard />
    </>
  );
}
