import type { ComboboxParsedItem, OptionsFilter } from '@mantine/core';
import { fold } from '../../../shared/fold';

function filterItems(items: ComboboxParsedItem[], query: string): ComboboxParsedItem[] {
  return items.flatMap((item): ComboboxParsedItem[] => {
    if ('items' in item) {
      const inner = filterItems(item.items, query) as typeof item.items;
      return inner.length ? [{ ...item, items: inner }] : [];
    }
    return fold(item.label).includes(query) ? [item] : [];
  });
}

/** The options of a select whose label contains the search, ignoring case and accents. */
export const foldedOptionsFilter: OptionsFilter = ({ options, search }) => {
  const query = fold(search);
  return query ? filterItems(options, query) : options;
};
