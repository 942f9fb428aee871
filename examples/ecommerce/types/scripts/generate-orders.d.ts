/**
 * Types of `scripts/generate-orders.js` (lesson 03) for the root typecheck only: see
 * `../src/payment/paymentProcessor.d.ts` for how `types/` is overlaid.
 */
export interface Order {
  id: string;
  customer: string;
  /** Product ids, in the order the customer added them. */
  items: string[];
}

export declare const ORDER_COUNT: number;
export declare const SEED: number;
/** `count` orders from the seeded generator: the same for the same seed, on any machine. */
export declare function generateOrders(count: number, seed: number): Order[];
/** A JSON array with one order per line (the bytes of `data/orders.json`). */
export declare function formatOrders(orders: readonly Order[]): string;
