import { NumberInput, Select, SimpleGrid, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import {
  MEMBERSHIP_ROLES,
  MembershipInputSchema,
  MembershipPatchSchema,
  type Membership,
  type MembershipInput,
  type MembershipRole,
} from '../contract';
import { useAreaOptions } from '@/modules/directory/ui/api';
import { FormModal } from '@/web/shared/form/FormModal';
import { useSaveForm } from '@/web/shared/form/use-save-form';
import { DayInput } from '@/web/shared/ui/DayInput';
import { GOVERNANCE_KEY, addMembership, updateMembership, useAgreements, usePartyOptions } from './api';
import { PersonSelect } from '@/modules/directory/ui/PersonSelect';
import governanceStrings from 'virtual:lazy-strings/governance';
import { addLazyStrings } from '@/web/i18n/all';

// This module's wording loads with it, not with the signed-in frame (issue 18).
addLazyStrings(governanceStrings);

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

function toInput(v: Values): MembershipInput {
  const holder = holderOf(v.role);
  return {
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
}

/**
 * Adds a role to a body's composition: a member or the presidency, the technical secretary, or a
 * standing invitee (a party, an area whose head attends, a person), tied to the agreement that made it.
 */
export function MembershipFormModal(props: { bodyId: string; onClose: () => void }) {
  const { t } = useTranslation();
  const parties = usePartyOptions();
  const areas = useAreaOptions();
  const agreements = useAgreements(props.bodyId, {});
  const agreementOptions = [
    ...(agreements.data?.outsideSessions ?? []),
    ...(agreements.data?.sessions ?? []).flatMap((g) => g.agreements),
  ].map((a) => ({ value: a.id, label: `${a.number} — ${a.title}` }));
  const f = useSaveForm({
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
    } as Values,
    schema: MembershipInputSchema,
    toInput,
    save: (input) => addMembership(props.bodyId, input),
    invalidate: [GOVERNANCE_KEY],
    saved: () => t('governance.membershipForm.added'),
    onSaved: props.onClose,
  });
  const form = f.form;
  const holder = holderOf(form.values.role);

  return (
    <FormModal
      form={f}
      onClose={props.onClose}
      title={t('governance.membershipForm.title')}
      submitLabel={t('governance.membershipForm.add')}
    >
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
        <DayInput label={t('governance.composition.from')} withAsterisk {...form.getInputProps('startsOn')} />
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
        {...f.text('agreementReference', t('governance.membershipForm.referenceHelp'))}
      />
    </FormModal>
  );
}

/** Ends a membership on a date (a successor then starts the day after). */
export function EndMembershipModal(props: { bodyId: string; membership: Membership; onClose: () => void }) {
  const { t } = useTranslation();
  const m = props.membership;
  const f = useSaveForm({
    initialValues: { endsOn: m.endsOn },
    schema: MembershipPatchSchema,
    toInput: (v) => ({ endsOn: v.endsOn }),
    save: (patch) => updateMembership(props.bodyId, m.id, patch),
    invalidate: [GOVERNANCE_KEY],
    saved: () => t('governance.membershipForm.ended'),
    onSaved: props.onClose,
  });
  const who = m.personName ?? m.institutionName ?? m.areaName ?? '';
  return (
    <FormModal
      form={f}
      onClose={props.onClose}
      size="md"
      title={t('governance.membershipForm.endTitle', { role: t(`governance.membershipRole.${m.role}`), who })}
      submitLabel={t('common.saveChanges')}
    >
      <DayInput
        label={t('governance.composition.to')}
        clearable
        data-autofocus
        {...f.form.getInputProps('endsOn')}
      />
    </FormModal>
  );
}
