package com.flowmatik.command.usage;

/**
 * A usage event's id was claimed by another batch between this batch's look-up and its commit: the
 * batch recorded nothing and is run again, when the id is found taken.
 */
class ReceiptClaimLost extends RuntimeException {

    ReceiptClaimLost(Throwable cause) {
        super("a usage event id of this batch was recorded concurrently", cause);
    }
}
