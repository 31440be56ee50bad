package dev.amelie.compute.log;

import dev.amelie.compute.catalog.AclItem;
import dev.amelie.compute.catalog.AclTarget;
import dev.amelie.compute.catalog.CheckConstraint;
import dev.amelie.compute.catalog.ObjectAcl;
import dev.amelie.compute.catalog.RoleDef;
import dev.amelie.compute.catalog.ColumnDef;
import dev.amelie.compute.catalog.ForeignKey;
import dev.amelie.compute.catalog.IndexDef;
import dev.amelie.compute.catalog.SequenceDef;
import dev.amelie.compute.catalog.TableDef;
import dev.amelie.compute.layout.ComputeLayout;
import dev.amelie.compute.catalog.ViewDef;
import dev.amelie.vm.row.GrowableBuffer;
import dev.amelie.vm.row.RowCodec;
import dev.amelie.vm.type.CharacterType;
import dev.amelie.vm.type.SqlType;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;

/**
 * The WAL payload of one transaction: a format version byte, then its changes in the order
 * they were made. Self-contained (catalog changes included) so a record can be replayed or
 * shipped alone.
 */
public final class ChangeCodec {
    private static final byte FORMAT = 1;
    private static final byte CREATE_TABLE = 1;
    private static final byte DROP_TABLE = 2;
    private static final byte INSERT = 3;
    private static final byte UPDATE = 4;
    private static final byte DELETE = 5;
    private static final byte CREATE_VIEW = 6;
    private static final byte DROP_VIEW = 7;
    private static final byte TRUNCATE_TABLE = 8;
    private static final byte ADD_PRIMARY_KEY = 9;
    private static final byte CREATE_SEQUENCE = 10;
    private static final byte DROP_SEQUENCE = 11;
    private static final byte SEQUENCE_STATE = 12;
    /** CREATE TABLE whose columns also carry their DEFAULT and owned sequence (tag 1: without). */
    private static final byte CREATE_TABLE_WITH_DEFAULTS = 13;
    private static final byte CREATE_INDEX = 14;
    private static final byte DROP_INDEX = 15;
    /** CREATE TABLE whose columns also carry numeric precision and scale (tag 13: without). */
    private static final byte CREATE_TABLE_WITH_TYPMODS = 16;
    private static final byte COMPUTE_LAYOUT = 17;
    /** CREATE TABLE whose columns also carry their character type, varchar or char (tag 16: without). */
    private static final byte CREATE_TABLE_WITH_CHARACTER_TYPES = 18;
    private static final byte CREATE_SCHEMA = 19;
    private static final byte DROP_SCHEMA = 20;
    /** CREATE TABLE (as tag 18) of a materialized view: its query follows the key. */
    private static final byte CREATE_MATERIALIZED_VIEW = 21;
    private static final byte ADD_COLUMN = 22;
    /** A table's new definition, written as tag 24 writes it (rows unchanged). */
    private static final byte TABLE_DEFINITION = 23;
    /** CREATE TABLE (as tag 18) followed by its CHECK constraints (written only when it has some). */
    private static final byte CREATE_TABLE_WITH_CHECKS = 24;
    private static final byte DROP_COLUMN = 25;
    /** CREATE TABLE as tag 24, followed by its FOREIGN KEY constraints (written only when it has some). */
    private static final byte CREATE_TABLE_WITH_FOREIGN_KEYS = 26;
    /** A table's new definition as tag 23, followed by its FOREIGN KEY constraints (written only when it has some). */
    private static final byte TABLE_DEFINITION_WITH_FOREIGN_KEYS = 27;

    private static final byte ROLE_DEFINITION = 28;
    private static final byte DROP_ROLE = 29;
    private static final byte OBJECT_PRIVILEGES = 30;

    private ChangeCodec() {}

