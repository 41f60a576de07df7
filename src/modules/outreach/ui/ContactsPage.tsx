import {
  Anchor,
  Badge,
  Button,
  Group,
  Modal,
  MultiSelect,
  Paper,
  Select,
  Table,
  Text,
  TextInput,
  Textarea,
  Title,
} from '@mantine/core';
import { IconPlus, IconUpload } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ImportModal } from '@/modules/directory/ui/DirectoryFileActions';
import { FormBody } from '@/web/shared/form/FormBody';
import { useSaveForm } from '@/web/shared/form/use-save-form';
import { useCan } from '@/web/shared/session/session';
import { PageHeader } from '@/web/shared/ui/PageHeader';
import { ListFooter } from '@/web/shared/ui/ListFooter';
import { QueryError } from '@/web/shared/ui/QueryError';
import { SearchInput } from '@/web/shared/ui/SearchInput';
import { BASE_KINDS, BaseInputSchema, ContactInputSchema } from '../contract';
import { OUTREACH_KEY, createBase, createContact, importContacts, useBases, useContacts } from './api';
import outreachStrings from 'virtual:lazy-strings/outreach';
import { addLazyStrings } from '@/web/i18n/all';

// This module's wording loads with it, not with the signed-in frame (issue 18).
addLazyStrings(outreachStrings);

const PAGE_SIZE = 25;

