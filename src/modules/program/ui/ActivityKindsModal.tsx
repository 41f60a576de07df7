import { Badge, Group, Modal, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { ActivityKindInputSchema } from '../contract';
import { FormBody } from '@/web/shared/form/FormBody';
import { useReturnFocus } from '@/web/shared/form/FormModal';
import { useSaveForm } from '@/web/shared/form/use-save-form';
import { createActivityKind, PROGRAM_KEY, useActivityKinds } from './api';
import { codeFor } from './kind-code';
import programStrings from 'virtual:lazy-strings/program';
import { addLazyStrings } from '@/web/i18n/all';

// This module's wording loads with it, not with the signed-in frame (issue 18).
addLazyStrings(programStrings);

/** The activity kinds of the organization, and (administrators) a form to add one. */
export function ActivityKindsModal({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation();
  const kinds = useActivityKinds();
  const f = useSaveForm({
    initialValues: { name: '', code: '' },
    schema: ActivityKindInputSchema,
    toInput: (v) => ({ name: v.name, code: v.code.trim() || codeFor(v.name) }),
    save: createActivityKind,
    invalidate: [PROGRAM_KEY],
    saved: (kind) => t('program.kinds.addedNotice', { name: kind.name }),
    onSaved: () => f.form.reset(),
  });
  useReturnFocus();
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
        <div>
          <Title order={3} size="h5" mb="xs">
            {t('program.kinds.new')}
          </Title>
          <FormBody
            form={f}
            submitLabel={t('program.kinds.add')}
            onCancel={onClose}
            cancelLabel={t('common.close')}
            label={t('program.kinds.new')}
          >
            <Group grow align="flex-start">
              <TextInput label={t('program.kinds.name')} withAsterisk {...f.text('name')} />
              <TextInput
                label={t('program.kinds.code')}
                placeholder={codeFor(f.form.getValues().name)}
                {...f.text('code', t('program.kinds.codeHelp'))}
              />
            </Group>
          </FormBody>
        </div>
      </Stack>
    </Modal>
  );
}
