import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
// Only the sections of es-MX.json the sign-in page shows (vite.config.ts picks them); the rest
// arrive with the signed-in frame and the public pages (all.ts), so the first page does not
// download every section's wording (issue 18).
import firstPageStrings from 'virtual:first-page-strings';

// Every string the user reads comes from es-MX.json; Spanish (Mexico) is the only language for now.
void i18n.use(initReactI18next).init({
  lng: 'es-MX',
  fallbackLng: 'es-MX',
  resources: { 'es-MX': { translation: firstPageStrings } },
  interpolation: { escapeValue: false },
  returnNull: false,
});

export default i18n;
