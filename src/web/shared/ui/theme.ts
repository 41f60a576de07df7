import {
  createTheme,
  defaultVariantColorsResolver,
  parseThemeColor,
  type CSSVariablesResolver,
  type MantineColorsTuple,
  type VariantColorsResolver,
} from '@mantine/core';
import { foldedOptionsFilter } from '../lib/fold';

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

// Light badges, alerts and buttons write their text in the darkest shade of their color, so that
// it reads at 4.5:1 or more on its tinted background (WCAG AA).
const variantColorResolver: VariantColorsResolver = (input) => {
  const colors = defaultVariantColorsResolver(input);
  const parsed = parseThemeColor({ color: input.color || input.theme.primaryColor, theme: input.theme });
  if (input.variant === 'light' && parsed.isThemeColor) {
    return {
      ...colors,
      background: `var(--mantine-color-${parsed.color}-0)`,
      hover: `var(--mantine-color-${parsed.color}-1)`,
      color: `var(--mantine-color-${parsed.color}-9)`,
    };
  }
  return colors;
};

/** Secondary ("dimmed") text one shade darker than Mantine's, for contrast on white and gray. */
export const cssVariablesResolver: CSSVariablesResolver = (theme) => ({
  variables: {},
  light: {
    '--mantine-color-dimmed': theme.colors.gray[7],
    '--mantine-color-error': theme.colors.red[9],
    '--mantine-color-red-text': theme.colors.red[9],
  },
  dark: {},
});

/** The app's theme; `closeLabel` names the close button of every modal and notification. */
export const createAppTheme = (closeLabel: string) =>
  createTheme({
    variantColorResolver,
    primaryColor: 'guinda',
    primaryShade: { light: 7, dark: 4 },
    colors: { guinda },
    fontFamily:
      '"Noto Sans", "Source Sans 3", system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif',
    headings: { fontWeight: '650' },
    defaultRadius: 'sm',
    focusRing: 'auto',
    cursorType: 'pointer',
    respectReducedMotion: true,
    components: {
      Table: { defaultProps: { verticalSpacing: 'sm', highlightOnHover: true } },
      Modal: {
        defaultProps: {
          overlayProps: { backgroundOpacity: 0.45 },
          closeButtonProps: { 'aria-label': closeLabel },
        },
      },
      Notification: { defaultProps: { closeButtonProps: { 'aria-label': closeLabel } } },
      Button: { defaultProps: { fw: 600 } },
      // A status is read whole: where a badge lacks room its text wraps onto a second line instead
      // of being cut, so "En proceso de atención" is never shown as "EN PROCESO D…".
      Badge: {
        styles: {
          root: { height: 'auto', minHeight: 'var(--badge-height)', paddingBlock: 2 },
          label: { whiteSpace: 'normal', overflow: 'visible', textOverflow: 'clip' },
        },
      },
      // Searching "juridicos" finds "Jurídicos" in every select, as the server's search does.
      Select: { defaultProps: { filter: foldedOptionsFilter } },
      MultiSelect: { defaultProps: { filter: foldedOptionsFilter } },
      // Without the focus placeholder, a menu holds only menu items (axe: aria-required-children).
      Menu: { defaultProps: { withInitialFocusPlaceholder: false } },
    },
  });
