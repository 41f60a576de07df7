import { api } from '@/web/shared/api/client';
import { ExportMenu } from '@/web/shared/ui/ExportMenu';

/** Downloads the list as it is filtered on screen, as CSV or XLSX. */
export function ExportFoliosMenu(props: { filters: Record<string, string | number | undefined> }) {
  return (
    <ExportMenu
      download={(format) =>
        api.download('/api/channel/folios/export', { ...props.filters, format }, `folios.${format}`)
      }
    />
  );
}
