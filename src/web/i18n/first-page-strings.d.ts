// The sections of es-MX.json the sign-in page shows, picked at build time (vite.config.ts).
declare module 'virtual:first-page-strings' {
  const strings: Record<string, unknown>;
  export default strings;
}

// Every section but the lazy ones (all.ts), and one lazy section (vite.config.ts: LAZY_SECTIONS).
declare module 'virtual:signed-in-strings' {
  const strings: Record<string, unknown>;
  export default strings;
}
declare module 'virtual:lazy-strings/*' {
  const strings: Record<string, unknown>;
  export default strings;
}
