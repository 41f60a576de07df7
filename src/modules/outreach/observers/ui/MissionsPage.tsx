import { Anchor, Button, Modal, Paper, SimpleGrid, TextInput } from '@mantine/core';
import type { UseQueryResult } from '@tanstack/react-query';
import { IconPlus } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { FormBody } from '@/web/shared/form/FormBody';
import { useSaveForm } from '@/web/shared/form/use-save-form';
import { formatDay } from '@/web/shared/lib/format';
import { useCan } from '@/web/shared/session/session';
import { DayInput } from '@/web/shared/ui/DayInput';
import { ListTable } from '@/web/shared/ui/ListTable';
import { PageHeader } from '@/web/shared/ui/PageHeader';
import { MissionInputSchema, type Mission } from '../contract';
import { OBSERVERS_KEY, saveMission, useMissions } from './api';
import observersStrings from 'virtual:lazy-strings/observers';
import { addLazyStrings } from '@/web/i18n/all';

// This module's wording loads with it, not with the signed-in frame (issue 18).
addLazyStrings(observersStrings);

export function MissionForm({
  mission,
  onDone,
  onCancel,
}: {
  mission?: Mission;
  onDone: (m: Mission) => void;
  onCancel: () => void;
}) {
  const { t } = useTranslation();
  const f = useSaveForm({
    initialValues: {
      name: mission?.name ?? '',
      process: mission?.process ?? '',
      electionDay: mission?.electionDay ?? '',
      startsOn: mission?.startsOn ?? '',
      endsOn: mission?.endsOn ?? '',
      agreementRef: mission?.agreementRef ?? '',
      approvedOn: mission?.approvedOn ?? '',
    },
    schema: MissionInputSchema,
    toInput: (v) => ({ ...v, agreementRef: v.agreementRef || null, approvedOn: v.approvedOn || null }),
    save: (input) => saveMission(mission?.id ?? null, input),
    invalidate: [OBSERVERS_KEY],
    saved: (m) => t('observers.missionSaved', { name: m.name }),
    onSaved: onDone,
  });
  const form = f.form;
  return (
    <FormBody form={f} submitLabel={t('observers.save')} onCancel={onCancel}>
      <TextInput label={t('observers.missionName')} withAsterisk {...f.text('name')} />
      <TextInput label={t('observers.process')} withAsterisk {...f.text('process')} />
      <DayInput label={t('observers.electionDay')} withAsterisk {...form.getInputProps('electionDay')} />
      <SimpleGrid cols={{ base: 1, xs: 2 }}>
        <DayInput label={t('observers.startsOn')} withAsterisk {...form.getInputProps('startsOn')} />
        <DayInput label={t('observers.endsOn')} withAsterisk {...form.getInputProps('endsOn')} />
      </SimpleGrid>
      <SimpleGrid cols={{ base: 1, xs: 2 }}>
        <TextInput label={t('observers.agreementRef')} {...f.text('agreementRef')} />
        <DayInput label={t('observers.approvedOn')} clearable {...form.getInputProps('approvedOn')} />
      </SimpleGrid>
    </FormBody>
  );
}

export default function MissionsPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const canWrite = useCan('observers.write');
  const missions = useMissions();
  const [creating, setCreating] = useState(false);
  // The missions come as one list; ListTable reads it as a single page.
  const query = {
    ...missions,
    data: missions.data && { items: missions.data, total: missions.data.length },
  } as UseQueryResult<{ items: Mission[]; total: number }>;
  return (
    <>
      <PageHeader
        title={t('observers.missionsTitle')}
        description={t('observers.missionsDescription')}
        actions={
          canWrite && (
            <Button leftSection={<IconPlus size={16} aria-hidden />} onClick={() => setCreating(true)}>
              {t('observers.newMission')}
            </Button>
          )
        }
      />
      <Paper withBorder p="md">
        <ListTable
          caption={t('observers.missionsTitle')}
          minWidth={760}
          query={query}
          columns={[
            {
              header: t('observers.missionName'),
              cell: (m) => (
                <Anchor component={Link} to={`/acompanamiento/${m.id}`}>
                  {m.name}
                </Anchor>
              ),
            },
            { header: t('observers.process'), cell: (m) => m.process },
            { header: t('observers.electionDay'), cell: (m) => formatDay(m.electionDay) },
            { header: t('observers.agreementRef'), cell: (m) => m.agreementRef ?? '—' },
            { header: t('observers.registrantsCount'), align: 'right', cell: (m) => m.registrants },
            { header: t('observers.accreditedCount'), align: 'right', cell: (m) => m.accredited },
          ]}
        />
      </Paper>
      <Modal opened={creating} onClose={() => setCreating(false)} title={t('observers.newMission')}>
        <MissionForm
          onDone={(m) => (setCreating(false), void navigate(`/acompanamiento/${m.id}`))}
          onCancel={() => setCreating(false)}
        />
      </Modal>
    </>
  );
}