    public static byte[] encode(List<Change> changes) {
        GrowableBuffer out = new GrowableBuffer(64 + changes.size() * 32);
        out.put(FORMAT);
        out.putInt(changes.size());
        for (Change change : changes) {
            switch (change) {
                case Change.CreateTable(TableDef def) when !def.foreignKeys().isEmpty() && !def.isMaterializedView() -> {
                    out.put(CREATE_TABLE_WITH_FOREIGN_KEYS);
                    writeTableWithChecks(out, def);
                    writeForeignKeys(out, def);
                }
                case Change.TableDefinition(TableDef def) when !def.foreignKeys().isEmpty() -> {
                    out.put(TABLE_DEFINITION_WITH_FOREIGN_KEYS);
                    writeTableWithChecks(out, def);
                    writeForeignKeys(out, def);
                }
                case Change.CreateTable(TableDef def) when !def.checks().isEmpty() && !def.isMaterializedView() -> {
                    out.put(CREATE_TABLE_WITH_CHECKS);
                    writeTableWithChecks(out, def);
                }
                case Change.TableDefinition(TableDef def) -> {
                    out.put(TABLE_DEFINITION);
                    writeTableWithChecks(out, def);
                }
                case Change.DropColumn(long tableId, int position) -> {
                    out.put(DROP_COLUMN);
                    out.putLong(tableId);
                    out.putInt(position);
                }
                case Change.CreateTable(TableDef def) -> {
                    out.put(def.isMaterializedView() ? CREATE_MATERIALIZED_VIEW : CREATE_TABLE_WITH_CHARACTER_TYPES);
                    writeTableHead(out, def);
                    if (def.isMaterializedView()) {
                        RowCodec.writeString(out, def.materializedQuery());
                    }
                }
                case Change.DropTable(long tableId) -> {
                    out.put(DROP_TABLE);
                    out.putLong(tableId);
                }
                case Change.CreateSequence(SequenceDef def) -> {
                    out.put(CREATE_SEQUENCE);
                    RowCodec.writeString(out, def.schema());
                    RowCodec.writeString(out, def.name());
                    out.putLong(def.increment());
                    out.putLong(def.minValue());
                    out.putLong(def.maxValue());
                    out.putLong(def.start());
                    out.put((byte) (def.cycle() ? 1 : 0));
                }
                case Change.DropSequence(String schema, String name) -> {
                    out.put(DROP_SEQUENCE);
                    RowCodec.writeString(out, schema);
                    RowCodec.writeString(out, name);
                }
                case Change.SequenceState(String schema, String name, long lastValue, boolean called, long version) -> {
                    out.put(SEQUENCE_STATE);
                    RowCodec.writeString(out, schema);
                    RowCodec.writeString(out, name);
                    out.putLong(lastValue);
                    out.put((byte) (called ? 1 : 0));
                    out.putLong(version);
                }
                case Change.TruncateTable(long tableId) -> {
                    out.put(TRUNCATE_TABLE);
                    out.putLong(tableId);
                }
                case Change.AddPrimaryKey(long tableId, int[] primaryKey) -> {
                    out.put(ADD_PRIMARY_KEY);
                    out.putLong(tableId);
                    out.putInt(primaryKey.length);
                    for (int position : primaryKey) {
                        out.putInt(position);
                    }
                }
                case Change.CreateView(ViewDef view) -> {
                    out.put(CREATE_VIEW);
                    RowCodec.writeString(out, view.schema());
                    RowCodec.writeString(out, view.name());
                    out.putInt(view.columnNames().size());
                    for (String column : view.columnNames()) {
                        RowCodec.writeString(out, column);
                    }
                    RowCodec.writeString(out, view.query());
                }
                case Change.AddColumn(long tableId, ColumnDef column, Object value) -> {
                    out.put(ADD_COLUMN);
                    out.putLong(tableId);
                    writeColumn(out, column);
                    RowCodec.writeRow(out, new Object[] {value});
                }
                case Change.CreateSchema(String name) -> {
                    out.put(CREATE_SCHEMA);
                    RowCodec.writeString(out, name);
                }
                case Change.DropSchema(String name) -> {
                    out.put(DROP_SCHEMA);
                    RowCodec.writeString(out, name);
                }
                case Change.DropView(String schema, String name) -> {
                    out.put(DROP_VIEW);
                    RowCodec.writeString(out, schema);
                    RowCodec.writeString(out, name);
                }
                case Change.CreateIndex(IndexDef index) -> {
                    out.put(CREATE_INDEX);
                    RowCodec.writeString(out, index.schema());
                    RowCodec.writeString(out, index.name());
                    out.putLong(index.tableId());
                    out.putInt(index.columns().length);
                    for (int column : index.columns()) {
                        out.putInt(column);
                    }
                    out.put((byte) ((index.unique() ? 1 : 0) | (index.constraint() ? 2 : 0)));
                    out.put((byte) index.method().ordinal());
                }
                case Change.DropIndex(long tableId, String name) -> {
                    out.put(DROP_INDEX);
                    out.putLong(tableId);
                    RowCodec.writeString(out, name);
                }
                case Change.Layout(ComputeLayout layout) -> {
                    out.put(COMPUTE_LAYOUT);
                    out.putLong(layout.version());
                    out.putInt(layout.nodes().size());
                    for (ComputeLayout.Node node : layout.nodes()) {
                        out.putInt(node.id());
                        out.putLong(node.uuid().getMostSignificantBits());
                        out.putLong(node.uuid().getLeastSignificantBits());
                    }
                    // Runs of slots with one owner: a few per node, not one entry per slot.
                    int[] owners = layout.owners();
                    List<int[]> runs = new ArrayList<>();
                    for (int slot = 0; slot < owners.length; slot++) {
                        if (slot == 0 || owners[slot] != owners[slot - 1]) {
                            runs.add(new int[] {slot, owners[slot]});
                        }
                    }
                    out.putInt(runs.size());
                    for (int[] run : runs) {
                        out.putInt(run[0]);
                        out.putInt(run[1]);
                    }
                }
                case Change.RoleDefinition(RoleDef role) -> {
                    out.put(ROLE_DEFINITION);
                    writeRole(out, role);
                }
                case Change.DropRole(long oid) -> {
                    out.put(DROP_ROLE);
                    out.putLong(oid);
                }
                case Change.ObjectPrivileges(AclTarget target, ObjectAcl acl) -> {
                    out.put(OBJECT_PRIVILEGES);
                    writePrivileges(out, target, acl);
                }
                case Change.Insert(long tableId, Object[] row) -> {
                    out.put(INSERT);
                    out.putLong(tableId);
                    RowCodec.writeRow(out, row);
                }
                case Change.Update(long tableId, Object[] oldKey, Object[] row) -> {
                    out.put(UPDATE);
                    out.putLong(tableId);
                    RowCodec.writeRow(out, oldKey);
                    RowCodec.writeRow(out, row);
                }
                case Change.Delete(long tableId, Object[] key) -> {
                    out.put(DELETE);
                    out.putLong(tableId);
                    RowCodec.writeRow(out, key);
                }
            }
        }
        return out.toByteArray();
    }

