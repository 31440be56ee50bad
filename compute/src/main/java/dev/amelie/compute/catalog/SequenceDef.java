package dev.amelie.compute.catalog;

/** CREATE SEQUENCE's options, resolved: every bound is a number (PostgreSQL's defaults applied). */
public record SequenceDef(String schema, String name, long increment, long minValue, long maxValue, long start,
                          boolean cycle) {}
