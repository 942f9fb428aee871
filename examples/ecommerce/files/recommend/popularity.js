/**
 * Recommendations - EXPERIMENT A: popularity
 * "Customers also bought": the most bought products overall,
 * leaving out what is already in the basket.
 */

const name = 'popularity';

// Model: how many orders contain each product.
function train(orders) {
    const counts = new Map();
    for (const order of orders) {
        for (const productId of new Set(order.items)) {
            counts.set(productId, (counts.get(productId) || 0) + 1);
        }
    }
    return { counts };
}

function recommend(model, basket, k = 3) {
    if (!Array.isArray(basket)) throw new TypeError('basket must be an array of product ids');
    if (!Number.isInteger(k) || k < 1) throw new RangeError('k must be a positive integer');

    const inBasket = new Set(basket);
    return [...model.counts]
        .filter(([productId]) => !inBasket.has(productId))
        // Highest count first; ties by product id, so the result never depends on input order
        .sort(([idA, countA], [idB, countB]) => countB - countA || idA.localeCompare(idB))
        .slice(0, k)
        .map(([productId]) => productId);
}

// Size of the model: one counter per product.
function modelSize(model) {
    return model.counts.size;
}

module.exports = { name, train, recommend, modelSize };