    public static List<Change> decode(byte[] payload) {
        ByteBuffer in = ByteBuffer.wrap(payload);
        byte format = in.get();
        if (format != FORMAT) {
            throw new IllegalArgumentException("unknown change format " + format);
        }
        int count = in.getInt();
        List<Change> changes = new ArrayList<>(count);
        SqlType[] types = SqlType.values();
        for (int i = 0; i < count; i++) {
            byte kind = in.get();
            switch (kind) {
                case CREATE_TABLE, CREATE_TABLE_WITH_DEFAULTS, CREATE_TABLE_WITH_TYPMODS, CREATE_TABLE_WITH_CHARACTER_TYPES,
                     CREATE_MATERIALIZED_VIEW -> {
                    long id = in.getLong();
                    String schema = RowCodec.readString(in);
                    String name = RowCodec.readString(in);
                    int n = in.getInt();
                    List<ColumnDef> columns = new ArrayList<>(n);
                    for (int c = 0; c < n; c++) {
                        String columnName = RowCodec.readString(in);
                        SqlType type = types[in.get()];
                        boolean notNull = in.get() == 1;
                        if (kind == CREATE_TABLE) {
                            columns.add(new ColumnDef(columnName, type, notNull));
                        } else {
                            String defaultSql = readOptional(in);
                            String ownedSequence = readOptional(in);
                            if (kind == CREATE_TABLE_WITH_DEFAULTS) {
                                columns.add(new ColumnDef(columnName, type, notNull, defaultSql, ownedSequence));
                            } else {
                                int precision = in.getInt();
                                int scale = in.getInt();
                                CharacterType character = kind == CREATE_TABLE_WITH_CHARACTER_TYPES || kind == CREATE_MATERIALIZED_VIEW
                                        ? CharacterType.values()[in.get()] : CharacterType.TEXT;
                                columns.add(new ColumnDef(columnName, type, notNull, defaultSql, ownedSequence,
                                        precision, scale, character));
                            }
                        }
                    }
                    int[] pk = new int[in.getInt()];
                    for (int k = 0; k < pk.length; k++) {
                        pk[k] = in.getInt();
                    }
                    String materializedQuery = kind == CREATE_MATERIALIZED_VIEW ? RowCodec.readString(in) : null;
                    changes.add(new Change.CreateTable(new TableDef(id, schema, name, columns, pk, materializedQuery)));
                }
                case CREATE_TABLE_WITH_CHECKS -> changes.add(new Change.CreateTable(readTableWithChecks(in, types)));
                case CREATE_TABLE_WITH_FOREIGN_KEYS -> {
                    TableDef def = readTableWithChecks(in, types);
                    changes.add(new Change.CreateTable(def.withForeignKeys(readForeignKeys(in))));
                }
                case TABLE_DEFINITION_WITH_FOREIGN_KEYS -> {
                    TableDef def = readTableWithChecks(in, types);
                    changes.add(new Change.TableDefinition(def.withForeignKeys(readForeignKeys(in))));
                }
                case TABLE_DEFINITION -> changes.add(new Change.TableDefinition(readTableWithChecks(in, types)));
                case ROLE_DEFINITION -> changes.add(new Change.RoleDefinition(readRole(in)));
                case DROP_ROLE -> changes.add(new Change.DropRole(in.getLong()));
                case OBJECT_PRIVILEGES -> changes.add(readPrivileges(in));
                case DROP_COLUMN -> changes.add(new Change.DropColumn(in.getLong(), in.getInt()));
                case DROP_TABLE -> changes.add(new Change.DropTable(in.getLong()));
                case CREATE_VIEW -> {
                    String schema = RowCodec.readString(in);
                    String name = RowCodec.readString(in);
                    List<String> columns = new ArrayList<>();
                    for (int c = in.getInt(); c > 0; c--) {
                        columns.add(RowCodec.readString(in));
                    }
                    changes.add(new Change.CreateView(new ViewDef(schema, name, columns, RowCodec.readString(in))));
                }
                case DROP_VIEW -> changes.add(new Change.DropView(RowCodec.readString(in), RowCodec.readString(in)));
                case CREATE_SCHEMA -> changes.add(new Change.CreateSchema(RowCodec.readString(in)));
                case ADD_COLUMN -> {
                    long tableId = in.getLong();
                    ColumnDef column = readColumn(in, types);
                    changes.add(new Change.AddColumn(tableId, column, RowCodec.readRow(in)[0]));
                }
                case DROP_SCHEMA -> changes.add(new Change.DropSchema(RowCodec.readString(in)));
                case CREATE_INDEX -> {
                    String schema = RowCodec.readString(in);
                    String name = RowCodec.readString(in);
                    long tableId = in.getLong();
                    int[] columns = new int[in.getInt()];
                    for (int c = 0; c < columns.length; c++) {
                        columns[c] = in.getInt();
                    }
                    byte flags = in.get();
                    IndexDef.Method method = IndexDef.Method.values()[in.get()];
                    changes.add(new Change.CreateIndex(new IndexDef(schema, name, tableId, columns, (flags & 1) != 0, method,
                            (flags & 2) != 0)));
                }
                case DROP_INDEX -> changes.add(new Change.DropIndex(in.getLong(), RowCodec.readString(in)));
                case TRUNCATE_TABLE -> changes.add(new Change.TruncateTable(in.getLong()));
                case CREATE_SEQUENCE -> changes.add(new Change.CreateSequence(new SequenceDef(RowCodec.readString(in),
                        RowCodec.readString(in), in.getLong(), in.getLong(), in.getLong(), in.getLong(), in.get() == 1)));
                case DROP_SEQUENCE -> changes.add(new Change.DropSequence(RowCodec.readString(in), RowCodec.readString(in)));
                case SEQUENCE_STATE -> changes.add(new Change.SequenceState(RowCodec.readString(in), RowCodec.readString(in),
                        in.getLong(), in.get() == 1, in.getLong()));
                case ADD_PRIMARY_KEY -> {
                    long tableId = in.getLong();
                    int[] primaryKey = new int[in.getInt()];
                    for (int k = 0; k < primaryKey.length; k++) {
                        primaryKey[k] = in.getInt();
                    }
                    changes.add(new Change.AddPrimaryKey(tableId, primaryKey));
                }
                case COMPUTE_LAYOUT -> {
                    long version = in.getLong();
                    List<ComputeLayout.Node> nodes = new ArrayList<>();
                    for (int n = in.getInt(); n > 0; n--) {
                        nodes.add(new ComputeLayout.Node(in.getInt(), new java.util.UUID(in.getLong(), in.getLong())));
                    }
                    int[] owners = new int[dev.amelie.compute.storage.HashSpace.SIZE];
                    int runs = in.getInt();
                    int[] starts = new int[runs];
                    int[] owner = new int[runs];
                    for (int r = 0; r < runs; r++) {
                        starts[r] = in.getInt();
                        owner[r] = in.getInt();
                    }
                    for (int r = 0; r < runs; r++) {
                        int end = r + 1 < runs ? starts[r + 1] : owners.length;
                        java.util.Arrays.fill(owners, starts[r], end, owner[r]);
                    }
                    changes.add(new Change.Layout(new ComputeLayout(version, nodes, owners)));
                }
                case INSERT -> changes.add(new Change.Insert(in.getLong(), RowCodec.readRow(in)));
                case UPDATE -> {
                    long tableId = in.getLong();
                    Object[] oldKey = RowCodec.readRow(in);
                    changes.add(new Change.Update(tableId, oldKey, RowCodec.readRow(in)));
                }
                case DELETE -> changes.add(new Change.Delete(in.getLong(), RowCodec.readRow(in)));
                default -> throw new IllegalArgumentException("unknown change kind " + kind + " at " + (in.position() - 1));
            }
        }
        return changes;
    }

