import {
  Anchor,
  Button,
  FileButton,
  Group,
  List,
  Paper,
  Select,
  Stack,
  Text,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import { IconPaperclip, IconPlus } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import {
  AgendaItemInputSchema,
  MinutesApprovalInputSchema,
  SessionPatchSchema,
  type SessionDetail,
} from '../contract';
import { useSaveForm } from '@/web/shared/form/use-save-form';
import { notifyError, notifySuccess } from '@/web/shared/ui/errors';
import { FormErrorAlert } from '@/web/shared/ui/FormErrorAlert';
import {
  GOVERNANCE_KEY,
  addAgendaItem,
  agendaDocumentUrl,
  approveMinutes,
  attachAgendaDocument,
  saveMinutesDraft,
  useAgreements,
  useGovernanceMutation,
} from './api';

const addDay = (day: string) => {
  const d = new Date(`${day}T12:00:00Z`);
  d.setUTCDate(d.getUTCDate() + 1);
  return d.toISOString().slice(0, 10);
};

/** The orden del día: its items with their documents, a form to add items and attach files. */
export function AgendaPanel(props: { session: SessionDetail; editable: boolean }) {
  const { t } = useTranslation();
  const s = props.session;
  const add = useSaveForm({
    initialValues: { title: '', description: '' },
    schema: AgendaItemInputSchema,
    toInput: (v) => ({ title: v.title, description: v.description.trim() || null }),
    save: (input) => addAgendaItem(s.id, input),
    invalidate: [GOVERNANCE_KEY],
    onSaved: resetAdd,
  });
  function resetAdd(): void {
    add.form.reset();
  }
  const attach = useGovernanceMutation((v: { itemId: string; file: File }) =>
    attachAgendaDocument(v.itemId, v.file),
  );
  return (
    <Paper withBorder p="md">
      <Title order={2} size="h4" mb="sm">
        {t('governance.session.agenda')}
      </Title>
      {s.agenda.length ? (
        <List type="ordered" spacing="xs">
          {s.agenda.map((i) => (
            <List.Item key={i.id}>
              <Text span>{i.title}</Text>
              {i.description && (
                <Text size="sm" c="dimmed">
                  {i.description}
                </Text>
              )}
              <Group gap="xs">
                {i.documents.map((d) => (
                  <Anchor key={d.id} size="sm" href={agendaDocumentUrl(d.id)}>
                    {d.filename}
                  </Anchor>
                ))}
                {props.editable && (
                  <FileButton
                    onChange={(file) =>
                      file &&
                      attach.mutate(
                        { itemId: i.id, file },
                        {
                          onSuccess: () =>
                            notifySuccess(t('governance.agenda.attached', { name: file.name })),
                          onError: (error) => notifyError(error, t),
                        },
                      )
                    }
                  >
                    {(p) => (
                      <Button
                        {...p}
                        variant="subtle"
                        size="compact-xs"
                        leftSection={<IconPaperclip size={14} aria-hidden />}
                        aria-label={t('governance.agenda.attachTo', { title: i.title })}
                        loading={attach.isPending && attach.variables?.itemId === i.id}
                      >
                        {t('governance.agenda.attach')}
                      </Button>
                    )}
                  </FileButton>
                )}
              </Group>
            </List.Item>
          ))}
        </List>
      ) : (
        <Text c="dimmed">{t('governance.session.noAgenda')}</Text>
      )}
      {props.editable && (
        <form noValidate onSubmit={add.submit}>
          <Stack gap="xs" mt="md">
            <FormErrorAlert error={add.error} unplaced={add.unplaced} />
            <Group align="flex-end">
              <TextInput
                label={t('governance.agenda.newItem')}
                withAsterisk
                style={{ flex: 1 }}
                {...add.text('title')}
              />
              <Button
                type="submit"
                loading={add.mutation.isPending}
                leftSection={<IconPlus size={16} aria-hidden />}
              >
                {t('governance.agenda.add')}
              </Button>
            </Group>
            <Textarea
              label={t('governance.agenda.description')}
              autosize
              minRows={1}
              {...add.text('description')}
            />
          </Stack>
        </form>
      )}
    </Paper>
  );
}

/**
 * The minutes: a draft written on the session, approved by an agreement of a later session of the
 * same body (the server refuses an earlier or same-day one).
 */
export function MinutesPanel(props: { session: SessionDetail; canWrite: boolean }) {
  const { t } = useTranslation();
  const s = props.session;
  const frozen = !!s.minutesApprovedBy;
  const later = useAgreements(s.bodyId, { from: addDay(s.heldOn) });
  const options = (later.data?.sessions ?? []).flatMap((g) =>
    g.agreements.map((a) => ({ value: a.id, label: `${a.number} — ${a.title}` })),
  );
  const draft = useSaveForm({
    initialValues: { minutesText: s.minutesText ?? '' },
    schema: SessionPatchSchema,
    toInput: (v) => ({ minutesText: v.minutesText.trim() || null }),
    save: (patch) => saveMinutesDraft(s.id, patch),
    invalidate: [GOVERNANCE_KEY],
    saved: () => t('governance.minutes.saved'),
  });
  const approval = useSaveForm({
    initialValues: { agreementId: null as string | null },
    schema: MinutesApprovalInputSchema,
    toInput: (v) => ({ agreementId: v.agreementId ?? '' }),
    save: (input) => approveMinutes(s.id, input.agreementId),
    invalidate: [GOVERNANCE_KEY],
    saved: () => t('governance.minutes.approved'),
  });
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
            <form noValidate onSubmit={approval.submit}>
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
        </Stack>
      )}
    </Paper>
  );
}
