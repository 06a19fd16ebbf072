/** Rows as PostgreSQL returns them, turned into the domain types of shared/. */
import type { Customer, Interaction, Phone, Purchase, Ticket } from '../../shared/domain.js';

type Row = Record<string, unknown>;
const iso = (value: unknown) => (value as Date).toISOString();
const isoOrNull = (value: unknown) => (value === null ? null : iso(value));

export const toCustomer = (r: Row): Customer => ({
  id: r.id as string,
  customerNumber: r.customer_number as string,
  firstName: r.first_name as string,
  lastName: r.last_name as string,
  company: r.company as string | null,
  email: r.email as string | null,
  type: r.type as Customer['type'],
  industry: r.industry as string | null,
  source: r.source as string | null,
  tags: r.tags as string[],
  country: r.country as string | null,
  createdAt: iso(r.created_at),
  updatedAt: iso(r.updated_at),
});

export const toPhones = (r: Row): Phone[] => r.phones as Phone[];

export const toPurchase = (r: Row): Purchase => ({
  id: r.id as string,
  customerId: r.customer_id as string,
  orderNumber: r.order_number as string,
  product: r.product as string,
  quantity: r.quantity as number,
  amountMinor: r.amount_minor as number,
  currency: r.currency as string,
  purchasedAt: iso(r.purchased_at),
});

export const toTicket = (r: Row): Ticket => ({
  id: r.id as string,
  customerId: r.customer_id as string,
  subject: r.subject as string,
  status: r.status as Ticket['status'],
  priority: r.priority as Ticket['priority'],
  openedAt: iso(r.opened_at),
  slaDueAt: isoOrNull(r.sla_due_at),
});

export const toInteraction = (r: Row): Interaction => ({
  id: r.id as string,
  customerId: r.customer_id as string | null,
  kind: r.kind as Interaction['kind'],
  callId: r.call_id as string | null,
  phone: r.phone as string | null,
  disposition: r.disposition as string | null,
  note: r.note as string,
  followUpOn: r.follow_up_on as string | null,
  agent: r.agent as string,
  at: iso(r.at),
});