function BaseForm({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation();
  const f = useSaveForm({
    initialValues: { name: '', kind: 'observer_network', description: '' },
    schema: BaseInputSchema,
    toInput: (v) => ({ ...v, description: v.description || null }),
    save: createBase,
    invalidate: [OUTREACH_KEY],
    onSaved: onClose,
  });
  return (
    <FormBody form={f} submitLabel={t('outreach.save')} onCancel={onClose}>
      <TextInput label={t('outreach.baseName')} required {...f.text('name')} />
      <Select
        label={t('outreach.baseKind')}
        data={BASE_KINDS.map((k) => ({ value: k, label: t(`outreach.baseKinds.${k}`) }))}
        allowDeselect={false}
        {...f.form.getInputProps('kind')}
      />
      <Textarea label={t('outreach.description')} {...f.text('description')} />
    </FormBody>
  );
}

function ContactForm({ onClose, bases }: { onClose: () => void; bases: { value: string; label: string }[] }) {
  const { t } = useTranslation();
  const f = useSaveForm({
    initialValues: {
      fullName: '',
      kind: 'person',
      email: '',
      phone: '',
      country: 'MX',
      city: '',
      affiliation: '',
      baseIds: [] as string[],
    },
    schema: ContactInputSchema,
    toInput: (v) => ({
      ...v,
      email: v.email || null,
      phone: v.phone || null,
      country: v.country || null,
      city: v.city || null,
      affiliation: v.affiliation || null,
    }),
    save: createContact,
    invalidate: [OUTREACH_KEY],
    onSaved: onClose,
  });
  return (
    <FormBody form={f} submitLabel={t('outreach.save')} onCancel={onClose}>
      <TextInput label={t('outreach.fullName')} required {...f.text('fullName')} />
      <Select
        label={t('outreach.contactKind')}
        data={[
          { value: 'person', label: t('outreach.contactKinds.person') },
          { value: 'organization', label: t('outreach.contactKinds.organization') },
        ]}
        allowDeselect={false}
        {...f.form.getInputProps('kind')}
      />
      <TextInput label={t('outreach.email')} type="email" {...f.text('email')} />
      <TextInput label={t('outreach.phone')} {...f.text('phone')} />
      <Group grow>
        <TextInput label={t('outreach.country')} maxLength={2} {...f.text('country')} />
        <TextInput label={t('outreach.city')} {...f.text('city')} />
      </Group>
      <TextInput label={t('outreach.affiliation')} {...f.text('affiliation')} />
      <MultiSelect label={t('outreach.bases')} data={bases} {...f.form.getInputProps('baseIds')} />
    </FormBody>
  );
}

function ImportButton({ baseId, baseName }: { baseId: string | null; baseName: string | null }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  return (
    <>
      <Button
        variant="default"
        disabled={!baseId}
        leftSection={<IconUpload size={16} aria-hidden />}
        onClick={() => setOpen(true)}
      >
        {t('outreach.import')}
      </Button>
      {open && baseId && (
        <ImportModal
          importFile={(file, skipInvalid) => importContacts(baseId, file, skipInvalid)}
          title={t('outreach.importTitle', { base: baseName ?? '' })}
          help={t('outreach.importHelp')}
          queryKey={OUTREACH_KEY}
          onClose={() => setOpen(false)}
        />
      )}
    </>
  );
}

export default function ContactsPage() {
  const { t } = useTranslation();
  const canWrite = useCan('outreach.write');
  const bases = useBases();
  const [q, setQ] = useState('');
  const [baseId, setBaseId] = useState<string | null>(null);
  const [page, setPage] = useState(1);
  const contacts = useContacts({ q: q || undefined, baseId: baseId ?? undefined, page, pageSize: PAGE_SIZE });
  const [modal, setModal] = useState<'base' | 'contact' | null>(null);
  const baseOptions = (bases.data ?? []).map((b) => ({ value: b.id, label: b.name }));

  return (
    <>
      <PageHeader
        title={t('outreach.contactsTitle')}
        description={t('outreach.contactsDescription')}
        actions={
          canWrite && (
            <>
              <Button variant="default" onClick={() => setModal('base')}>
                {t('outreach.newBase')}
              </Button>
              <Button leftSection={<IconPlus size={16} aria-hidden />} onClick={() => setModal('contact')}>
                {t('outreach.newContact')}
              </Button>
            </>
          )
        }
      />
      <Paper withBorder p="md" mb="lg">
        <Title order={2} size="h4" mb="sm">
          {t('outreach.bases')}
        </Title>
        {bases.isError ? (
          <QueryError error={bases.error} />
        ) : (
          <Table.ScrollContainer minWidth={560}>
            <Table>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('outreach.baseName')}</Table.Th>
                  <Table.Th>{t('outreach.baseKind')}</Table.Th>
                  <Table.Th>{t('outreach.contactsCount')}</Table.Th>
                  <Table.Th>{t('outreach.consentingCount')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {(bases.data ?? []).map((b) => (
                  <Table.Tr key={b.id}>
                    <Table.Td>{b.name}</Table.Td>
                    <Table.Td>{t(`outreach.baseKinds.${b.kind}`)}</Table.Td>
                    <Table.Td>{b.contacts}</Table.Td>
                    <Table.Td>{b.consenting}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
      </Paper>
      <Paper withBorder p="md">
        <Group align="flex-end" mb="md" gap="sm">
          <SearchInput label={t('outreach.search')} value={q} onChange={(v) => (setQ(v), setPage(1))} />
          <Select
            label={t('outreach.baseFilter')}
            placeholder={t('common.all')}
            data={baseOptions}
            clearable
            value={baseId}
            onChange={(v) => (setBaseId(v), setPage(1))}
            w={280}
          />
          {canWrite && (
            <ImportButton
              baseId={baseId}
              baseName={baseOptions.find((b) => b.value === baseId)?.label ?? null}
            />
          )}
        </Group>
        {canWrite && !baseId && (
          <Text size="sm" c="dimmed" mb="sm">
            {t('outreach.importHint')}
          </Text>
        )}
        {contacts.isError ? (
          <QueryError error={contacts.error} onRetry={() => void contacts.refetch()} />
        ) : (
          <Table.ScrollContainer minWidth={760}>
            <Table striped>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('outreach.fullName')}</Table.Th>
                  <Table.Th>{t('outreach.email')}</Table.Th>
                  <Table.Th>{t('outreach.phone')}</Table.Th>
                  <Table.Th>{t('outreach.consent')}</Table.Th>
                  <Table.Th>{t('outreach.optOuts')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {(contacts.data?.items ?? []).map((c) => (
                  <Table.Tr key={c.id}>
                    <Table.Td>
                      <Anchor component={Link} to={`/difusion/contactos/${c.id}`}>
                        {c.fullName ?? t('outreach.erased')}
                      </Anchor>
                    </Table.Td>
                    <Table.Td>{c.email ?? '—'}</Table.Td>
                    <Table.Td>{c.phone ?? '—'}</Table.Td>
                    <Table.Td>
                      <Badge color={c.consenting ? 'teal.9' : 'gray'} variant="light" tt="none">
                        {c.consenting ? t('outreach.consentActive') : t('outreach.consentNone')}
                      </Badge>
                    </Table.Td>
                    <Table.Td>
                      {c.optedOut.map((ch) => t(`outreach.channels.${ch}`)).join(', ') || '—'}
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
        <ListFooter page={page} pageSize={PAGE_SIZE} total={contacts.data?.total ?? 0} onPage={setPage} />
      </Paper>
      <Modal opened={modal === 'base'} onClose={() => setModal(null)} title={t('outreach.newBase')}>
        <BaseForm onClose={() => setModal(null)} />
      </Modal>
      <Modal opened={modal === 'contact'} onClose={() => setModal(null)} title={t('outreach.newContact')}>
        <ContactForm onClose={() => setModal(null)} bases={baseOptions} />
      </Modal>
    </>
  );
}