    /** What every form of a table starts with: id, schema, name, columns (as tag 18), primary key. */
    private static void writeTableHead(GrowableBuffer out, TableDef def) {
        out.putLong(def.id());
        RowCodec.writeString(out, def.schema());
        RowCodec.writeString(out, def.name());
        out.putInt(def.columns().size());
        for (ColumnDef column : def.columns()) {
            writeColumn(out, column);
        }
        out.putInt(def.primaryKey().length);
        for (int position : def.primaryKey()) {
            out.putInt(position);
        }
    }

    /** A table that is no materialized view: id, names, columns as tag 18, key, CHECK constraints. */
    private static void writeTableWithChecks(GrowableBuffer out, TableDef def) {
        writeTableHead(out, def);
        out.putInt(def.checks().size());
        for (CheckConstraint check : def.checks()) {
            RowCodec.writeString(out, check.name());
            RowCodec.writeString(out, check.expression());
        }
    }

    private static TableDef readTableWithChecks(ByteBuffer in, SqlType[] types) {
        long id = in.getLong();
        String schema = RowCodec.readString(in);
        String name = RowCodec.readString(in);
        List<ColumnDef> columns = new ArrayList<>();
        for (int c = in.getInt(); c > 0; c--) {
            columns.add(readColumn(in, types));
        }
        int[] primaryKey = new int[in.getInt()];
        for (int k = 0; k < primaryKey.length; k++) {
            primaryKey[k] = in.getInt();
        }
        List<CheckConstraint> checks = new ArrayList<>();
        for (int c = in.getInt(); c > 0; c--) {
            checks.add(new CheckConstraint(RowCodec.readString(in), RowCodec.readString(in)));
        }
        return new TableDef(id, schema, name, columns, primaryKey, null, checks);
    }

