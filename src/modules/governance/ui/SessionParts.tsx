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
import { useForm } from '@mantine/form';
import { IconPaperclip, IconPlus } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { FieldProblem } from '@/shared/errors';
import type { SessionDetail } from '../contract';
import { applyFieldErrors } from '@/web/shared/api/form-errors';
import { notifyError, notifySuccess } from '@/web/shared/ui/errors';
import { FormErrorAlert } from '@/web/shared/ui/FormErrorAlert';
import {
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
  const [unplaced, setUnplaced] = useState<FieldProblem[]>([]);
  const form = useForm({ initialValues: { title: '', description: '' } });
  const add = useGovernanceMutation((v: { title: string; description: string }) =>
    addAgendaItem(s.id, {
      title: v.title,
      description: v.description.trim() || null,
    }),
  );
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
        <form
          noValidate
          onSubmit={form.onSubmit((v) =>
            add.mutate(v, {
              onSuccess: () => {
                form.reset();
                setUnplaced([]);
              },
              onError: (error) => setUnplaced(applyFieldErrors(form, error)),
            }),
          )}
        >
          <Stack gap="xs" mt="md">
            <FormErrorAlert error={add.error} unplaced={unplaced} />
            <Group align="flex-end">
              <TextInput
                label={t('governance.agenda.newItem')}
                withAsterisk
                style={{ flex: 1 }}
                {...form.getInputProps('title')}
              />
              <Button type="submit" loading={add.isPending} leftSection={<IconPlus size={16} aria-hidden />}>
                {t('governance.agenda.add')}
              </Button>
            </Group>
            <Textarea
              label={t('governance.agenda.description')}
              autosize
              minRows={1}
              {...form.getInputProps('description')}
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
  const [unplaced, setUnplaced] = useState<FieldProblem[]>([]);
  const [approvalProblems, setApprovalProblems] = useState<FieldProblem[]>([]);
  const form = useForm({ initialValues: { minutesText: s.minutesText ?? '' } });
  const approval = useForm<{ agreementId: string | null }>({ initialValues: { agreementId: null } });
  const later = useAgreements(s.bodyId, { from: addDay(s.heldOn) });
  const options = (later.data?.sessions ?? []).flatMap((g) =>
    g.agreements.map((a) => ({ value: a.id, label: `${a.number} — ${a.title}` })),
  );
  const saveDraft = useGovernanceMutation((v: { minutesText: string }) =>
    saveMinutesDraft(s.id, { minutesText: v.minutesText.trim() || null }),
  );
  const approve = useGovernanceMutation((v: { agreementId: string | null }) =>
    approveMinutes(s.id, v.agreementId ?? ''),
  );
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
          <form
            noValidate
            onSubmit={form.onSubmit((v) =>
              saveDraft.mutate(v, {
                onSuccess: () => notifySuccess(t('governance.minutes.saved')),
                onError: (error) => setUnplaced(applyFieldErrors(form, error)),
              }),
            )}
          >
            <Stack gap="xs">
              <FormErrorAlert error={saveDraft.error} unplaced={unplaced} />
              <Textarea
                label={t('governance.minutes.draft')}
                description={t('governance.minutes.draftHelp')}
                autosize
                minRows={4}
                readOnly={!props.canWrite}
                {...form.getInputProps('minutesText')}
              />
              {props.canWrite && (
                <Group>
                  <Button type="submit" variant="default" loading={saveDraft.isPending}>
                    {t('governance.minutes.saveDraft')}
                  </Button>
                </Group>
              )}
            </Stack>
          </form>
          {props.canWrite && (
            <form
              noValidate
              onSubmit={approval.onSubmit((v) =>
                approve.mutate(v, {
                  onSuccess: () => notifySuccess(t('governance.minutes.approved')),
                  onError: (error) => setApprovalProblems(applyFieldErrors(approval, error)),
                }),
              )}
            >
              <Stack gap="xs">
                <FormErrorAlert error={approve.error} unplaced={approvalProblems} />
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
                    {...approval.getInputProps('agreementId')}
                  />
                  <Button type="submit" loading={approve.isPending}>
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
