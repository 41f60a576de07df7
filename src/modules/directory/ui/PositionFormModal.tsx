import { SegmentedControl, Select, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { HEAD_KINDS, PositionInputSchema, type Position, type PositionInput } from '../contract';
import { FormModal } from '@/web/shared/form/FormModal';
import { useSaveForm } from '@/web/shared/form/use-save-form';
import { DayInput } from '@/web/shared/ui/DayInput';
import { DIRECTORY_KEY, savePosition, useAreaOptions } from './api';
import { InstitutionSelect } from './InstitutionSelect';

type Place = 'area' | 'institution';

type Values = {
  title: string;
  place: Place;
  areaId: string | null;
  institutionId: string | null;
  headKind: string;
  startsOn: string | null;
  endsOn: string | null;
};

const NOT_HEAD = 'none';

function toInput(v: Values): PositionInput {
  return {
    title: v.title.trim(),
    areaId: v.place === 'area' ? v.areaId : null,
    institutionId: v.place === 'institution' ? v.institutionId : null,
    headKind:
      v.place === 'area' && v.headKind !== NOT_HEAD ? (v.headKind as PositionInput['headKind']) : null,
    // An empty start is sent as is: the check says, in Spanish, that the date is needed.
    startsOn: v.startsOn ?? '',
    endsOn: v.endsOn,
  };
}

/** Adds a position to a person, or edits `position`: in an own area or at an outside institution. */
export function PositionFormModal(props: {
  personId: string;
  personName: string;
  position?: Position;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const areas = useAreaOptions();
  const placeLabelId = useId();
  const p = props.position;
  const f = useSaveForm({
    initialValues: {
      title: p?.title ?? '',
      place: p?.institutionId ? 'institution' : 'area',
      areaId: p?.areaId ?? null,
      institutionId: p?.institutionId ?? null,
      headKind: p?.headKind ?? NOT_HEAD,
      startsOn: p?.startsOn ?? null,
      endsOn: p?.endsOn ?? null,
    } as Values,
    schema: PositionInputSchema,
    toInput,
    save: (input) => savePosition(props.personId, p?.id ?? null, input),
    invalidate: [DIRECTORY_KEY],
    saved: () => (p ? t('positions.updated') : t('positions.created')),
    onSaved: props.onClose,
  });
  const form = f.form;
  const values = form.getValues();

  return (
    <FormModal
      form={f}
      onClose={props.onClose}
      title={
        p
          ? t('positions.editTitle', { name: props.personName })
          : t('positions.createTitle', { name: props.personName })
      }
      submitLabel={p ? t('common.saveChanges') : t('positions.create')}
    >
      <TextInput
        label={t('positions.title')}
        placeholder={t('positions.titlePlaceholder')}
        withAsterisk
        data-autofocus
        {...f.text('title')}
      />
      <Stack gap={4}>
        <Text size="sm" fw={500} id={placeLabelId}>
          {t('positions.place')}
        </Text>
        <SegmentedControl
          aria-labelledby={placeLabelId}
          data={[
            { value: 'area', label: t('positions.placeArea') },
            { value: 'institution', label: t('positions.placeInstitution') },
          ]}
          {...form.getInputProps('place')}
        />
      </Stack>
      {values.place === 'area' ? (
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <Select
            label={t('positions.area')}
            data={areas.data ?? []}
            searchable
            clearable
            nothingFoundMessage={t('common.nothingFound')}
            comboboxProps={{ withinPortal: true }}
            {...form.getInputProps('areaId')}
          />
          <Select
            label={t('positions.headKind')}
            description={t('positions.headKindHelp')}
            data={[
              { value: NOT_HEAD, label: t('positions.notHead') },
              ...HEAD_KINDS.map((k) => ({ value: k, label: t(`enums.headKind.${k}`) })),
            ]}
            allowDeselect={false}
            comboboxProps={{ withinPortal: true }}
            {...form.getInputProps('headKind')}
          />
        </SimpleGrid>
      ) : (
        <InstitutionSelect
          label={t('positions.institution')}
          placeholder={t('positions.institutionPlaceholder')}
          initial={p?.institutionId ? { value: p.institutionId, label: p.institutionName ?? '' } : null}
          {...form.getInputProps('institutionId')}
        />
      )}
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <DayInput label={t('positions.startsOn')} withAsterisk {...form.getInputProps('startsOn')} />
        <DayInput
          label={t('positions.endsOn')}
          description={t('positions.endsOnHelp')}
          clearable
          {...form.getInputProps('endsOn')}
        />
      </SimpleGrid>
    </FormModal>
  );
}
