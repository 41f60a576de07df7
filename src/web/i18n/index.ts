import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
import esMX from './es-MX.json';

// Every string the user reads comes from here; Spanish (Mexico) is the only language for now.
export const resources = { 'es-MX': { translation: esMX } } as const;

void i18n.use(initReactI18next).init({
  lng: 'es-MX',
  fallbackLng: 'es-MX',
  resources,
  interpolation: { escapeValue: false },
  returnNull: false,
});

export default i18n;
