/**
 * The usage read model ({@code usage} processing group): AI use per user, UTC day and model, the log
 * of every AI request, and the limits each user is on.
 */
package com.flowmatik.query.usage;
