package com.flowmatik.app.support;

/** Secrets that exist only for tests. */
public final class TestSecrets {

    /** 48 bytes: above the 256-bit minimum. */
    public static final String JWT = "test-only-jwt-secret-0123456789-abcdefghijklmnop";

    public static final String ADMIN_EMAIL = "admin@flowmatik.test";
    public static final String ADMIN_PASSWORD = "admin-password-1";

    /** The signing secrets the payment providers' webhooks are verified with in tests. */
    public static final String STRIPE_WEBHOOK_SECRET = "whsec_test_only_0123456789abcdef";

    public static final String LEMONSQUEEZY_WEBHOOK_SECRET = "lemonsqueezy-test-only-signing-secret";

    /** The API keys the payment stand-ins expect. */
    public static final String STRIPE_SECRET_KEY = "sk_test_stand_in_0123456789";

    public static final String LEMONSQUEEZY_API_KEY = "lemonsqueezy-stand-in-key";

    /** Stripe prices and LemonSqueezy variants of the paid plans, as configured in tests. */
    public static final String STRIPE_PRICE_STARTER = "price_starter_test";

    public static final String STRIPE_PRICE_PRO = "price_pro_test";
    public static final String STRIPE_PRICE_BUSINESS = "price_business_test";
    public static final String LEMONSQUEEZY_STORE_ID = "4242";
    public static final String LEMONSQUEEZY_VARIANT_STARTER = "101";
    public static final String LEMONSQUEEZY_VARIANT_PRO = "102";
    public static final String LEMONSQUEEZY_VARIANT_BUSINESS = "103";

    private TestSecrets() {}
}
