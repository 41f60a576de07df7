// Every table of the application, for Drizzle's query builder and drizzle-kit's migrations.
export * from '../../accounts/schema';
export * from '../../directory/schema';
export * from '../../audit/schema';
export * from '../files/schema';
export * from '../sequences/schema';
export * from '../../agreements/schema';
export * from '../../governance/schema';
export * from '../../channel/schema';
export * from '../../channel/report-schema';
export * from '../../channel/routing-schema';
export * from '../../program/schema';
export * from '../../outreach/schema';
export * from '../../reports/schema';
export * from '../../outreach/observers/schema';
