/**
 * Types of `src/recommendations/popularity.js` (lesson 03, experiment A) for the root
 * typecheck only. Same interface as every approach the benchmark loads.
 */
export interface PopularityModel {
  /** Product id -> number of orders containing it. */
  counts: Map<string, number>;
}

export declare const name: string;
export declare function train(orders: readonly {items: readonly string[]}[]): PopularityModel;
/** The `k` most bought products not in the basket; throws on a non-array basket or a bad `k`. */
export declare function recommend(model: PopularityModel, basket: readonly string[], k?: number): string[];
export declare function modelSize(model: PopularityModel): number;
