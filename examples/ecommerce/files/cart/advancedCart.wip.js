/**
 * Advanced Cart System - IN DEVELOPMENT
 * New cart system with advanced features
 */

class AdvancedCart {
    constructor() {
        this.items = [];
        this.discounts = [];
        this.recommendations = [];
    }

    // Feature in development - NOT COMPLETE
    addItemWithRecommendations(item) {
        this.items.push(item);
        // TODO: Implement the recommendation algorithm
        console.log('Advanced cart feature - WIP');
    }

    // Incomplete feature
    applyDynamicDiscount() {
        // TODO: Dynamic discount system
        console.log('Dynamic discount system - WIP');
    }
}

module.exports = AdvancedCart;
