package com.flowmatik.query.admin;

/** Finds how many users are on each plan, every plan named (zero included). */
public record FindPlanMix() {}
