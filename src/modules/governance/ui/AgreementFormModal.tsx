import { SegmentedControl, Select, Table, Text, Textarea, Input } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import {
  AgreementInputSchema,
  AgreementPatchSchema,
  VOTES,
  type Agreement,
  type AgreementInput,
  type SessionDetail,
} from '../contract';
import { FormModal } from '@/web/shared/form/FormModal';
import { useSaveForm } from '@/web/shared/form/use-save-form';
import { GOVERNANCE_KEY, adoptAgreement, updateAgreement } from './api';
import governanceStrings from 'virtual:lazy-strings/governance';
import { addLazyStrings } from '@/web/i18n/all';

// This module's wording loads with it, not with the signed-in frame (issue 18).
addLazyStrings(governanceStrings);

type Values = {
  agendaItemId: string | null;
  title: string;
  body: string;
  voteKind: 'unanimous' | 'recorded';
  votes: Record<string, string | null>;
};

function toInput(v: Values): AgreementInput {
  return {
    agendaItemId: v.agendaItemId,
    title: v.title,
    body: v.body.trim() || null,
    voteKind: v.voteKind,
    votes:
      v.voteKind === 'recorded'
        ? Object.entries(v.votes)
            .filter(([, vote]) => vote)
            .map(([personId, vote]) => ({ personId, vote: vote as (typeof VOTES)[number] }))
        : [],
  };
}

/**
 * Adopts an agreement of `session` under one of its agenda items, by unanimity or with each voting
 * member's vote; the server gives it the next number of the body and year.
 */
export function AgreementFormModal(props: { session: SessionDetail; onClose: () => void }) {
  const { t } = useTranslation();
  const s = props.session;
  const voters = s.roster.filter((r) => r.voting && r.personId);
  const f = useSaveForm({
    initialValues: {
      agendaItemId: null,
      title: '',
      body: '',
      voteKind: 'unanimous',
      votes: Object.fromEntries(voters.map((r) => [r.personId!, null])),
    } as Values,
    schema: AgreementInputSchema,
    toInput,
    save: (input) => adoptAgreement(s.id, input),
    invalidate: [GOVERNANCE_KEY],
    saved: (a) => t('governance.agreementForm.adopted', { number: a.number }),
    onSaved: props.onClose,
  });
  const form = f.form;

  return (
    <FormModal
      form={f}
      onClose={props.onClose}
      title={t('governance.agreementForm.title')}
      submitLabel={t('governance.agreementForm.adopt')}
    >
      <Select
        label={t('governance.agreementForm.agendaItem')}
        clearable
        data-autofocus
        data={s.agenda.map((i) => ({ value: i.id, label: `${i.position}. ${i.title}` }))}
        comboboxProps={{ withinPortal: true }}
        {...form.getInputProps('agendaItemId')}
      />
      <Textarea
        label={t('governance.agreements.subject')}
        withAsterisk
        autosize
        minRows={2}
        {...f.text('title')}
      />
      <Textarea label={t('governance.agreementForm.body')} autosize minRows={3} {...f.text('body')} />
      <Input.Wrapper label={t('governance.agreements.vote')} error={form.errors.votes}>
        <SegmentedControl
          fullWidth
          aria-label={t('governance.agreements.vote')}
          data={[
            { value: 'unanimous', label: t('governance.voteKind.unanimous') },
            { value: 'recorded', label: t('governance.voteKind.recorded') },
          ]}
          {...form.getInputProps('voteKind')}
        />
      </Input.Wrapper>
      {form.values.voteKind === 'recorded' &&
        (voters.length ? (
          <Table aria-label={t('governance.agreementForm.votes')}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('governance.composition.holder')}</Table.Th>
                <Table.Th>{t('governance.agreementForm.vote')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {voters.map((r) => (
                <Table.Tr key={r.membershipId}>
                  <Table.Td>
                    {r.personName} ({r.roleLabel})
                  </Table.Td>
                  <Table.Td>
                    <Select
                      aria-label={t('governance.agreementForm.voteOf', { name: r.personName })}
                      clearable
                      data={VOTES.map((v) => ({ value: v, label: t(`governance.vote.${v}`) }))}
                      comboboxProps={{ withinPortal: true }}
                      value={form.values.votes[r.personId!] ?? null}
                      onChange={(v) => form.setFieldValue(`votes.${r.personId!}`, v)}
                    />
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        ) : (
          <Text c="dimmed">{t('governance.agreementForm.noVoters')}</Text>
        ))}
    </FormModal>
  );
}

/** Corrects an agreement's title or text while its session's minutes are not approved. */
export function AgreementEditModal(props: { agreement: Agreement; onClose: () => void }) {
  const { t } = useTranslation();
  const a = props.agreement;
  const f = useSaveForm({
    initialValues: { title: a.title, body: a.body ?? '' },
    schema: AgreementPatchSchema,
    toInput: (v) => ({ title: v.title, body: v.body.trim() || null }),
    save: (patch) => updateAgreement(a.id, patch),
    invalidate: [GOVERNANCE_KEY],
    saved: () => t('governance.agreementForm.updated', { number: a.number }),
    onSaved: props.onClose,
  });
  return (
    <FormModal
      form={f}
      onClose={props.onClose}
      title={t('governance.agreementForm.editTitle', { number: a.number })}
      submitLabel={t('common.saveChanges')}
    >
      <Textarea
        label={t('governance.agreements.subject')}
        withAsterisk
        autosize
        minRows={2}
        data-autofocus
        {...f.text('title')}
      />
      <Textarea label={t('governance.agreementForm.body')} autosize minRows={3} {...f.text('body')} />
    </FormModal>
  );
}
