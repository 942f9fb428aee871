/**
 * Types of `bench-recommendations.js` (lesson 03's benchmark harness) for the root typecheck
 * only: see `src/payment/paymentProcessor.d.ts` for how `types/` is overlaid.
 */
import type {Order} from './scripts/generate-orders.js';

/** What every approach module exports (`src/recommendations/*.js`). */
export interface Approach<Model> {
  name: string;
  train(orders: Order[]): Model;
  recommend(model: Model, basket: string[], k: number): string[];
  modelSize(model: Model): number;
}

/** The figures of one approach in the report. */
export interface Score {
  name: string;
  hits: number;
  cases: number;
  coverage: number;
  modelSize: number;
}

export interface Evaluation<Model> extends Score {
  model: Model;
  /** The baskets recommended for (held-out orders minus their last product). */
  baskets: string[][];
}

export declare const TOP_K: number;
export declare const HELD_OUT: number;
/** The older orders for training, the newest `heldOut` for the test. */
export declare function splitOrders<T>(orders: readonly T[], heldOut: number): {training: T[]; test: T[]};
export declare function evaluate<Model>(approach: Approach<Model>, training: Order[], test: Order[]): Evaluation<Model>;
export declare function formatReport(
  results: readonly Score[],
  sizes: {training: number; test: number; catalogueSize: number},
  timings: readonly number[] | null,
): string;
