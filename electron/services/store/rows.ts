/** Rows as SQLite returns them, turned into the domain types of shared/; the only place that knows the column names twice. */
import type { CallLogEntry } from '../../../shared/call.js';
import type { Customer, Interaction, Purchase, Ticket } from '../../../shared/domain.js';
import type { Draft } from '../../../shared/draft.js';
import type { SearchRow } from './migrations.js';

export type CustomerRow = SearchRow & {
  id: string;
  type: Customer['type'];
  industry: string | null;
  source: string | null;
  tags: string;
  country: string | null;
  created_at: string;
  updated_at: string;
};

export function toCustomer(row: CustomerRow): Customer {
  return {
    id: row.id,
    customerNumber: row.customer_number,
    firstName: row.first_name,
    lastName: row.last_name,
    company: row.company,
    email: row.email,
    type: row.type,
    industry: row.industry,
    source: row.source,
    tags: JSON.parse(row.tags) as string[],
    country: row.country,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

export const toPurchase = (r: Record<string, unknown>): Purchase => ({
  id: r.id as string,
  customerId: r.customer_id as string,
  orderNumber: r.order_number as string,
  product: r.product as string,
  quantity: r.quantity as number,
  amountMinor: r.amount_minor as number,
  currency: r.currency as string,
  purchasedAt: r.purchased_at as string,
});

export const toTicket = (r: Record<string, unknown>): Ticket => ({
  id: r.id as string,
  customerId: r.customer_id as string,
  subject: r.subject as string,
  status: r.status as Ticket['status'],
  priority: r.priority as Ticket['priority'],
  openedAt: r.opened_at as string,
  slaDueAt: r.sla_due_at as string | null,
});

export const toInteraction = (r: Record<string, unknown>): Interaction => ({
  id: r.id as string,
  customerId: r.customer_id as string | null,
  kind: r.kind as Interaction['kind'],
  callId: r.call_id as string | null,
  phone: r.phone as string | null,
  disposition: r.disposition as string | null,
  note: r.note as string,
  followUpOn: r.follow_up_on as string | null,
  agent: r.agent as string,
  agentName: r.agent_name as string | null,
  at: r.at as string,
});

/** An interaction's named parameters for INSERT: one from a hub or a feed that does not name the agent has no name. */
export const interactionRow = (i: Interaction) => ({ ...i, agentName: i.agentName ?? null });

export const toCallLogEntry = (r: Record<string, unknown>): CallLogEntry => ({
  callId: r.call_id as string,
  outcome: r.outcome as CallLogEntry['outcome'],
  direction: r.direction as CallLogEntry['direction'],
  remoteRaw: r.remote_raw as string,
  phone: r.phone as string | null,
  customerId: r.customer_id as string | null,
  customerName: r.customer_name as string | null,
  match: r.match as CallLogEntry['match'],
  startedAt: r.started_at as string,
  answeredAt: r.answered_at as string | null,
  endedAt: r.ended_at as string,
});

export const toDraft = (r: Record<string, unknown>): Draft => ({
  mutationId: r.mutation_id as string,
  callId: r.call_id as string | null,
  customerId: r.customer_id as string | null,
  customerName: r.customer_name as string | null,
  phone: r.phone as Draft['phone'],
  note: r.note as string,
  disposition: r.disposition as string,
  followUpOn: r.follow_up_on as string,
  updatedAt: r.updated_at as string,
});
