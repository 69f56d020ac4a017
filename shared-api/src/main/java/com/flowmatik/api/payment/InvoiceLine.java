package com.flowmatik.api.payment;

/** One line of an invoice: what was charged for, how many, and the line's amount. */
public record InvoiceLine(String description, long quantity, Money amount) {}
