import { Anchor, Button, Group, Modal, Paper, Stack, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import type { UseQueryResult } from '@tanstack/react-query';
import { IconPlus } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import type { FieldProblem } from '@/shared/errors';
import { formatDay } from '@/web/shared/lib/format';
import { useCan } from '@/web/shared/session/session';
import { DayInput } from '@/web/shared/ui/DayInput';
import { FormErrorAlert } from '@/web/shared/ui/FormErrorAlert';
import { ListTable } from '@/web/shared/ui/ListTable';
import { PageHeader } from '@/web/shared/ui/PageHeader';
import type { Mission } from '../contract';
import { applyNestedErrors, saveMission, useMissions, useObserversWrite } from './api';

export function MissionForm({ mission, onDone }: { mission?: Mission; onDone: (m: Mission) => void }) {
  const { t } = useTranslation();
  const form = useForm({
    initialValues: {
      name: mission?.name ?? '',
      process: mission?.process ?? '',
      electionDay: mission?.electionDay ?? '',
      startsOn: mission?.startsOn ?? '',
      endsOn: mission?.endsOn ?? '',
      agreementRef: mission?.agreementRef ?? '',
      approvedOn: mission?.approvedOn ?? '',
    },
  });
  const [unplaced, setUnplaced] = useState<FieldProblem[]>([]);
  const save = useObserversWrite((v: typeof form.values) => {
    const body = { ...v, agreementRef: v.agreementRef || null, approvedOn: v.approvedOn || null };
    return saveMission(mission?.id ?? null, body);
  });
  return (
    <form
      onSubmit={form.onSubmit((v) =>
        save.mutate(v, { onSuccess: onDone, onError: (e) => setUnplaced(applyNestedErrors(form, e)) }),
      )}
    >
      <Stack>
        <FormErrorAlert error={save.error} unplaced={unplaced} />
        <TextInput label={t('observers.missionName')} required {...form.getInputProps('name')} />
        <TextInput label={t('observers.process')} required {...form.getInputProps('process')} />
        <DayInput label={t('observers.electionDay')} required {...form.getInputProps('electionDay')} />
        <Group grow>
          <DayInput label={t('observers.startsOn')} required {...form.getInputProps('startsOn')} />
          <DayInput label={t('observers.endsOn')} required {...form.getInputProps('endsOn')} />
        </Group>
        <Group grow>
          <TextInput label={t('observers.agreementRef')} {...form.getInputProps('agreementRef')} />
          <DayInput label={t('observers.approvedOn')} clearable {...form.getInputProps('approvedOn')} />
        </Group>
        <Group justify="flex-end">
          <Button type="submit" loading={save.isPending}>
            {t('observers.save')}
          </Button>
        </Group>
      </Stack>
    </form>
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
        <MissionForm onDone={(m) => (setCreating(false), void navigate(`/acompanamiento/${m.id}`))} />
      </Modal>
    </>
  );
}
