import {
  Anchor,
  Badge,
  Button,
  Checkbox,
  Divider,
  Group,
  Modal,
  Paper,
  SegmentedControl,
  Select,
  TextInput,
  Textarea,
} from '@mantine/core';
import { IconPencil, IconPlus, IconShieldCheck, IconTrash } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { todayInMexicoCity } from '@/shared/calendar';
import { foldedOptionsFilter } from '@/web/shared/lib/fold';
import { useCan } from '@/web/shared/session/session';
import { DayInput } from '@/web/shared/ui/DayInput';
import { FormBody } from '@/web/shared/form/FormBody';
import { useSaveForm } from '@/web/shared/form/use-save-form';
import { ConfirmModal } from '@/web/shared/ui/ConfirmModal';
import { IconAction, ListTable, RowActions } from '@/web/shared/ui/ListTable';
import { SearchSelect } from '@/web/shared/ui/SearchSelect';
import { SearchInput } from '@/web/shared/ui/SearchInput';
import {
  ACCREDITATION_STATUSES,
  countryName,
  REGISTRANT_KINDS,
  RegistrantConsentInputSchema,
  RegistrantInputSchema,
  RegistrantPatchSchema,
  type Mission,
  type Registrant,
} from '../contract';
import {
  OBSERVERS_KEY,
  COUNTRY_OPTIONS,
  recordRegistrantConsent,
  registerRegistrant,
  removeRegistrant,
  updateRegistrant,
  useContactOptions,
  useGroups,
  useObserversWrite,
  useRegistrants,
} from './api';
import observersStrings from 'virtual:lazy-strings/observers';
import { addLazyStrings } from '@/web/i18n/all';

// This module's wording loads with it, not with the signed-in frame (issue 18).
addLazyStrings(observersStrings);

const PAGE_SIZE = 25;

export function accreditationColor(status: Registrant['accreditationStatus']) {
  return status === 'accredited' ? 'teal.9' : status === 'rejected' ? 'red.9' : 'gray.8';
}

