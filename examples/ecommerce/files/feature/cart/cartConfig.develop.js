/**
 * Cart configuration shared by every cart module (and by more than one team).
 */
module.exports = {
    currency: 'EUR',
    maxQuantityPerItem: 10,

    // Discount limits (set by marketing)
    maxDiscountPercent: 30,
};
