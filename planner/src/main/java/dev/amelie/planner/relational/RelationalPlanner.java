package dev.amelie.planner.relational;

import dev.amelie.compute.catalog.Catalog;
import dev.amelie.planner.ForeignKeySteps;
import dev.amelie.planner.PlannedStatement;
import dev.amelie.planner.catalog.PostgresTypeSystem;
import dev.amelie.planner.catalog.SchemaSnapshot;
import dev.amelie.planner.catalog.TypeMapping;
import dev.amelie.planner.error.CalciteErrors;
import dev.amelie.planner.lower.ProgramLowering;
import dev.amelie.planner.sql.InfixCasts;
import dev.amelie.planner.sql.ParameterRewriter;
import dev.amelie.planner.sql.OnConflictClause;
import dev.amelie.planner.sql.ReturningClause;
import dev.amelie.planner.lower.ConflictAction;
import dev.amelie.planner.lower.TableChecks;
import dev.amelie.compute.catalog.CheckConstraint;
import dev.amelie.planner.catalog.CalciteTable;
import dev.amelie.compute.catalog.TableDef;
import dev.amelie.vm.error.SqlException;
import dev.amelie.vm.error.SqlState;
import dev.amelie.vm.program.Program;
import dev.amelie.vm.type.SqlType;
import org.apache.calcite.avatica.util.Casing;
import org.apache.calcite.avatica.util.Quoting;
import org.apache.calcite.config.CalciteConnectionConfigImpl;
import org.apache.calcite.config.CalciteConnectionProperty;
import org.apache.calcite.config.NullCollation;
import org.apache.calcite.jdbc.JavaTypeFactoryImpl;
import org.apache.calcite.plan.RelOptCluster;
import org.apache.calcite.plan.hep.HepPlanner;
import org.apache.calcite.plan.hep.HepProgramBuilder;
import org.apache.calcite.plan.volcano.VolcanoPlanner;
import org.apache.calcite.prepare.CalciteCatalogReader;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.RelHomogeneousShuttle;
import org.apache.calcite.rel.RelRoot;
import org.apache.calcite.rel.rules.CoreRules;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeField;
import org.apache.calcite.rex.RexBuilder;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.rex.RexShuttle;
import org.apache.calcite.rex.RexSubQuery;
import org.apache.calcite.runtime.CalciteContextException;
import org.apache.calcite.runtime.CalciteException;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlOperatorTable;
import org.apache.calcite.sql.fun.SqlLibrary;
import org.apache.calcite.sql.fun.SqlLibraryOperatorTableFactory;
import org.apache.calcite.sql.fun.SqlStdOperatorTable;
import org.apache.calcite.sql.parser.SqlParseException;
import org.apache.calcite.sql.parser.SqlParser;
import org.apache.calcite.sql.parser.babel.SqlBabelParserImpl;
import org.apache.calcite.sql.util.SqlOperatorTables;
import org.apache.calcite.sql.validate.SqlConformance;
import org.apache.calcite.sql.validate.SqlConformanceEnum;
import org.apache.calcite.sql.validate.SqlDelegatingConformance;
import org.apache.calcite.sql.validate.SqlValidator;
import org.apache.calcite.sql.validate.SqlValidatorUtil;
import org.apache.calcite.sql2rel.SqlToRelConverter;
import org.apache.calcite.sql2rel.StandardConvertletTable;

import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

/**
 * SELECT / INSERT / UPDATE / DELETE through Calcite: babel parse with PostgreSQL lexical rules,
 * validation against the catalog, conversion to relational algebra, a few rewrite rules, then
 * lowering to our bytecode. No Calcite object survives this class's return value.
 */
public final class RelationalPlanner {
    private static final SqlParser.Config PARSER = SqlParser.config()
            .withParserFactory(SqlBabelParserImpl.FACTORY)
            .withConformance(SqlConformanceEnum.BABEL)
            .withQuoting(Quoting.DOUBLE_QUOTE)
            .withUnquotedCasing(Casing.TO_LOWER)
            .withQuotedCasing(Casing.UNCHANGED)
            .withCaseSensitive(true);

    private static final SqlOperatorTable OPERATORS = new PgCatalogQualifiedNames(SqlOperatorTables.chain(
            PostgresFunctions.TABLE,
            SqlStdOperatorTable.instance(),
            SqlLibraryOperatorTableFactory.INSTANCE.getOperatorTable(SqlLibrary.POSTGRESQL)));

