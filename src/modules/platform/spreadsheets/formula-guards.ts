// Spreadsheet programs run a cell that starts with "=", "+", "-" or "@" as a formula, which a
// malicious record could abuse ("CSV injection"). Exports prefix such cells with an apostrophe,
// except plain numbers and phone numbers ("+52 55 1234 5678", "-3"); imports drop the prefix again.
const FORMULA_START = /^[=+\-@\t\r]/;
const HARMLESS = /^[+-][\d\s().,-]*$/;

export function neutralizeFormula(text: string): string {
  return FORMULA_START.test(text) && !HARMLESS.test(text) ? `'${text}` : text;
}

export function restoreFormulaText(text: string): string {
  return text.startsWith("'") && FORMULA_START.test(text.slice(1)) ? text.slice(1) : text;
}
