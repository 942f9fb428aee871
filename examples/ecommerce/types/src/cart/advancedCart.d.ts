/**
 * Types of `src/cart/advancedCart.js` as lesson 01 merges it into develop (items, quantities,
 * totals in integer cents, discounts), for the root typecheck only. Lesson 02's work-in-progress
 * version of the same path has no tests. The methods validate their arguments at run time:
 * the tests pass invalid ones with `as never`.
 */
declare namespace AdvancedCart {
  interface ItemInput {
    sku: string;
    name: string;
    /** Euros, at most 2 decimals. */
    price: number;
    /** Defaults to 1. */
    quantity?: number;
  }
  interface Line {
    sku: string;
    name: string;
    unitCents: number;
    quantity: number;
    lineCents: number;
  }
  interface DiscountInput {
    code: string;
    type: 'percent' | 'fixed';
    /** A whole percentage, or euros for a fixed discount. */
    value: number;
  }
  interface Discount {
    code: string;
    type: 'percent' | 'fixed';
    /** The percentage, or cents for a fixed discount. */
    value: number;
  }
}

declare class AdvancedCart {
  discount: AdvancedCart.Discount | null;
  addItem(item: AdvancedCart.ItemInput): this;
  updateQuantity(sku: string, quantity: number): this;
  removeItem(sku: string): boolean;
  /** Copies of the lines, with their total in cents. */
  getItems(): AdvancedCart.Line[];
  itemCount(): number;
  subtotalCents(): number;
  applyDiscount(discount: AdvancedCart.DiscountInput): this;
  removeDiscount(): this;
  discountCents(): number;
  totalCents(): number;
  summary(): string;
}

export = AdvancedCart;