    /**
     * Calcite would evaluate constant expressions while it simplifies them, with its own rules:
     * 2.5::int as 2 (PostgreSQL rounds to 3), and casts to types it cannot generate code for
     * (text to an array type) fail. Constants are left to our own run time, whose rules are
     * PostgreSQL's.
     */
    private static final org.apache.calcite.rex.RexExecutor NO_CONSTANT_REDUCTION =
            (rexBuilder, constants, reduced) -> reduced.addAll(constants);

    private static final CalciteConnectionConfigImpl CONNECTION_CONFIG;

    static {
        Properties properties = new Properties();
        properties.setProperty(CalciteConnectionProperty.CASE_SENSITIVE.camelName(), "true");
        CONNECTION_CONFIG = new CalciteConnectionConfigImpl(properties);
    }

    private volatile SchemaSnapshot schema;

    /** Parses only: a syntax error is reported before anything of its message runs. */
    public void checkSyntax(String sql) {
        InfixCasts.Rewritten casts = InfixCasts.rewrite(UpdateDefaults.rewrite(sql, null));
        String text = ParameterRewriter.rewrite(DistinctOn.rewrite(LockingClause.strip(
                OnConflictClause.split(ReturningClause.split(casts.text()).statement()).statement()).text()), new SqlType[0]).text();
        try {
            if (DmlClauses.parse(text, RelationalPlanner::parseStatement) == null) {
                parseStatement(text);
            }
        } catch (SqlException e) {
            throw atOriginalPosition(e, casts);
        }
    }

    /** Parses one statement; a syntax error is PostgreSQL's 42601 at its place in {@code text}. */
    private static SqlNode parseStatement(String text) {
        try {
            return SqlParser.create(text, PARSER).parseStmt();
        } catch (SqlParseException e) {
            throw CalciteErrors.fromParse(e, text);
        }
    }

    public PlannedStatement.Query plan(String sql, SqlType[] declared, Catalog catalog) {
        InfixCasts.Rewritten casts = InfixCasts.rewrite(UpdateDefaults.rewrite(sql, catalog));
        try {
            ReturningClause.Split split = ReturningClause.split(casts.text());
            OnConflictClause.Split conflict = OnConflictClause.split(split.statement());
            if (conflict.conflict() != null) {
                if (split.returning() != null) {
                    throw new SqlException(SqlState.FEATURE_NOT_SUPPORTED, "RETURNING with ON CONFLICT is not supported yet");
                }
                return planUpsert(conflict.statement(), conflict.conflict(), declared, catalog);
            }
            if (split.returning() == null) {
                return planRewritten(split.statement(), declared, catalog);
            }
            int listAt = casts.text().indexOf(split.returning(), split.statement().length());
            return planReturning(split.statement(), split.returning(), listAt, declared, catalog);
        } catch (SqlException e) {
            throw atOriginalPosition(e, casts);
        }
    }

    /** An error's position in the text with {@code ::} rewritten, as a position in what the client sent. */
    private static SqlException atOriginalPosition(SqlException e, InfixCasts.Rewritten casts) {
        int position = casts.originalPosition(e.position());
        if (position == e.position()) {
            return e;
        }
        return new SqlException(e.state(), e.getMessage(), e.detail(), e.hint(), position, e.context(), e);
    }

    private PlannedStatement.Query planRewritten(String sql, SqlType[] declared, Catalog catalog) {
        Converted converted = convert(sql, declared, catalog);
        TableChecks checks = checksOfWrite(converted.rel(), catalog);
        ForeignKeySteps foreignKeys = ForeignKeyPlanning.of(converted.rel(), catalog);
        Program program = lowered(converted.text(), () -> ForeignKeyPlanning.needsChangedRows(foreignKeys)
                ? ProgramLowering.lowerEmittingRows(converted.rel(), converted.occurrenceToParameter(), checks)
                : ProgramLowering.lower(converted.rel(), converted.occurrenceToParameter(), checks));
        List<PlannedStatement.ResultColumn> columns = program.kind() == Program.StatementKind.SELECT ? columns(converted) : List.of();
        return new PlannedStatement.Query(program, columns, converted.parameterTypes(), catalog.version(), foreignKeys,
                converted.accesses());
    }

