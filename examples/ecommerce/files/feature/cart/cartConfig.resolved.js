/**
 * Cart configuration shared by every cart module (and by more than one team).
 */
module.exports = {
    currency: 'EUR',
    maxQuantityPerItem: 10,

    // Discount limits (percentage set by marketing, fixed-amount codes by the cart team)
    maxDiscountPercent: 30,
    maxFixedDiscountCents: 2000,
};
