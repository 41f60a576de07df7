import { Badge, Button, Group, Modal, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { FieldProblem } from '@/shared/errors';
import { applyFieldErrors } from '@/web/shared/api/form-errors';
import { FormErrorAlert } from '@/web/shared/ui/FormErrorAlert';
import { notifySuccess } from '@/web/shared/ui/errors';
import { useActivityKinds, useCreateActivityKind } from './api';
import { codeFor } from './kind-code';

/** The activity kinds of the organization, and (administrators) a form to add one. */
export function ActivityKindsModal({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation();
  const kinds = useActivityKinds();
  const create = useCreateActivityKind();
  const [unplaced, setUnplaced] = useState<FieldProblem[]>([]);
  const form = useForm({ initialValues: { name: '', code: '' } });
  return (
    <Modal opened onClose={onClose} title={t('program.kinds.title')} size="lg">
      <Stack>
        <Table aria-label={t('program.kinds.title')}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('program.kinds.name')}</Table.Th>
              <Table.Th>{t('program.kinds.code')}</Table.Th>
              <Table.Th>{t('program.kinds.origin')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {(kinds.data ?? []).map((k) => (
              <Table.Tr key={k.code}>
                <Table.Td>{k.name}</Table.Td>
                <Table.Td>
                  <Text size="sm" ff="monospace">
                    {k.code}
                  </Text>
                </Table.Td>
                <Table.Td>
                  <Badge variant="light" color={k.builtIn ? 'gray' : 'blue'}>
                    {k.builtIn ? t('program.kinds.builtIn') : t('program.kinds.added')}
                  </Badge>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
        <form
          noValidate
          aria-labelledby="new-kind-title"
          onSubmit={form.onSubmit((v) =>
            create.mutate(
              { name: v.name, code: v.code.trim() || codeFor(v.name) },
              {
                onSuccess: (kind) => {
                  notifySuccess(t('program.kinds.addedNotice', { name: kind.name }));
                  form.reset();
                  setUnplaced([]);
                },
                onError: (e) => setUnplaced(applyFieldErrors(form, e)),
              },
            ),
          )}
        >
          <Stack gap="xs">
            <Title order={3} size="h5" id="new-kind-title">
              {t('program.kinds.new')}
            </Title>
            <FormErrorAlert error={create.error} unplaced={unplaced} />
            <Group grow align="flex-start">
              <TextInput label={t('program.kinds.name')} withAsterisk {...form.getInputProps('name')} />
              <TextInput
                label={t('program.kinds.code')}
                description={t('program.kinds.codeHelp')}
                placeholder={codeFor(form.getValues().name)}
                {...form.getInputProps('code')}
              />
            </Group>
            <Group justify="flex-end">
              <Button variant="default" onClick={onClose}>
                {t('common.close')}
              </Button>
              <Button type="submit" loading={create.isPending}>
                {t('program.kinds.add')}
              </Button>
            </Group>
          </Stack>
        </form>
      </Stack>
    </Modal>
  );
}
