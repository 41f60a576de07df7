import { z } from 'zod';
import { LocalDateSchema } from '../../shared/dates';
import { PageQuerySchema, pageOf } from '../../shared/paging';
import {
  ChannelModuleSchema,
  DocumentTypeSchema,
  FolioNatureSchema,
  FolioStatusSchema,
  OpenRoutingsChoiceSchema,
} from './contract';

// API types of routing (turno), area queues, consolidation and attachments. Browser-safe like
// contract.ts (kept apart from it so the statistics work and this one touch different files).

/** A slip's area is responsible for the answer or only informed (routing-state.ts has the rules). */
export const ROUTING_ROLES = ['responsible', 'informed'] as const;
export type RoutingRole = (typeof ROUTING_ROLES)[number];

/**
 * `proposed`: liaison staff proposed the routing and the organization requires that the Secretaría
 * Ejecutiva instruct it before the areas see it (routing-instruction.ts); `assigned` slips are in
 * their area's queue.
 */
export const ROUTING_STATES = ['proposed', 'assigned', 'answered', 'returned', 'withdrawn'] as const;
export type RoutingState = (typeof ROUTING_STATES)[number];

export const RoutingRoleSchema = z.enum(ROUTING_ROLES);
export const RoutingStateSchema = z.enum(ROUTING_STATES);

export const RouteFolioInputSchema = z
  .strictObject({
    responsibleAreaId: z.uuid().nullable().default(null),
    informedAreaIds: z.array(z.uuid()).max(30).default([]),
    instructions: z.string().trim().max(5000).default(''),
    /** The internal due date, as a day or as business days counted from the routing day. */
    internalDueOn: LocalDateSchema.nullable().default(null),
    internalDueBusinessDays: z.number().int().min(1).max(60).nullable().default(null),
  })
  .superRefine((v, ctx) => {
    if (v.internalDueOn && v.internalDueBusinessDays) {
      ctx.addIssue({
        code: 'custom',
        path: ['internalDueBusinessDays'],
        message: 'Indique el plazo interno como fecha o como días hábiles, no ambos',
      });
    }
  });
export type RouteFolioInput = z.infer<typeof RouteFolioInputSchema>;

export const ReassignRoutingInputSchema = z.strictObject({
  areaId: z.uuid(),
  reason: z.string().trim().min(1, 'Indique el motivo de la reasignación').max(2000),
  instructions: z.string().trim().max(5000).optional(),
  internalDueOn: LocalDateSchema.nullable().optional(),
});
export type ReassignRoutingInput = z.infer<typeof ReassignRoutingInputSchema>;

export const AnswerRoutingInputSchema = z.strictObject({
  text: z.string().trim().min(1, 'Escriba la respuesta del área').max(20_000),
});
export const ReturnRoutingInputSchema = z.strictObject({
  reason: z.string().trim().min(1, 'Indique el motivo de la devolución').max(2000),
});

/** Liaison staff send the consolidated answer: a folio event with its text and attachments. */
export const ConsolidateInputSchema = z.strictObject({
  event: z.enum(['local_answers', 'local_acknowledges', 'national_concludes', 'national_returns']),
  text: z.string().trim().max(20_000).default(''),
  on: LocalDateSchema.optional(),
  /** Files of the areas' answers to send along with the answer. */
  attachmentIds: z.array(z.uuid()).max(50).default([]),
  /** What happens to slips still open (contract-open-routings.ts). */
  openRoutings: OpenRoutingsChoiceSchema.optional(),
});
export type ConsolidateInput = z.infer<typeof ConsolidateInputSchema>;

export const AttachmentSchema = z
  .object({
    id: z.uuid(),
    owner: z.enum(['communication', 'message', 'routing', 'occurrence']),
    ownerId: z.uuid(),
    filename: z.string(),
    mediaType: z.string(),
    size: z.number().int(),
    sha256: z.string(),
    createdAt: z.string(),
  })
  .meta({ id: 'ChannelAttachment' });
export type Attachment = z.infer<typeof AttachmentSchema>;

