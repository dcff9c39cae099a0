package com.voiceappoint.adapter.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import com.voiceappoint.domain.appointment.Appointment;
import com.voiceappoint.domain.appointment.AppointmentId;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.sql.Array;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import org.flywaydb.core.Flyway;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.HandleCallback;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The schema can be distributed by business_id (Citus): every table either belongs to one business (it has a
 * business_id column and goes to the node holding that business) or is named global here (kept whole, on every node
 * or on the coordinator). A distributed table's keys are enforced on one node only, so each must hold business_id:
 * its primary key, unique keys and unique indexes, its exclusion constraints (business_id WITH =), and its foreign keys
 * to other tenant tables (business_id to business_id). A global table may not point at a tenant table. And each tenant
 * table has a primary key or replica identity, without which its shards cannot be moved between nodes while in use.
 */
class TenantKeysTest {
    @RegisterExtension
    static final TestPostgres postgres = new TestPostgres();

    /** Tables not owned by one business. Any other table must have business_id. */
    static final Set<String> GLOBAL_TABLES = Set.of(
            // Flyway's record of the migrations applied
            "flyway_schema_history",
            // db-scheduler's jobs, taken by whichever server polls first; a message's job names its business
            "scheduled_tasks",
            // logins: a person's, whatever businesses they work in
            "users",
            "sessions",
            "password_resets",
            // the platform's operators: a person's rights over the platform, not over one business
            "platform_operators",
            // the tenants themselves, keyed by id; a slug is unique across them all
            "businesses",
            // a called number or line id leads to its business, so each is unique across businesses
            "voice_lines",
            // a call id leads to the business the call was put through to
            "voice_call_routes",
            // a manage link's token leads to its business and appointment
            "appointment_manage_tokens",
            // Stripe's news about a connected account names the account, which leads to its one business
            "payment_settings",
            // a payment provider's event is known applied before its business is known
            "payment_events");

    @Test
    void every_table_belongs_to_a_business_or_is_named_global() {
        Map<String, Boolean> tables = withHandle(postgres.url(), TenantKeysTest::tablesWithBusinessId);

        assertThat(tables.keySet()).as("the global tables named here exist").containsAll(GLOBAL_TABLES);
        assertThat(tables.entrySet().stream()
                        .filter(table -> !table.getValue() && !GLOBAL_TABLES.contains(table.getKey()))
                        .map(Map.Entry::getKey))
                .as("tables without business_id that are not named global")
                .isEmpty();
    }

    @Test
    void every_key_of_a_tenant_table_holds_business_id() {
        assertThat(violations(postgres.url(), GLOBAL_TABLES)).isEmpty();
    }

    @Test
    void the_schema_before_migration_16_is_refused_for_the_keys_it_left_without_business_id() {
        withDatabaseAt(
                "15",
                url -> assertThat(violations(url, GLOBAL_TABLES))
                        .containsExactlyInAnyOrder(
                                "appointments: unique index appointments_by_manage_token on (manage_token_hash) leaves out"
                                        + " business_id",
                                "special_days: no primary key or replica identity",
                                "weekly_hours: no primary key or replica identity"));
    }

