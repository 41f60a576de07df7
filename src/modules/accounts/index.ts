// Face of the accounts module: what other modules may import from it (besides its contract files
// and, for foreign keys and queries, its schema files). Who is acting and what they may do: every
// module authorizes its routes and audits its changes with these.

export { actorByEmail, auditActor, authenticate, authorize } from './actor';
export type { Actor, ScopedAuditActor } from './actor';
export { findOrganizationByAcronym, findOrganizationName, staffUserCount } from './repository';
export { heldDelegations } from './delegation-repository';
export type { HeldDelegation } from './delegation-repository';
