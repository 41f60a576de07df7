// The module-cycle check of ADR 0019 (see noModuleCycles in .dependency-cruiser.mjs): the same
// cruise without the browser's ui/ folders, with that one rule.
import config, { noModuleCycles } from './.dependency-cruiser.mjs';

/** @type {import('dependency-cruiser').IConfiguration} */
export default {
  forbidden: [noModuleCycles],
  options: {
    ...config.options,
    exclude: { path: [...config.options.exclude.path, '/ui/'] },
  },
};