    @Test
    void each_kind_of_key_that_leaves_business_id_out_is_reported_and_nothing_else() {
        withDatabase(url -> {
            List<String> found = withHandle(url, h -> {
                h.execute("create extension btree_gist");
                h.execute("create table planted_businesses (id uuid primary key)");
                h.execute("create table planted_parent (business_id uuid not null references planted_businesses, "
                        + "id uuid not null, code text not null, name text not null, span tstzrange not null, "
                        + "primary key (business_id, id), constraint planted_parent_code_key unique (code), "
                        + "constraint planted_parent_no_overlap exclude using gist (business_id with =, span with &&), "
                        + "constraint planted_parent_no_twin exclude using gist (business_id with <>, span with &&))");
                h.execute("create unique index planted_parent_name on planted_parent (business_id, lower(name))");
                h.execute("create table planted_child (business_id uuid not null references planted_businesses, "
                        + "id uuid primary key, parent_id uuid not null, parent_code text not null, note text, "
                        + "slot tstzrange not null, constraint planted_child_key unique (business_id, id), "
                        + "constraint planted_child_in_parent foreign key (business_id, parent_id) "
                        + "  references planted_parent (business_id, id), "
                        + "constraint planted_child_parent_swapped foreign key (parent_id, business_id) "
                        + "  references planted_parent (business_id, id), "
                        + "constraint planted_child_parent_code foreign key (parent_code) references planted_parent (code), "
                        + "constraint planted_child_no_overlap exclude using gist (slot with &&))");
                h.execute("create unique index planted_child_note on planted_child (lower(note))");
                h.execute("create table planted_directory (value text primary key, business_id uuid not null, "
                        + "child_id uuid not null, constraint planted_directory_child foreign key (business_id, child_id) "
                        + "  references planted_child (business_id, id))");
                h.execute("create table planted_log (business_id uuid not null, note text)");
                h.execute("create table planted_log_kept_whole (business_id uuid not null, note text)");
                h.execute("alter table planted_log_kept_whole replica identity full");
                return violations(h, Set.of("planted_businesses", "planted_directory"));
            });

            assertThat(found)
                    .containsExactlyInAnyOrder(
                            "planted_parent: key planted_parent_code_key on (code) leaves out business_id",
                            "planted_parent: exclusion constraint planted_parent_no_twin on (business_id, span) does not"
                                    + " hold business_id WITH =",
                            "planted_child: key planted_child_pkey on (id) leaves out business_id",
                            "planted_child: exclusion constraint planted_child_no_overlap on (slot) does not hold"
                                    + " business_id WITH =",
                            "planted_child: foreign key planted_child_parent_swapped on (parent_id, business_id) to"
                                    + " planted_parent does not go through business_id",
                            "planted_child: foreign key planted_child_parent_code on (parent_code) to planted_parent"
                                    + " does not go through business_id",
                            "planted_child: unique index planted_child_note on ((expression)) leaves out business_id",
                            "planted_directory: a global table's foreign key planted_directory_child on (business_id,"
                                    + " child_id) to tenant table planted_child",
                            "planted_log: no primary key or replica identity");
        });
    }

    @Test
    void migration_16_keeps_the_manage_links_already_given_out() {
        UUID business = UUID.randomUUID();
        UUID withLink = UUID.randomUUID();
        UUID withoutLink = UUID.randomUUID();
        withDatabaseAt("15", url -> {
            withHandle(url, h -> {
                UUID provider = UUID.randomUUID();
                UUID service = UUID.randomUUID();
                UUID client = UUID.randomUUID();
                h.execute(
                        "insert into businesses (id, slug, name, business_type, language, timezone, currency, "
                                + "allow_voice_booking, slot_step_minutes, minimum_notice_minutes, "
                                + "maximum_advance_minutes, cancellation_cutoff_minutes, hold_minutes) "
                                + "values (?, 'before-16', 'Before 16', 'salon', 'es', 'Europe/Madrid', 'EUR', "
                                + "true, 15, 60, 86400, 1440, 10)",
                        business);
                h.execute(
                        "insert into providers (business_id, id, display_name) values (?, ?, 'Ana')",
                        business,
                        provider);
                h.execute(
                        "insert into services (business_id, id, name, duration_minutes, price_amount, "
                                + "price_currency) values (?, ?, 'Corte', 30, 20, 'EUR')",
                        business,
                        service);
                h.execute(
                        "insert into clients (business_id, id, name, phone) values (?, ?, 'Eva', '+34600111222')",
                        business,
                        client);
                String appointment = "insert into appointments (business_id, id, service_id, provider_id, "
                        + "client_id, starts_at, ends_at, blocked_from, blocked_until, status, source, "
                        + "price_amount, price_currency, created_at, updated_at, manage_token_hash) values "
                        + "(?, ?, ?, ?, ?, ?::timestamptz, ?::timestamptz + interval '30 minutes', "
                        + "?::timestamptz, ?::timestamptz + interval '30 minutes', 'confirmed', 'web', 20, 'EUR', "
                        + "now(), now(), ?)";
                String ten = "2026-12-01T10:00:00Z";
                String eleven = "2026-12-01T11:00:00Z";
                h.execute(appointment, business, withLink, service, provider, client, ten, ten, ten, ten, "hash-given");
                h.execute(
                        appointment,
                        business,
                        withoutLink,
                        service,
                        provider,
                        client,
                        eleven,
                        eleven,
                        eleven,
                        eleven,
                        null);
                return null;
            });

            try (PostgresPersistence persistence = PostgresPersistence.connect(url, 2, new SimpleMeterRegistry())) {
                assertThat(persistence.appointments().findByManageToken("hash-given"))
                        .map(Appointment::id)
                        .map(AppointmentId::value)
                        .contains(withLink);
                List<UUID> tokens = withHandle(
                        url,
                        h -> h.createQuery("select appointment_id from appointment_manage_tokens")
                                .mapTo(UUID.class)
                                .list());
                assertThat(tokens).containsExactly(withLink);
                int appointments = withHandle(
                        url,
                        h -> h.createQuery("select count(*) from appointments")
                                .mapTo(Integer.class)
                                .one());
                assertThat(appointments).isEqualTo(2);
            }
        });
    }

