import { Box, Group, Text } from '@mantine/core';
import { formatNumber } from '@/web/shared/lib/format';

export interface BarSeries {
  /** The data field holding this series' values. */
  name: string;
  label: string;
  /** A theme colour as Mantine names it: `teal.7`, `guinda.6`. */
  color: string;
}

interface SimpleBarChartProps {
  data: readonly Record<string, string | number>[];
  /** The data field that names each item (a month, a line). */
  dataKey: string;
  series: readonly BarSeries[];
  /**
   * `columns`: one group of side-by-side bars per item, over a value axis; `stacked-rows`: one row
   * per item, its series stacked into one bar, for a few items with long names.
   */
  layout: 'columns' | 'stacked-rows';
  /** Height of the plot in pixels (columns); rows take 28 px each. */
  h?: number;
  /** Width of the items' names beside the rows. */
  labelWidth?: number;
}

const colorVar = (color: string) => {
  const [name, shade] = color.split('.');
  return shade ? `var(--mantine-color-${name}-${shade})` : `var(--mantine-color-${name}-filled)`;
};

const value = (row: Record<string, string | number>, key: string) => {
  const v = row[key];
  return typeof v === 'number' && Number.isFinite(v) ? Math.max(0, v) : 0;
};

/** The smallest of 1, 2, 2.5, 5 × 10ⁿ at or above `max`, so the axis reads in round figures. */
function roundUp(max: number): number {
  if (max <= 0) return 1;
  const power = 10 ** Math.floor(Math.log10(max));
  const step = [1, 2, 2.5, 5, 10].find((s) => s * power >= max)!;
  return step * power;
}

function Legend({ series }: { series: readonly BarSeries[] }) {
  return (
    <Group gap="md" justify="center" mt="xs">
      {series.map((s) => (
        <Group key={s.name} gap={6} wrap="nowrap">
          <Box w={12} h={12} style={{ borderRadius: 2, background: colorVar(s.color) }} />
          <Text size="xs">{s.label}</Text>
        </Group>
      ))}
    </Group>
  );
}

/**
 * Bars drawn with plain elements, for the home dashboard: Mantine's BarChart brings recharts and
 * d3 (98 kB compressed), more than the rest of the page (issue 18). Decoration only, like the chart
 * it replaces: the caller hides it from assistive technology and shows the figures in a table.
 */
export function SimpleBarChart({
  data,
  dataKey,
  series,
  layout,
  h = 220,
  labelWidth = 70,
}: SimpleBarChartProps) {
  const grid = 'var(--mantine-color-gray-3)';
  if (layout === 'stacked-rows') {
    const max = roundUp(
      Math.max(0, ...data.map((row) => series.reduce((s, x) => s + value(row, x.name), 0))),
    );
    return (
      <Box>
        {data.map((row) => (
          <Group key={String(row[dataKey])} gap="xs" wrap="nowrap" h={28}>
            <Text size="xs" w={labelWidth} ta="right" truncate style={{ flexShrink: 0 }}>
              {row[dataKey]}
            </Text>
            <Box style={{ flex: 1, display: 'flex', height: 18, borderLeft: `1px solid ${grid}` }}>
              {series.map((s) => (
                <Box
                  key={s.name}
                  style={{ width: `${(value(row, s.name) / max) * 100}%`, background: colorVar(s.color) }}
                />
              ))}
            </Box>
          </Group>
        ))}
        <Group gap="xs" wrap="nowrap">
          <Box w={labelWidth} style={{ flexShrink: 0 }} />
          <Group justify="space-between" style={{ flex: 1 }}>
            <Text size="xs" c="dimmed">
              0
            </Text>
            <Text size="xs" c="dimmed">
              {formatNumber(max)}
            </Text>
          </Group>
        </Group>
        <Legend series={series} />
      </Box>
    );
  }
  const max = roundUp(Math.max(0, ...data.flatMap((row) => series.map((s) => value(row, s.name)))));
  const ticks = [max, max / 2, 0];
  const axisWidth = 8 + 7 * formatNumber(max).length;
  return (
    <Box>
      <Box style={{ display: 'flex', height: h }}>
        <Box
          w={axisWidth}
          style={{ display: 'flex', flexDirection: 'column', justifyContent: 'space-between', flexShrink: 0 }}
        >
          {ticks.map((t) => (
            <Text key={t} size="xs" c="dimmed" ta="right" pr={4} lh={1}>
              {formatNumber(t)}
            </Text>
          ))}
        </Box>
        <Box
          style={{
            flex: 1,
            display: 'flex',
            alignItems: 'flex-end',
            gap: 8,
            padding: '0 4px',
            borderBottom: `1px solid ${grid}`,
            backgroundImage: `linear-gradient(${grid} 1px, transparent 1px)`,
            backgroundSize: `100% ${h / 2}px`,
          }}
        >
          {data.map((row) => (
            <Box
              key={String(row[dataKey])}
              style={{
                flex: 1,
                height: '100%',
                display: 'flex',
                alignItems: 'flex-end',
                justifyContent: 'center',
                gap: 3,
              }}
            >
              {series.map((s) => (
                <Box
                  key={s.name}
                  style={{
                    flex: '0 1 18px',
                    height: `${(value(row, s.name) / max) * 100}%`,
                    background: colorVar(s.color),
                    borderRadius: '2px 2px 0 0',
                  }}
                />
              ))}
            </Box>
          ))}
        </Box>
      </Box>
      <Box style={{ display: 'flex', gap: 8, paddingLeft: axisWidth + 4, paddingRight: 4 }}>
        {data.map((row) => (
          <Text
            key={String(row[dataKey])}
            size="xs"
            c="dimmed"
            ta="center"
            truncate
            style={{ flex: 1, minWidth: 0 }}
          >
            {row[dataKey]}
          </Text>
        ))}
      </Box>
      <Legend series={series} />
    </Box>
  );
}
