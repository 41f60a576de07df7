// Which sections of es-MX.json load when (vite.config.ts builds them; translationStrings in
// scripts/vite-plugins.ts).

/** The sections the sign-in page shows, in the first download. */
export const FIRST_PAGE_SECTIONS = ['common', 'errors', 'password', 'signIn'];

/**
 * A module's wording, loaded with the components that show it (`addLazyStrings` at the top of each
 * module naming its keys), not with the signed-in frame: it weighs nothing on the home page and the
 * other modules' pages (issue 18). lazy-sections.test.ts checks that every component naming one of
 * their keys loads the section.
 */
export const MODULE_SECTIONS = [
  'program',
  'governance',
  'channel',
  'channelReports',
  'outreach',
  'agreements',
  'observers',
];

/** Sections of one component or page, loaded with it (e.g. the audit trail's labels). */
const COMPONENT_SECTIONS = ['officeSetup', 'importPlan', 'letterhead', 'audit', 'delegations'];

/** Every section not in the signed-in frame's download (src/web/i18n/all.ts). */
export const LAZY_SECTIONS = [...COMPONENT_SECTIONS, ...MODULE_SECTIONS];
