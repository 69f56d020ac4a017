package com.flowmatik.query.admin;

/** How many users one plan has ({@code plan} in its wire name). */
public record PlanShare(String plan, long users) {}
