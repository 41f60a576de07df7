const BASE = 'http://vincula.invalid';

/**
 * The in-app path to go to after signing in, taken from the `siguiente` parameter. Anything that
 * would leave the site ("//evil.example", "/\evil.example", "https://…", "javascript:…") becomes "/".
 */
export function safeRedirectPath(value: string | null): string {
  if (!value || !value.startsWith('/')) return '/';
  try {
    const url = new URL(value, BASE);
    if (url.origin !== BASE) return '/';
    return `${url.pathname}${url.search}${url.hash}`;
  } catch {
    return '/';
  }
}
