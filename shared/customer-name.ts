/** How a customer is named on a card, in the call log and in a notification: the person, else the company. */
export function customerDisplayName(customer: { firstName: string; lastName: string; company: string | null }): string {
  const name = `${customer.firstName} ${customer.lastName}`.trim();
  return name || customer.company || '';
}

/** Why a customer with neither a name nor a company is refused, when created or edited. */
export const NAMELESS_CUSTOMER = 'a customer needs a name or a company';
