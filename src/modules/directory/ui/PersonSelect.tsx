import { SearchSelect, type SearchSelectProps } from '@/web/shared/ui/SearchSelect';
import { usePersonOptions } from './api';

/** Picks a person of the directory by searching the server as the user types. */
export function PersonSelect(props: SearchSelectProps) {
  return <SearchSelect {...props} useOptions={usePersonOptions} />;
}
