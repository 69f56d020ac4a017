package com.flowmatik.command.usage;

import com.flowmatik.api.identity.UserId;
import jakarta.validation.Valid;
import java.security.Principal;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/** {@code /api/usage/events}: usage that happened elsewhere, sent in batches, and the receipt of each event. */
@RestController
class UsageEventsController {

    private final UsageIngest ingest;
    private final UsageReceipts receipts;

    UsageEventsController(UsageIngest ingest, UsageReceipts receipts) {
        this.ingest = ingest;
        this.receipts = receipts;
    }

    @PostMapping("/api/usage/events")
    IngestAnswer record(Principal caller, @Valid @RequestBody UsageEventsBody body) {
        return ingest.record(UserId.of(caller.getName()), body.events());
    }

    /** Only the caller's own ids: another user's is as unknown as one never sent. */
    @GetMapping("/api/usage/events/{id}")
    UsageReceipt receipt(Principal caller, @PathVariable String id) {
        return receipts.find(UserId.of(caller.getName()), id)
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "No usage event with this id"));
    }
}
