import { z } from 'zod';

// Foreign observers and visitors (the accompaniment mission): API types shared by the server and
// the web client. Browser-safe: no server imports.

export const REGISTRANT_KINDS = ['observer', 'visitor'] as const;
export const ACCREDITATION_STATUSES = ['requested', 'in_process', 'accredited', 'rejected'] as const;
export const AGENDA_KINDS = ['activity', 'route'] as const;
export const DELIVERY_STATUSES = ['queued', 'sent', 'failed', 'skipped'] as const;