export const RoutingSchema = z
  .object({
    id: z.uuid(),
    folioId: z.uuid(),
    area: z.object({ id: z.uuid(), name: z.string(), acronym: z.string().nullable() }),
    role: RoutingRoleSchema,
    state: RoutingStateSchema,
    instructions: z.string(),
    internalDueOn: LocalDateSchema.nullable(),
    assignedAt: z.string(),
    assignedBy: z.string().nullable().describe('Nombre de quien turnó'),
    answerText: z.string().nullable(),
    returnReason: z.string().nullable(),
    closedAt: z.string().nullable(),
    closedBy: z.string().nullable(),
    /** The absent person `closedBy` acted for (encargo de despacho, ADR 0035). */
    closedOnBehalfOf: z.string().nullable(),
    previousId: z.uuid().nullable(),
    /** Who of the Secretaría Ejecutiva instructed the routing, and when (null when not required). */
    instructedBy: z.string().nullable(),
    instructedAt: z.string().nullable(),
    /** Business days the slip spent (or has spent so far) in the area. */
    businessDaysInArea: z.number().int(),
    overdue: z.boolean(),
    dueSoon: z.boolean(),
    attachments: z.array(AttachmentSchema),
  })
  .meta({ id: 'ChannelRouting' });
export type Routing = z.infer<typeof RoutingSchema>;

/** What an area sees of a routed folio. */
export const RoutedFolioSchema = z.object({
  id: z.uuid(),
  folio: z.string(),
  module: ChannelModuleSchema,
  documentType: DocumentTypeSchema,
  nature: FolioNatureSchema,
  subject: z.string(),
  originLabel: z.string(),
  status: FolioStatusSchema,
  receivedOn: LocalDateSchema,
  dueOn: LocalDateSchema.nullable(),
  overdue: z.boolean(),
  dueSoon: z.boolean(),
});

/** The absent person whose queue holds the slip, when the user works it for them (ADR 0035). */
const ActingForSchema = z.object({ userId: z.string(), name: z.string() }).nullable();

export const QueueItemSchema = RoutingSchema.omit({ attachments: true })
  .extend({ folioSummary: RoutedFolioSchema, actingFor: ActingForSchema })
  .meta({ id: 'ChannelQueueItem' });
export type QueueItem = z.infer<typeof QueueItemSchema>;

export const QueueQuerySchema = PageQuerySchema.extend({
  state: z.enum(['open', 'closed', 'all']).default('open'),
});
export const QueuePageSchema = pageOf(QueueItemSchema);

export const RoutingDetailSchema = RoutingSchema.extend({
  folioSummary: RoutedFolioSchema.extend({ body: z.string() }),
  /** The communication's files (what the counterpart sent). */
  folioAttachments: z.array(AttachmentSchema),
  actingFor: ActingForSchema,
}).meta({ id: 'ChannelRoutingDetail' });
export type RoutingDetail = z.infer<typeof RoutingDetailSchema>;

// ---- the Secretaría Ejecutiva's instruction of routings (issue 23 item 4, ADR 0038)

/**
 * Whether routings need the SE's instruction: the area whose staff instruct them (the SE, as
 * registered in the directory), or null when liaison staff's routings reach the areas directly.
 */
export const RoutingPolicySchema = z
  .object({
    instructingArea: z.object({ id: z.uuid(), name: z.string() }).nullable(),
  })
  .meta({ id: 'ChannelRoutingPolicy' });
export type RoutingPolicy = z.infer<typeof RoutingPolicySchema>;

export const RoutingPolicyInputSchema = z.strictObject({
  instructingAreaId: z.uuid().nullable(),
});
export type RoutingPolicyInput = z.infer<typeof RoutingPolicyInputSchema>;

export const InstructRoutingInputSchema = z
  .strictObject({
    decision: z.enum(['instruct', 'decline']),
    /** The SE's words: added to the areas' instructions, or why the proposal goes back. */
    note: z.string().trim().max(5000).default(''),
  })
  .superRefine((v, ctx) => {
    if (v.decision === 'decline' && !v.note) {
      ctx.addIssue({
        code: 'custom',
        path: ['note'],
        message: 'Indique por qué se devuelve la propuesta de turno',
      });
    }
  });
export type InstructRoutingInput = z.infer<typeof InstructRoutingInputSchema>;

/** A folio whose routing awaits the SE's instruction, with the slips proposed. */
export const ProposedRoutingSchema = z
  .object({
    folioSummary: RoutedFolioSchema,
    routings: z.array(RoutingSchema.omit({ attachments: true })),
  })
  .meta({ id: 'ChannelProposedRouting' });

export const InstructionQueueSchema = z
  .object({
    /** Whether the user instructs routings (staff of the instructing area, or acting for one). */
    instructs: z.boolean(),
    items: z.array(ProposedRoutingSchema),
  })
  .meta({ id: 'ChannelInstructionQueue' });
export type InstructionQueue = z.infer<typeof InstructionQueueSchema>;
