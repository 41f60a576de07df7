const BASE = 'http://vincula.invalid';

/**
 * Backslashes, slashes spelled in percent-encoding and control characters (raw or encoded) have
 * no place in the app's own paths, and browsers, proxies and routers disagree on what they mean:
 * refused outright rather than normalized.
 */
const ENCODED_AMBIGUITY = /\\|%(?:2f|5c|[01][0-9a-f]|7f)/i;
const hasControlCharacter = (s: string) => [...s].some((c) => c <= '\u001f' || c === '\u007f');

/**
 * The in-app path to go to after signing in, taken from the `siguiente` parameter. Anything that
 * would leave the site ("//evil.example", "/\evil.example", "/..//evil.example", "https://…",
 * "javascript:…") becomes "/".
 */
export function safeRedirectPath(value: string | null): string {
  if (!value || !value.startsWith('/') || hasControlCharacter(value)) return '/';
  if (ENCODED_AMBIGUITY.test(value.split(/[?#]/, 1)[0]!)) return '/';
  try {
    const url = new URL(value, BASE);
    if (url.origin !== BASE) return '/';
    const path = `${url.pathname}${url.search}${url.hash}`;
    // Dot segments can leave a path that starts with two slashes: another host for the browser.
    return /^\/[\\/]/.test(path) ? '/' : path;
  } catch {
    return '/';
  }
}
