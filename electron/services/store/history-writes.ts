/**
 * Writing a customer's history: purchases, tickets and interactions. One statement each for
 * every writer (a batch of demo or imported data, a note saved on the desk, a page pulled from
 * the hub), so a row lands the same way whichever side it came from: a row the hub sends
 * again, edited or not, takes the place of the copy this desk holds. INSERT OR REPLACE rather
 * than an upsert: no row references a history row, so the replace's delete cascades nowhere, and
 * it costs one index search where an upsert costs two, which a first sync of millions of rows feels.
 */
import type { Database } from 'better-sqlite3';
import type { Interaction, Purchase, Ticket } from '../../../shared/domain.js';
import { INTERACTIONS, PURCHASES, TICKETS } from './tables.js';

export interface HistoryWrites {
  putPurchase(purchase: Purchase): void;
  putTicket(ticket: Ticket): void;
  putInteraction(interaction: Interaction): void;
}

export function createHistoryWrites(db: Database): HistoryWrites {
  const sql = {
    purchase: db.prepare(PURCHASES.insertOrReplace),
    ticket: db.prepare(TICKETS.insertOrReplace),
    interaction: db.prepare(INTERACTIONS.insertOrReplace),
  };
  return {
    putPurchase(purchase) {
      sql.purchase.run(PURCHASES.params(purchase));
    },
    putTicket(ticket) {
      sql.ticket.run(TICKETS.params(ticket));
    },
    putInteraction(interaction) {
      sql.interaction.run(INTERACTIONS.params(interaction));
    },
  };
}
