import { Button, Group, Modal, NumberInput, Select, SimpleGrid, Stack, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { FieldProblem } from '@/shared/errors';
import { MEMBERSHIP_ROLES, type Membership, type MembershipInput, type MembershipRole } from '../contract';
import { useAreaOptions } from '@/modules/directory/ui/api';
import { applyFieldErrors } from '@/web/shared/api/form-errors';
import { DayInput } from '@/web/shared/ui/DayInput';
import { notifySuccess } from '@/web/shared/ui/errors';
import { FormErrorAlert } from '@/web/shared/ui/FormErrorAlert';
import {
  addMembership,
  updateMembership,
  useAgreements,
  useGovernanceMutation,
  usePartyOptions,
} from './api';
import { PersonSelect } from '@/modules/directory/ui/PersonSelect';

type Values = {
  role: string | null;
  personId: string | null;
  institutionId: string | null;
  areaId: string | null;
  startsOn: string | null;
  endsOn: string | null;
  agreementId: string | null;
  agreementReference: string;
  sortOrder: number | string;
};

const holderOf = (role: string | null) =>
  role === 'party_representation' ? 'institutionId' : role === 'area_invitee' ? 'areaId' : 'personId';

/**
 * Adds a role to a body's composition: a member or the presidency, the technical secretary, or a
 * standing invitee (a party, an area whose head attends, a person), tied to the agreement that made it.
 */
export function MembershipFormModal(props: { bodyId: string; onClose: () => void }) {
  const { t } = useTranslation();
  const [unplaced, setUnplaced] = useState<FieldProblem[]>([]);
  const parties = usePartyOptions();
  const areas = useAreaOptions();
  const agreements = useAgreements(props.bodyId, {});
  const agreementOptions = [
    ...(agreements.data?.outsideSessions ?? []),
    ...(agreements.data?.sessions ?? []).flatMap((g) => g.agreements),
  ].map((a) => ({ value: a.id, label: `${a.number} — ${a.title}` }));
  const form = useForm<Values>({
    initialValues: {
      role: null,
      personId: null,
      institutionId: null,
      areaId: null,
      startsOn: null,
      endsOn: null,
      agreementId: null,
      agreementReference: '',
      sortOrder: 0,
    },
  });
  const holder = holderOf(form.values.role);
  const save = useGovernanceMutation((v: Values) => {
    const input: MembershipInput = {
      role: v.role as MembershipRole,
      personId: holder === 'personId' ? v.personId : null,
      institutionId: holder === 'institutionId' ? v.institutionId : null,
      areaId: holder === 'areaId' ? v.areaId : null,
      startsOn: v.startsOn ?? '',
      endsOn: v.endsOn,
      agreementId: v.agreementId,
      agreementReference: v.agreementReference.trim() || null,
      sortOrder: Number(v.sortOrder) || 0,
    };
    return addMembership(props.bodyId, input);
  });
  const submit = (v: Values) =>
    save.mutate(v, {
      onSuccess: () => {
        notifySuccess(t('governance.membershipForm.added'));
        props.onClose();
      },
      onError: (error) => setUnplaced(applyFieldErrors(form, error)),
    });

  return (
    <Modal opened onClose={props.onClose} title={t('governance.membershipForm.title')} size="lg">
      <form noValidate onSubmit={form.onSubmit(submit)}>
        <Stack>
          <FormErrorAlert error={save.error} unplaced={unplaced} />
          <Select
            label={t('governance.composition.role')}
            withAsterisk
            data-autofocus
            data={MEMBERSHIP_ROLES.map((r) => ({ value: r, label: t(`governance.membershipRole.${r}`) }))}
            comboboxProps={{ withinPortal: true }}
            {...form.getInputProps('role')}
          />
          {holder === 'personId' && (
            <PersonSelect
              label={t('governance.membershipForm.person')}
              withAsterisk
              {...form.getInputProps('personId')}
              onChange={(v) => form.setFieldValue('personId', v)}
            />
          )}
          {holder === 'institutionId' && (
            <Select
              label={t('governance.membershipForm.party')}
              withAsterisk
              searchable
              data={parties.data ?? []}
              nothingFoundMessage={t('common.nothingFound')}
              comboboxProps={{ withinPortal: true }}
              {...form.getInputProps('institutionId')}
            />
          )}
          {holder === 'areaId' && (
            <Select
              label={t('governance.membershipForm.area')}
              description={t('governance.composition.headDerived')}
              withAsterisk
              searchable
              data={areas.data ?? []}
              nothingFoundMessage={t('common.nothingFound')}
              comboboxProps={{ withinPortal: true }}
              {...form.getInputProps('areaId')}
            />
          )}
          <SimpleGrid cols={{ base: 1, sm: 3 }}>
            <DayInput
              label={t('governance.composition.from')}
              withAsterisk
              {...form.getInputProps('startsOn')}
            />
            <DayInput label={t('governance.composition.to')} clearable {...form.getInputProps('endsOn')} />
            <NumberInput
              label={t('governance.membershipForm.sortOrder')}
              min={0}
              max={10_000}
              {...form.getInputProps('sortOrder')}
            />
          </SimpleGrid>
          <Select
            label={t('governance.membershipForm.agreement')}
            description={t('governance.membershipForm.agreementHelp')}
            searchable
            clearable
            data={agreementOptions}
            nothingFoundMessage={t('common.nothingFound')}
            comboboxProps={{ withinPortal: true }}
            {...form.getInputProps('agreementId')}
          />
          <TextInput
            label={t('governance.membershipForm.reference')}
            description={t('governance.membershipForm.referenceHelp')}
            {...form.getInputProps('agreementReference')}
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={props.onClose}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={save.isPending}>
              {t('governance.membershipForm.add')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}

/** Ends a membership on a date (a successor then starts the day after). */
export function EndMembershipModal(props: { bodyId: string; membership: Membership; onClose: () => void }) {
  const { t } = useTranslation();
  const [unplaced, setUnplaced] = useState<FieldProblem[]>([]);
  const m = props.membership;
  const form = useForm<{ endsOn: string | null }>({ initialValues: { endsOn: m.endsOn } });
  const save = useGovernanceMutation((v: { endsOn: string | null }) =>
    updateMembership(props.bodyId, m.id, { endsOn: v.endsOn }),
  );
  const who = m.personName ?? m.institutionName ?? m.areaName ?? '';
  return (
    <Modal
      opened
      onClose={props.onClose}
      title={t('governance.membershipForm.endTitle', { role: t(`governance.membershipRole.${m.role}`), who })}
    >
      <form
        noValidate
        onSubmit={form.onSubmit((v) =>
          save.mutate(v, {
            onSuccess: () => {
              notifySuccess(t('governance.membershipForm.ended'));
              props.onClose();
            },
            onError: (error) => setUnplaced(applyFieldErrors(form, error)),
          }),
        )}
      >
        <Stack>
          <FormErrorAlert error={save.error} unplaced={unplaced} />
          <DayInput
            label={t('governance.composition.to')}
            clearable
            data-autofocus
            {...form.getInputProps('endsOn')}
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
