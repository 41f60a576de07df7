// The charts library (recharts, with d3) in a chunk of its own: see LazyBarChart.
import '@mantine/charts/styles.css';

export { BarChart as default } from '@mantine/charts';