    /** INSERT … ON CONFLICT: the INSERT as written, with the conflict action in its pushdown. */
    private PlannedStatement.Query planUpsert(String insert, OnConflictClause.Conflict conflict, SqlType[] declared,
                                              Catalog catalog) {
        Converted converted = convert(insert, declared, catalog);
        if (!(converted.rel() instanceof org.apache.calcite.rel.core.TableModify modify)
                || modify.getOperation() != org.apache.calcite.rel.core.TableModify.Operation.INSERT) {
            throw new SqlException(SqlState.SYNTAX_ERROR, "syntax error at or near \"on\"");
        }
        TableDef def = modify.getTable().unwrap(CalciteTable.class).def();
        ConflictAction action = ConflictPlanning.plan(conflict, def, select -> convert(select, new SqlType[0], catalog).rel());
        TableChecks checks = checks(def, catalog);
        Program program = lowered(converted.text(), () -> action == null
                ? ProgramLowering.lower(converted.rel(), converted.occurrenceToParameter(), checks)
                : ProgramLowering.lowerUpsert(converted.rel(), converted.occurrenceToParameter(), action, checks));
        ForeignKeySteps foreignKeys = action == null ? ForeignKeyPlanning.of(converted.rel(), catalog)
                : ForeignKeyPlanning.ofUpsert(converted.rel(), catalog, action.columns());
        return new PlannedStatement.Query(program, List.of(), converted.parameterTypes(), catalog.version(), foreignKeys,
                conflict.doUpdate() ? dev.amelie.planner.privilege.AccessCollector.withConflictUpdate(converted.accesses())
                        : converted.accesses());
    }

    /** A statement parsed, validated and converted to relational algebra, with what the client sees of it. */
    /** {@code targetAlias}: the alias of an UPDATE's or a DELETE's table ({@code UPDATE t AS a}), else null. */
    private record Converted(String text, RelNode rel, List<String> names, List<ResultTypeModifiers.Modifier> modifiers,
                             SqlType[] parameterTypes, int[] occurrenceToParameter, String targetAlias,
                             boolean joinsFromList, List<dev.amelie.planner.privilege.TableAccess> accesses) {}

    private Converted convert(String sql, SqlType[] declared, Catalog catalog) {
        try {
            return convert(sql, declared, catalog, STRICT_GROUP_BY);
        } catch (SqlException e) {
            if (e.state() != SqlState.GROUPING_ERROR) {
                throw e;
            }
            // A column that is not grouped: PostgreSQL allows it when the GROUP BY holds its
            // table's primary key (functional dependency), which Calcite cannot tell. Calcite's
            // lenient GROUP BY takes any value of the group for it instead; it is tried only now
            // because it fails on CASE (and COALESCE, NULLIF) in the select list of a grouped query.
            SqlException strict = GroupedByPrimaryKey.inPostgresWords(e, sql, PARSER);
            if (!GroupedByPrimaryKey.holds(sql, catalog, PARSER)) {
                throw strict;
            }
            try {
                return convert(sql, declared, catalog, SqlConformanceEnum.BABEL);
            } catch (SqlException lenientFailed) {
                throw strict;
            }
        }
    }

    /** Babel's conformance with PostgreSQL's strict GROUP BY. */
    private static final SqlConformance STRICT_GROUP_BY = new SqlDelegatingConformance(SqlConformanceEnum.BABEL) {
        @Override
        public boolean isNonStrictGroupBy() {
            return false;
        }
    };

