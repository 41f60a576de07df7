import {
  Anchor,
  Badge,
  Code,
  DataList,
  Modal,
  ScrollArea,
  SimpleGrid,
  Stack,
  Switch,
  Table,
  Text,
  Title,
} from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { recordPage, type AuditEntry } from '../contract';
import { formatDateTime } from '@/web/shared/lib/format';
import { diffRecords, showValue } from './diff';
import { actorText } from './actor-text';

/** One audit entry: who did what and when, and the record before and after, changes highlighted. */
export function AuditDetailModal(props: {
  entry: AuditEntry;
  actionLabel: string;
  entityLabel: string;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const e = props.entry;
  const rows = diffRecords(e.before, e.after);
  const hasBoth = e.before != null && e.after != null;
  const [onlyChanged, setOnlyChanged] = useState(hasBoth);
  const shown = onlyChanged ? rows.filter((r) => r.changed) : rows;
  const changedCount = rows.filter((r) => r.changed).length;
  const page = recordPage(e);

  return (
    <Modal opened onClose={props.onClose} title={t('audit.detailTitle', { seq: e.seq })} size="80rem">
      <Stack gap="lg">
        <DataList labelWidth={180} withDivider size="sm">
          <DataList.Item>
            <DataList.ItemLabel>{t('audit.when')}</DataList.ItemLabel>
            <DataList.ItemValue>{formatDateTime(e.occurredAt)}</DataList.ItemValue>
          </DataList.Item>
          <DataList.Item>
            <DataList.ItemLabel>{t('audit.who')}</DataList.ItemLabel>
            <DataList.ItemValue>{actorText(e, t)}</DataList.ItemValue>
          </DataList.Item>
          <DataList.Item>
            <DataList.ItemLabel>{t('audit.action')}</DataList.ItemLabel>
            <DataList.ItemValue>
              {props.actionLabel}{' '}
              <Text span size="xs" c="dimmed" ff="monospace">
                ({e.action})
              </Text>
            </DataList.ItemValue>
          </DataList.Item>
          <DataList.Item>
            <DataList.ItemLabel>{t('audit.entity')}</DataList.ItemLabel>
            <DataList.ItemValue>
              {page ? (
                <Anchor component={Link} to={page} onClick={props.onClose}>
                  {props.entityLabel}
                </Anchor>
              ) : (
                props.entityLabel
              )}{' '}
              <Text span size="xs" c="dimmed" ff="monospace">
                ({e.entityType})
              </Text>
              {e.entityId && (
                <Text span size="xs" c="dimmed" ff="monospace">
                  {' '}
                  {e.entityId}
                </Text>
              )}
            </DataList.ItemValue>
          </DataList.Item>
          <DataList.Item>
            <DataList.ItemLabel>{t('audit.ip')}</DataList.ItemLabel>
            <DataList.ItemValue>{e.ipAddress ?? '—'}</DataList.ItemValue>
          </DataList.Item>
          <DataList.Item>
            <DataList.ItemLabel>{t('audit.hash')}</DataList.ItemLabel>
            <DataList.ItemValue>
              <Text span size="xs" ff="monospace" style={{ wordBreak: 'break-all' }}>
                {e.hash}
              </Text>
            </DataList.ItemValue>
          </DataList.Item>
        </DataList>

        {rows.length > 0 ? (
          <Stack gap="xs">
            <Title order={3} size="h5">
              {t('audit.changes')}{' '}
              {hasBoth && (
                <Badge variant="light" color="blue" tt="none" ml={4}>
                  {t('audit.changedCount', { count: changedCount })}
                </Badge>
              )}
            </Title>
            {hasBoth && (
              <Switch
                label={t('audit.onlyChanged')}
                checked={onlyChanged}
                onChange={(ev) => setOnlyChanged(ev.currentTarget.checked)}
              />
            )}
            <Table.ScrollContainer minWidth={640}>
              <Table withTableBorder withColumnBorders fz="sm" layout="fixed">
                <Table.Caption className="sr-caption">{t('audit.diffCaption')}</Table.Caption>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th w={200}>{t('audit.field')}</Table.Th>
                    <Table.Th>{t('audit.before')}</Table.Th>
                    <Table.Th>{t('audit.after')}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {shown.map((r) => (
                    <Table.Tr key={r.key} className={hasBoth && r.changed ? 'diff-changed' : undefined}>
                      <Table.Td ff="monospace">
                        {r.key}
                        {hasBoth && r.changed && <VisuallyChanged label={t('audit.changed')} />}
                      </Table.Td>
                      <Table.Td style={{ wordBreak: 'break-word' }}>{showValue(r.before)}</Table.Td>
                      <Table.Td style={{ wordBreak: 'break-word' }}>{showValue(r.after)}</Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
          </Stack>
        ) : (
          <Text c="dimmed" size="sm">
            {t('audit.noData')}
          </Text>
        )}

        {rows.length > 0 && (
          <SimpleGrid cols={{ base: 1, md: 2 }}>
            <JsonBlock title={t('audit.beforeJson')} value={e.before} empty={t('audit.nothing')} />
            <JsonBlock title={t('audit.afterJson')} value={e.after} empty={t('audit.nothing')} />
          </SimpleGrid>
        )}
      </Stack>
    </Modal>
  );
}

function VisuallyChanged({ label }: { label: string }) {
  return (
    <Badge size="xs" color="yellow" variant="filled" ml={6} tt="none" c="dark">
      {label}
    </Badge>
  );
}

function JsonBlock(props: { title: string; value: unknown; empty: string }) {
  return (
    <Stack gap={4}>
      <Text size="sm" fw={600}>
        {props.title}
      </Text>
      {props.value == null ? (
        <Text size="sm" c="dimmed">
          {props.empty}
        </Text>
      ) : (
        <ScrollArea.Autosize mah={360} type="auto">
          <Code block fz="xs">
            {JSON.stringify(props.value, null, 2)}
          </Code>
        </ScrollArea.Autosize>
      )}
    </Stack>
  );
}
