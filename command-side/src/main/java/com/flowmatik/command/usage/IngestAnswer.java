package com.flowmatik.command.usage;

import java.util.List;

/** The answer to a batch: how many of each outcome, and one receipt per event in the order sent. */
record IngestAnswer(long accepted, long duplicates, long rejected, List<UsageReceipt> receipts) {

    static IngestAnswer of(List<UsageReceipt> receipts) {
        return new IngestAnswer(
                count(receipts, UsageReceipt.ACCEPTED),
                count(receipts, UsageReceipt.DUPLICATE),
                count(receipts, UsageReceipt.REJECTED),
                receipts);
    }

    private static long count(List<UsageReceipt> receipts, String status) {
        return receipts.stream()
                .filter(receipt -> receipt.status().equals(status))
                .count();
    }
}
