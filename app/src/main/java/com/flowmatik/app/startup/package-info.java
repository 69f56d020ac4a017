/**
 * What is checked before the platform starts, and how a refusal reads: one line naming the
 * setting and what to do (Spring Boot's failure analyzers), never a stack trace. Also the defaults
 * that depend on the environment (log format, Swagger UI).
 */
package com.flowmatik.app.startup;
