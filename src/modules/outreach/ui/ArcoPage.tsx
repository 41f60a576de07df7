import {
  Anchor,
  Badge,
  Button,
  Group,
  Modal,
  Paper,
  Select,
  Table,
  Text,
  TextInput,
  Textarea,
} from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { FormBody } from '@/web/shared/form/FormBody';
import { useSaveForm } from '@/web/shared/form/use-save-form';
import { DayInput } from '@/web/shared/ui/DayInput';
import { PageHeader } from '@/web/shared/ui/PageHeader';
import { QueryError } from '@/web/shared/ui/QueryError';
import { todayInMexicoCity } from '@/shared/calendar';
import { ArcoExtendInputSchema, ArcoResolveInputSchema, type ArcoRequest } from '../contract';
import { OUTREACH_KEY, extendArcoRequest, resolveArcoRequest, useArcoRequests } from './api';
import { deadlineColor } from './labels';
import outreachStrings from 'virtual:lazy-strings/outreach';
import { addLazyStrings } from '@/web/i18n/all';

// This module's wording loads with it, not with the signed-in frame (issue 18).
addLazyStrings(outreachStrings);

function ExtendForm({ request, onClose }: { request: ArcoRequest; onClose: () => void }) {
  const { t } = useTranslation();
  const f = useSaveForm({
    initialValues: { extendedOn: todayInMexicoCity() as string | null, reason: '' },
    schema: ArcoExtendInputSchema,
    toInput: (v) => v,
    save: (input) => extendArcoRequest(request.id, input),
    invalidate: [OUTREACH_KEY],
    onSaved: onClose,
  });
  return (
    <FormBody form={f} submitLabel={t('outreach.extend')} onCancel={onClose}>
      <DayInput label={t('outreach.extendedOn')} required {...f.form.getInputProps('extendedOn')} />
      <Textarea label={t('outreach.extensionReason')} required {...f.text('reason')} />
    </FormBody>
  );
}

function ResolveForm({ request, onClose }: { request: ArcoRequest; onClose: () => void }) {
  const { t } = useTranslation();
  const f = useSaveForm({
    initialValues: { resolvedOn: todayInMexicoCity() as string | null, outcome: 'granted', resolution: '' },
    schema: ArcoResolveInputSchema,
    toInput: (v) => v,
    save: (input) => resolveArcoRequest(request.id, input),
    invalidate: [OUTREACH_KEY],
    onSaved: onClose,
  });
  return (
    <FormBody form={f} submitLabel={t('outreach.resolve')} onCancel={onClose}>
      <DayInput label={t('outreach.resolvedOn')} required {...f.form.getInputProps('resolvedOn')} />
      <Select
        label={t('outreach.outcome')}
        data={[
          { value: 'granted', label: t('outreach.arcoStatuses.granted') },
          { value: 'denied', label: t('outreach.arcoStatuses.denied') },
        ]}
        allowDeselect={false}
        {...f.form.getInputProps('outcome')}
      />
      <TextInput label={t('outreach.resolution')} required {...f.text('resolution')} />
    </FormBody>
  );
}

/** ARCO requests with their deadline badge (business days left) and actions. */
export function ArcoTable({
  requests,
  showContact = false,
}: {
  requests: ArcoRequest[] | undefined;
  showContact?: boolean;
}) {
  const { t } = useTranslation();
  const [action, setAction] = useState<{ kind: 'extend' | 'resolve'; request: ArcoRequest } | null>(null);
  if (!requests) return null;
  // A request is registered from the page of the person who filed it; the list says where.
  if (requests.length === 0)
    return (
      <Text c="dimmed" size="sm">
        {t(showContact ? 'outreach.noArcoRequests' : 'outreach.noArcoRequestsOfContact')}
      </Text>
    );
  return (
    <>
      <Table.ScrollContainer minWidth={760}>
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
      </Table.ScrollContainer>
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
          <ArcoTable requests={requests.data} showContact />
        )}
      </Paper>
    </>
  );
}
