/**
 * Types of `src/recommendations/coPurchase.js` (lesson 03, experiment B, the winner) for the
 * root typecheck only. Same interface as every approach the benchmark loads.
 */
export interface CoPurchaseModel {
  /** Product id -> (other product id -> number of orders containing both). */
  pairs: Map<string, Map<string, number>>;
}

export declare const name: string;
export declare function train(orders: readonly {items: readonly string[]}[]): CoPurchaseModel;
/** The `k` products most bought with the basket; throws on a non-array basket or a bad `k`. */
export declare function recommend(model: CoPurchaseModel, basket: readonly string[], k?: number): string[];
export declare function modelSize(model: CoPurchaseModel): number;
