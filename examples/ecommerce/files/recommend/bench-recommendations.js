/**
 * Recommendation benchmark - the same yardstick for every experiment
 *
 * Usage: node bench-recommendations.js [--time] <approach.js> [<approach.js> ...]
 *
 * Each approach is trained on the older orders. For each of the newest orders
 * (held out, never seen in training) the last product is hidden and the approach
 * recommends the top 3 for the rest of the basket: a hit when the hidden product
 * is among them. Every figure is deterministic, except the optional --time column.
 */

const path = require('path');
const products = require('./data/products.json');
const orders = require('./data/orders.json');

const TOP_K = 3;
const HELD_OUT = 50;

function splitOrders(allOrders, heldOut) {
    return {
        training: allOrders.slice(0, allOrders.length - heldOut),
        test: allOrders.slice(allOrders.length - heldOut)
    };
}

function loadApproach(file) {
    const approach = require(path.resolve(file));
    for (const key of ['name', 'train', 'recommend', 'modelSize']) {
        if (!(key in approach)) throw new Error(`${file} does not export "${key}"`);
    }
    return approach;
}

function evaluate(approach, training, test) {
    const model = approach.train(training);
    const recommended = new Set();
    const cases = [];
    let hits = 0;
    for (const order of test) {
        if (order.items.length < 2) continue; // nothing left to recommend from
        const basket = order.items.slice(0, -1);
        const hidden = order.items[order.items.length - 1];
        const recs = approach.recommend(model, basket, TOP_K);
        recs.forEach(id => recommended.add(id));
        if (recs.includes(hidden)) hits++;
        cases.push(basket);
    }
    return { name: approach.name, hits, cases: cases.length, coverage: recommended.size,
             modelSize: approach.modelSize(model), model, baskets: cases };
}

// Microseconds per recommendation: depends on the machine, so it is optional.
function timePerRecommendation(approach, result, rounds = 200) {
    const start = process.hrtime.bigint();
    for (let r = 0; r < rounds; r++) {
        for (const basket of result.baskets) approach.recommend(result.model, basket, TOP_K);
    }
    const elapsedNs = Number(process.hrtime.bigint() - start);
    return elapsedNs / 1000 / (rounds * result.baskets.length);
}

const percent = (part, whole) => `${part}/${whole} (${(100 * part / whole).toFixed(1)}%)`;

function formatReport(results, { training, test, catalogueSize }, timings) {
    const header = ['approach', 'hit rate (top 3)', 'coverage', 'model entries'];
    if (timings) header.push('µs/rec *');
    const rows = results.map((r, i) => {
        const row = [r.name, percent(r.hits, r.cases), percent(r.coverage, catalogueSize), String(r.modelSize)];
        if (timings) row.push(timings[i].toFixed(1));
        return row;
    });
    const widths = header.map((h, c) => Math.max(h.length, ...rows.map(row => row[c].length)));
    const line = cells => cells.map((cell, c) => cell.padEnd(widths[c])).join('   ').trimEnd();
    const out = [
        `Orders: ${training} for training, ${test} held out (the newest)`,
        '',
        line(header),
        ...rows.map(line)
    ];
    if (timings) out.push('', '* machine-dependent: differs between runs and machines');
    return out.join('\n');
}

function main(args) {
    const withTime = args.includes('--time');
    const files = args.filter(a => a !== '--time');
    if (files.length === 0) {
        console.error('Usage: node bench-recommendations.js [--time] <approach.js> [<approach.js> ...]');
        process.exitCode = 1;
        return;
    }
    const { training, test } = splitOrders(orders, HELD_OUT);
    const approaches = files.map(loadApproach);
    const results = approaches.map(a => evaluate(a, training, test));
    const timings = withTime ? approaches.map((a, i) => timePerRecommendation(a, results[i])) : null;
    console.log(formatReport(results,
        { training: training.length, test: test.length, catalogueSize: products.length }, timings));
}

if (require.main === module) main(process.argv.slice(2));

module.exports = { splitOrders, evaluate, formatReport, TOP_K, HELD_OUT };
