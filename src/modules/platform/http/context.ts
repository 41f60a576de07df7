import type { Auth } from '../../accounts/auth';
import type { Config } from '../config/config';
import type { Database } from '../db/client';

/** What every route and service may use: nothing here is per-request or per-instance state. */
export type AppContext = {
  config: Config;
  database: Database;
  auth: Auth;
};
