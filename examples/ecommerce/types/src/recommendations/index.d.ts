/**
 * Types of `src/recommendations/index.js` (lesson 03): the approach the shop serves, which
 * re-exports the co-purchase module (`module.exports = require('./coPurchase')`).
 */
export * from './coPurchase.js';