    private static void writeForeignKeys(GrowableBuffer out, TableDef def) {
        out.putInt(def.foreignKeys().size());
        for (ForeignKey key : def.foreignKeys()) {
            RowCodec.writeString(out, key.name());
            writePositions(out, key.columns());
            out.putLong(key.referencedTable());
            writePositions(out, key.referencedColumns());
            out.put((byte) key.onDelete().ordinal());
            out.put((byte) key.onUpdate().ordinal());
        }
    }

    private static List<ForeignKey> readForeignKeys(ByteBuffer in) {
        List<ForeignKey> keys = new ArrayList<>();
        for (int k = in.getInt(); k > 0; k--) {
            String name = RowCodec.readString(in);
            int[] columns = readPositions(in);
            long referenced = in.getLong();
            int[] referencedColumns = readPositions(in);
            ForeignKey.Action onDelete = ForeignKey.Action.values()[in.get()];
            ForeignKey.Action onUpdate = ForeignKey.Action.values()[in.get()];
            keys.add(new ForeignKey(name, columns, referenced, referencedColumns, onDelete, onUpdate));
        }
        return keys;
    }

    private static void writePositions(GrowableBuffer out, int[] positions) {
        out.putInt(positions.length);
        for (int position : positions) {
            out.putInt(position);
        }
    }

