import { createTheme, type MantineColorsTuple } from '@mantine/core';

// Guinda, the wine red of Mexican public institutions; shade 8 is #691C32.
const guinda: MantineColorsTuple = [
  '#fcf0f3',
  '#f2dde2',
  '#e4b6c1',
  '#d68c9d',
  '#ca697f',
  '#c0526b',
  '#a93a55',
  '#8c2a45',
  '#691c32',
  '#4e1324',
];

export const theme = createTheme({
  primaryColor: 'guinda',
  primaryShade: { light: 7, dark: 4 },
  colors: { guinda },
  fontFamily:
    '"Noto Sans", "Source Sans 3", system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif',
  headings: { fontWeight: '650' },
  defaultRadius: 'sm',
  focusRing: 'auto',
  cursorType: 'pointer',
  components: {
    Table: { defaultProps: { verticalSpacing: 'sm', highlightOnHover: true } },
    Modal: { defaultProps: { centered: false, overlayProps: { backgroundOpacity: 0.45 } } },
    Button: { defaultProps: { fw: 600 } },
  },
});
