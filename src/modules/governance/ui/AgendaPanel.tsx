import {
  ActionIcon,
  Anchor,
  Button,
  FileButton,
  Group,
  Paper,
  Stack,
  Text,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import {
  IconArrowDown,
  IconArrowUp,
  IconPaperclip,
  IconPencil,
  IconPlus,
  IconTrash,
} from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  AgendaItemInputSchema,
  AgendaItemPatchSchema,
  type AgendaItem,
  type SessionDetail,
} from '../contract';
import { agendaAdditionProblem, agendaChangeProblem } from '../contract-session-status';
import { FormModal } from '@/web/shared/form/FormModal';
import { useSaveForm } from '@/web/shared/form/use-save-form';
import { ConfirmModal } from '@/web/shared/ui/ConfirmModal';
import { notifyError, notifySuccess } from '@/web/shared/ui/errors';
import { FormErrorAlert } from '@/web/shared/ui/FormErrorAlert';
import {
  GOVERNANCE_KEY,
  addAgendaItem,
  agendaDocumentUrl,
  attachAgendaDocument,
  editAgendaItem,
  removeAgendaItem,
  reorderAgenda,
  useGovernanceMutation,
} from './api';
import governanceStrings from 'virtual:lazy-strings/governance';
import { addLazyStrings } from '@/web/i18n/all';

// This module's wording loads with it, not with the signed-in frame (issue 18).
addLazyStrings(governanceStrings);

/**
 * The orden del día: its items with their documents. Until the session is held its items can be
 * corrected, moved and removed; items can be added until the minutes are approved (the server's
 * rules, contract-session-status.ts).
 */
