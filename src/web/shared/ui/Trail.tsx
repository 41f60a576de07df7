import { Anchor, Breadcrumbs, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';

/** Where a detail page sits: "Directorio › Áreas › Unidad Técnica…". */
export function Trail({ items }: { items: { label: string; to?: string }[] }) {
  const { t } = useTranslation();
  return (
    <Breadcrumbs component="nav" aria-label={t('layout.breadcrumbs')} fz="sm" separatorMargin={6}>
      {items.map((item) =>
        item.to ? (
          <Anchor key={item.label} component={Link} to={item.to} size="sm">
            {item.label}
          </Anchor>
        ) : (
          <Text key={item.label} size="sm" c="dimmed" aria-current="page">
            {item.label}
          </Text>
        ),
      )}
    </Breadcrumbs>
  );
}