/** Registers a new person or an existing outreach contact, or corrects a registration. */
export function RegistrantForm({
  mission,
  registrant,
  onClose,
}: {
  mission: Mission;
  registrant?: Registrant;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const groups = useGroups(mission.id);
  const f = useSaveForm({
    initialValues: {
      personFrom: 'new' as 'new' | 'contact',
      contactId: '',
      fullName: registrant?.fullName ?? '',
      kind: registrant?.kind ?? 'observer',
      nationality: registrant?.nationality ?? '',
      organization: registrant?.organization ?? '',
      email: registrant?.email ?? '',
      phone: registrant?.phone ?? '',
      accreditationStatus: registrant?.accreditationStatus ?? 'requested',
      accreditationNumber: registrant?.accreditationNumber ?? '',
      groupId: registrant?.groupId ?? '',
      notes: registrant?.notes ?? '',
      withConsent: !registrant,
      consent: {
        givenOn: todayInMexicoCity(),
        source: '',
        privacyNoticeVersion: '',
        evidence: '',
      },
    },
    validate: {
      contactId: (v, values) => (values.personFrom === 'contact' && !v ? t('observers.chooseContact') : null),
    },
    schema: registrant ? RegistrantPatchSchema : RegistrantInputSchema,
    toInput: (v) => {
      const body = {
        fullName: v.fullName,
        kind: v.kind,
        nationality: v.nationality,
        organization: v.organization || null,
        email: v.email || null,
        phone: v.phone || null,
        accreditationStatus: v.accreditationStatus,
        accreditationNumber: v.accreditationStatus === 'accredited' ? v.accreditationNumber || null : null,
        groupId: v.groupId || null,
        notes: v.notes || null,
      };
      if (registrant) return body;
      const person =
        v.personFrom === 'contact'
          ? {
              contactId: v.contactId || null,
              fullName: undefined,
              organization: undefined,
              email: undefined,
              phone: undefined,
            }
          : {};
      return {
        ...body,
        ...person,
        consent: v.withConsent ? { ...v.consent, evidence: v.consent.evidence || null } : null,
      };
    },
    save: (input) =>
      registrant
        ? updateRegistrant(registrant.id, input)
        : registerRegistrant(mission.id, input as Parameters<typeof registerRegistrant>[1]),
    invalidate: [OBSERVERS_KEY],
    saved: () => t('observers.registrantSaved'),
    onSaved: onClose,
    // The consent's fields are nested: their problems go under each of them.
    aliases: Object.fromEntries(
      ['givenOn', 'source', 'privacyNoticeVersion', 'evidence'].map((k) => [`consent.${k}`, `consent.${k}`]),
    ),
  });
  const form = f.form;
  const fromContact = !registrant && form.values.personFrom === 'contact';
  return (
    <FormBody form={f} submitLabel={t('observers.save')} onCancel={onClose}>
      {!registrant && (
        <SegmentedControl
          aria-label={t('observers.personSource')}
          data={[
            { value: 'new', label: t('observers.newPerson') },
            { value: 'contact', label: t('observers.existingContact') },
          ]}
          {...form.getInputProps('personFrom')}
        />
      )}
      {fromContact ? (
        <SearchSelect
          label={t('observers.contact')}
          description={t('observers.contactHint')}
          required
          useOptions={useContactOptions}
          {...form.getInputProps('contactId')}
          onChange={(value, label) => {
            form.setFieldValue('contactId', value ?? '');
            const country = label?.match(/\(([A-Z]{2})\)$/)?.[1];
            if (country && !form.values.nationality) form.setFieldValue('nationality', country);
          }}
        />
      ) : (
        <TextInput label={t('observers.fullName')} required {...form.getInputProps('fullName')} />
      )}
      <Group grow>
        <Select
          label={t('observers.kind')}
          data={REGISTRANT_KINDS.map((k) => ({ value: k, label: t(`observers.kinds.${k}`) }))}
          allowDeselect={false}
          {...form.getInputProps('kind')}
        />
        <Select
          label={t('observers.nationality')}
          required
          searchable
          filter={foldedOptionsFilter}
          data={COUNTRY_OPTIONS}
          {...form.getInputProps('nationality')}
        />
      </Group>
      {!fromContact && (
        <>
          <TextInput label={t('observers.organization')} {...form.getInputProps('organization')} />
          <Group grow>
            <TextInput label={t('observers.email')} type="email" {...form.getInputProps('email')} />
            <TextInput label={t('observers.phone')} {...form.getInputProps('phone')} />
          </Group>
        </>
      )}
      <Group grow align="flex-start">
        <Select
          label={t('observers.accreditationStatus')}
          data={ACCREDITATION_STATUSES.map((s) => ({ value: s, label: t(`observers.statuses.${s}`) }))}
          allowDeselect={false}
          {...form.getInputProps('accreditationStatus')}
        />
        <TextInput
          label={t('observers.accreditationNumber')}
          disabled={form.values.accreditationStatus !== 'accredited'}
          withAsterisk={form.values.accreditationStatus === 'accredited'}
          {...form.getInputProps('accreditationNumber')}
        />
      </Group>
      <Select
        label={t('observers.group')}
        placeholder={t('observers.noGroup')}
        clearable
        data={(groups.data ?? []).map((g) => ({ value: g.id, label: g.name }))}
        {...form.getInputProps('groupId')}
      />
      <Textarea label={t('observers.notes')} autosize minRows={2} {...form.getInputProps('notes')} />
      {!registrant && (
        <>
          <Divider label={t('observers.consentSection')} labelPosition="left" />
          <Checkbox
            label={t('observers.withConsent')}
            {...form.getInputProps('withConsent', { type: 'checkbox' })}
          />
          {form.values.withConsent && <ConsentFields form={form} prefix="consent." />}
        </>
      )}
    </FormBody>
  );
}

type ConsentForm = { getInputProps: (path: string) => object };

function ConsentFields({ form, prefix }: { form: ConsentForm; prefix: string }) {
  const { t } = useTranslation();
  return (
    <>
      <Group grow>
        <DayInput
          label={t('observers.consentGivenOn')}
          required
          {...form.getInputProps(`${prefix}givenOn`)}
        />
        <TextInput
          label={t('observers.privacyNoticeVersion')}
          required
          {...form.getInputProps(`${prefix}privacyNoticeVersion`)}
        />
      </Group>
      <TextInput label={t('observers.consentSource')} required {...form.getInputProps(`${prefix}source`)} />
      <Textarea
        label={t('observers.consentEvidence')}
        autosize
        minRows={2}
        {...form.getInputProps(`${prefix}evidence`)}
      />
    </>
  );
}

export function ConsentForm({ registrant, onClose }: { registrant: Registrant; onClose: () => void }) {
  const { t } = useTranslation();
  const f = useSaveForm({
    initialValues: { givenOn: todayInMexicoCity(), source: '', privacyNoticeVersion: '', evidence: '' },
    schema: RegistrantConsentInputSchema,
    toInput: (v) => ({ ...v, evidence: v.evidence || null }),
    save: (input) => recordRegistrantConsent(registrant.id, input),
    invalidate: [OBSERVERS_KEY],
    saved: () => t('observers.consentSaved'),
    onSaved: onClose,
  });
  return (
    <FormBody form={f} submitLabel={t('observers.save')} onCancel={onClose}>
      <ConsentFields form={f.form} prefix="" />
    </FormBody>
  );
}

export function RegistrantsTab({ mission }: { mission: Mission }) {
  const { t } = useTranslation();
  const canWrite = useCan('observers.write');
  const [q, setQ] = useState('');
  const [status, setStatus] = useState<string | null>(null);
  const [page, setPage] = useState(1);
  const registrants = useRegistrants(mission.id, {
    q: q || undefined,
    accreditationStatus: status ?? undefined,
    page,
    pageSize: PAGE_SIZE,
  });
  const [modal, setModal] = useState<
    { kind: 'new' } | { kind: 'edit' | 'consent' | 'delete'; r: Registrant } | null
  >(null);
  const remove = useObserversWrite((id: string) => removeRegistrant(id));
  return (
    <Paper withBorder p="md">
      <Group justify="space-between" align="flex-end" mb="md">
        <Group align="flex-end" gap="sm">
          <SearchInput label={t('observers.search')} value={q} onChange={(v) => (setQ(v), setPage(1))} />
          <Select
            label={t('observers.accreditationStatus')}
            placeholder={t('common.all')}
            clearable
            data={ACCREDITATION_STATUSES.map((s) => ({ value: s, label: t(`observers.statuses.${s}`) }))}
            value={status}
            onChange={(v) => (setStatus(v), setPage(1))}
            w={220}
          />
        </Group>
        {canWrite && (
          <Button leftSection={<IconPlus size={16} aria-hidden />} onClick={() => setModal({ kind: 'new' })}>
            {t('observers.newRegistrant')}
          </Button>
        )}
      </Group>
      <ListTable
        caption={t('observers.registrantsCaption')}
        minWidth={960}
        query={registrants}
        paging={{ page, pageSize: PAGE_SIZE, onPage: setPage }}
        columns={[
          {
            header: t('observers.fullName'),
            cell: (r) =>
              r.erased ? (
                t('observers.erased')
              ) : (
                <Anchor component={Link} to={`/acompanamiento/${mission.id}/registro/${r.id}`}>
                  {r.fullName}
                </Anchor>
              ),
          },
          { header: t('observers.kind'), cell: (r) => t(`observers.kinds.${r.kind}`) },
          { header: t('observers.nationality'), cell: (r) => countryName(r.nationality) },
          { header: t('observers.organization'), cell: (r) => r.organization ?? '—' },
          {
            header: t('observers.accreditation'),
            cell: (r) => (
              <Badge color={accreditationColor(r.accreditationStatus)} variant="light" tt="none">
                {t(`observers.statuses.${r.accreditationStatus}`)}
                {r.accreditationNumber ? ` · ${r.accreditationNumber}` : ''}
              </Badge>
            ),
          },
          { header: t('observers.group'), cell: (r) => r.groupName ?? '—' },
          {
            header: t('observers.consent'),
            cell: (r) =>
              r.consenting ? (
                <Badge color="teal.9" variant="light" tt="none">
                  {r.emailOptOut ? t('observers.consentNoEmail') : t('observers.consentActive')}
                </Badge>
              ) : (
                <Badge color="gray.8" variant="light" tt="none">
                  {t('observers.consentNone')}
                </Badge>
              ),
          },
          canWrite && {
            header: t('observers.actions'),
            hiddenHeader: true,
            cell: (r) =>
              !r.erased && (
                <RowActions>
                  {!r.consenting && (
                    <IconAction
                      tooltip={t('observers.recordConsent')}
                      label={t('observers.recordConsentOf', { name: r.fullName })}
                      icon={<IconShieldCheck size={18} aria-hidden />}
                      onClick={() => setModal({ kind: 'consent', r })}
                    />
                  )}
                  <IconAction
                    tooltip={t('observers.edit')}
                    label={t('observers.editOf', { name: r.fullName })}
                    icon={<IconPencil size={18} aria-hidden />}
                    onClick={() => setModal({ kind: 'edit', r })}
                  />
                  <IconAction
                    tooltip={t('observers.removeRegistrant')}
                    label={t('observers.removeRegistrantOf', { name: r.fullName })}
                    icon={<IconTrash size={18} aria-hidden />}
                    color="red"
                    onClick={() => (remove.reset(), setModal({ kind: 'delete', r }))}
                  />
                </RowActions>
              ),
          },
        ]}
      />
      <Modal
        opened={modal?.kind === 'new' || modal?.kind === 'edit'}
        onClose={() => setModal(null)}
        title={modal?.kind === 'edit' ? t('observers.editRegistrant') : t('observers.newRegistrant')}
        size="lg"
      >
        {(modal?.kind === 'new' || modal?.kind === 'edit') && (
          <RegistrantForm
            mission={mission}
            registrant={modal.kind === 'edit' ? modal.r : undefined}
            onClose={() => setModal(null)}
          />
        )}
      </Modal>
      <Modal
        opened={modal?.kind === 'consent'}
        onClose={() => setModal(null)}
        title={t('observers.recordConsent')}
      >
        {modal?.kind === 'consent' && <ConsentForm registrant={modal.r} onClose={() => setModal(null)} />}
      </Modal>
      {modal?.kind === 'delete' && (
        <ConfirmModal
          title={t('observers.removeRegistrant')}
          message={t('observers.removeRegistrantConfirm', { name: modal.r.fullName })}
          confirm={t('observers.remove')}
          mutation={remove}
          onConfirm={() => remove.mutate(modal.r.id, { onSuccess: () => setModal(null) })}
          onClose={() => setModal(null)}
        />
      )}
    </Paper>
  );
}
