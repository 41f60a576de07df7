import { ActionIcon, Group, Table, Text, Tooltip, VisuallyHidden } from '@mantine/core';
import type { UseQueryResult } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { ListFooter } from './ListFooter';
import { QueryError } from './QueryError';

export type ListColumn<T> = {
  header: string;
  /** The header is read by screen readers but not shown (a column of row actions). */
  hiddenHeader?: boolean;
  cell: (row: T) => ReactNode;
  align?: 'right';
  width?: number;
};

/** A listed record: its id, or the sequence number of an audit entry. */
type Row = { id: string } | { seq: number };
const rowKey = (row: Row) => ('id' in row ? row.id : row.seq);

/**
 * One page of a list as a captioned table: the read's error with a retry, a row saying the list is
 * empty, and "Mostrando 1–25 de 120" with the page controls. Columns given as `false` are left out
 * (e.g. actions for users who may not write).
 */
export function ListTable<T extends Row>(props: {
  caption: string;
  minWidth: number;
  query: UseQueryResult<{ items: T[]; total: number }>;
  columns: (ListColumn<T> | false)[];
  paging?: { page: number; pageSize: number; onPage: (page: number) => void };
  /** What the empty list says, when "nothing matches the search and filters" does not fit. */
  empty?: string;
}) {
  const { t } = useTranslation();
  const { query, paging } = props;
  const columns = props.columns.filter((c): c is ListColumn<T> => c !== false);
  if (query.isError) return <QueryError error={query.error} onRetry={() => void query.refetch()} />;
  return (
    <>
      <Table.ScrollContainer minWidth={props.minWidth}>
        <Table>
          <Table.Caption className="sr-caption">{props.caption}</Table.Caption>
          <Table.Thead>
            <Table.Tr>
              {columns.map((c) => (
                <Table.Th key={c.header} ta={c.align} w={c.width}>
                  {c.hiddenHeader ? <VisuallyHidden>{c.header}</VisuallyHidden> : c.header}
                </Table.Th>
              ))}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {query.data?.items.map((row) => (
              <Table.Tr key={rowKey(row)}>
                {columns.map((c) => (
                  <Table.Td key={c.header} ta={c.align}>
                    {c.cell(row)}
                  </Table.Td>
                ))}
              </Table.Tr>
            ))}
            {query.data?.items.length === 0 && (
              <Table.Tr>
                <Table.Td colSpan={columns.length}>
                  <Text c="dimmed" ta="center" py="md">
                    {props.empty ?? t('list.empty')}
                  </Text>
                </Table.Td>
              </Table.Tr>
            )}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      {query.data && paging && (
        <ListFooter
          page={paging.page}
          pageSize={paging.pageSize}
          total={query.data.total}
          onPage={paging.onPage}
        />
      )}
    </>
  );
}

/** The row actions of a list, aligned right. */
export function RowActions({ children }: { children: ReactNode }) {
  return (
    <Group gap={4} justify="flex-end" wrap="nowrap">
      {children}
    </Group>
  );
}

/** An icon button with its tooltip; `label` names the action and its record for screen readers. */
export function IconAction(props: {
  tooltip: string;
  label: string;
  icon: ReactNode;
  color?: 'gray' | 'red';
  onClick: () => void;
}) {
  return (
    <Tooltip label={props.tooltip}>
      <ActionIcon
        variant="subtle"
        color={props.color ?? 'gray'}
        aria-label={props.label}
        onClick={props.onClick}
      >
        {props.icon}
      </ActionIcon>
    </Tooltip>
  );
}
