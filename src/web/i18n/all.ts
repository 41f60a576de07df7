import i18n from 'i18next';
import signedInStrings from 'virtual:signed-in-strings';

// Loaded before the parts that need more than the sign-in strings (withAllStrings in
// app/router.tsx: the signed-in frame and the public pages outside it): adds every string but the
// lazy sections (vite.config.ts), which their own components add (addLazyStrings).
i18n.addResourceBundle('es-MX', 'translation', signedInStrings, true, true);

/** Adds a lazy section of es-MX.json: called at the top of the module of the component showing it. */
export function addLazyStrings(strings: Record<string, unknown>) {
  i18n.addResourceBundle('es-MX', 'translation', strings, true, true);
}
