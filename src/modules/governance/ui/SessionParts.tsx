import { Button, Group, Paper, Select, Stack, Text, Textarea, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { MinutesApprovalInputSchema, SessionPatchSchema, type SessionDetail } from '../contract';
import { useSaveForm } from '@/web/shared/form/use-save-form';
import { ConfirmModal } from '@/web/shared/ui/ConfirmModal';
import { FormErrorAlert } from '@/web/shared/ui/FormErrorAlert';
import { GOVERNANCE_KEY, approveMinutes, saveMinutesDraft, useAgreements } from './api';
import governanceStrings from 'virtual:lazy-strings/governance';
import { addLazyStrings } from '@/web/i18n/all';

// This module's wording loads with it, not with the signed-in frame (issue 18).
addLazyStrings(governanceStrings);

const addDay = (day: string) => {
  const d = new Date(`${day}T12:00:00Z`);
  d.setUTCDate(d.getUTCDate() + 1);
  return d.toISOString().slice(0, 10);
};

/**
 * The minutes: a draft written on the session, approved by an agreement of a later session of the
 * same body (the server refuses an earlier or same-day one). Approving freezes the session for
 * good, so it asks first, naming what will no longer change.
 */
export function MinutesPanel(props: { session: SessionDetail; canWrite: boolean }) {
  const { t } = useTranslation();
  const s = props.session;
  const frozen = !!s.minutesApprovedBy;
  const later = useAgreements(s.bodyId, { from: addDay(s.heldOn) });
  const laterAgreements = (later.data?.sessions ?? []).flatMap((g) => g.agreements);
  const options = laterAgreements.map((a) => ({ value: a.id, label: `${a.number} — ${a.title}` }));
  const draft = useSaveForm({
    initialValues: { minutesText: s.minutesText ?? '' },
    schema: SessionPatchSchema,
    toInput: (v) => ({ minutesText: v.minutesText.trim() || null }),
    save: (patch) => saveMinutesDraft(s.id, patch),
    invalidate: [GOVERNANCE_KEY],
    saved: () => t('governance.minutes.saved'),
  });
  const [confirming, setConfirming] = useState(false);
  const approval = useSaveForm({
    initialValues: { agreementId: null as string | null },
    schema: MinutesApprovalInputSchema,
    toInput: (v) => ({ agreementId: v.agreementId ?? '' }),
    save: (input) => approveMinutes(s.id, input.agreementId),
    invalidate: [GOVERNANCE_KEY],
    saved: () => t('governance.minutes.approved'),
    onSaved: () => setConfirming(false),
  });
  const chosen = laterAgreements.find((a) => a.id === approval.form.values.agreementId);
  return (
    <Paper withBorder p="md">
      <Title order={2} size="h4" mb="sm">
        {t('governance.minutes.title')}
      </Title>
      {frozen ? (
        <Stack gap="xs">
          <Text>{t('governance.minutes.approvedBy', { number: s.minutesApprovedBy!.number })}</Text>
          {s.minutesText && <Text style={{ whiteSpace: 'pre-wrap' }}>{s.minutesText}</Text>}
        </Stack>
      ) : (
        <Stack>
          <form noValidate onSubmit={draft.submit}>
            <Stack gap="xs">
              <FormErrorAlert error={draft.error} unplaced={draft.unplaced} />
              <Textarea
                label={t('governance.minutes.draft')}
                autosize
                minRows={4}
                readOnly={!props.canWrite}
                {...draft.text('minutesText', t('governance.minutes.draftHelp'))}
              />
              {props.canWrite && (
                <Group>
                  <Button type="submit" variant="default" loading={draft.mutation.isPending}>
                    {t('governance.minutes.saveDraft')}
                  </Button>
                </Group>
              )}
            </Stack>
          </form>
          {props.canWrite && (
            <form
              noValidate
              onSubmit={(e) => {
                e.preventDefault();
                // Without an agreement the form shows why; with one, the step is confirmed first.
                if (chosen) setConfirming(true);
                else approval.submit();
              }}
            >
              <Stack gap="xs">
                <FormErrorAlert error={approval.error} unplaced={approval.unplaced} />
                <Group align="flex-end">
                  <Select
                    label={t('governance.minutes.approvingAgreement')}
                    description={t('governance.minutes.approvingHelp')}
                    searchable
                    clearable
                    style={{ flex: 1 }}
                    data={options}
                    nothingFoundMessage={t('governance.minutes.noLaterAgreements')}
                    comboboxProps={{ withinPortal: true }}
                    {...approval.form.getInputProps('agreementId')}
                  />
                  <Button type="submit" loading={approval.mutation.isPending}>
                    {t('governance.minutes.approve')}
                  </Button>
                </Group>
              </Stack>
            </form>
          )}
          {confirming && chosen && (
            <ConfirmModal
              title={t('governance.minutes.confirmTitle')}
              message={t('governance.minutes.confirmMessage', {
                number: chosen.number,
                name: s.name,
              })}
              confirm={t('governance.minutes.approve')}
              color="teal.9"
              mutation={approval.mutation}
              onConfirm={() => approval.submit()}
              onClose={() => setConfirming(false)}
            />
          )}
        </Stack>
      )}
    </Paper>
  );
}
