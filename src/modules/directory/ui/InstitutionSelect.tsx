import { SearchSelect, type SearchSelectProps } from '@/web/shared/ui/SearchSelect';
import { useInstitutionOptions } from './api';

/** Picks an institution by searching the server as the user types. */
export function InstitutionSelect(props: SearchSelectProps) {
  return <SearchSelect {...props} useOptions={useInstitutionOptions} />;
}
