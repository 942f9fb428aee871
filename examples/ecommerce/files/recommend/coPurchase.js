/**
 * Recommendations - EXPERIMENT B: co-purchase
 * "Customers also bought": the products most often bought
 * together with what is already in the basket.
 */

const name = 'co-purchase';

// Model: for each product, how many orders contain it together with each other product.
function train(orders) {
    const pairs = new Map();
    for (const order of orders) {
        const items = [...new Set(order.items)];
        for (const a of items) {
            if (!pairs.has(a)) pairs.set(a, new Map());
            const row = pairs.get(a);
            for (const b of items) {
                if (a !== b) row.set(b, (row.get(b) || 0) + 1);
            }
        }
    }
    return { pairs };
}

function recommend(model, basket, k = 3) {
    if (!Array.isArray(basket)) throw new TypeError('basket must be an array of product ids');
    if (!Number.isInteger(k) || k < 1) throw new RangeError('k must be a positive integer');

    const inBasket = new Set(basket);
    const scores = new Map();
    for (const productId of inBasket) {
        const row = model.pairs.get(productId);
        if (!row) continue; // never bought with anything else: no evidence to use
        for (const [other, count] of row) {
            if (!inBasket.has(other)) scores.set(other, (scores.get(other) || 0) + count);
        }
    }
    return [...scores]
        // Highest score first; ties by product id, so the result never depends on input order
        .sort(([idA, scoreA], [idB, scoreB]) => scoreB - scoreA || idA.localeCompare(idB))
        .slice(0, k)
        .map(([productId]) => productId);
}

// Size of the model: one counter per pair of products bought together.
function modelSize(model) {
    let entries = 0;
    for (const row of model.pairs.values()) entries += row.size;
    return entries;
}

module.exports = { name, train, recommend, modelSize };