    private Converted convert(String sql, SqlType[] declared, Catalog catalog, SqlConformance conformance) {
        LockingClause.Stripped locking = LockingClause.strip(sql);
        ParameterRewriter.Rewritten rewritten = ParameterRewriter.rewrite(DistinctOn.rewrite(locking.text()), declared);
        String text = rewritten.text();
        SqlNode extended = DmlClauses.parse(text, RelationalPlanner::parseStatement);
        SqlNode parsed = extended != null ? extended : parseStatement(text);
        boolean joinsFromList = parsed instanceof org.apache.calcite.sql.SqlUpdate update && update.getSourceSelect() != null
                || parsed instanceof org.apache.calcite.sql.SqlDelete delete && delete.getSourceSelect() != null;
        JavaTypeFactoryImpl typeFactory = new dev.amelie.planner.catalog.PostgresTypeFactory(PostgresTypeSystem.INSTANCE);
        CalciteCatalogReader reader = new CalciteCatalogReader(schemaFor(catalog).root(), List.of(Catalog.DEFAULT_SCHEMA),
                typeFactory, CONNECTION_CONFIG);
        SqlValidator validator = new DmlValidator(SqlOperatorTables.chain(OPERATORS, reader), reader, typeFactory,
                SqlValidator.Config.DEFAULT
                        .withConformance(conformance)
                        .withIdentifierExpansion(true)
                        .withTypeCoercionEnabled(true)
                        .withTypeCoercionFactory(PostgresTypeCoercion::new)
                        .withDefaultNullCollation(NullCollation.HIGH));
        List<dev.amelie.planner.privilege.TableAccess> accesses =
                dev.amelie.planner.privilege.AccessCollector.of(parsed, catalog, this::parseView);
        return lowered(text, () -> {
            ViewExpander.expand(parsed, catalog, this::parseView);
            SetOperationOrder.check(parsed, text);
            RecursiveQueryCheck.checkForm(parsed, text);
            SqlNode rewrittenTree = GenerateSeries.aliasNamesTheColumn(
                    GenerateSeries.selectListCalls(Unnest.nameColumns(ExpandArray.rewrite(PostgresExtract.rewrite(EmptyLikeEscape.rewrite(PostgresArithmetic.rewrite(ArrayFunctions.rewrite(PostgresCasts.rewrite(UnconstrainedNumeric.rewrite(TypeModifierCasts.rewrite(RegTypeLiterals.rewrite(RegProcLiterals.rewrite(RegClassLiterals.rewrite(InsertValuesTargets.rewrite(QualifiedTableAliases.rewrite(parsed), catalog, text), catalog))))))))))))));
            RecursiveQueryCheck.Seeds seeds = RecursiveQueryCheck.seeds(rewrittenTree);
            SqlNode validated = validated(extended != null, validator, rewrittenTree);
            LiteralCoercionCheck.check(validated, validator, text);
            LockingClause.check(locking, validated, validator);
            RecursiveQueryCheck.checkTypes(validated, seeds, validator, text);
            SequenceReferenceCheck.check(validated, catalog, text);
            SqlType[] parameterTypes = parameterTypes(extended == null ? validator.getParameterRowType(validated)
                    : ParametersByIndex.rowType(validated, validator, typeFactory), rewritten, declared);
            List<String> names = ColumnNames.of(validated, pos -> rewritten.declaredCasts().contains(
                    CalciteErrors.offsetOf(text, pos.getLineNum(), pos.getColumnNum()) - 1));
            List<ResultTypeModifiers.Modifier> modifiers = ResultTypeModifiers.of(validated, validator, catalog);

            VolcanoPlanner volcano = new VolcanoPlanner();
            volcano.setExecutor(NO_CONSTANT_REDUCTION);
            RelOptCluster cluster = RelOptCluster.create(volcano, new RexBuilder(typeFactory));
            SqlToRelConverter converter = new SqlToRelConverter(null, validator, reader, cluster,
                    PostgresConvertlets.INSTANCE, SqlToRelConverter.config().withTrimUnusedFields(false).withExpand(false)
                            // A projection with a select-list unnest makes rows: merged into the one
                            // above it, or dropped under an aggregate that reads none of its columns,
                            // its rows would be lost (count(*) over it counts them).
                            .withRelBuilderConfigTransform(Unnest.calledIn(validated)
                                    ? c -> c.withBloat(-1).withPruneInputOfAggregate(false) : c -> c));
            RelRoot root = converter.convertQuery(validated, false, true);
            List<ResultTypeModifiers.Modifier> traced = ResultTypeModifiers.traced(modifiers, root, catalog);
            MaterializedViewWrites.check(root.rel);
            return new Converted(text, rewrite(DistinctOn.firstRows(root.project())), DistinctOn.withoutMarker(names, names),
                    DistinctOn.withoutMarker(traced, names), parameterTypes, rewritten.occurrenceToParameter(),
                    targetAlias(parsed), joinsFromList, accesses);
        });
    }