    /** Every table of the schema, and whether it has a business_id column. */
    private static Map<String, Boolean> tablesWithBusinessId(Handle h) {
        return h.createQuery("select c.relname, exists (select 1 from pg_attribute a where a.attrelid = c.oid "
                        + "and a.attname = 'business_id' and not a.attisdropped) as tenant "
                        + "from pg_class c where c.relnamespace = current_schema()::regnamespace "
                        + "and c.relkind in ('r', 'p')")
                .map((rs, ctx) -> Map.entry(rs.getString("relname"), rs.getBoolean("tenant")))
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    }

    /** A primary key, unique key, exclusion constraint, foreign key or unique index, in the order of its columns. */
    private record Key(
            String name,
            String table,
            String type,
            List<String> columns,
            List<String> operators,
            String referenced,
            List<String> referencedColumns) {
        String described() {
            return name + " on (" + String.join(", ", columns) + ")";
        }
    }

    /** What keeps the schema from being distributed by business_id, one line each. */
    private static List<String> violations(DatabaseUrl url, Set<String> global) {
        return withHandle(url, h -> violations(h, global));
    }

    private static List<String> violations(Handle h, Set<String> global) {
        Set<String> tenant = tablesWithBusinessId(h).entrySet().stream()
                .filter(table -> table.getValue() && !global.contains(table.getKey()))
                .map(Map.Entry::getKey)
                .collect(Collectors.toCollection(TreeSet::new));
        List<String> found = new ArrayList<>();
        for (Key key : keys(h)) {
            boolean ofTenant = tenant.contains(key.table());
            int at = key.columns().indexOf("business_id");
            switch (key.type()) {
                case "p", "u", "i" -> {
                    if (ofTenant && at < 0) {
                        found.add(key.table() + ": " + (key.type().equals("i") ? "unique index " : "key ")
                                + key.described() + " leaves out business_id");
                    }
                }
                case "x" -> {
                    if (ofTenant && (at < 0 || !key.operators().get(at).equals("="))) {
                        found.add(key.table() + ": exclusion constraint " + key.described()
                                + " does not hold business_id WITH =");
                    }
                }
                case "f" -> {
                    boolean toTenant = tenant.contains(key.referenced());
                    if (ofTenant
                            && toTenant
                            && (at < 0 || !key.referencedColumns().get(at).equals("business_id"))) {
                        found.add(key.table() + ": foreign key " + key.described() + " to " + key.referenced()
                                + " does not go through business_id");
                    }
                    if (!ofTenant && toTenant) {
                        found.add(key.table() + ": a global table's foreign key " + key.described()
                                + " to tenant table " + key.referenced());
                    }
                }
                default -> throw new IllegalStateException("unexpected key type " + key.type());
            }
        }
        // 'n' replicates nothing, 'd' the primary key if there is one: without either, updates and deletes of the
        // table cannot be replayed while a shard moves
        h
                .createQuery("select c.relname from pg_class c where c.relnamespace = current_schema()::regnamespace "
                        + "and c.relkind = 'r' and (c.relreplident = 'n' or (c.relreplident = 'd' and not exists "
                        + "(select 1 from pg_constraint con where con.conrelid = c.oid and con.contype = 'p')))")
                .mapTo(String.class)
                .list()
                .stream()
                .filter(tenant::contains)
                .forEach(table -> found.add(table + ": no primary key or replica identity"));
        return found;
    }

