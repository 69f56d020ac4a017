/** The plans a user can be on and the daily limits each one grants. */
package com.flowmatik.api.plan;
