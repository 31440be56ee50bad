package dev.amelie.planner.catalog.system;

import dev.amelie.compute.catalog.ColumnDef;
import dev.amelie.compute.catalog.SequenceDef;
import dev.amelie.planner.catalog.SystemView;
import dev.amelie.vm.type.SqlType;

import java.util.ArrayList;
import java.util.List;

/**
 * information_schema.sequences: every sequence, its bounds as text (PostgreSQL's columns are
 * character_data). A sequence a serial column owns has that column's type (serial: integer), as
 * PostgreSQL creates it; any other is bigint, CREATE SEQUENCE's default.
 */
final class InformationSchemaSequences extends CatalogRelation {
    InformationSchemaSequences() {
        super(CatalogRelations.INFORMATION_SCHEMA, "sequences",
                "sequence_catalog", NAME, "sequence_schema", NAME, "sequence_name", NAME,
                "data_type", InformationSchema.CHARACTER_DATA, "numeric_precision", InformationSchema.CARDINAL_NUMBER,
                "numeric_precision_radix", InformationSchema.CARDINAL_NUMBER,
                "numeric_scale", InformationSchema.CARDINAL_NUMBER, "start_value", InformationSchema.CHARACTER_DATA,
                "minimum_value", InformationSchema.CHARACTER_DATA, "maximum_value", InformationSchema.CHARACTER_DATA,
                "increment", InformationSchema.CHARACTER_DATA, "cycle_option", InformationSchema.YES_OR_NO);
    }

    @Override
    public List<Object[]> rows(CatalogContents contents) {
        List<Object[]> rows = new ArrayList<>();
        for (CatalogContents.Relation relation : contents.relations()) {
            SequenceDef sequence = relation.sequence();
            if (sequence == null) {
                continue;
            }
            ColumnTypeFacts type = new ColumnTypeFacts(new ColumnDef("", ownerType(contents, sequence), true));
            rows.add(row().set("sequence_catalog", SystemView.DATABASE).set("sequence_schema", relation.schema())
                    .set("sequence_name", relation.name()).set("data_type", type.dataType())
                    .set("numeric_precision", type.numericPrecision()).set("numeric_precision_radix", type.numericPrecisionRadix())
                    .set("numeric_scale", type.numericScale()).set("start_value", Long.toString(sequence.start()))
                    .set("minimum_value", Long.toString(sequence.minValue()))
                    .set("maximum_value", Long.toString(sequence.maxValue()))
                    .set("increment", Long.toString(sequence.increment()))
                    .set("cycle_option", InformationSchema.yesOrNo(sequence.cycle())).values());
        }
        return rows;
    }

    /** The type of the column that owns the sequence (smallserial, serial, bigserial), else bigint. */
    static SqlType ownerType(CatalogContents contents, SequenceDef sequence) {
        for (CatalogContents.Relation relation : contents.relations()) {
            if (relation.table() != null && relation.schema().equals(sequence.schema())) {
                for (ColumnDef column : relation.table().columns()) {
                    if (sequence.name().equals(column.ownedSequence())) {
                        return column.type();
                    }
                }
            }
        }
        return SqlType.BIGINT;
    }
}