    private static int[] readPositions(ByteBuffer in) {
        int[] positions = new int[in.getInt()];
        for (int i = 0; i < positions.length; i++) {
            positions[i] = in.getInt();
        }
        return positions;
    }

    /** A column as the newest CREATE TABLE form writes it (tags 18 and 21, ADD COLUMN). */
    private static void writeColumn(GrowableBuffer out, ColumnDef column) {
        RowCodec.writeString(out, column.name());
        out.put((byte) column.type().ordinal());
        out.put((byte) (column.notNull() ? 1 : 0));
        writeOptional(out, column.defaultSql());
        writeOptional(out, column.ownedSequence());
        out.putInt(column.precision());
        out.putInt(column.scale());
        out.put((byte) column.character().ordinal());
    }

    private static ColumnDef readColumn(ByteBuffer in, SqlType[] types) {
        String name = RowCodec.readString(in);
        SqlType type = types[in.get()];
        boolean notNull = in.get() == 1;
        String defaultSql = readOptional(in);
        String ownedSequence = readOptional(in);
        int precision = in.getInt();
        int scale = in.getInt();
        return new ColumnDef(name, type, notNull, defaultSql, ownedSequence, precision, scale, CharacterType.values()[in.get()]);
    }

    private static void writeOptional(GrowableBuffer out, String text) {
        out.put((byte) (text == null ? 0 : 1));
        if (text != null) {
            RowCodec.writeString(out, text);
        }
    }

    private static String readOptional(ByteBuffer in) {
        return in.get() == 1 ? RowCodec.readString(in) : null;
    }

    private static void writeRole(GrowableBuffer out, RoleDef role) {
        out.putLong(role.oid());
        RowCodec.writeString(out, role.name());
        out.put((byte) ((role.superuser() ? 1 : 0) | (role.inherit() ? 2 : 0) | (role.createRole() ? 4 : 0)
                | (role.createDb() ? 8 : 0) | (role.login() ? 16 : 0) | (role.replication() ? 32 : 0)
                | (role.bypassRls() ? 64 : 0)));
        out.putInt(role.connectionLimit());
        out.put((byte) (role.password() == null ? 0 : 1));
        if (role.password() != null) {
            RowCodec.writeString(out, role.password());
        }
    }

    private static RoleDef readRole(ByteBuffer in) {
        long oid = in.getLong();
        String name = RowCodec.readString(in);
        int flags = in.get();
        int limit = in.getInt();
        String password = in.get() == 1 ? RowCodec.readString(in) : null;
        return new RoleDef(oid, name, (flags & 1) != 0, (flags & 2) != 0, (flags & 4) != 0, (flags & 8) != 0,
                (flags & 16) != 0, (flags & 32) != 0, (flags & 64) != 0, limit, password);
    }

    private static void writePrivileges(GrowableBuffer out, AclTarget target, ObjectAcl acl) {
        out.put((byte) target.kind().ordinal());
        out.putLong(target.tableId());
        RowCodec.writeString(out, target.schema());
        RowCodec.writeString(out, target.name());
        out.put((byte) (acl == null ? 0 : 1));
        if (acl == null) {
            return;
        }
        out.putLong(acl.owner());
        out.putInt(acl.items() == null ? -1 : acl.items().size());
        if (acl.items() != null) {
            for (AclItem item : acl.items()) {
                out.putLong(item.grantee());
                out.putLong(item.grantor());
                out.putInt(item.privileges());
            }
        }
    }

    private static Change readPrivileges(ByteBuffer in) {
        AclTarget target = new AclTarget(AclTarget.Kind.values()[in.get()], in.getLong(), RowCodec.readString(in),
                RowCodec.readString(in));
        if (in.get() == 0) {
            return new Change.ObjectPrivileges(target, null);
        }
        long owner = in.getLong();
        int n = in.getInt();
        List<AclItem> items = null;
        if (n >= 0) {
            items = new ArrayList<>(n);
            for (int i = 0; i < n; i++) {
                items.add(new AclItem(in.getLong(), in.getLong(), in.getInt()));
            }
        }
        return new Change.ObjectPrivileges(target, new ObjectAcl(owner, items));
    }
}
