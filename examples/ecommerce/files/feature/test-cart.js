const AdvancedCart = require('./src/cart/advancedCart');

function testCart() {
    const cart = new AdvancedCart();

    console.log('🛒 Testing the advanced cart...\n');

    cart.addItem({ sku: 'KB-01', name: 'Mechanical keyboard', price: 49.99 });
    cart.addItem({ sku: 'MS-02', name: 'Wireless mouse', price: 19.99, quantity: 2 });
    cart.addItem({ sku: 'ST-03', name: 'Logo sticker', price: 0.1 });
    cart.addItem({ sku: 'PN-04', name: 'Enamel pin', price: 0.2 });
    cart.updateQuantity('MS-02', 3);

    console.log(cart.summary());

    // The sticker and the pin on their own: floating point vs integer cents.
    const small = new AdvancedCart()
        .addItem({ sku: 'ST-03', name: 'Logo sticker', price: 0.1 })
        .addItem({ sku: 'PN-04', name: 'Enamel pin', price: 0.2 });
    console.log('\n💶 Sticker + pin in floating point: 0.1 + 0.2 =', 0.1 + 0.2);
    console.log('   Sticker + pin in the cart:', small.subtotalCents(), 'cents');

    console.log('\n🏷️  Applying WELCOME10 (10%)...');
    cart.applyDiscount({ code: 'WELCOME10', type: 'percent', value: 10 });
    console.log(cart.summary());

    console.log('\n🚫 Trying BLACKFRIDAY (60%)...');
    try {
        cart.applyDiscount({ code: 'BLACKFRIDAY', type: 'percent', value: 60 });
    } catch (error) {
        console.log(`Rejected: ${error.message}`);
    }

    console.log('\n🏷️  Applying FIVEOFF (5.00 EUR)...');
    cart.applyDiscount({ code: 'FIVEOFF', type: 'fixed', value: 5 });
    console.log(cart.summary());
}

testCart();
