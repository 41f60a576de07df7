// Every table of the application, for Drizzle's query builder and drizzle-kit's migrations.
export * from '../modules/accounts/schema';
export * from '../modules/accounts/two-factor-schema';
export * from '../modules/directory/schema';
export * from '../modules/platform/audit/schema';
export * from '../modules/platform/files/schema';
export * from '../modules/platform/sequences/schema';
export * from '../modules/platform/config/schema';
export * from '../modules/platform/calendar/schema';
export * from '../modules/agreements/schema';
export * from '../modules/governance/schema';
export * from '../modules/channel/schema';
export * from '../modules/channel/report-schema';
export * from '../modules/channel/routing-schema';
export * from '../modules/program/schema';
export * from '../modules/outreach/schema';
export * from '../modules/reports/schema';
export * from '../modules/outreach/observers/schema';
