/**
 * What a message meant for a person must never show: a validation library's own wording, a
 * comparison sign, a format mask, an API key or code, or an English word.
 */
const MACHINE_TEXT = [
  /se esperaba/i,
  />=|<=/,
  /AAAA-MM-DD|YYYY/i,
  /\b(invalid|expected|required|string|number|received|undefined|null|true|false|too (small|big))\b/i,
  /[a-z]+_[a-z_]+/, // snake_case codes (enum values)
  /\b[a-z]+[A-Z][A-Za-z]*\b/, // camelCase keys
  /Demasiado|Entrada inválida|Opción inválida/,
];

/** The first machine-like piece of `message`, or undefined when a person could have written it. */
export function machineTextIn(message: string, codes: readonly string[] = []): string | undefined {
  for (const pattern of MACHINE_TEXT) {
    const m = pattern.exec(message);
    if (m) return m[0];
  }
  const words = new Set(message.toLowerCase().split(/[^a-záéíóúüñ_]+/));
  return codes.find((code) => code.length > 2 && words.has(code.toLowerCase()));
}
