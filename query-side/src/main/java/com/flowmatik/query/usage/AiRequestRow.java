package com.flowmatik.query.usage;

import com.flowmatik.api.identity.UserId;
import com.flowmatik.api.usage.OpenAiRequest;
import com.flowmatik.api.usage.RequestKind;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.PostLoad;
import jakarta.persistence.PostPersist;
import jakarta.persistence.Table;
import jakarta.persistence.Transient;
import java.time.Instant;
import org.springframework.data.domain.Persistable;

/** One AI request in the log: started, then completed or failed, with what it used and cost. */
@Entity
@Table(name = "ai_request_log")
class AiRequestRow implements Persistable<String> {

    enum Status {
        STARTED,
        COMPLETED,
        FAILED
    }

    @Id
    @Column(name = "request_id", length = 64)
    private String requestId;

    @Column(name = "user_id", nullable = false, length = 64)
    private String userId;

    @Column(name = "parent_request_id", length = 64)
    private String parentRequestId;

    @Enumerated(EnumType.STRING)
    @Column(name = "kind", nullable = false, length = 16)
    private RequestKind kind;

    @Column(name = "model", nullable = false, length = 128)
    private String model;

    @Enumerated(EnumType.STRING)
    @Column(name = "status", nullable = false, length = 16)
    private Status status;

    @Column(name = "prompt_tokens", nullable = false)
    private long promptTokens;

    @Column(name = "completion_tokens", nullable = false)
    private long completionTokens;

    @Column(name = "reasoning_tokens", nullable = false)
    private long reasoningTokens;

    @Column(name = "cost_micros", nullable = false)
    private long costMicros;

    @Column(name = "estimated", nullable = false)
    private boolean estimated;

    @Column(name = "failure_reason")
    private String failureReason;

    @Column(name = "started_at", nullable = false)
    private Instant startedAt;

    @Column(name = "finished_at")
    private Instant finishedAt;

    /** A row made here and not stored yet: saved with an insert, not looked up first. */
    @Transient
    private boolean isNew = true;

    protected AiRequestRow() {}

    AiRequestRow(
            String requestId,
            String userId,
            String parentRequestId,
            RequestKind kind,
            String model,
            Instant startedAt) {
        this.requestId = requestId;
        this.userId = userId;
        this.parentRequestId = parentRequestId;
        this.kind = kind;
        this.model = model;
        this.status = Status.STARTED;
        this.startedAt = startedAt;
    }

    /** The row as {@code ai_request_log} holds it. */
    static AiRequestRow stored(
            String requestId,
            String userId,
            String parentRequestId,
            RequestKind kind,
            String model,
            Status status,
            long promptTokens,
            long completionTokens,
            long reasoningTokens,
            long costMicros,
            boolean estimated,
            String failureReason,
            Instant startedAt,
            Instant finishedAt) {
        AiRequestRow row = new AiRequestRow(requestId, userId, parentRequestId, kind, model, startedAt);
        row.status = status;
        row.promptTokens = promptTokens;
        row.completionTokens = completionTokens;
        row.reasoningTokens = reasoningTokens;
        row.costMicros = costMicros;
        row.estimated = estimated;
        row.failureReason = failureReason;
        row.finishedAt = finishedAt;
        row.isNew = false;
        return row;
    }

    void complete(long prompt, long completion, long reasoning, boolean estimated, Instant at) {
        this.status = Status.COMPLETED;
        this.promptTokens = prompt;
        this.completionTokens = completion;
        this.reasoningTokens = reasoning;
        this.estimated = estimated;
        this.finishedAt = at;
    }

    void fail(String reason, Instant at) {
        this.status = Status.FAILED;
        this.failureReason = reason;
        this.finishedAt = at;
    }

    void charge(long prompt, long completion, long cost) {
        this.promptTokens = prompt;
        this.completionTokens = completion;
        this.costMicros = cost;
    }

    /** This request as one without an outcome yet. */
    OpenAiRequest toOpenRequest() {
        return new OpenAiRequest(UserId.of(userId), requestId, model, startedAt);
    }

    String userId() {
        return userId;
    }

    String parentRequestId() {
        return parentRequestId;
    }

    RequestKind kind() {
        return kind;
    }

    String model() {
        return model;
    }

    Status status() {
        return status;
    }

    long promptTokens() {
        return promptTokens;
    }

    long completionTokens() {
        return completionTokens;
    }

    long reasoningTokens() {
        return reasoningTokens;
    }

    long costMicros() {
        return costMicros;
    }

    boolean estimated() {
        return estimated;
    }

    String failureReason() {
        return failureReason;
    }

    Instant startedAt() {
        return startedAt;
    }

    Instant finishedAt() {
        return finishedAt;
    }

    @Override
    public String getId() {
        return requestId;
    }

    @Override
    public boolean isNew() {
        return isNew;
    }

    @PostLoad
    @PostPersist
    void stored() {
        isNew = false;
    }
}
