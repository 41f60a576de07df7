import {
  Button,
  Group,
  Modal,
  SegmentedControl,
  Select,
  Stack,
  Table,
  Text,
  Textarea,
  Input,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { FieldProblem } from '@/shared/errors';
import { VOTES, type Agreement, type AgreementInput, type SessionDetail } from '../contract';
import { applyFieldErrors } from '@/web/shared/api/form-errors';
import { notifySuccess } from '@/web/shared/ui/errors';
import { FormErrorAlert } from '@/web/shared/ui/FormErrorAlert';
import { adoptAgreement, updateAgreement, useGovernanceMutation } from './api';

type Values = {
  agendaItemId: string | null;
  title: string;
  body: string;
  voteKind: 'unanimous' | 'recorded';
  votes: Record<string, string | null>;
};

/**
 * Adopts an agreement of `session` under one of its agenda items, by unanimity or with each voting
 * member's vote; the server gives it the next number of the body and year.
 */
export function AgreementFormModal(props: { session: SessionDetail; onClose: () => void }) {
  const { t } = useTranslation();
  const s = props.session;
  const voters = s.roster.filter((r) => r.voting && r.personId);
  const [unplaced, setUnplaced] = useState<FieldProblem[]>([]);
  const form = useForm<Values>({
    initialValues: {
      agendaItemId: null,
      title: '',
      body: '',
      voteKind: 'unanimous',
      votes: Object.fromEntries(voters.map((r) => [r.personId!, null])),
    },
  });
  const save = useGovernanceMutation((v: Values) => {
    const input: AgreementInput = {
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
    return adoptAgreement(s.id, input);
  });
  const submit = (v: Values) =>
    save.mutate(v, {
      onSuccess: (a) => {
        notifySuccess(t('governance.agreementForm.adopted', { number: a.number }));
        props.onClose();
      },
      onError: (error) => setUnplaced(applyFieldErrors(form, error)),
    });

  return (
    <Modal opened onClose={props.onClose} title={t('governance.agreementForm.title')} size="lg">
      <form noValidate onSubmit={form.onSubmit(submit)}>
        <Stack>
          <FormErrorAlert error={save.error} unplaced={unplaced} />
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
            {...form.getInputProps('title')}
          />
          <Textarea
            label={t('governance.agreementForm.body')}
            autosize
            minRows={3}
            {...form.getInputProps('body')}
          />
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
          <Group justify="flex-end">
            <Button variant="default" onClick={props.onClose}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={save.isPending}>
              {t('governance.agreementForm.adopt')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}

/** Corrects an agreement's title or text while its session's minutes are not approved. */
export function AgreementEditModal(props: { agreement: Agreement; onClose: () => void }) {
  const { t } = useTranslation();
  const a = props.agreement;
  const [unplaced, setUnplaced] = useState<FieldProblem[]>([]);
  const form = useForm({ initialValues: { title: a.title, body: a.body ?? '' } });
  const save = useGovernanceMutation((v: { title: string; body: string }) =>
    updateAgreement(a.id, { title: v.title, body: v.body.trim() || null }),
  );
  return (
    <Modal
      opened
      onClose={props.onClose}
      title={t('governance.agreementForm.editTitle', { number: a.number })}
      size="lg"
    >
      <form
        noValidate
        onSubmit={form.onSubmit((v) =>
          save.mutate(v, {
            onSuccess: () => {
              notifySuccess(t('governance.agreementForm.updated', { number: a.number }));
              props.onClose();
            },
            onError: (error) => setUnplaced(applyFieldErrors(form, error)),
          }),
        )}
      >
        <Stack>
          <FormErrorAlert error={save.error} unplaced={unplaced} />
          <Textarea
            label={t('governance.agreements.subject')}
            withAsterisk
            autosize
            minRows={2}
            data-autofocus
            {...form.getInputProps('title')}
          />
          <Textarea
            label={t('governance.agreementForm.body')}
            autosize
            minRows={3}
            {...form.getInputProps('body')}
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={props.onClose}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={save.isPending}>
              {t('common.saveChanges')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
