package dev.amelie.admin.bench;

import java.sql.Connection;
import java.sql.SQLException;

/** One kind of load {@code amelie bench} generates. */
public interface Workload {
    /** Creates and fills what the workload needs, once, before the clients start. */
    void prepare(Connection connection) throws SQLException;

    /** A client's part: one connection, its own random numbers. */
    Client client(Connection connection, int clientId) throws SQLException;

    interface Client {
        /** Runs one round trip's worth of work; returns how many transactions it committed. */
        int runOnce() throws SQLException;
    }

    static Workload named(String name, BenchOptions options) {
        return switch (name) {
            case "tpcb" -> new TpcbWorkload(options.scale(), false, 1);
            case "tpcb-batched" -> new TpcbWorkload(options.scale(), true, options.batch());
            case "insert" -> new KeyValueWorkload(KeyValueWorkload.Kind.INSERT, options.keys(), options.batch());
            case "upsert" -> new KeyValueWorkload(KeyValueWorkload.Kind.UPSERT, options.keys(), options.batch());
            case "point-select" -> new KeyValueWorkload(KeyValueWorkload.Kind.POINT_SELECT, options.keys(), 1);
            default -> throw new IllegalArgumentException("unknown workload '" + name
                    + "' (tpcb, tpcb-batched, insert, upsert, point-select)");
        };
    }
}
