/**
 * Types of `src/cart/cartConfig.js` (lesson 01: every version of the shared cart settings) for
 * the root typecheck only: see `../payment/paymentProcessor.d.ts` for how `types/` is overlaid.
 */
declare const cartConfig: {
  currency: string;
  maxQuantityPerItem: number;
  maxDiscountPercent: number;
  /** From the feature branch's version on (the cart team's fixed-amount codes). */
  maxFixedDiscountCents?: number;
};

export = cartConfig;