    private static String targetAlias(SqlNode statement) {
        org.apache.calcite.sql.SqlIdentifier alias = switch (statement) {
            case org.apache.calcite.sql.SqlUpdate update -> update.getAlias();
            case org.apache.calcite.sql.SqlDelete delete -> delete.getAlias();
            default -> null;
        };
        return alias == null ? null : alias.getSimple();
    }

    /**
     * Validates; a multiple-column assignment's subquery with another number of columns than
     * targets fails where {@link DmlClauses} names its columns, as PostgreSQL's 42601.
     */
    private static SqlNode validated(boolean dmlClauses, SqlValidator validator, SqlNode statement) {
        try {
            return validator.validate(statement);
        } catch (CalciteContextException e) {
            String message = String.valueOf(e.getCause() == null ? e.getMessage() : e.getCause().getMessage());
            if (dmlClauses && message.startsWith("List of column aliases must have same degree as table")) {
                throw new CalciteContextException(message, new SqlException(SqlState.SYNTAX_ERROR,
                        "number of columns does not match number of values"), e.getPosLine(), e.getPosColumn(),
                        e.getEndPosLine(), e.getEndPosColumn());
            }
            throw e;
        }
    }

    private static List<PlannedStatement.ResultColumn> columns(Converted converted) {
        List<String> names = converted.names();
        List<RelDataTypeField> fields = converted.rel().getRowType().getFieldList();
        List<PlannedStatement.ResultColumn> columns = new ArrayList<>();
        for (int i = 0; i < fields.size(); i++) {
            String name = i < names.size() && names.get(i) != null ? names.get(i) : fields.get(i).getName();
            SqlType type = TypeMapping.fromCalcite(fields.get(i).getType());
            ResultTypeModifiers.Modifier modifier = i < converted.modifiers().size()
                    ? converted.modifiers().get(i) : ResultTypeModifiers.Modifier.NONE;
            boolean applies = type == SqlType.TEXT || type == SqlType.NUMERIC && modifier.character() == dev.amelie.vm.type.CharacterType.TEXT;
            PlannedStatement.ResultColumn column = applies
                    ? new PlannedStatement.ResultColumn(name, type, modifier.character(), modifier.typmod())
                    : new PlannedStatement.ResultColumn(name, type);
            columns.add(modifier == ResultTypeModifiers.Modifier.COMPUTED ? column : withOrigin(column, converted.rel(), i));
        }
        return columns;
    }

    /** The column with the table column it reads unchanged, when there is exactly one (as PostgreSQL's resorigtbl). */
    private static PlannedStatement.ResultColumn withOrigin(PlannedStatement.ResultColumn column, RelNode rel, int field) {
        try {
            org.apache.calcite.rel.metadata.RelColumnOrigin origin = rel.getCluster().getMetadataQuery().getColumnOrigin(rel, field);
            if (origin == null || origin.isDerived()) {
                return column;
            }
            dev.amelie.planner.catalog.CalciteTable table = origin.getOriginTable().unwrap(dev.amelie.planner.catalog.CalciteTable.class);
            return table == null ? column : column.from(dev.amelie.planner.catalog.RelationOids.of(table.def()),
                    origin.getOriginColumnOrdinal() + 1);
        } catch (RuntimeException unknown) {
            return column; // metadata Calcite cannot derive for this plan: the column stays without an origin
        }
    }

    /** Runs a planning step, turning Calcite's failures into PostgreSQL errors. */
    private static <T> T lowered(String text, java.util.function.Supplier<T> step) {
        try {
            return step.get();
        } catch (CalciteContextException e) {
            throw CalciteErrors.fromValidation(e, text);
        } catch (CalciteException e) {
            throw CalciteErrors.translate(e.getMessage(), 0, e);
        } catch (SqlException e) {
            throw e;
        } catch (RuntimeException e) {
            // Calcite fails this way on shapes it does not implement (Util.needToImplement, and a
            // few validator paths that dereference what they did not derive): a limit of ours,
            // not a server fault.
            throw new SqlException(SqlState.FEATURE_NOT_SUPPORTED,
                    "this form of statement is not supported yet (planner: " + e.getClass().getSimpleName() + ")", e);
        }
    }

