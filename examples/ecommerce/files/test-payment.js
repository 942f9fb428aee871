const PaymentProcessor = require('./src/payment/paymentProcessor');

async function testPayment() {
    const processor = new PaymentProcessor();
    
    const testOrder = {
        id: 'ORD_12345',
        total: 99.99,
        items: ['product1', 'product2']
    };

    console.log('🧪 Testing payment processing...');
    
    for (let i = 1; i <= 5; i++) {
        console.log(`\nTest ${i}:`);
        const result = await processor.processPayment(testOrder);
        console.log(result);
    }
}

testPayment();
