// The sections of es-MX.json the sign-in page shows, picked at build time (vite.config.ts).
declare module 'virtual:first-page-strings' {
  const strings: Record<string, unknown>;
  export default strings;
}
