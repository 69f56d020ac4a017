package com.flowmatik.command.refusal;

import java.util.List;

/**
 * The one mapping from failures to what a client is told, as the web edge defines it for its HTTP
 * problem answers; doors that are not an HTTP answer (a streamed chat's {@code error} event, a
 * WebSocket {@code error} message) ask it, so that a failure reads the same at every door.
 */
public interface ErrorVocabulary {

    DescribedError describe(Throwable failure);

    /**
     * A failure as a client sees it.
     *
     * @param status the HTTP status the same failure is answered with
     * @param type the problem type's URI
     * @param slug its last segment, which clients switch on
     * @param errors the invalid fields of invalid input, as the HTTP problem's {@code errors}; empty otherwise
     */
    record DescribedError(
            int status, String type, String slug, String title, String detail, List<InvalidField> errors) {}

    /** One invalid field, and what is wrong with it. */
    record InvalidField(String field, String message) {}
}
