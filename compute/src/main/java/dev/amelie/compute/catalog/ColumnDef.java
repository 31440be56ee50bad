package dev.amelie.compute.catalog;

import dev.amelie.vm.type.SqlType;

/** A table column: name (already case-folded), type, and whether it rejects NULL. */
public record ColumnDef(String name, SqlType type, boolean notNull) {}