    /**
     * INSERT / UPDATE / DELETE … RETURNING list: the list is planned as {@code SELECT list FROM
     * table} and lowered as the statement's merge section over the rows it changed.
     */
    private PlannedStatement.Query planReturning(String statement, String list, int listAt, SqlType[] declared,
                                                 Catalog catalog) {
        if (list.contains("$") || list.contains("?")) {
            throw new SqlException(SqlState.FEATURE_NOT_SUPPORTED, "parameters in RETURNING are not supported yet");
        }
        Converted converted = convert(statement, declared, catalog);
        if (!(converted.rel() instanceof org.apache.calcite.rel.core.TableModify modify)) {
            throw new SqlException(SqlState.SYNTAX_ERROR, "syntax error at or near \"returning\"", null, null, listAt, null);
        }
        if (converted.joinsFromList() && ReturningLists.hasBareStar(list)) {
            // PostgreSQL's * there adds the FROM (USING) tables' columns to the target's.
            throw new SqlException(SqlState.FEATURE_NOT_SUPPORTED,
                    "RETURNING * with UPDATE … FROM or DELETE … USING is not supported yet (name the target's columns)");
        }
        List<String> qualified = modify.getTable().getQualifiedName();
        String table = quoted(qualified.getLast());
        String schema = qualified.size() > 1 ? quoted(qualified.get(qualified.size() - 2)) + "." : "";
        String alias = converted.targetAlias() == null ? table : quoted(converted.targetAlias());
        String select = "select " + list + " from " + schema + table + " as " + alias;
        String prefix = "select ";
        Converted projection;
        try {
            projection = convert(select, new SqlType[0], catalog);
        } catch (SqlException e) {
            if (converted.joinsFromList() && e.state() == SqlState.UNDEFINED_TABLE) {
                throw new SqlException(SqlState.FEATURE_NOT_SUPPORTED,
                        "RETURNING columns of the FROM (USING) tables are not supported yet", e);
            }
            // Positions in the generated SELECT are positions in the RETURNING list of the statement.
            if (e.position() <= prefix.length() || e.position() > prefix.length() + list.length() || listAt < 0) {
                throw e;
            }
            throw new SqlException(e.state(), e.getMessage(), e.detail(), e.hint(), listAt + e.position() - prefix.length(), e);
        }
        TableChecks checks = checksOfWrite(converted.rel(), catalog);
        Program program = lowered(select, () -> ProgramLowering.lowerReturning(converted.rel(), converted.occurrenceToParameter(),
                projection.rel(), checks));
        return new PlannedStatement.Query(program, columns(projection), converted.parameterTypes(), catalog.version(),
                ForeignKeyPlanning.of(converted.rel(), catalog),
                dev.amelie.planner.privilege.AccessCollector.withReturning(converted.accesses()));
    }

    /** The CHECK constraints of the table an INSERT or UPDATE writes; none for reads and DELETE. */
    private TableChecks checksOfWrite(RelNode rel, Catalog catalog) {
        if (!(rel instanceof org.apache.calcite.rel.core.TableModify modify)
                || modify.getOperation() == org.apache.calcite.rel.core.TableModify.Operation.DELETE) {
            return TableChecks.NONE;
        }
        CalciteTable table = modify.getTable().unwrap(CalciteTable.class);
        return table == null ? TableChecks.NONE : checks(table.def(), catalog);
    }

    /**
     * A table's CHECK constraints planned as conditions over its row, in name order (the order
     * PostgreSQL evaluates them in); {@link TableChecks#NONE} when it has none.
     */
    public TableChecks checks(TableDef def, Catalog catalog) {
        if (def.checks().isEmpty()) {
            return TableChecks.NONE;
        }
        List<CheckConstraint> sorted = new ArrayList<>(def.checks());
        sorted.sort(java.util.Comparator.comparing(CheckConstraint::name));
        RelNode rel = convertChecks(def, sorted.stream().map(CheckConstraint::expression).toList(), catalog).rel();
        return new TableChecks(def.name(), def.columns().size(), sorted.stream().map(CheckConstraint::name).toList(),
                conditionsOf(rel, sorted.size()), rel.getCluster().getRexBuilder(),
                def.columns().stream().anyMatch(c -> c.hasScale() || c.hasLength()));
    }

