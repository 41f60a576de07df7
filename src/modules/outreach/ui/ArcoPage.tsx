import {
  Anchor,
  Badge,
  Button,
  Group,
  Modal,
  Paper,
  Select,
  Stack,
  Table,
  TextInput,
  Textarea,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { applyFieldErrors } from '@/web/shared/api/form-errors';
import { DayInput } from '@/web/shared/ui/DayInput';
import { FormErrorAlert } from '@/web/shared/ui/FormErrorAlert';
import { PageHeader } from '@/web/shared/ui/PageHeader';
import { QueryError } from '@/web/shared/ui/QueryError';
import { todayInMexicoCity } from '@/shared/dates';
import type { ArcoRequest } from '../contract';
import { extendArcoRequest, resolveArcoRequest, useArcoRequests, useOutreachWrite } from './api';
import { deadlineColor } from './labels';

type Problems = { path: string; message: string }[];

function ExtendForm({ request, onClose }: { request: ArcoRequest; onClose: () => void }) {
  const { t } = useTranslation();
  const form = useForm({ initialValues: { extendedOn: todayInMexicoCity(), reason: '' } });
  const [unplaced, setUnplaced] = useState<Problems>([]);
  const save = useOutreachWrite((v: typeof form.values) => extendArcoRequest(request.id, v));
  return (
    <form
      onSubmit={form.onSubmit((v) =>
        save.mutate(v, { onSuccess: onClose, onError: (e) => setUnplaced(applyFieldErrors(form, e)) }),
      )}
    >
      <Stack>
        <FormErrorAlert error={save.error} unplaced={unplaced} />
        <DayInput label={t('outreach.extendedOn')} required {...form.getInputProps('extendedOn')} />
        <Textarea label={t('outreach.extensionReason')} required {...form.getInputProps('reason')} />
        <Group justify="flex-end">
          <Button type="submit" loading={save.isPending}>
            {t('outreach.extend')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

function ResolveForm({ request, onClose }: { request: ArcoRequest; onClose: () => void }) {
  const { t } = useTranslation();
  const form = useForm({
    initialValues: { resolvedOn: todayInMexicoCity(), outcome: 'granted', resolution: '' },
  });
  const [unplaced, setUnplaced] = useState<Problems>([]);
  const save = useOutreachWrite((v: typeof form.values) => resolveArcoRequest(request.id, v));
  return (
    <form
      onSubmit={form.onSubmit((v) =>
        save.mutate(v, { onSuccess: onClose, onError: (e) => setUnplaced(applyFieldErrors(form, e)) }),
      )}
    >
      <Stack>
        <FormErrorAlert error={save.error} unplaced={unplaced} />
        <DayInput label={t('outreach.resolvedOn')} required {...form.getInputProps('resolvedOn')} />
        <Select
          label={t('outreach.outcome')}
          data={[
            { value: 'granted', label: t('outreach.arcoStatuses.granted') },
            { value: 'denied', label: t('outreach.arcoStatuses.denied') },
          ]}
          allowDeselect={false}
          {...form.getInputProps('outcome')}
        />
        <TextInput label={t('outreach.resolution')} required {...form.getInputProps('resolution')} />
        <Group justify="flex-end">
          <Button type="submit" loading={save.isPending}>
            {t('outreach.resolve')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

/** ARCO requests with their deadline badge (business days left) and actions. */
export function ArcoTable({
  requests,
  showContact = false,
}: {
  requests: ArcoRequest[];
  showContact?: boolean;
}) {
  const { t } = useTranslation();
  const [action, setAction] = useState<{ kind: 'extend' | 'resolve'; request: ArcoRequest } | null>(null);
  return (
    <>
      <Table>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('outreach.folio')}</Table.Th>
            {showContact && <Table.Th>{t('outreach.fullName')}</Table.Th>}
            <Table.Th>{t('outreach.arcoKind')}</Table.Th>
            <Table.Th>{t('outreach.receivedOn')}</Table.Th>
            <Table.Th>{t('outreach.dueOn')}</Table.Th>
            <Table.Th>{t('outreach.status')}</Table.Th>
            <Table.Th />
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {requests.map((r) => {
            const open = r.status === 'pending' || r.status === 'extended';
            return (
              <Table.Tr key={r.id}>
                <Table.Td>{r.folio}</Table.Td>
                {showContact && (
                  <Table.Td>
                    {r.contactId ? (
                      <Anchor component={Link} to={`/difusion/contactos/${r.contactId}`}>
                        {r.contactName ?? t('outreach.erased')}
                      </Anchor>
                    ) : (
                      '—'
                    )}
                  </Table.Td>
                )}
                <Table.Td>{t(`outreach.arcoKinds.${r.kind}`)}</Table.Td>
                <Table.Td>{r.receivedOn}</Table.Td>
                <Table.Td>
                  <Group gap={6}>
                    {r.dueOn}
                    {open && (
                      <Badge
                        color={deadlineColor(r.businessDaysLeft)}
                        variant="filled"
                        autoContrast
                        tt="none"
                      >
                        {r.businessDaysLeft! < 0
                          ? t('outreach.overdue', { count: -r.businessDaysLeft! })
                          : t('outreach.daysLeft', { count: r.businessDaysLeft! })}
                      </Badge>
                    )}
                  </Group>
                </Table.Td>
                <Table.Td>{t(`outreach.arcoStatuses.${r.status}`)}</Table.Td>
                <Table.Td>
                  {open && (
                    <Group gap={4}>
                      {r.status === 'pending' && (
                        <Button
                          size="xs"
                          variant="subtle"
                          onClick={() => setAction({ kind: 'extend', request: r })}
                        >
                          {t('outreach.extend')}
                        </Button>
                      )}
                      <Button
                        size="xs"
                        variant="light"
                        onClick={() => setAction({ kind: 'resolve', request: r })}
                      >
                        {t('outreach.resolve')}
                      </Button>
                    </Group>
                  )}
                </Table.Td>
              </Table.Tr>
            );
          })}
        </Table.Tbody>
      </Table>
      <Modal opened={action?.kind === 'extend'} onClose={() => setAction(null)} title={t('outreach.extend')}>
        {action?.kind === 'extend' && <ExtendForm request={action.request} onClose={() => setAction(null)} />}
      </Modal>
      <Modal
        opened={action?.kind === 'resolve'}
        onClose={() => setAction(null)}
        title={t('outreach.resolve')}
      >
        {action?.kind === 'resolve' && (
          <ResolveForm request={action.request} onClose={() => setAction(null)} />
        )}
      </Modal>
    </>
  );
}

export default function ArcoPage() {
  const { t } = useTranslation();
  const requests = useArcoRequests();
  return (
    <>
      <PageHeader title={t('outreach.arcoTitle')} description={t('outreach.arcoDescription')} />
      <Paper withBorder p="md">
        {requests.isError ? (
          <QueryError error={requests.error} onRetry={() => void requests.refetch()} />
        ) : (
          <ArcoTable requests={requests.data ?? []} showContact />
        )}
      </Paper>
    </>
  );
}
