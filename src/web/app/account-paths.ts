// Kept apart from navigation.ts: the router imports it, and the menu's icons must stay out of the
// first page's bundle.

/** The person's own second factor (ADR 0028); whoever must enrol is kept here until they do. */
export const TWO_FACTOR_PAGE = '/cuenta/verificacion-en-dos-pasos';