    /**
     * Validates a new CHECK expression over a table as PostgreSQL does (columns exist, boolean,
     * no subquery or aggregate) and returns the positions of the columns it reads, which name
     * the constraint ({@code t_c_check} for one column, {@code t_check} otherwise).
     */
    public java.util.SortedSet<Integer> checkColumns(TableDef def, String expression, Catalog catalog) {
        if (dev.amelie.planner.sql.Tokenizer.tokenize(expression).stream().anyMatch(t -> t.isWord("select"))) {
            throw new SqlException(SqlState.FEATURE_NOT_SUPPORTED, "cannot use subquery in check constraint");
        }
        RelNode rel;
        try {
            rel = convertChecks(def, List.of(expression), catalog).rel();
        } catch (SqlException e) {
            // PostgreSQL reports these without a position in the statement.
            throw new SqlException(e.state(), e.getMessage(), e.detail(), e.hint(), 0, e.context(), e);
        }
        if (rel instanceof org.apache.calcite.rel.core.Aggregate || !rel.getInputs().isEmpty()
                && !(rel.getInput(0) instanceof org.apache.calcite.rel.core.TableScan)) {
            throw new SqlException(SqlState.GROUPING_ERROR, "aggregate functions are not allowed in check constraints");
        }
        RexNode condition = conditionsOf(rel, 1).getFirst();
        if (condition.getType().getSqlTypeName() != org.apache.calcite.sql.type.SqlTypeName.BOOLEAN) {
            throw new SqlException(SqlState.DATATYPE_MISMATCH, "argument of CHECK must be type boolean, not type "
                    + TypeMapping.fromCalcite(condition.getType()).sqlName());
        }
        java.util.SortedSet<Integer> columns = new java.util.TreeSet<>();
        condition.accept(new org.apache.calcite.rex.RexVisitorImpl<Void>(true) {
            @Override
            public Void visitInputRef(org.apache.calcite.rex.RexInputRef ref) {
                columns.add(ref.getIndex());
                return null;
            }
        });
        return columns;
    }

    /** {@code SELECT (e1), (e2) … FROM table}: each expression as a projection over the table's row. */
    private Converted convertChecks(TableDef def, List<String> expressions, Catalog catalog) {
        String select = "select " + expressions.stream().map(e -> "(" + e + ")").collect(java.util.stream.Collectors.joining(", "))
                + " from " + quoted(def.schema()) + "." + quoted(def.name());
        return convert(select, new SqlType[0], catalog);
    }

