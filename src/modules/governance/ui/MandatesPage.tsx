import {
  Alert,
  Badge,
  Button,
  Center,
  Group,
  Loader,
  Modal,
  Stack,
  Table,
  Text,
  Textarea,
} from '@mantine/core';
import { IconAlertTriangle, IconPlus } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { MandateUpdateInputSchema, type Mandate } from '../contract';
import { useSaveForm } from '@/web/shared/form/use-save-form';
import { FormErrorAlert } from '@/web/shared/ui/FormErrorAlert';
import { formatDay } from '@/web/shared/lib/format';
import { useCan } from '@/web/shared/session/session';
import { DayInput } from '@/web/shared/ui/DayInput';
import { PageHeader } from '@/web/shared/ui/PageHeader';
import { QueryError } from '@/web/shared/ui/QueryError';
import { GOVERNANCE_KEY, addMandateUpdate, useMandate, useMandates } from './api';
import { MandateFormModal } from './MandateFormModal';
import governanceStrings from 'virtual:lazy-strings/governance';
import { addLazyStrings } from '@/web/i18n/all';

// This module's wording loads with it, not with the signed-in frame (issue 18).
addLazyStrings(governanceStrings);

function UpdatesModal({ mandate, onClose }: { mandate: Mandate; onClose: () => void }) {
  const { t } = useTranslation();
  const detail = useMandate(mandate.id);
  const canWrite = useCan('governance.write');
  const add = useSaveForm({
    initialValues: { occurredOn: null as string | null, note: '' },
    schema: MandateUpdateInputSchema,
    toInput: (v) => ({ occurredOn: v.occurredOn ?? '', note: v.note }),
    save: (input) => addMandateUpdate(mandate.id, input),
    invalidate: [GOVERNANCE_KEY],
    onSaved: clearNote,
  });
  // Another update of the same day is likely: the date stays.
  function clearNote(): void {
    add.form.setFieldValue('note', '');
  }
  return (
    <Modal
      opened
      onClose={onClose}
      title={t('governance.mandates.updatesOf', { number: mandate.agreementNumber })}
      size="lg"
    >
      <Stack>
        <Text size="sm">{mandate.description}</Text>
        {detail.isPending ? (
          <Loader aria-label={t('common.loading')} />
        ) : detail.isError ? (
          <QueryError error={detail.error} onRetry={() => void detail.refetch()} />
        ) : (
          <Table aria-label={t('governance.mandates.updates')}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>#</Table.Th>
                <Table.Th>{t('governance.mandates.date')}</Table.Th>
                <Table.Th>{t('governance.mandates.note')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {detail.data.updates.map((u, i) => (
                <Table.Tr key={u.id}>
                  <Table.Td>{i + 1}</Table.Td>
                  <Table.Td>{formatDay(u.occurredOn)}</Table.Td>
                  <Table.Td>{u.note}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
        {canWrite && (
          <form noValidate onSubmit={add.submit}>
            <Stack gap="xs">
              <FormErrorAlert error={add.error} unplaced={add.unplaced} />
              <Group align="flex-start">
                <DayInput
                  label={t('governance.mandates.date')}
                  withAsterisk
                  {...add.form.getInputProps('occurredOn')}
                />
                <Textarea
                  label={t('governance.mandates.note')}
                  autosize
                  style={{ flex: 1 }}
                  withAsterisk
                  {...add.text('note')}
                />
              </Group>
              <Group>
                <Button type="submit" loading={add.mutation.isPending}>
                  {t('governance.mandates.addUpdate')}
                </Button>
              </Group>
            </Stack>
          </form>
        )}
      </Stack>
    </Modal>
  );
}

export default function MandatesPage() {
  const { t } = useTranslation();
  const mandates = useMandates();
  const canWrite = useCan('governance.write');
  const [open, setOpen] = useState<Mandate | null>(null);
  const [creating, setCreating] = useState(false);
  const [editing, setEditing] = useState<Mandate | null>(null);
  const overdue = mandates.data?.items.filter((m) => m.overdue) ?? [];
  return (
    <>
      <PageHeader
        title={t('governance.mandates.title')}
        description={t('governance.mandates.description')}
        actions={
          canWrite && (
            <Button leftSection={<IconPlus size={16} aria-hidden />} onClick={() => setCreating(true)}>
              {t('governance.mandateForm.createTitle')}
            </Button>
          )
        }
      />
      {overdue.length > 0 && (
        <Alert
          color="red"
          mb="md"
          icon={<IconAlertTriangle aria-hidden />}
          title={t('governance.mandates.overdueAlert', { count: overdue.length })}
        >
          {overdue.map((m) => `${m.agreementNumber}: ${m.description}`).join(' · ')}
        </Alert>
      )}
      {mandates.isPending ? (
        <Center py="xl">
          <Loader aria-label={t('common.loading')} />
        </Center>
      ) : mandates.isError ? (
        <QueryError error={mandates.error} onRetry={() => void mandates.refetch()} />
      ) : (
        <Table.ScrollContainer minWidth={800}>
          <Table striped aria-label={t('governance.mandates.title')}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('governance.mandates.agreement')}</Table.Th>
                <Table.Th>{t('governance.mandates.mandate')}</Table.Th>
                <Table.Th>{t('governance.mandates.areas')}</Table.Th>
                <Table.Th>{t('governance.mandates.due')}</Table.Th>
                <Table.Th>{t('governance.mandates.status')}</Table.Th>
                <Table.Th>{t('governance.mandates.updates')}</Table.Th>
                {canWrite && <Table.Th>{t('common.actions')}</Table.Th>}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {mandates.data.items.map((m) => (
                <Table.Tr key={m.id}>
                  <Table.Td style={{ whiteSpace: 'nowrap' }}>{m.agreementNumber}</Table.Td>
                  <Table.Td>{m.description}</Table.Td>
                  <Table.Td>{m.areas.map((a) => a.acronym ?? a.name).join(', ')}</Table.Td>
                  <Table.Td>{m.dueOn ? formatDay(m.dueOn) : '—'}</Table.Td>
                  <Table.Td>
                    <Group gap={4}>
                      <Badge variant="light" tt="none">
                        {t(`governance.mandateStatus.${m.status}`)}
                      </Badge>
                      {m.overdue && (
                        <Badge color="red.9" variant="filled" tt="none">
                          {t('governance.mandates.overdue')}
                        </Badge>
                      )}
                    </Group>
                  </Table.Td>
                  <Table.Td>
                    <Button variant="subtle" size="xs" onClick={() => setOpen(m)}>
                      {t('governance.mandates.showUpdates', {
                        count: m.updateCount,
                        last: m.lastUpdateOn ? formatDay(m.lastUpdateOn) : '—',
                      })}
                    </Button>
                  </Table.Td>
                  {canWrite && (
                    <Table.Td>
                      <Button
                        variant="subtle"
                        size="xs"
                        aria-label={t('governance.mandateForm.editOf', { number: m.agreementNumber })}
                        onClick={() => setEditing(m)}
                      >
                        {t('common.edit')}
                      </Button>
                    </Table.Td>
                  )}
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      {open && <UpdatesModal mandate={open} onClose={() => setOpen(null)} />}
      {creating && <MandateFormModal onClose={() => setCreating(false)} />}
      {editing && <MandateFormModal mandate={editing} onClose={() => setEditing(null)} />}
    </>
  );
}
