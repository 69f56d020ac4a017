/**
 * The write model: aggregates that enforce the business rules and record what happened as events,
 * grouped by capability.
 */
package com.flowmatik.command;
