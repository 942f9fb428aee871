/**
 * Types of `src/cart/money.js` (lesson 01) for the root typecheck only. The functions check
 * their arguments at run time (tests pass invalid values on purpose), hence `unknown`.
 */
declare const money: {
  /** Euros (a finite number with at most 2 decimals) -> integer cents; throws otherwise. */
  toCents(amount: unknown): number;
  /** Integer cents -> "19.99 EUR"; throws on fractional cents. */
  formatCents(cents: unknown, currency?: string): string;
  /** A readable form of any value for error messages. */
  describe(value: unknown): string;
};

export = money;