export function AgendaPanel(props: { session: SessionDetail; canWrite: boolean }) {
  const { t } = useTranslation();
  const s = props.session;
  const changeable = props.canWrite && !agendaChangeProblem(s.status);
  const addable = props.canWrite && !agendaAdditionProblem(s.status);
  const [editing, setEditing] = useState<AgendaItem | null>(null);
  const [removing, setRemoving] = useState<AgendaItem | null>(null);
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
  const move = useGovernanceMutation((v: { item: AgendaItem; to: number }) => {
    const ids = s.agenda.map((i) => i.id).filter((id) => id !== v.item.id);
    ids.splice(v.to, 0, v.item.id);
    return reorderAgenda(s.id, ids);
  });
  const remove = useGovernanceMutation((item: AgendaItem) => removeAgendaItem(item.id));
  const moveTo = (item: AgendaItem, to: number) =>
    move.mutate(
      { item, to },
      {
        onSuccess: () => notifySuccess(t('governance.agenda.moved', { title: item.title, position: to + 1 })),
        onError: (error) => notifyError(error, t),
      },
    );

  return (
    <Paper withBorder p="md">
      <Title order={2} size="h4" mb="sm">
        {t('governance.session.agenda')}
      </Title>
      {props.canWrite && !changeable && !!s.agenda.length && s.status === 'held' && (
        <Text size="sm" c="dimmed" mb="xs">
          {t('governance.agenda.heldNote')}
        </Text>
      )}
      {s.agenda.length ? (
        <Stack component="ol" gap="xs" m={0} p={0} style={{ listStyle: 'none' }}>
          {s.agenda.map((i, index) => (
            <li key={i.id}>
              <Group gap="xs" align="flex-start" wrap="nowrap">
                <Text fw={600} miw="1.5rem">
                  {i.position}.
                </Text>
                <Stack gap={2} style={{ flex: 1, minWidth: 0 }}>
                  <Text style={{ overflowWrap: 'anywhere' }}>{i.title}</Text>
                  {i.description && (
                    <Text size="sm" c="dimmed" style={{ overflowWrap: 'anywhere' }}>
                      {i.description}
                    </Text>
                  )}
                  {/* The controls sit under the title, so a long title keeps the width on a phone. */}
                  <Group gap="xs" justify="space-between" wrap="wrap">
                    <Group gap="xs">
                      {i.documents.map((d) => (
                        <Anchor key={d.id} size="sm" href={agendaDocumentUrl(d.id)}>
                          {d.filename}
                        </Anchor>
                      ))}
                      {addable && (
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
                    {changeable && (
                      <Group gap={2} wrap="nowrap">
                        <ActionIcon
                          variant="subtle"
                          color="gray"
                          disabled={index === 0 || move.isPending}
                          aria-label={t('governance.agenda.moveUp', { title: i.title })}
                          onClick={() => moveTo(i, index - 1)}
                        >
                          <IconArrowUp size={16} aria-hidden />
                        </ActionIcon>
                        <ActionIcon
                          variant="subtle"
                          color="gray"
                          disabled={index === s.agenda.length - 1 || move.isPending}
                          aria-label={t('governance.agenda.moveDown', { title: i.title })}
                          onClick={() => moveTo(i, index + 1)}
                        >
                          <IconArrowDown size={16} aria-hidden />
                        </ActionIcon>
                        <ActionIcon
                          variant="subtle"
                          aria-label={t('governance.agenda.editItem', { title: i.title })}
                          onClick={() => setEditing(i)}
                        >
                          <IconPencil size={16} aria-hidden />
                        </ActionIcon>
                        <ActionIcon
                          variant="subtle"
                          color="red.9"
                          aria-label={t('governance.agenda.removeItem', { title: i.title })}
                          onClick={() => {
                            remove.reset();
                            setRemoving(i);
                          }}
                        >
                          <IconTrash size={16} aria-hidden />
                        </ActionIcon>
                      </Group>
                    )}
                  </Group>
                </Stack>
              </Group>
            </li>
          ))}
        </Stack>
      ) : (
        <Text c="dimmed">{t('governance.session.noAgenda')}</Text>
      )}
      {addable && (
        <form noValidate onSubmit={add.submit}>
          <Stack gap="xs" mt="md">
            <FormErrorAlert error={add.error} unplaced={add.unplaced} />
            <Group align="flex-end">
              <TextInput
                label={t('governance.agenda.newItem')}
                withAsterisk
                style={{ flex: 1, minWidth: '12rem' }}
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
      {editing && <AgendaItemModal item={editing} onClose={() => setEditing(null)} />}
      {removing && (
        <ConfirmModal
          title={t('governance.agenda.removeTitle')}
          message={t('governance.agenda.removeMessage', {
            position: removing.position,
            title: removing.title,
            count: removing.documents.length,
          })}
          confirm={t('governance.agenda.remove')}
          mutation={remove}
          onConfirm={() =>
            remove.mutate(removing, {
              onSuccess: () => {
                notifySuccess(t('governance.agenda.removed', { title: removing.title }));
                setRemoving(null);
              },
            })
          }
          onClose={() => setRemoving(null)}
        />
      )}
    </Paper>
  );
}

/** Corrects an item's title or description. */
function AgendaItemModal(props: { item: AgendaItem; onClose: () => void }) {
  const { t } = useTranslation();
  const f = useSaveForm({
    initialValues: { title: props.item.title, description: props.item.description ?? '' },
    schema: AgendaItemPatchSchema,
    toInput: (v) => ({ title: v.title, description: v.description.trim() || null }),
    save: (patch) => editAgendaItem(props.item.id, patch),
    invalidate: [GOVERNANCE_KEY],
    saved: () => t('governance.agenda.updated'),
    onSaved: props.onClose,
  });
  return (
    <FormModal
      form={f}
      onClose={props.onClose}
      title={t('governance.agenda.editTitle', { position: props.item.position })}
      submitLabel={t('common.saveChanges')}
    >
      <TextInput label={t('governance.agenda.itemTitle')} withAsterisk data-autofocus {...f.text('title')} />
      <Textarea label={t('governance.agenda.description')} autosize minRows={2} {...f.text('description')} />
    </FormModal>
  );
}
