// Inspection of table constraints and indexes, field by field.
#include <gtest/gtest.h>

#include "support/test_cluster.h"

namespace migra::test {
namespace {

template <typename T>
const T& find(const std::vector<T>& objects, const std::string& key) {
  for (const auto& o : objects) {
    if (o.key() == key) return o;
  }
  throw std::runtime_error("no object " + key);
}

// Keys of the objects on one table, in model order.
template <typename T>
std::vector<std::string> keys_on(const std::vector<T>& objects, const std::string& table_key) {
  std::vector<std::string> out;
  for (const auto& o : objects) {
    if (o.table_key() == table_key) out.push_back(o.key());
  }
  return out;
}

using Names = std::vector<std::string>;

TEST(InspectConstraints, PrimaryKeyUniqueCheckAndForeignKeys) {
  TestDatabase db;
  db.load(R"(
    create schema other;
    create table other.parent (id int primary key, code text,
      constraint parent_code_key unique nulls not distinct (code));
    create table t2 (x int, y int, primary key (x, y));
    create table t (
      id int,
      a int,
      b int,
      c text,
      constraint t_pk primary key (id),
      constraint t_a_pos check (a > 0) no inherit,
      constraint t_fk foreign key (a) references other.parent (id)
        match full on update set null on delete set default deferrable initially deferred,
      constraint t_fk2 foreign key (b, a) references t2 (x, y) on delete set null (b),
      constraint t_c_uq unique (c) deferrable initially immediate
    );
    alter table t add constraint t_b_small check (b < 100) not valid;
    alter table t add constraint t_fk3 foreign key (b) references t (id) not valid;
    comment on constraint t_fk on t is 'to parent';
  )");
  auto m = db.inspect();
  EXPECT_EQ(keys_on(m.constraints, "\"public\".\"t\""),
            (Names{"\"public\".\"t\".\"t_a_pos\"", "\"public\".\"t\".\"t_b_small\"",
                   "\"public\".\"t\".\"t_c_uq\"", "\"public\".\"t\".\"t_fk\"",
                   "\"public\".\"t\".\"t_fk2\"", "\"public\".\"t\".\"t_fk3\"",
                   "\"public\".\"t\".\"t_pk\""}));

  const auto& pk = find(m.constraints, "\"public\".\"t\".\"t_pk\"");
  EXPECT_EQ(pk.schema, "public");
  EXPECT_EQ(pk.table, "t");
  EXPECT_EQ(pk.name, "t_pk");
  EXPECT_EQ(pk.type, "primary key");
  EXPECT_EQ(pk.definition, "PRIMARY KEY (id)");
  EXPECT_FALSE(pk.deferrable);
  EXPECT_FALSE(pk.deferred);
  EXPECT_TRUE(pk.validated);
  EXPECT_FALSE(pk.inherited);
  EXPECT_EQ(pk.index, "t_pk");
  EXPECT_EQ(pk.references, std::nullopt);
  EXPECT_EQ(pk.columns, Names{"id"});
  EXPECT_EQ(pk.comment, std::nullopt);

  const auto& check = find(m.constraints, "\"public\".\"t\".\"t_a_pos\"");
  EXPECT_EQ(check.type, "check");
  EXPECT_EQ(check.definition, "CHECK ((a > 0)) NO INHERIT");
  EXPECT_TRUE(check.validated);
  EXPECT_EQ(check.index, std::nullopt);
  EXPECT_EQ(check.references, std::nullopt);
  EXPECT_EQ(check.columns, Names{"a"});

  const auto& not_valid = find(m.constraints, "\"public\".\"t\".\"t_b_small\"");
  EXPECT_EQ(not_valid.type, "check");
  EXPECT_EQ(not_valid.definition, "CHECK ((b < 100)) NOT VALID");
  EXPECT_FALSE(not_valid.validated);
  EXPECT_EQ(not_valid.columns, Names{"b"});

  const auto& uq = find(m.constraints, "\"public\".\"t\".\"t_c_uq\"");
  EXPECT_EQ(uq.type, "unique");
  EXPECT_EQ(uq.definition, "UNIQUE (c) DEFERRABLE");
  EXPECT_TRUE(uq.deferrable);
  EXPECT_FALSE(uq.deferred);
  EXPECT_EQ(uq.index, "t_c_uq");
  EXPECT_EQ(uq.columns, Names{"c"});

  const auto& fk = find(m.constraints, "\"public\".\"t\".\"t_fk\"");
  EXPECT_EQ(fk.type, "foreign key");
  EXPECT_EQ(fk.definition,
            "FOREIGN KEY (a) REFERENCES other.parent(id) MATCH FULL ON UPDATE SET NULL "
            "ON DELETE SET DEFAULT DEFERRABLE INITIALLY DEFERRED");
  EXPECT_TRUE(fk.deferrable);
  EXPECT_TRUE(fk.deferred);
  EXPECT_TRUE(fk.validated);
  EXPECT_FALSE(fk.inherited);
  // A foreign key's conindid is the referenced unique index, which is not its own.
  EXPECT_EQ(fk.index, std::nullopt);
  EXPECT_EQ(fk.references, "\"other\".\"parent\"");
  EXPECT_EQ(fk.columns, Names{"a"});
  EXPECT_EQ(fk.comment, "to parent");

  const auto& fk2 = find(m.constraints, "\"public\".\"t\".\"t_fk2\"");
  EXPECT_EQ(fk2.definition, "FOREIGN KEY (b, a) REFERENCES t2(x, y) ON DELETE SET NULL (b)");
  EXPECT_EQ(fk2.references, "\"public\".\"t2\"");
  EXPECT_EQ(fk2.columns, (Names{"b", "a"}));
  EXPECT_FALSE(fk2.deferrable);

  const auto& fk3 = find(m.constraints, "\"public\".\"t\".\"t_fk3\"");
  EXPECT_EQ(fk3.definition, "FOREIGN KEY (b) REFERENCES t(id) NOT VALID");
  EXPECT_FALSE(fk3.validated);
  EXPECT_EQ(fk3.references, "\"public\".\"t\"");

  const auto& nnd = find(m.constraints, "\"other\".\"parent\".\"parent_code_key\"");
  EXPECT_EQ(nnd.schema, "other");
  EXPECT_EQ(nnd.table, "parent");
  EXPECT_EQ(nnd.definition, "UNIQUE NULLS NOT DISTINCT (code)");
  EXPECT_EQ(nnd.index, "parent_code_key");

  const auto& multi = find(m.constraints, "\"public\".\"t2\".\"t2_pkey\"");
  EXPECT_EQ(multi.definition, "PRIMARY KEY (x, y)");
  EXPECT_EQ(multi.columns, (Names{"x", "y"}));
}

TEST(InspectConstraints, ExclusionConstraints) {
  TestDatabase db;
  db.load(R"(
    create extension btree_gist;
    create table booking (room int, during tsrange,
      constraint booking_no_overlap exclude using gist (room with =, during with &&)
        where (room > 0) deferrable initially deferred);
    create table spans (lo int, hi int, exclude using gist (int4range(lo, hi) with &&));
  )");
  auto m = db.inspect();
  const auto& ex = find(m.constraints, "\"public\".\"booking\".\"booking_no_overlap\"");
  EXPECT_EQ(ex.type, "exclusion");
  EXPECT_EQ(ex.definition,
            "EXCLUDE USING gist (room WITH =, during WITH &&) WHERE ((room > 0)) "
            "DEFERRABLE INITIALLY DEFERRED");
  EXPECT_TRUE(ex.deferrable);
  EXPECT_TRUE(ex.deferred);
  EXPECT_EQ(ex.index, "booking_no_overlap");
  EXPECT_EQ(ex.references, std::nullopt);
  EXPECT_EQ(ex.columns, (Names{"room", "during"}));

  const auto& idx = find(m.indexes, "\"public\".\"booking_no_overlap\"");
  EXPECT_EQ(idx.constraint, "booking_no_overlap");
  EXPECT_EQ(idx.method, "gist");
  EXPECT_FALSE(idx.unique);
  EXPECT_EQ(idx.predicate, "(room > 0)");
  EXPECT_EQ(idx.columns, (Names{"room", "during"}));
  // Objects of btree_gist are the extension's; the index on a user table is not.
  EXPECT_EQ(idx.extension, std::nullopt);

  // An expression in an exclusion constraint has no column name.
  const auto& expr = find(m.constraints, "\"public\".\"spans\".\"spans_int4range_excl\"");
  EXPECT_EQ(expr.definition, "EXCLUDE USING gist (int4range(lo, hi) WITH &&)");
  EXPECT_EQ(expr.columns, Names{""});
  EXPECT_EQ(expr.index, "spans_int4range_excl");
}

TEST(InspectConstraints, InheritedAndPartitionClones) {
  TestDatabase db;
  db.load(R"(
    create table inh_p (v int constraint inh_p_v check (v <> 0));
    create table inh_c (w int) inherits (inh_p);
    create table orders (id int, region text, primary key (id, region))
      partition by list (region);
    create table orders_eu partition of orders for values in ('eu');
    create table lines (order_id int, region text,
      foreign key (order_id, region) references orders on delete cascade)
      partition by list (region);
    create table lines_eu partition of lines for values in ('eu');
    create table lines_us (order_id int, region text,
      constraint lines_us_own foreign key (order_id, region) references orders on delete cascade);
    alter table lines attach partition lines_us for values in ('us');
  )");
  auto m = db.inspect();
  const auto& parent_check = find(m.constraints, "\"public\".\"inh_p\".\"inh_p_v\"");
  EXPECT_FALSE(parent_check.inherited);
  const auto& child_check = find(m.constraints, "\"public\".\"inh_c\".\"inh_p_v\"");
  EXPECT_TRUE(child_check.inherited);
  EXPECT_EQ(child_check.definition, "CHECK ((v <> 0))");
  EXPECT_EQ(child_check.columns, Names{"v"});

  const auto& ppk = find(m.constraints, "\"public\".\"orders\".\"orders_pkey\"");
  EXPECT_FALSE(ppk.inherited);
  EXPECT_EQ(ppk.index, "orders_pkey");
  const auto& cpk = find(m.constraints, "\"public\".\"orders_eu\".\"orders_eu_pkey\"");
  EXPECT_TRUE(cpk.inherited);
  EXPECT_EQ(cpk.type, "primary key");
  EXPECT_EQ(cpk.definition, "PRIMARY KEY (id, region)");
  EXPECT_EQ(cpk.index, "orders_eu_pkey");
  EXPECT_EQ(cpk.columns, (Names{"id", "region"}));

  // A foreign key to a partitioned table: PostgreSQL also keeps a hidden copy per
  // referenced partition on the referencing table, which must not appear.
  EXPECT_EQ(keys_on(m.constraints, "\"public\".\"lines\""),
            Names{"\"public\".\"lines\".\"lines_order_id_region_fkey\""});
  const auto& fk = find(m.constraints, "\"public\".\"lines\".\"lines_order_id_region_fkey\"");
  EXPECT_FALSE(fk.inherited);
  EXPECT_EQ(fk.references, "\"public\".\"orders\"");
  EXPECT_EQ(fk.definition,
            "FOREIGN KEY (order_id, region) REFERENCES orders(id, region) ON DELETE CASCADE");
  EXPECT_EQ(fk.columns, (Names{"order_id", "region"}));

  // Each partition carries a clone, inherited, named after the parent's...
  EXPECT_EQ(keys_on(m.constraints, "\"public\".\"lines_eu\""),
            Names{"\"public\".\"lines_eu\".\"lines_order_id_region_fkey\""});
  const auto& eu = find(m.constraints, "\"public\".\"lines_eu\".\"lines_order_id_region_fkey\"");
  EXPECT_TRUE(eu.inherited);
  EXPECT_EQ(eu.references, "\"public\".\"orders\"");
  EXPECT_EQ(eu.definition, fk.definition);
  // ...or keeps its own name when an equal one existed before ATTACH PARTITION.
  EXPECT_EQ(keys_on(m.constraints, "\"public\".\"lines_us\""),
            Names{"\"public\".\"lines_us\".\"lines_us_own\""});
  const auto& us = find(m.constraints, "\"public\".\"lines_us\".\"lines_us_own\"");
  EXPECT_TRUE(us.inherited);
  EXPECT_EQ(us.definition, fk.definition);
}

// Constraint columns are named from the table's own column numbers: after dropped columns,
// on a partition whose columns are numbered differently from its parent's, and not at all
// for a check that uses none.
TEST(InspectConstraints, ColumnNamesFollowEachTablesNumbering) {
  TestDatabase db;
  db.load(R"(
    create table gaps (a int, dropped1 int, b int, dropped2 int, "C d" int);
    alter table gaps drop column dropped1, drop column dropped2;
    alter table gaps add column e int;
    alter table gaps add constraint gaps_uq unique ("C d", e, a);
    alter table gaps add constraint gaps_never check (false) no inherit;
    create table parts (k int, v int, primary key (v, k)) partition by range (v);
    create table parts_1 (junk int, v int not null, k int not null);
    alter table parts_1 drop column junk;
    alter table parts attach partition parts_1 for values from (0) to (10);
  )");
  auto m = db.inspect();
  const auto& uq = find(m.constraints, "\"public\".\"gaps\".\"gaps_uq\"");
  EXPECT_EQ(uq.columns, (Names{"C d", "e", "a"}));
  EXPECT_EQ(uq.index, "gaps_uq");
  const auto& never = find(m.constraints, "\"public\".\"gaps\".\"gaps_never\"");
  EXPECT_EQ(never.columns, Names{});
  EXPECT_EQ(never.index, std::nullopt);
  const auto& ppk = find(m.constraints, "\"public\".\"parts\".\"parts_pkey\"");
  EXPECT_EQ(ppk.columns, (Names{"v", "k"}));
  const auto& cpk = find(m.constraints, "\"public\".\"parts_1\".\"parts_1_pkey\"");
  EXPECT_EQ(cpk.columns, (Names{"v", "k"}));
  EXPECT_EQ(cpk.index, "parts_1_pkey");
}

// Definitions print identifiers quoted only where needed even when the database asks
// for every identifier to be quoted: two databases compare alike whatever their settings.
TEST(InspectConstraints, DefinitionsIgnoreQuoteAllIdentifiers) {
  TestDatabase db;
  db.load("create table q (id int primary key, v int check (v > 0));\n"
          "create index q_v on q (v);\n"
          "alter database \"" + db.name() + "\" set quote_all_identifiers = on;");
  auto m = db.inspect();
  EXPECT_EQ(find(m.constraints, "\"public\".\"q\".\"q_pkey\"").definition, "PRIMARY KEY (id)");
  EXPECT_EQ(find(m.constraints, "\"public\".\"q\".\"q_v_check\"").definition,
            "CHECK ((v > 0))");
  EXPECT_EQ(find(m.indexes, "\"public\".\"q_v\"").definition,
            "CREATE INDEX q_v ON public.q USING btree (v)");
}

// The schema lists are sent as quoted literals: any name is taken as written, even one
// that looks like the query text they replace.
TEST(InspectConstraints, SchemaListsHoldAnyName) {
  TestDatabase db;
  db.load(R"(
    create schema "x$2::text[]";
    create table "x$2::text[]".t (id int primary key);
    create schema "it's ""odd"" \ {a,b}";
    create table "it's ""odd"" \ {a,b}".u (id int primary key);
  )");
  auto only = db.inspect({{"x$2::text[]"}, {"it's \"odd\" \\ {a,b}"}});
  ASSERT_EQ(only.tables.size(), 1u);
  EXPECT_EQ(only.tables[0].schema, "x$2::text[]");
  EXPECT_EQ(only.constraints.size(), 1u);
  auto other = db.inspect({{"it's \"odd\" \\ {a,b}"}, {}});
  ASSERT_EQ(other.tables.size(), 1u);
  EXPECT_EQ(other.tables[0].name, "u");
  auto neither = db.inspect({{}, {"x$2::text[]", "it's \"odd\" \\ {a,b}"}});
  EXPECT_TRUE(neither.tables.empty());
}

TEST(InspectConstraints, SchemaFilter) {
  TestDatabase db;
  db.load(R"(
    create schema a;
    create schema b;
    create table a.t (id int primary key);
    create table b.t (id int primary key references a.t);
  )");
  auto only_b = db.inspect({{"b"}, {}});
  ASSERT_EQ(only_b.constraints.size(), 2u);
  EXPECT_EQ(only_b.constraints[0].key(), "\"b\".\"t\".\"t_id_fkey\"");
  // The reference leaves the filtered schemas; it is kept as the table's key.
  EXPECT_EQ(only_b.constraints[0].references, "\"a\".\"t\"");
  EXPECT_EQ(only_b.constraints[1].key(), "\"b\".\"t\".\"t_pkey\"");
  ASSERT_EQ(only_b.indexes.size(), 1u);
  EXPECT_EQ(only_b.indexes[0].key(), "\"b\".\"t_pkey\"");
  auto not_b = db.inspect({{}, {"b"}});
  ASSERT_EQ(not_b.constraints.size(), 1u);
  EXPECT_EQ(not_b.constraints[0].key(), "\"a\".\"t\".\"t_pkey\"");
  ASSERT_EQ(not_b.indexes.size(), 1u);
  EXPECT_EQ(not_b.indexes[0].key(), "\"a\".\"t_pkey\"");
}

TEST(InspectIndexes, PartialExpressionIncludeUniqueAndMethods) {
  TestDatabase db;
  db.load(R"(
    create extension pg_trgm;
    create table items (id int, name text, price numeric, note text);
    create unique index items_name_lower on items (lower(name), id) include (price, note)
      where price > 0;
    create index items_name_desc on items (name collate "C" desc nulls last, price);
    create index items_hash on items using hash (id);
    create index items_trgm on items using gin (name gin_trgm_ops);
    create unique index items_nnd on items (note) nulls not distinct;
    comment on index items_hash is 'for equality';
  )");
  auto m = db.inspect();
  EXPECT_EQ(keys_on(m.indexes, "\"public\".\"items\""),
            (Names{"\"public\".\"items_hash\"", "\"public\".\"items_name_desc\"",
                   "\"public\".\"items_name_lower\"", "\"public\".\"items_nnd\"",
                   "\"public\".\"items_trgm\""}));

  const auto& lower = find(m.indexes, "\"public\".\"items_name_lower\"");
  EXPECT_EQ(lower.schema, "public");
  EXPECT_EQ(lower.table, "items");
  EXPECT_EQ(lower.name, "items_name_lower");
  EXPECT_EQ(lower.definition,
            "CREATE UNIQUE INDEX items_name_lower ON public.items USING btree (lower(name), id) "
            "INCLUDE (price, note) WHERE (price > (0)::numeric)");
  EXPECT_TRUE(lower.unique);
  EXPECT_TRUE(lower.valid);
  EXPECT_EQ(lower.method, "btree");
  EXPECT_EQ(lower.predicate, "(price > (0)::numeric)");
  EXPECT_EQ(lower.columns, (Names{"", "id"}));
  EXPECT_EQ(lower.include, (Names{"price", "note"}));
  EXPECT_EQ(lower.constraint, std::nullopt);
  EXPECT_EQ(lower.parent, std::nullopt);
  EXPECT_EQ(lower.comment, std::nullopt);
  EXPECT_EQ(lower.extension, std::nullopt);

  const auto& desc = find(m.indexes, "\"public\".\"items_name_desc\"");
  EXPECT_EQ(desc.definition,
            "CREATE INDEX items_name_desc ON public.items USING btree "
            "(name COLLATE \"C\" DESC NULLS LAST, price)");
  EXPECT_FALSE(desc.unique);
  EXPECT_EQ(desc.predicate, std::nullopt);
  EXPECT_EQ(desc.columns, (Names{"name", "price"}));
  EXPECT_EQ(desc.include, Names{});

  const auto& hash = find(m.indexes, "\"public\".\"items_hash\"");
  EXPECT_EQ(hash.method, "hash");
  EXPECT_EQ(hash.definition, "CREATE INDEX items_hash ON public.items USING hash (id)");
  EXPECT_EQ(hash.comment, "for equality");

  const auto& trgm = find(m.indexes, "\"public\".\"items_trgm\"");
  EXPECT_EQ(trgm.method, "gin");
  EXPECT_EQ(trgm.definition,
            "CREATE INDEX items_trgm ON public.items USING gin (name gin_trgm_ops)");
  EXPECT_EQ(trgm.columns, Names{"name"});

  const auto& nnd = find(m.indexes, "\"public\".\"items_nnd\"");
  EXPECT_TRUE(nnd.unique);
  EXPECT_EQ(nnd.definition,
            "CREATE UNIQUE INDEX items_nnd ON public.items USING btree (note) NULLS NOT DISTINCT");
}

TEST(InspectIndexes, ConstraintIndexesAndMaterializedViews) {
  TestDatabase db;
  db.load(R"(
    create table p (id int primary key, code text unique, ref int);
    create table c (pid int references p);
    create materialized view cheap as select id, code from p where id < 10;
    create unique index cheap_id on cheap (id);
    create index cheap_code on cheap (code) where code is not null;
  )");
  auto m = db.inspect();
  const auto& pkey = find(m.indexes, "\"public\".\"p_pkey\"");
  EXPECT_EQ(pkey.table, "p");
  EXPECT_TRUE(pkey.unique);
  EXPECT_EQ(pkey.constraint, "p_pkey");
  EXPECT_EQ(pkey.definition, "CREATE UNIQUE INDEX p_pkey ON public.p USING btree (id)");
  EXPECT_EQ(find(m.indexes, "\"public\".\"p_code_key\"").constraint, "p_code_key");
  // The foreign key on c uses p_pkey but does not own it, and c has no index.
  EXPECT_EQ(keys_on(m.indexes, "\"public\".\"c\""), Names{});

  const auto& mv = find(m.indexes, "\"public\".\"cheap_id\"");
  EXPECT_EQ(mv.table, "cheap");
  EXPECT_TRUE(mv.unique);
  EXPECT_EQ(mv.definition, "CREATE UNIQUE INDEX cheap_id ON public.cheap USING btree (id)");
  EXPECT_EQ(mv.constraint, std::nullopt);
  const auto& mv_partial = find(m.indexes, "\"public\".\"cheap_code\"");
  EXPECT_EQ(mv_partial.predicate, "(code IS NOT NULL)");
  EXPECT_EQ(mv_partial.columns, Names{"code"});
}

TEST(InspectIndexes, PartitionedIndexesAndTheirPartitions) {
  TestDatabase db;
  db.load(R"(
    create table m (k int, v int) partition by range (k);
    create table m1 partition of m for values from (0) to (10);
    create index m_v on m (v);
    create table m2 (k int, v int);
    create index m2_v_own on m2 (v);
    alter table m attach partition m2 for values from (10) to (20);
    create index m_k_only on only m (k);
    create index m1_k on m1 (k);
    alter index m_k_only attach partition m1_k;
  )");
  auto m = db.inspect();
  const auto& parent = find(m.indexes, "\"public\".\"m_v\"");
  EXPECT_EQ(parent.definition, "CREATE INDEX m_v ON ONLY public.m USING btree (v)");
  EXPECT_TRUE(parent.valid);
  EXPECT_EQ(parent.parent, std::nullopt);
  // Created with the parent index: named by PostgreSQL.
  const auto& m1 = find(m.indexes, "\"public\".\"m1_v_idx\"");
  EXPECT_EQ(m1.table, "m1");
  EXPECT_EQ(m1.definition, "CREATE INDEX m1_v_idx ON public.m1 USING btree (v)");
  EXPECT_EQ(m1.parent, "\"public\".\"m_v\"");
  // An existing equal index is adopted on ATTACH PARTITION.
  const auto& m2 = find(m.indexes, "\"public\".\"m2_v_own\"");
  EXPECT_EQ(m2.parent, "\"public\".\"m_v\"");
  EXPECT_EQ(keys_on(m.indexes, "\"public\".\"m2\""), Names{"\"public\".\"m2_v_own\""});

  // ON ONLY with one of two partitions attached: invalid until every partition has one.
  const auto& only = find(m.indexes, "\"public\".\"m_k_only\"");
  EXPECT_EQ(only.definition, "CREATE INDEX m_k_only ON ONLY public.m USING btree (k)");
  EXPECT_FALSE(only.valid);
  const auto& m1_k = find(m.indexes, "\"public\".\"m1_k\"");
  EXPECT_EQ(m1_k.parent, "\"public\".\"m_k_only\"");
  EXPECT_TRUE(m1_k.valid);
}

// Types, functions and collations that the expressions of constraints and indexes use,
// each object with its own, sorted; built-ins and the table's column types left out.
constexpr const char* kExpressionDependencies = R"(
    create schema app;
    create type app.mood as enum ('ok', 'sad');
    create collation app.ci (provider = icu, locale = 'und-u-ks-level2', deterministic = false);
    create function app.norm(text) returns text language sql immutable as 'select lower($1)';
    create function app.twice(int) returns int language sql immutable as 'select 2 * $1';
    create table app.t (id int primary key, name text, m app.mood, tags app.mood[],
      constraint t_norm check (app.norm(name) <> ''),
      constraint t_twice check (app.twice(id) > 0 and app.twice(id) < 100),
      constraint t_mood check (m <> 'sad'::app.mood));
    create index t_norm_ok on app.t (app.norm(name) collate app.ci) where m = 'ok'::app.mood;
    create index t_tags on app.t (tags);
    create index t_lower on app.t (lower(name));
    create index t_twice on app.t (app.twice(id), (tags[1]));
  )";

TEST(InspectConstraints, DependsOnWhatTheirExpressionsUse) {
  TestDatabase db;
  db.load(kExpressionDependencies);
  auto m = db.inspect();
  EXPECT_EQ(find(m.constraints, "\"app\".\"t\".\"t_norm\"").depends_on,
            Names{"\"app\".\"norm\"(text)"});
  EXPECT_EQ(find(m.constraints, "\"app\".\"t\".\"t_twice\"").depends_on,
            Names{"\"app\".\"twice\"(integer)"});
  EXPECT_EQ(find(m.constraints, "\"app\".\"t\".\"t_mood\"").depends_on, Names{"\"app\".\"mood\""});
  EXPECT_EQ(find(m.constraints, "\"app\".\"t\".\"t_pkey\"").depends_on, Names{});
}

TEST(InspectIndexes, DependsOnWhatTheirExpressionsUse) {
  TestDatabase db;
  db.load(kExpressionDependencies);
  auto m = db.inspect();
  const auto& norm = find(m.indexes, "\"app\".\"t_norm_ok\"");
  EXPECT_EQ(norm.depends_on,
            (Names{"\"app\".\"ci\"", "\"app\".\"mood\"", "\"app\".\"norm\"(text)"}));
  EXPECT_EQ(norm.columns, Names{""});
  const auto& twice = find(m.indexes, "\"app\".\"t_twice\"");
  EXPECT_EQ(twice.depends_on, Names{"\"app\".\"twice\"(integer)"});
  EXPECT_EQ(twice.columns, (Names{"", ""}));
  // The column's type is the table's dependency, lower() is built in.
  EXPECT_EQ(find(m.indexes, "\"app\".\"t_tags\"").depends_on, Names{});
  EXPECT_EQ(find(m.indexes, "\"app\".\"t_lower\"").depends_on, Names{});
  EXPECT_EQ(find(m.indexes, "\"app\".\"t_pkey\"").depends_on, Names{});
}

TEST(InspectIndexes, IndexOnAnExtensionTableIsTheExtensions) {
  TestDatabase db;
  db.load(R"(
    create extension citext;
    create table ext_owned (x int);
    create index ext_owned_x on ext_owned (x);
    alter extension citext add table ext_owned;
    create table mine (x citext);
    create index mine_x on mine (x);
  )");
  auto m = db.inspect();
  EXPECT_EQ(find(m.indexes, "\"public\".\"ext_owned_x\"").extension, "citext");
  EXPECT_EQ(find(m.indexes, "\"public\".\"mine_x\"").extension, std::nullopt);
}

// Definitions of indexes whose columns print as plain names are composed by the query;
// every one must read exactly as pg_get_indexdef prints it, the others come from it.
TEST(InspectIndexes, DefinitionsReadAsPgGetIndexdefPrintsThem) {
  TestDatabase db;
  db.load(R"(
    create extension if not exists pg_trgm;
    create extension if not exists citext;
    create extension if not exists btree_gist;
    create schema "Odd Schema";
    create type mood as enum ('a','b');
    create type fr as range (subtype = float8);
    create domain d_text as text;
    create domain d_int as int;
    create domain d_d_int as d_int;
    create table "Odd Schema"."Tab""le" ("Col" int, "select" text, v varchar(10), c char(3),
      e mood, arr int[], tarr text[], r int4range, fr fr, ct citext, dt d_text, di d_int,
      ddi d_d_int, j jsonb, ts tsvector, p point, b box, n numeric, u uuid, bo bool,
      by bytea, i inet, x xml, m int4multirange, nm name, o oid, rc regclass);
    create index on "Odd Schema"."Tab""le" ("Col" desc);
    create index on "Odd Schema"."Tab""le" ("Col" desc nulls last);
    create index on "Odd Schema"."Tab""le" ("Col" nulls first);
    create index on "Odd Schema"."Tab""le" ("Col" asc nulls last);
    create index on "Odd Schema"."Tab""le" ("select", v, c);
    create index on "Odd Schema"."Tab""le" (v varchar_pattern_ops);
    create index on "Odd Schema"."Tab""le" (v text_ops);
    create index on "Odd Schema"."Tab""le" (c bpchar_ops);
    create index on "Odd Schema"."Tab""le" ("select" collate "C");
    create index on "Odd Schema"."Tab""le" (v collate "C");
    create index on "Odd Schema"."Tab""le" (e);
    create index on "Odd Schema"."Tab""le" (arr);
    create index on "Odd Schema"."Tab""le" using gin (arr);
    create index on "Odd Schema"."Tab""le" using gin (tarr);
    create index on "Odd Schema"."Tab""le" using gist (r);
    create index on "Odd Schema"."Tab""le" (r);
    create index on "Odd Schema"."Tab""le" using gist (fr);
    create index on "Odd Schema"."Tab""le" (ct);
    create index on "Odd Schema"."Tab""le" (dt);
    create index on "Odd Schema"."Tab""le" (di);
    create index on "Odd Schema"."Tab""le" (ddi);
    create index on "Odd Schema"."Tab""le" using gin (j);
    create index on "Odd Schema"."Tab""le" using gin (j jsonb_path_ops);
    create index on "Odd Schema"."Tab""le" using gist (ts);
    create index on "Odd Schema"."Tab""le" using gist (ts tsvector_ops (siglen=100));
    create index on "Odd Schema"."Tab""le" using gin (ts);
    create index on "Odd Schema"."Tab""le" using gist (p);
    create index on "Odd Schema"."Tab""le" using spgist (p);
    create index on "Odd Schema"."Tab""le" using gist (b);
    create index on "Odd Schema"."Tab""le" using brin (n);
    create index on "Odd Schema"."Tab""le" using brin ("Col") with (pages_per_range = 16);
    create index on "Odd Schema"."Tab""le" using hash (u);
    create index on "Odd Schema"."Tab""le" (bo, by, i);
    create index on "Odd Schema"."Tab""le" using gist (i inet_ops);
    create index on "Odd Schema"."Tab""le" (m);
    create index on "Odd Schema"."Tab""le" using gist (m);
    create index on "Odd Schema"."Tab""le" (nm);
    create index on "Odd Schema"."Tab""le" (o);
    create index on "Odd Schema"."Tab""le" (rc);
    create index on "Odd Schema"."Tab""le" using gin ("select" gin_trgm_ops);
    create index on "Odd Schema"."Tab""le" using gist ("select" gist_trgm_ops(siglen=32));
    create index on "Odd Schema"."Tab""le" using gist ("Col", r);
    create index on "Odd Schema"."Tab""le" using spgist ("select");
    -- A column whose type has no default class next to one that has: not plain.
    create index on "Odd Schema"."Tab""le" using gin ("select" gin_trgm_ops, tarr);
    create unique index on "Odd Schema"."Tab""le" ("Col") include ("select", v)
      where "Col" > 0 and v <> 'x';
    create unique index on "Odd Schema"."Tab""le" (u) nulls not distinct;
    create index on "Odd Schema"."Tab""le" ("Col") with (fillfactor = 70);
    create index on "Odd Schema"."Tab""le" (lower("select"), "Col");
    create index on "Odd Schema"."Tab""le" (("Col" + 1));
    create table part (id int, k text) partition by range (id);
    create table part_1 partition of part for values from (0) to (10);
    create index on part (id);
    create index on part (k) where id > 3;
    create materialized view mv as select 1 as one, 'x'::text as t;
    create index on mv (one, t);
    create table public.t2 (a int primary key, b text unique, c text,
      unique nulls not distinct (c));
    alter table public.t2 add constraint ex exclude using gist (a with =);
    create table "TabUp"(id int);
    create index "IdxUp" on "TabUp" (id);
    create index "with space" on "TabUp" (id);
    create index "order" on "TabUp" (id);
    -- Names quoted or not as the server's keyword list says: reserved, column-name and
    -- type/function-name keywords are quoted, unreserved ones are not; so are upper-case,
    -- non-ASCII and leading-digit names.
    create table kw ("user" int, "int" int, "between" int, "type" int, name int, "Naïve" int,
      "1st" int, _under int, "dropped" int, "a""b" int, "zone" int);
    alter table kw drop column "dropped";
    create index on kw ("user", "int", "between" desc);
    create index "select" on kw ("type", name nulls first) include ("Naïve", "1st");
    create unique index on kw (_under, "a""b") where "zone" > 0;
  )");
  auto m = db.inspect();
  auto conn = db.connect();
  pqxx::work tx(*conn);
  // The inspector's own session settings: definitions are printed relative to them.
  tx.exec0("set local search_path = public");
  size_t checked = 0;
  for (const auto& index : m.indexes) {
    auto row = tx.exec_params1(
        "select pg_catalog.pg_get_indexdef(c.oid) from pg_catalog.pg_class c "
        "join pg_catalog.pg_namespace n on n.oid = c.relnamespace "
        "where n.nspname = $1 and c.relname = $2",
        index.schema, index.name);
    EXPECT_EQ(index.definition, row[0].as<std::string>()) << index.key();
    ++checked;
  }
  // Every index of the script above (plain, opclasses, collations, orderings, methods,
  // domains, ranges, arrays, enums, INCLUDE, partial, NULLS NOT DISTINCT, options,
  // expressions, partitioned, materialized view, constraint-backed, quoted names,
  // keywords).
  EXPECT_EQ(checked, 64u);
}

// Primary key and unique constraint definitions, which the inspector composes, read as
// pg_get_constraintdef prints them; so do the others, which the server prints.
TEST(InspectConstraints, DefinitionsReadAsPgGetConstraintdefPrintsThem) {
  TestDatabase db;
  db.load(R"(
    create schema "Odd Schema";
    create table "Odd Schema"."T""1" ("Id" int, "select" text, v int, "user" int, name text,
      "Naïve" int, dropped int, w int,
      constraint "PK" primary key ("Id", "select") include (v, "user"),
      constraint u1 unique ("user"),
      constraint u2 unique nulls not distinct (name, "Naïve") deferrable,
      constraint u3 unique (w) deferrable initially deferred,
      constraint c1 check (v > 0) not valid,
      constraint f1 foreign key ("user") references "Odd Schema"."T""1" ("user"));
    alter table "Odd Schema"."T""1" drop column dropped;
    create table p (id int, k int, primary key (id, k) with (fillfactor = 70))
      partition by range (id);
    create table p_1 partition of p for values from (0) to (10);
    create table q (a int unique using index tablespace pg_default, b int,
      unique (b) include (a));
    create schema other;
    create table other.ref (a int primary key, b int, "B c" int, unique (a, b),
      unique ("B c"));
    -- Shadowed on the search path by pg_catalog.pg_type: printed with its schema.
    create table public.pg_type (id int primary key);
    create table fks (x int, y int, z int, "select" int,
      constraint fk1 foreign key (x, y) references other.ref (a, b) match full
        on update cascade on delete set null (y),
      constraint fk2 foreign key (x, y) references other.ref (a, b)
        on delete set default deferrable initially deferred,
      constraint fk3 foreign key (z) references public.pg_type (id)
        on update restrict on delete restrict,
      constraint fk4 foreign key ("select") references other.ref ("B c") on update set null,
      constraint fk5 foreign key (z) references q (b) deferrable);
    alter table fks add constraint fk6 foreign key (x) references "Odd Schema"."T""1" ("user")
      on delete cascade not valid;
  )");
  auto conn = db.connect();
  pqxx::work tx(*conn);
  tx.exec0("set local search_path = public");
  auto server_definition = [&](const model::Constraint& c) {
    auto row = tx.exec_params1(
        "select pg_catalog.pg_get_constraintdef(con.oid) from pg_catalog.pg_constraint con "
        "join pg_catalog.pg_class t on t.oid = con.conrelid "
        "join pg_catalog.pg_namespace n on n.oid = t.relnamespace "
        "where n.nspname = $1 and t.relname = $2 and con.conname = $3",
        c.schema, c.table, c.name);
    return row[0].as<std::string>();
  };
  size_t checked = 0;
  for (const auto& c : db.inspect().constraints) {
    EXPECT_EQ(c.definition, server_definition(c)) << c.key();
    ++checked;
  }
  EXPECT_EQ(checked, 20u);
  // Foreign keys to tables of schemas left out are printed by the server: the same text.
  checked = 0;
  for (const auto& c : db.inspect({{"public"}, {}}).constraints) {
    EXPECT_EQ(c.definition, server_definition(c)) << c.key();
    if (c.type == "foreign key") ++checked;
  }
  EXPECT_EQ(checked, 6u);
}

}  // namespace
}  // namespace migra::test
