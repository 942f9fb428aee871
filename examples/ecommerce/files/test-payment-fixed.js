const PaymentProcessor = require('./src/payment/paymentProcessor');

async function testPaymentFixed() {
    const processor = new PaymentProcessor();
    
    const testOrder = {
        id: 'ORD_HOTFIX_TEST',
        total: 149.99,
        items: ['urgent_product']
    };

    console.log('🧪 Testing HOTFIX payment processing...');
    console.log('Expected: High success rate with retry logic\n');
    
    let successCount = 0;
    const totalTests = 8;
    
    for (let i = 1; i <= totalTests; i++) {
        console.log(`--- Test ${i}/${totalTests} ---`);
        const result = await processor.processPayment(testOrder);
        
        if (result.success) {
            successCount++;
            console.log(`✅ SUCCESS: ${result.message}`);
            if (result.attempts > 1) {
                console.log(`   (Required ${result.attempts} attempts)`);
            }
        } else {
            console.log(`❌ FAILED: ${result.error}`);
        }
        console.log();
    }
    
    const successRate = (successCount / totalTests) * 100;
    console.log(`📊 === HOTFIX TEST RESULTS ===`);
    console.log(`Success rate: ${successRate}% (${successCount}/${totalTests})`);
    console.log(`Target: >95% ✅`);
    
    if (successRate >= 95) {
        console.log('🎯 HOTFIX VALIDATION: PASSED ✅');
    } else {
        console.log('⚠️  HOTFIX VALIDATION: NEEDS MORE WORK');
    }
}

testPaymentFixed();
