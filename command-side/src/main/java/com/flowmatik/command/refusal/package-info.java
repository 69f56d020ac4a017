/** Carries business refusals across the command bus as error codes in the exception details. */
package com.flowmatik.command.refusal;
