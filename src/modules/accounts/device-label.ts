import Bowser from 'bowser';

// Names people recognize; bowser's own English names for the rest ("Opera", "Samsung Internet").
const BROWSERS: Record<string, string> = {
  'Microsoft Edge': 'Edge',
  'Chrome Headless': 'Chrome sin ventana',
  'Internet Explorer': 'Internet Explorer',
};
const SYSTEMS: Record<string, string> = {
  macOS: 'Mac',
  'Chrome OS': 'ChromeOS',
};

/**
 * A session's device in plain Spanish from its user agent: "Chrome en Linux", "Safari en iPhone",
 * "Navegador desconocido" when the agent says nothing a person would recognize (scripts, no header).
 */
export function deviceLabel(userAgent: string | null): string {
  if (!userAgent?.trim()) return 'Navegador desconocido';
  const parsed = Bowser.parse(userAgent);
  const browser = parsed.browser.name ? (BROWSERS[parsed.browser.name] ?? parsed.browser.name) : null;
  let system = parsed.os.name ? (SYSTEMS[parsed.os.name] ?? parsed.os.name) : null;
  if (system === 'iOS') system = /iPad/.test(userAgent) ? 'iPad' : 'iPhone';
  if (browser && system) return `${browser} en ${system}`;
  if (browser) return browser;
  if (system) return `Navegador en ${system}`;
  return 'Navegador desconocido';
}
