/**
 * Recommendations - the approach the shop serves
 * Adopted after the experiment (see the merge of experiment/recs-co-purchase).
 */

module.exports = require('./coPurchase');
