/**
 * The web edge's shared parts: RFC 9457 problem details for every error (one advice, one writer for
 * filters), request ids on every response and log line, and the request body limit.
 */
package com.flowmatik.app.web;
