package com.flowmatik.app.replay;

import com.fasterxml.jackson.annotation.JsonValue;
import java.time.Instant;
import java.util.Locale;

/**
 * Where one replay stands. {@code processed} and {@code total} are positions in the event stream:
 * the slowest segment's position and the head of the stream when the replay began.
 */
public record Replay(
        String replayId,
        String projection,
        Status status,
        long processed,
        long total,
        String reason,
        Instant startedAt,
        Instant endedAt) {

    public enum Status {
        RUNNING,
        DONE,
        FAILED;

        @JsonValue
        public String wireName() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    static Replay started(String replayId, String projection, Instant at) {
        return new Replay(replayId, projection, Status.RUNNING, 0, 0, null, at, null);
    }

    Replay progressed(long processed, long total) {
        return new Replay(replayId, projection, status, processed, total, reason, startedAt, endedAt);
    }

    Replay done(Instant at) {
        return new Replay(replayId, projection, Status.DONE, total, total, null, startedAt, at);
    }

    Replay failed(String why, Instant at) {
        return new Replay(replayId, projection, Status.FAILED, processed, total, why, startedAt, at);
    }

    boolean running() {
        return status == Status.RUNNING;
    }
}
