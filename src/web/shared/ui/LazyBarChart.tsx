import type { BarChartProps } from '@mantine/charts';
import { Box } from '@mantine/core';
import { lazy, Suspense } from 'react';

const BarChart = lazy(() => import('./BarChartChunk'));

/**
 * Mantine's BarChart, loaded when first drawn: the charts library is the largest piece of the app
 * and most pages never draw one (issue 18). The placeholder keeps the chart's height so the page
 * does not shift when it arrives.
 */
export function LazyBarChart(props: BarChartProps) {
  return (
    <Suspense fallback={<Box h={props.h} />}>
      <BarChart {...props} />
    </Suspense>
  );
}
