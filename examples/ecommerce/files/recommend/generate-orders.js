/**
 * Order history export - deterministic sample data
 *
 * Writes 200 orders as JSON (one order per line) to stdout:
 *   node scripts/generate-orders.js > data/orders.json
 * A seeded generator makes the history identical on every machine,
 * so every benchmark run compares the approaches on the same orders.
 */

// Products that customers tend to buy together (by product id).
const BUNDLES = [
    ['p01', 'p02', 'p03'], // laptop, sleeve, mouse
    ['p04', 'p05', 'p06'], // camera, SD card, camera bag
    ['p07', 'p08', 'p09'], // espresso machine, coffee beans, milk frother
    ['p10', 'p11', 'p12']  // running shoes, socks, water bottle
];
const ORDER_COUNT = 200;
const SEED = 2026;

// mulberry32: a tiny seeded pseudo-random generator (Math.random cannot be seeded)
function createRandom(seed) {
    let state = seed;
    return function random() {
        state = (state + 0x6d2b79f5) | 0;
        let t = Math.imul(state ^ (state >>> 15), 1 | state);
        t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
        return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
    };
}

// Fisher-Yates shuffle, in place
function shuffle(items, random) {
    for (let i = items.length - 1; i > 0; i--) {
        const j = Math.floor(random() * (i + 1));
        [items[i], items[j]] = [items[j], items[i]];
    }
    return items;
}

function generateOrders(count, seed) {
    const random = createRandom(seed);
    const orders = [];
    for (let n = 1; n <= count; n++) {
        const bundle = BUNDLES[Math.floor(random() * BUNDLES.length)];
        // 1 to 3 products of the same bundle
        const items = shuffle([...bundle], random).slice(0, 1 + Math.floor(random() * 3));
        if (random() < 0.35) items.push('p13'); // USB-C cable: a popular add-on to anything
        if (random() < 0.10) items.push('p14'); // gift card
        // Impulse buy: any product of the catalogue
        const impulse = 'p' + String(1 + Math.floor(random() * 14)).padStart(2, '0');
        if (random() < 0.45 && !items.includes(impulse)) items.push(impulse);
        if (items.length < 2) items.push(bundle.find(id => !items.includes(id)));
        shuffle(items, random); // the order in which the customer added them
        orders.push({
            id: 'ORD-' + String(n).padStart(4, '0'),
            customer: 'C' + String(1 + Math.floor(random() * 60)).padStart(3, '0'),
            items
        });
    }
    return orders;
}

// A JSON array with one order per line: readable diffs when the history changes
function formatOrders(orders) {
    return '[\n' + orders.map(order => JSON.stringify(order)).join(',\n') + '\n]\n';
}

if (require.main === module) {
    process.stdout.write(formatOrders(generateOrders(ORDER_COUNT, SEED)));
}

module.exports = { generateOrders, formatOrders, ORDER_COUNT, SEED };