    /**
     * The keys of the schema's tables: constraints of the four kinds from pg_constraint, and unique indexes no
     * constraint stands for (partial ones, on expressions) as type 'i'.
     */
    private static List<Key> keys(Handle h) {
        List<Key> keys = new ArrayList<>(h.createQuery("select con.conname, rel.relname, con.contype, "
                        + "ref.relname as referenced, "
                        + "array(select coalesce(a.attname, '(expression)') from unnest(con.conkey) with ordinality k(num, i) "
                        + "  left join pg_attribute a on a.attrelid = con.conrelid and a.attnum = k.num "
                        + "  order by k.i) as columns, "
                        + "array(select o.oprname from unnest(con.conexclop) with ordinality x(op, i) "
                        + "  join pg_operator o on o.oid = x.op order by x.i) as operators, "
                        + "array(select a.attname from unnest(con.confkey) with ordinality k(num, i) "
                        + "  join pg_attribute a on a.attrelid = con.confrelid and a.attnum = k.num "
                        + "  order by k.i) as referenced_columns "
                        + "from pg_constraint con join pg_class rel on rel.oid = con.conrelid "
                        + "left join pg_class ref on ref.oid = con.confrelid "
                        + "where rel.relnamespace = current_schema()::regnamespace "
                        + "and con.contype in ('p', 'u', 'x', 'f')")
                .map((rs, ctx) -> new Key(
                        rs.getString("conname"),
                        rs.getString("relname"),
                        rs.getString("contype"),
                        strings(rs.getArray("columns")),
                        strings(rs.getArray("operators")),
                        rs.getString("referenced"),
                        strings(rs.getArray("referenced_columns"))))
                .list());
        keys.addAll(h.createQuery("select i.relname as index, t.relname, "
                        + "array(select coalesce(a.attname, '(expression)') from unnest(x.indkey::int2[]) with ordinality k(num, n) "
                        + "  left join pg_attribute a on a.attrelid = x.indrelid and a.attnum = k.num "
                        + "  where k.n <= x.indnkeyatts order by k.n) as columns "
                        + "from pg_index x join pg_class i on i.oid = x.indexrelid "
                        + "join pg_class t on t.oid = x.indrelid "
                        + "where t.relnamespace = current_schema()::regnamespace and x.indisunique "
                        + "and not exists (select 1 from pg_constraint con where con.conindid = x.indexrelid "
                        + "  and con.conrelid = x.indrelid)")
                .map((rs, ctx) -> new Key(
                        rs.getString("index"),
                        rs.getString("relname"),
                        "i",
                        strings(rs.getArray("columns")),
                        List.of(),
                        null,
                        List.of()))
                .list());
        return keys;
    }

    private static List<String> strings(Array array) throws SQLException {
        return Arrays.asList((String[]) array.getArray());
    }

    private static <T> T withHandle(DatabaseUrl url, HandleCallback<T, RuntimeException> work) {
        return Jdbi.create(() -> DriverManager.getConnection(url.jdbcUrl(), url.user(), url.password()))
                .withHandle(work);
    }

    /** A database of its own with the migrations up to {@code version} applied, for as long as {@code test} runs. */
    private static void withDatabaseAt(String version, Consumer<DatabaseUrl> test) {
        withDatabase(url -> {
            Flyway.configure()
                    .dataSource(url.jdbcUrl(), url.user(), url.password())
                    .locations("classpath:db/migration")
                    .target(version)
                    .load()
                    .migrate();
            test.accept(url);
        });
    }

    /** An empty database of its own, for as long as {@code test} runs. */
    private static void withDatabase(Consumer<DatabaseUrl> test) {
        String name = "va_keys_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
        DatabaseUrl server = TestPostgres.server();
        TestPostgres.execute(server, "create database " + name);
        try {
            test.accept(server.withDatabase(name));
        } finally {
            TestPostgres.execute(server, "drop database if exists " + name + " with (force)");
        }
    }
}
