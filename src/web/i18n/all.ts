import i18n from 'i18next';
import esMX from './es-MX.json';

// Loaded before the parts that need more than the sign-in strings (withAllStrings in
// app/router.tsx: the signed-in frame and the public pages outside it): adds every string.
i18n.addResourceBundle('es-MX', 'translation', esMX, true, true);
