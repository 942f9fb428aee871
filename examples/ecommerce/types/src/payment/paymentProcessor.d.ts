/**
 * Types of `src/payment/paymentProcessor.js` (both versions: production and hotfix) for the
 * root typecheck only. The phase tests import the code by its path inside a phase's project
 * (`../src/payment/paymentProcessor.js`); tsconfig's `rootDirs` overlays this `types/` folder
 * on `examples/ecommerce/`, so that import resolves here. The phase projects themselves ship
 * no types: vitest strips them without checking.
 */
declare namespace PaymentProcessor {
  /** What the code reads from an order; tests also pass invalid values on purpose. */
  interface Order {
    id?: unknown;
    total?: unknown;
    items?: unknown;
  }
  interface PaymentData {
    amount: unknown;
    currency: string;
    orderId: unknown;
    timestamp: string;
    /** Hotfix version only. */
    attempt?: number;
  }
  interface PaymentResult {
    success: boolean;
    transactionId?: string;
    message?: string;
    /** Hotfix version only. */
    attempts?: number;
    error?: string;
    orderId?: unknown;
  }
}

declare class PaymentProcessor {
  apiUrl: string;
  timeout: number;
  /** Hotfix version only. */
  retryAttempts?: number;
  processPayment(order: PaymentProcessor.Order | null | undefined): Promise<PaymentProcessor.PaymentResult>;
  validateOrder(order: unknown): unknown;
  callPaymentAPI(paymentData: PaymentProcessor.PaymentData): Promise<{transactionId: string; status: string}>;
  /** Hotfix version only. */
  delay?(ms: number): Promise<void>;
}

export = PaymentProcessor;