    /** The projected expressions of {@link #convertChecks}: a scan alone when each is a bare column. */
    private static List<RexNode> conditionsOf(RelNode rel, int count) {
        if (rel instanceof org.apache.calcite.rel.core.Project project) {
            return project.getProjects();
        }
        RexBuilder rexBuilder = rel.getCluster().getRexBuilder();
        List<RexNode> refs = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            refs.add(rexBuilder.makeInputRef(rel, i));
        }
        return refs;
    }

    private static String quoted(String identifier) {
        return "\"" + identifier.replace("\"", "\"\"") + "\"";
    }

    /** A stored expression (a column DEFAULT) parsed as statements are. */
    static SqlNode parseExpression(String expression) {
        try {
            return SqlParser.create(InfixCasts.rewrite(expression).text(), PARSER).parseExpression();
        } catch (SqlParseException e) {
            throw new SqlException(SqlState.INTERNAL_ERROR, "stored default expression does not parse: " + expression, e);
        }
    }

    private SqlNode parseView(String query) {
        try {
            return SqlParser.create(InfixCasts.rewrite(query).text(), PARSER).parseQuery();
        } catch (SqlParseException e) {
            throw new SqlException(SqlState.INTERNAL_ERROR, "stored view query does not parse: " + e.getMessage(), e);
        }
    }

    /**
     * Calcite's projection merge, except where a projection has a select-list unnest: merged,
     * its rows would be lost (an outer projection that reads no unnest column) or multiplied.
     */
    private static final org.apache.calcite.plan.RelOptRule PROJECT_MERGE = org.apache.calcite.rel.rules.ProjectMergeRule.Config.DEFAULT
            .withOperandSupplier(outer -> outer.operand(org.apache.calcite.rel.core.Project.class).predicate(p -> !Unnest.inProject(p))
                    .oneInput(inner -> inner.operand(org.apache.calcite.rel.core.Project.class)
                            .predicate(p -> !Unnest.inProject(p)).anyInputs()))
            .as(org.apache.calcite.rel.rules.ProjectMergeRule.Config.class).toRule();

    /** Cheap, always-good rewrites; the cost-based search comes when joins do. */
    private static RelNode rewrite(RelNode rel) {
        HepProgramBuilder program = new HepProgramBuilder()
                // OVER clauses become Window nodes, which the host evaluates (WindowLowering).
                .addRuleInstance(CoreRules.PROJECT_TO_LOGICAL_PROJECT_AND_WINDOW)
                // WHERE conditions of comma joins become join conditions and per-table filters,
                // so each table's rows are filtered on its nodes before any join.
                .addRuleInstance(CoreRules.FILTER_INTO_JOIN)
                .addRuleInstance(CoreRules.JOIN_CONDITION_PUSH)
                .addRuleInstance(CoreRules.FILTER_MERGE)
                .addRuleInstance(PROJECT_MERGE)
                .addRuleInstance(CoreRules.PROJECT_REMOVE)
                // GROUPING SETS become a UNION ALL of simple aggregates; UNION, INTERSECT and
                // EXCEPT become UNION ALL under aggregates (with counts per
                // branch for INTERSECT/EXCEPT), and DISTINCT aggregates become aggregates over
                // aggregates: shapes the host already runs.
                .addRuleInstance(GroupingSetsToUnion.INSTANCE)
                .addRuleInstance(CoreRules.UNION_TO_DISTINCT)
                .addRuleInstance(CoreRules.INTERSECT_TO_DISTINCT)
                .addRuleInstance(CoreRules.MINUS_TO_DISTINCT)
                .addRuleInstance(CoreRules.AGGREGATE_EXPAND_DISTINCT_AGGREGATES_TO_JOIN)
                .addRuleInstance(PROJECT_MERGE)
                .addRuleInstance(CoreRules.PROJECT_REMOVE);
        HepPlanner hep = new HepPlanner(program.build());
        hep.setRoot(rel);
        return rewriteSubqueries(hep.findBestExp());
    }

    /**
     * The same rewrites inside every subquery, which the Hep planner does not enter: a comma join
     * in a correlated subquery would otherwise be a cartesian product re-run per outer row.
     */
    private static RelNode rewriteSubqueries(RelNode rel) {
        return rel.accept(new RelHomogeneousShuttle() {
            @Override
            public RelNode visit(RelNode other) {
                return super.visit(other).accept(new RexShuttle() {
                    @Override
                    public RexNode visitSubQuery(RexSubQuery subQuery) {
                        return subQuery.clone(rewrite(subQuery.rel));
                    }
                });
            }
        });
    }

    private static SqlType[] parameterTypes(RelDataType rowType, ParameterRewriter.Rewritten rewritten, SqlType[] declared) {
        SqlType[] types = new SqlType[rewritten.parameterCount()];
        for (int i = 0; i < types.length && i < declared.length; i++) {
            types[i] = declared[i];
        }
        List<RelDataTypeField> fields = rowType.getFieldList();
        for (int occurrence = 0; occurrence < fields.size(); occurrence++) {
            int parameter = rewritten.occurrenceToParameter()[occurrence];
            if (types[parameter] == null || types[parameter] == SqlType.UNKNOWN) {
                // PostgreSQL types an undeclared LIMIT/OFFSET/FETCH count bigint; Calcite says integer.
                types[parameter] = rewritten.rowCountOccurrences().contains(occurrence) ? SqlType.BIGINT
                        : TypeMapping.fromCalcite(fields.get(occurrence).getType());
            }
        }
        for (int i = 0; i < types.length; i++) {
            if (types[i] == null || types[i] == SqlType.UNKNOWN) {
                throw new SqlException(SqlState.INDETERMINATE_DATATYPE, "could not determine data type of parameter $" + (i + 1));
            }
        }
        return types;
    }

    private SchemaSnapshot schemaFor(Catalog catalog) {
        SchemaSnapshot current = schema;
        if (current == null || current.catalogVersion() != catalog.version()) {
            current = SchemaSnapshot.of(catalog, RelationalPlanner::parseExpression);
            schema = current;
        }
        return current;
    }
}
