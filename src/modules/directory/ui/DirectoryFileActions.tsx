import { Alert, Button, FileInput, Group, Modal, ScrollArea, Stack, Table, Text } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { IconAlertTriangle, IconCircleCheck, IconFileSpreadsheet, IconUpload } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ImportReport } from '../contract';
import { ApiRequestError } from '@/web/shared/api/client';
import { useCan } from '@/web/shared/session/session';
import { errorText } from '@/web/shared/ui/errors';
import { ExportMenu } from '@/web/shared/ui/ExportMenu';
import {
  DIRECTORY_KEY,
  exportRecords,
  importRecords,
  type DirectoryCollection,
  type DirectoryFilters,
} from './api';

type Problem = { row: number | null; field: string; message: string };

/** "rows.7.sitio_web" → row 7, column sitio_web; other paths (e.g. "columns.tipo") have no row. */
function problemsOf(error: ApiRequestError): Problem[] {
  return error.fields.map((f) => {
    const m = /^rows\.(\d+)\.(.+)$/.exec(f.path);
    return m
      ? { row: Number(m[1]), field: m[2]!, message: f.message }
      : { row: null, field: f.path, message: f.message };
  });
}

/** Export of the filtered list (CSV or XLSX) and import of a spreadsheet, per permission. */
export function DirectoryFileActions<C extends DirectoryCollection>(props: {
  collection: C;
  filters: DirectoryFilters[C];
}) {
  const { t } = useTranslation();
  const canExport = useCan('directory.export');
  const canImport = useCan('directory.write');
  const [importing, setImporting] = useState(false);

  return (
    <>
      {canExport && (
        <ExportMenu download={(format) => exportRecords(props.collection, props.filters, format)} />
      )}
      {canImport && (
        <Button
          variant="default"
          leftSection={<IconUpload size={16} aria-hidden />}
          onClick={() => setImporting(true)}
        >
          {t('files.import')}
        </Button>
      )}
      {importing && (
        <ImportModal
          importFile={(file, skipInvalid) => importRecords(props.collection, file, skipInvalid)}
          title={t(`files.importTitle.${props.collection}`)}
          queryKey={DIRECTORY_KEY}
          onClose={() => setImporting(false)}
        />
      )}
    </>
  );
}

/** Upload of a spreadsheet to an import route, with the report of its rows (also used by the channel). */
export function ImportModal(props: {
  /** Sends the file to the module's import endpoint (its `ui/api.ts`). */
  importFile: (file: File, skipInvalid: boolean) => Promise<ImportReport>;
  title: string;
  /** What the file must contain; the directory's hint by default. */
  help?: string;
  /** Invalidated when rows were imported. */
  queryKey: readonly unknown[];
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [file, setFile] = useState<File | null>(null);
  const upload = useMutation({
    mutationFn: ({ skipInvalid }: { skipInvalid: boolean }) => props.importFile(file!, skipInvalid),
    onSuccess: (report) => {
      if (report.imported > 0) void queryClient.invalidateQueries({ queryKey: props.queryKey });
    },
  });
  const report = upload.data;
  const error = upload.error;
  const invalid =
    error instanceof ApiRequestError && error.code === 'IMPORT_INVALID' ? problemsOf(error) : null;
  const rowProblems = invalid?.some((p) => p.row !== null) ?? false;
  const problems: Problem[] | null = report ? report.problems : invalid;

  return (
    <Modal opened onClose={props.onClose} title={props.title} size="xl">
      <Stack>
        <Text size="sm">{props.help ?? t('files.importHelp')}</Text>
        <FileInput
          label={t('files.file')}
          description={t('files.fileHelp')}
          accept=".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
          clearable
          value={file}
          onChange={(f) => {
            setFile(f);
            upload.reset();
          }}
          leftSection={<IconFileSpreadsheet size={16} aria-hidden />}
          clearButtonProps={{ 'aria-label': t('files.clear') }}
          withAsterisk
        />

        {report && (
          <Alert
            color={report.skipped ? 'blue' : 'teal'}
            icon={<IconCircleCheck aria-hidden />}
            title={t('files.imported', { count: report.imported })}
            role="status"
          >
            {report.skipped > 0 ? t('files.skipped', { count: report.skipped }) : t('files.allImported')}
          </Alert>
        )}
        {error && (
          <Alert
            color="red"
            icon={<IconAlertTriangle aria-hidden />}
            title={errorText(error, t)}
            role="alert"
          >
            {invalid ? (rowProblems ? t('files.fixOrSkip') : t('files.fixHeader')) : null}
          </Alert>
        )}
        {problems && problems.length > 0 && (
          <ScrollArea.Autosize mah={320} type="auto">
            <Table striped withTableBorder fz="sm">
              <Table.Caption className="sr-caption">{t('files.problemsCaption')}</Table.Caption>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th w={80}>{t('files.row')}</Table.Th>
                  <Table.Th w={180}>{t('files.column')}</Table.Th>
                  <Table.Th>{t('files.problem')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {problems.map((p, index) => (
                  <Table.Tr key={index}>
                    <Table.Td>{p.row ?? '—'}</Table.Td>
                    <Table.Td>
                      <Text span ff="monospace" size="sm">
                        {p.field}
                      </Text>
                    </Table.Td>
                    <Table.Td>{p.message}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </ScrollArea.Autosize>
        )}

        <Group justify="flex-end">
          <Button variant="default" onClick={props.onClose}>
            {report ? t('common.close') : t('common.cancel')}
          </Button>
          {rowProblems && !report && (
            <Button
              variant="outline"
              loading={upload.isPending && upload.variables.skipInvalid}
              onClick={() => upload.mutate({ skipInvalid: true })}
            >
              {t('files.importSkipping')}
            </Button>
          )}
          {!report && (
            <Button
              leftSection={<IconUpload size={16} aria-hidden />}
              disabled={!file || invalid !== null}
              loading={upload.isPending && !upload.variables.skipInvalid}
              onClick={() => upload.mutate({ skipInvalid: false })}
            >
              {t('files.importSubmit')}
            </Button>
          )}
        </Group>
      </Stack>
    </Modal>
  );
}
