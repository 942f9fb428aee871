/**
 * Payment Processor - HOTFIX VERSION
 * Payment processing system - timeout fix
 */

class PaymentProcessor {
    constructor() {
        this.apiUrl = 'https://payment-api.example.com';
        this.timeout = 60000; // 🔧 HOTFIX: Increased to 60 seconds
        this.retryAttempts = 2; // 🔧 HOTFIX: Added automatic retry
    }

    async processPayment(order) {
        try {
            console.log(`Processing payment for order ${order.id}`);
            
            // Order validation
            if (!this.validateOrder(order)) {
                throw new Error('Invalid order data');
            }

            // 🔧 HOTFIX: Implement retry logic
            let lastError;
            for (let attempt = 1; attempt <= this.retryAttempts; attempt++) {
                try {
                    console.log(`Payment attempt ${attempt}/${this.retryAttempts}`);
                    
                    const paymentData = {
                        amount: order.total,
                        currency: 'EUR',
                        orderId: order.id,
                        timestamp: new Date().toISOString(),
                        attempt: attempt // Track retry attempts
                    };

                    const response = await this.callPaymentAPI(paymentData);
                    
                    return {
                        success: true,
                        transactionId: response.transactionId,
                        message: `Payment processed successfully (attempt ${attempt})`,
                        attempts: attempt
                    };

                } catch (error) {
                    lastError = error;
                    console.log(`Attempt ${attempt} failed: ${error.message}`);
                    
                    // Don't retry on final attempt
                    if (attempt < this.retryAttempts) {
                        console.log('Retrying payment...');
                        await this.delay(2000); // 2 second delay between retries
                    }
                }
            }

            // All attempts failed
            return {
                success: false,
                error: `Payment failed after ${this.retryAttempts} attempts: ${lastError.message}`,
                orderId: order.id
            };

        } catch (error) {
            return {
                success: false,
                error: error.message,
                orderId: order.id
            };
        }
    }

    validateOrder(order) {
        return order && order.id && order.total > 0;
    }

    async callPaymentAPI(paymentData) {
        // 🔧 HOTFIX: Timeout increased and logic improved
        return new Promise((resolve, reject) => {
            const timer = setTimeout(() => {
                reject(new Error('Payment API timeout (60s)'));
            }, this.timeout);

            setTimeout(() => {
                clearTimeout(timer);
                // 🔧 HOTFIX: Improved success rate
                if (Math.random() > 0.05) { // 95% success rate
                    resolve({
                        transactionId: 'txn_' + Date.now(),
                        status: 'completed'
                    });
                } else {
                    reject(new Error('Payment provider temporary error'));
                }
            }, 3000); // Simulate 3 seconds of latency
        });
    }

    // 🔧 HOTFIX: Utility for the delay between retries
    delay(ms) {
        return new Promise(resolve => setTimeout(resolve, ms));
    }
}

module.exports = PaymentProcessor;
