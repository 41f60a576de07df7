import { ExportMenu } from '@/web/shared/ui/ExportMenu';
import { exportFolios, type FolioFilters } from './api';

/** Downloads the list as it is filtered on screen, as CSV or XLSX. */
export function ExportFoliosMenu(props: { filters: FolioFilters }) {
  return <ExportMenu download={(format) => exportFolios(props.filters, format)} />;
}
