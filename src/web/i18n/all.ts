import i18n from 'i18next';
import esMX from './es-MX.json';

// Imported for its effect by the pages that need more than the sign-in strings (the signed-in
// frame, AppLayout, and the public pages outside it): adds every string before they render.
i18n.addResourceBundle('es-MX', 'translation', esMX, true, true);
