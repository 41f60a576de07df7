// Face of the directory module: what other modules may import from it (besides its contract files
// and, for foreign keys and queries, its schema files). The directory's records as other modules
// reference them (ids they hold must exist in the organization's directory), and the demo's
// helpers.

export { createInstitution } from './create-institution';
export { createPerson } from './create-person';
export { areaHeadCoverage, existingAreaIds, existingInstitutionIds, existingPersonIds } from './repository';
