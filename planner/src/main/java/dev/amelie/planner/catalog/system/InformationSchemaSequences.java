package dev.amelie.planner.catalog.system;

import dev.amelie.compute.catalog.SequenceDef;
import dev.amelie.planner.catalog.SystemView;
import dev.amelie.vm.type.SqlType;

import java.util.ArrayList;
import java.util.List;

/**
 * information_schema.sequences: Every sequence with its parameters as text. Our sequences keep
 * no data type; the largest value tells it, as a serial's (integer) or smallserial's bound does.
 */
final class InformationSchemaSequences extends CatalogRelation {
    InformationSchemaSequences() {
        super(CatalogRelations.INFORMATION_SCHEMA, "sequences",
                "sequence_catalog", NAME, "sequence_schema", NAME, "sequence_name", NAME, "data_type", SqlType.TEXT,
                "numeric_precision", SqlType.INTEGER, "numeric_precision_radix", SqlType.INTEGER,
                "numeric_scale", SqlType.INTEGER, "start_value", SqlType.TEXT, "minimum_value", SqlType.TEXT,
                "maximum_value", SqlType.TEXT, "increment", SqlType.TEXT, "cycle_option", SqlType.TEXT);
    }

    @Override
    public List<Object[]> rows(CatalogContents contents) {
        List<Object[]> rows = new ArrayList<>();
        for (CatalogContents.Relation relation : contents.relations()) {
            SequenceDef sequence = relation.sequence();
            if (sequence == null) {
                continue;
            }
            boolean integer = sequence.maxValue() == Integer.MAX_VALUE;
            boolean smallint = sequence.maxValue() == Short.MAX_VALUE;
            rows.add(row().set("sequence_catalog", SystemView.DATABASE).set("sequence_schema", relation.schema())
                    .set("sequence_name", relation.name())
                    .set("data_type", integer ? "integer" : smallint ? "smallint" : "bigint")
                    .set("numeric_precision", integer ? 32 : smallint ? 16 : 64).set("numeric_precision_radix", 2)
                    .set("numeric_scale", 0).set("start_value", Long.toString(sequence.start()))
                    .set("minimum_value", Long.toString(sequence.minValue()))
                    .set("maximum_value", Long.toString(sequence.maxValue()))
                    .set("increment", Long.toString(sequence.increment()))
                    .set("cycle_option", sequence.cycle() ? "YES" : "NO").values());
        }
        return rows;
    }
}
