// Inspection of views, materialized views, functions, procedures and aggregates, field by field.
#include <gtest/gtest.h>

#include "support/test_cluster.h"

namespace migra::test {
namespace {

using Keys = std::vector<std::string>;

const model::View& view(const model::Model& m, const std::string& key) {
  for (const auto& v : m.views) {
    if (v.key() == key) return v;
  }
  throw std::runtime_error("no view " + key);
}

const model::Function& function(const model::Model& m, const std::string& key) {
  for (const auto& f : m.functions) {
    if (f.key() == key) return f;
  }
  throw std::runtime_error("no function " + key);
}

bool has_function(const model::Model& m, const std::string& key) {
  for (const auto& f : m.functions) {
    if (f.key() == key) return true;
  }
  return false;
}

model::ViewColumn column(std::string name, std::string type,
                         std::optional<std::string> comment = std::nullopt,
                         std::optional<std::string> default_ = std::nullopt, model::Acl acl = {}) {
  return {std::move(name), std::move(type), std::move(comment), std::move(default_),
          std::move(acl)};
}

// The privileges a new relation's owner holds by default.
model::Acl owner_table_privileges(const std::string& owner) {
  model::Acl acl;
  for (const char* p :
       {"DELETE", "INSERT", "REFERENCES", "SELECT", "TRIGGER", "TRUNCATE", "UPDATE"}) {
    acl.push_back({owner, p, false});
  }
  return acl;
}

// PostgreSQL's default for a routine: its owner and PUBLIC may execute it.
model::Acl default_routine_acl(const std::string& owner) {
  return {{"PUBLIC", "EXECUTE", false}, {owner, "EXECUTE", false}};
}

TEST(InspectViews, ViewOnViewFunctionAndTypeDependencies) {
  TestDatabase db;
  db.load(R"(
    create schema app;
    create type app.mood as enum ('sad', 'ok', 'happy');
    create table app.people (id int primary key, name text, mood app.mood);
    create function app.shout(t text) returns text language sql immutable
      as $$ select upper(t) $$;
    create view app.base as select id, name from app.people where id > 0;
    create view app.loud as
      select id, app.shout(name) as loud, 'ok'::app.mood as m, '{sad}'::app.mood[] as ms
      from app.base;
    comment on view app.loud is 'shouting';
    comment on column app.loud.loud is 'the name, loud';
    alter view app.loud owner to schemainspect_test_role;
    grant select on app.base to schemainspect_test_role;
    alter view app.base alter column name set default 'anonymous';
    grant update (loud) on app.loud to postgres;
  )");
  auto m = db.inspect();
  ASSERT_EQ(m.views.size(), 2u);

  const auto& base = view(m, "\"app\".\"base\"");
  EXPECT_EQ(base.schema, "app");
  EXPECT_EQ(base.name, "base");
  EXPECT_FALSE(base.materialized);
  EXPECT_EQ(base.definition,
            " SELECT people.id,\n    people.name\n   FROM app.people\n  WHERE (people.id > 0);");
  ASSERT_EQ(base.columns.size(), 2u);
  EXPECT_EQ(base.columns[0], column("id", "integer"));
  EXPECT_EQ(base.columns[1], column("name", "text", std::nullopt, "'anonymous'::text"));
  EXPECT_EQ(base.options, Keys{});
  EXPECT_EQ(base.check_option, std::nullopt);
  EXPECT_TRUE(base.populated);
  EXPECT_EQ(base.depends_on, Keys{"\"app\".\"people\""});
  EXPECT_EQ(base.owner, cluster().superuser());
  EXPECT_EQ(base.comment, std::nullopt);
  auto base_acl = owner_table_privileges(cluster().superuser());
  base_acl.push_back({"schemainspect_test_role", "SELECT", false});
  EXPECT_EQ(base.acl, base_acl);
  EXPECT_EQ(base.extension, std::nullopt);

  const auto& loud = view(m, "\"app\".\"loud\"");
  EXPECT_EQ(loud.definition,
            " SELECT base.id,\n    app.shout(base.name) AS loud,\n    'ok'::app.mood AS m,\n"
            "    '{sad}'::app.mood[] AS ms\n   FROM app.base;");
  ASSERT_EQ(loud.columns.size(), 4u);
  EXPECT_EQ(loud.columns[0], column("id", "integer"));
  EXPECT_EQ(loud.columns[1], column("loud", "text", "the name, loud", std::nullopt,
                                    {{"postgres", "UPDATE", false}}));
  EXPECT_EQ(loud.columns[2], column("m", "app.mood"));
  EXPECT_EQ(loud.columns[3], column("ms", "app.mood[]"));
  // The view on a view depends on that view, not on its table; the array of app.mood
  // counts as app.mood.
  EXPECT_EQ(loud.depends_on,
            (Keys{"\"app\".\"base\"", "\"app\".\"mood\"", "\"app\".\"shout\"(t text)"}));
  EXPECT_EQ(loud.owner, "schemainspect_test_role");
  EXPECT_EQ(loud.comment, "shouting");
  EXPECT_EQ(loud.acl, owner_table_privileges("schemainspect_test_role"));
}

TEST(InspectViews, SecurityBarrierAndCheckOption) {
  TestDatabase db;
  db.load(R"(
    create table t (id int, v text);
    create view guarded with (security_barrier = true, security_invoker = true) as
      select * from t where id < 100 with local check option;
    create view cascading as select * from guarded where id > 0 with cascaded check option;
    revoke all on guarded from migra;
  )");
  auto m = db.inspect();
  ASSERT_EQ(m.views.size(), 2u);
  const auto& g = view(m, "\"public\".\"guarded\"");
  EXPECT_EQ(g.definition, " SELECT t.id,\n    t.v\n   FROM t\n  WHERE (t.id < 100);");
  // check_option is a reloption in the catalog, but has its own field.
  EXPECT_EQ(g.options, (Keys{"security_barrier=true", "security_invoker=true"}));
  EXPECT_EQ(g.check_option, "local");
  EXPECT_EQ(g.depends_on, Keys{"\"public\".\"t\""});
  // An explicitly emptied ACL stays empty instead of reading as the default.
  EXPECT_EQ(g.acl, model::Acl{});
  const auto& c = view(m, "\"public\".\"cascading\"");
  EXPECT_EQ(c.options, Keys{});
  EXPECT_EQ(c.check_option, "cascaded");
  EXPECT_EQ(c.depends_on, Keys{"\"public\".\"guarded\""});
}

TEST(InspectViews, MaterializedWithNoDataAndColumnList) {
  TestDatabase db;
  db.load(R"(
    create table items (id int, price numeric(10, 2));
    create materialized view summary (item, cost) with (fillfactor = 50) as
      select id, price from items with no data;
    create materialized view filled as select count(*) as n from items;
    comment on materialized view summary is 'later';
    comment on column summary.cost is 'in cents';
  )");
  auto m = db.inspect();
  ASSERT_EQ(m.views.size(), 2u);
  const auto& s = view(m, "\"public\".\"summary\"");
  EXPECT_TRUE(s.materialized);
  EXPECT_FALSE(s.populated);
  EXPECT_EQ(s.definition, " SELECT items.id AS item,\n    items.price AS cost\n   FROM items;");
  ASSERT_EQ(s.columns.size(), 2u);
  EXPECT_EQ(s.columns[0], column("item", "integer"));
  EXPECT_EQ(s.columns[1], column("cost", "numeric(10,2)", "in cents"));
  EXPECT_EQ(s.options, Keys{"fillfactor=50"});
  EXPECT_EQ(s.check_option, std::nullopt);
  EXPECT_EQ(s.depends_on, Keys{"\"public\".\"items\""});
  EXPECT_EQ(s.comment, "later");
  EXPECT_EQ(s.owner, cluster().superuser());
  const auto& f = view(m, "\"public\".\"filled\"");
  EXPECT_TRUE(f.materialized);
  EXPECT_TRUE(f.populated);
  EXPECT_EQ(f.columns, std::vector<model::ViewColumn>{column("n", "bigint")});
  // count(*) is pg_catalog's, so not a dependency.
  EXPECT_EQ(f.depends_on, Keys{"\"public\".\"items\""});
}

TEST(InspectViews, ExtensionMemberIsTagged) {
  TestDatabase db;
  db.load(R"(
    create extension pg_trgm;
    create view words as select show_trgm('word') as trigrams;
    alter extension pg_trgm add view words;
  )");
  auto m = db.inspect();
  ASSERT_EQ(m.views.size(), 1u);
  EXPECT_EQ(m.views[0].extension, "pg_trgm");
  // A function of the extension is a dependency like any other.
  EXPECT_EQ(m.views[0].depends_on, Keys{"\"public\".\"show_trgm\"(text)"});
}

TEST(InspectViews, SchemaFilter) {
  TestDatabase db;
  db.load(R"(
    create schema a; create schema b;
    create table a.t (x int);
    create view a.v as select x from a.t;
    create view b.v as select x from a.t;
  )");
  auto only_b = db.inspect({{"b"}, {}});
  ASSERT_EQ(only_b.views.size(), 1u);
  EXPECT_EQ(only_b.views[0].key(), "\"b\".\"v\"");
  // A dependency outside the filter is still named: it orders statements.
  EXPECT_EQ(only_b.views[0].depends_on, Keys{"\"a\".\"t\""});
  auto not_b = db.inspect({{}, {"b"}});
  ASSERT_EQ(not_b.views.size(), 1u);
  EXPECT_EQ(not_b.views[0].key(), "\"a\".\"v\"");
}

TEST(InspectFunctions, SqlAndPlpgsqlSignatures) {
  TestDatabase db;
  db.load(R"(
    create schema app;
    create type app.pair as (a int, b int);
    create table app.items (id int, price numeric);
    create function app.add(a integer, b integer default 1) returns integer
      language sql immutable strict parallel safe as $$ select a + b $$;
    create function app.split(p app.pair, out x int, out y int) language plpgsql
      as $$ begin x := p.a; y := p.b; end $$;
    create function app.squares(n int) returns table (i int, sq int) language sql stable rows 5
      as $$ select g, g * g from generate_series(1, n) g $$;
    create function app.all_items() returns setof app.items language sql cost 50 rows 20
      as $$ select * from app.items $$;
    create function app.firsts(ps app.pair[]) returns int language sql
      as $$ select ps[1].a $$;
  )");
  auto m = db.inspect();
  ASSERT_EQ(m.functions.size(), 5u);
  const auto su = cluster().superuser();

  const auto& add = function(m, "\"app\".\"add\"(a integer, b integer)");
  EXPECT_EQ(add.schema, "app");
  EXPECT_EQ(add.name, "add");
  EXPECT_EQ(add.kind, "function");
  EXPECT_EQ(add.identity_arguments, "a integer, b integer");
  EXPECT_EQ(add.arguments, "a integer, b integer DEFAULT 1");
  EXPECT_EQ(add.result, "integer");
  EXPECT_EQ(add.language, "sql");
  EXPECT_EQ(add.definition,
            "CREATE OR REPLACE FUNCTION app.add(a integer, b integer DEFAULT 1)\n"
            " RETURNS integer\n LANGUAGE sql\n IMMUTABLE PARALLEL SAFE STRICT\n"
            "AS $function$ select a + b $function$\n");
  EXPECT_EQ(add.volatility, "immutable");
  EXPECT_TRUE(add.strict);
  EXPECT_FALSE(add.security_definer);
  EXPECT_FALSE(add.leakproof);
  EXPECT_EQ(add.parallel, "safe");
  EXPECT_EQ(add.cost, 100);
  EXPECT_EQ(add.rows, 0);
  EXPECT_EQ(add.config, Keys{});
  EXPECT_EQ(add.depends_on, Keys{});
  EXPECT_EQ(add.owner, su);
  EXPECT_EQ(add.comment, std::nullopt);
  EXPECT_EQ(add.acl, default_routine_acl(su));
  EXPECT_EQ(add.extension, std::nullopt);

  const auto& split = function(m, "\"app\".\"split\"(p app.pair, OUT x integer, OUT y integer)");
  EXPECT_EQ(split.arguments, "p app.pair, OUT x integer, OUT y integer");
  EXPECT_EQ(split.result, "record");
  EXPECT_EQ(split.language, "plpgsql");
  EXPECT_EQ(split.volatility, "volatile");
  EXPECT_FALSE(split.strict);
  EXPECT_EQ(split.parallel, "unsafe");
  EXPECT_EQ(split.depends_on, Keys{"\"app\".\"pair\""});

  const auto& sq = function(m, "\"app\".\"squares\"(n integer)");
  EXPECT_EQ(sq.result, "TABLE(i integer, sq integer)");
  EXPECT_EQ(sq.volatility, "stable");
  EXPECT_EQ(sq.rows, 5);
  EXPECT_EQ(sq.definition,
            "CREATE OR REPLACE FUNCTION app.squares(n integer)\n"
            " RETURNS TABLE(i integer, sq integer)\n LANGUAGE sql\n STABLE ROWS 5\n"
            "AS $function$ select g, g * g from generate_series(1, n) g $function$\n");
  EXPECT_EQ(sq.depends_on, Keys{});

  const auto& all = function(m, "\"app\".\"all_items\"()");
  EXPECT_EQ(all.identity_arguments, "");
  EXPECT_EQ(all.result, "SETOF app.items");
  EXPECT_EQ(all.cost, 50);
  EXPECT_EQ(all.rows, 20);
  // A SETOF a table's row type depends on the table.
  EXPECT_EQ(all.depends_on, Keys{"\"app\".\"items\""});

  // An array argument depends on its element type.
  EXPECT_EQ(function(m, "\"app\".\"firsts\"(ps app.pair[])").depends_on,
            Keys{"\"app\".\"pair\""});
}

TEST(InspectFunctions, SecurityLeakproofConfigOwnerCommentAcl) {
  TestDatabase db;
  db.load(R"(
    create schema app;
    create function app.secure() returns void language plpgsql security definer
      set search_path = app, pg_temp set work_mem = '64kB' as $$ begin end $$;
    create function app.same(int, int) returns boolean language internal
      leakproof immutable strict as 'int4eq';
    create function app.granted(x int) returns int language sql as $$ select x $$;
    comment on function app.granted(int) is 'for the role only';
    revoke execute on function app.granted(int) from public;
    grant execute on function app.granted(int) to schemainspect_test_role with grant option;
    alter function app.secure() owner to schemainspect_test_role;
  )");
  auto m = db.inspect();
  ASSERT_EQ(m.functions.size(), 3u);
  const auto su = cluster().superuser();

  const auto& sec = function(m, "\"app\".\"secure\"()");
  EXPECT_TRUE(sec.security_definer);
  EXPECT_EQ(sec.config, (Keys{"search_path=app, pg_temp", "work_mem=64kB"}));
  EXPECT_EQ(sec.result, "void");
  EXPECT_EQ(sec.definition,
            "CREATE OR REPLACE FUNCTION app.secure()\n RETURNS void\n LANGUAGE plpgsql\n"
            " SECURITY DEFINER\n SET search_path TO 'app', 'pg_temp'\n SET work_mem TO '64kB'\n"
            "AS $function$ begin end $function$\n");
  EXPECT_EQ(sec.owner, "schemainspect_test_role");
  EXPECT_EQ(sec.acl, default_routine_acl("schemainspect_test_role"));

  const auto& same = function(m, "\"app\".\"same\"(integer, integer)");
  EXPECT_TRUE(same.leakproof);
  EXPECT_TRUE(same.strict);
  EXPECT_EQ(same.language, "internal");
  EXPECT_EQ(same.cost, 1);
  EXPECT_EQ(same.definition,
            "CREATE OR REPLACE FUNCTION app.same(integer, integer)\n RETURNS boolean\n"
            " LANGUAGE internal\n IMMUTABLE STRICT LEAKPROOF\nAS $function$int4eq$function$\n");

  const auto& g = function(m, "\"app\".\"granted\"(x integer)");
  EXPECT_EQ(g.comment, "for the role only");
  model::Acl want{{su, "EXECUTE", false}, {"schemainspect_test_role", "EXECUTE", true}};
  EXPECT_EQ(g.acl, want);
}

TEST(InspectFunctions, ProcedureAndWindowFunction) {
  TestDatabase db;
  db.load(R"(
    create procedure bump(inout n int, step int default 1) language plpgsql
      as $$ begin n := n + step; end $$;
    create function counter() returns bigint window language plpgsql
      as $$ begin return 1; end $$;
    create function my_rank() returns bigint window language internal as 'window_rank';
  )");
  auto m = db.inspect();
  ASSERT_EQ(m.functions.size(), 3u);
  const auto& p = function(m, "\"public\".\"bump\"(INOUT n integer, IN step integer)");
  EXPECT_EQ(p.kind, "procedure");
  EXPECT_EQ(p.arguments, "INOUT n integer, IN step integer DEFAULT 1");
  EXPECT_EQ(p.result, std::nullopt);
  EXPECT_EQ(p.definition,
            "CREATE OR REPLACE PROCEDURE public.bump(INOUT n integer, IN step integer DEFAULT 1)\n"
            " LANGUAGE plpgsql\nAS $procedure$ begin n := n + step; end $procedure$\n");
  EXPECT_EQ(p.acl, default_routine_acl(cluster().superuser()));

  // PL/pgSQL accepts WINDOW; such a function just cannot see its window.
  const auto& w = function(m, "\"public\".\"counter\"()");
  EXPECT_EQ(w.kind, "window");
  EXPECT_EQ(w.language, "plpgsql");
  EXPECT_EQ(w.result, "bigint");
  EXPECT_EQ(w.definition,
            "CREATE OR REPLACE FUNCTION public.counter()\n RETURNS bigint\n LANGUAGE plpgsql\n"
            " WINDOW\nAS $function$ begin return 1; end $function$\n");
  const auto& r = function(m, "\"public\".\"my_rank\"()");
  EXPECT_EQ(r.kind, "window");
  EXPECT_EQ(r.language, "internal");
}

TEST(InspectFunctions, AggregatesAsCreateAggregate) {
  TestDatabase db;
  db.load(R"(
    create schema app;
    create function app.acc(s int, v int) returns int language sql immutable
      as $$ select s + v $$;
    create function app.fin(s int) returns text language sql immutable as $$ select s::text $$;
    create aggregate app.total(int) (sfunc = app.acc, stype = int, finalfunc = app.fin,
      initcond = '0');
    create aggregate app.biggest(int) (sfunc = int4larger, stype = int4, sortop = >,
      combinefunc = int4larger, parallel = safe);
    create aggregate app.counted(*) (sfunc = int8inc, stype = int8, initcond = '0');
    comment on aggregate app.total(int) is 'sum as text';
  )");
  auto m = db.inspect();
  ASSERT_EQ(m.functions.size(), 5u);

  const auto& total = function(m, "\"app\".\"total\"(integer)");
  EXPECT_EQ(total.kind, "aggregate");
  EXPECT_EQ(total.arguments, "integer");
  EXPECT_EQ(total.result, "text");
  EXPECT_EQ(total.language, "internal");
  EXPECT_EQ(total.definition,
            "CREATE AGGREGATE \"app\".\"total\"(integer) (SFUNC = \"app\".\"acc\", "
            "STYPE = integer, FINALFUNC = \"app\".\"fin\", INITCOND = '0')");
  EXPECT_EQ(total.depends_on,
            (Keys{"\"app\".\"acc\"(s integer, v integer)", "\"app\".\"fin\"(s integer)"}));
  EXPECT_EQ(total.comment, "sum as text");
  EXPECT_EQ(total.acl, default_routine_acl(cluster().superuser()));

  const auto& big = function(m, "\"app\".\"biggest\"(integer)");
  EXPECT_EQ(big.definition,
            "CREATE AGGREGATE \"app\".\"biggest\"(integer) (SFUNC = \"pg_catalog\".\"int4larger\", "
            "STYPE = integer, COMBINEFUNC = \"pg_catalog\".\"int4larger\", "
            "SORTOP = OPERATOR(pg_catalog.>), PARALLEL = SAFE)");
  EXPECT_EQ(big.parallel, "safe");
  EXPECT_EQ(big.depends_on, Keys{});

  const auto& counted = function(m, "\"app\".\"counted\"()");
  EXPECT_EQ(counted.arguments, "");
  EXPECT_EQ(counted.definition,
            "CREATE AGGREGATE \"app\".\"counted\"(*) (SFUNC = \"pg_catalog\".\"int8inc\", "
            "STYPE = bigint, INITCOND = '0')");
}

// The assembled CREATE AGGREGATE must recreate exactly the same aggregate, also for the
// rarer options: moving-aggregate mode, ordered-set and hypothetical-set aggregates,
// serialization functions, and initial conditions that need quoting.
TEST(InspectFunctions, AggregateDefinitionsRecreateTheSameAggregates) {
  TestDatabase db;
  db.load(R"(
    create schema ag;
    create function ag.acc(s int, v int) returns int language sql immutable
      as $$ select s + v $$;
    create function ag.inv(s int, v int) returns int language sql immutable
      as $$ select s - v $$;
    create function ag.fin(s int) returns text language sql immutable as $$ select s::text $$;
    create aggregate ag.moving(int) (sfunc = ag.acc, stype = int, sspace = 16, initcond = '0',
      finalfunc = ag.fin, finalfunc_modify = shareable, msfunc = ag.acc, minvfunc = ag.inv,
      mstype = int, msspace = 8, minitcond = '0', mfinalfunc = ag.fin,
      mfinalfunc_modify = read_write, parallel = restricted);
    create aggregate ag.pct(float8 order by anyelement) (sfunc = ordered_set_transition,
      stype = internal, finalfunc = percentile_disc_final, finalfunc_extra);
    create aggregate ag.hypo(variadic "any" order by variadic "any") (
      sfunc = ordered_set_transition_multi, stype = internal, finalfunc = rank_final,
      finalfunc_extra, hypothetical);
    create aggregate ag.avg8(int8) (sfunc = int8_avg_accum, stype = internal, sspace = 48,
      finalfunc = numeric_poly_avg, combinefunc = int8_avg_combine,
      serialfunc = int8_avg_serialize, deserialfunc = int8_avg_deserialize, parallel = safe);
    create aggregate ag."Odd ""name"""(text) (sfunc = textcat, stype = text,
      initcond = 'it''s \ here');
  )");
  auto before = db.inspect({{"ag"}, {}});
  std::string drops, creates;
  int aggregates = 0;
  for (const auto& f : before.functions) {
    if (f.kind != "aggregate") continue;
    ++aggregates;
    drops += "drop aggregate " + f.key() + ";\n";
    creates += f.definition + ";\n";
  }
  ASSERT_EQ(aggregates, 5);
  EXPECT_EQ(function(before, "\"ag\".\"Odd \"\"name\"\"\"(text)").definition,
            "CREATE AGGREGATE \"ag\".\"Odd \"\"name\"\"\"(text) (SFUNC = \"pg_catalog\".\"textcat\", "
            "STYPE = text, INITCOND = E'it''s \\\\ here')");
  EXPECT_EQ(function(before, "\"ag\".\"hypo\"(VARIADIC \"any\" ORDER BY VARIADIC \"any\")")
                .definition,
            "CREATE AGGREGATE \"ag\".\"hypo\"(VARIADIC \"any\" ORDER BY VARIADIC \"any\") ("
            "SFUNC = \"pg_catalog\".\"ordered_set_transition_multi\", STYPE = internal, "
            "FINALFUNC = \"pg_catalog\".\"rank_final\", FINALFUNC_EXTRA, HYPOTHETICAL)");
  db.load(drops);
  db.load(creates);
  auto after = db.inspect({{"ag"}, {}});
  ASSERT_EQ(after.functions.size(), before.functions.size());
  for (size_t i = 0; i < before.functions.size(); ++i) {
    EXPECT_EQ(after.functions[i], before.functions[i]) << before.functions[i].definition;
  }
}

TEST(InspectFunctions, SqlStandardBodyDependencies) {
  TestDatabase db;
  db.load(R"(
    create schema app;
    create table app.items (id int, price numeric);
    create sequence app.ids;
    create function app.double(x int) returns int language sql immutable return x * 2;
    create function app.total() returns numeric language sql stable
    begin atomic
      select sum(price) from app.items where app.double(id) > 0;
    end;
    create function app.next_id() returns bigint language sql return nextval('app.ids');
    create function app.recurse(n int) returns int language sql return 0;
    create or replace function app.recurse(n int) returns int language sql
    begin atomic
      select case when n <= 0 then 0 else app.recurse(n - 1) end;
    end;
  )");
  auto m = db.inspect();
  const auto& total = function(m, "\"app\".\"total\"()");
  EXPECT_EQ(total.depends_on, (Keys{"\"app\".\"double\"(x integer)", "\"app\".\"items\""}));
  EXPECT_EQ(total.definition,
            "CREATE OR REPLACE FUNCTION app.total()\n RETURNS numeric\n LANGUAGE sql\n STABLE\n"
            "BEGIN ATOMIC\n SELECT sum(items.price) AS sum\n    FROM app.items\n"
            "   WHERE (app.double(items.id) > 0);\nEND\n");
  EXPECT_EQ(function(m, "\"app\".\"next_id\"()").depends_on, Keys{"\"app\".\"ids\""});
  EXPECT_EQ(function(m, "\"app\".\"double\"(x integer)").depends_on, Keys{});
  // A function that calls itself does not depend on itself.
  EXPECT_EQ(function(m, "\"app\".\"recurse\"(n integer)").depends_on, Keys{});
}

TEST(InspectFunctions, ExtensionFunctionsTaggedAndRangeConstructorsLeftOut) {
  TestDatabase db;
  db.load(R"(
    create extension pg_trgm;
    create type floatrange as range (subtype = float8);
    create function mine() returns int language sql as $$ select 1 $$;
  )");
  auto m = db.inspect();
  const auto& sim = function(m, "\"public\".\"similarity\"(text, text)");
  EXPECT_EQ(sim.extension, "pg_trgm");
  EXPECT_EQ(sim.language, "c");
  EXPECT_EQ(sim.result, "real");
  EXPECT_EQ(function(m, "\"public\".\"gtrgm_in\"(cstring)").depends_on,
            Keys{"\"public\".\"gtrgm\""});
  int untagged = 0;
  for (const auto& f : m.functions) {
    if (!f.extension) {
      ++untagged;
      EXPECT_EQ(f.key(), "\"public\".\"mine\"()");
    }
  }
  EXPECT_EQ(untagged, 1);
  // The range type's constructors come and go with the type.
  EXPECT_FALSE(has_function(m, "\"public\".\"floatrange\"(double precision, double precision)"));
}

TEST(InspectFunctions, SchemaFilter) {
  TestDatabase db;
  db.load(R"(
    create schema a; create schema b;
    create function a.f() returns int language sql as $$ select 1 $$;
    create function b.f() returns int language sql as $$ select 2 $$;
  )");
  auto only_a = db.inspect({{"a"}, {}});
  ASSERT_EQ(only_a.functions.size(), 1u);
  EXPECT_EQ(only_a.functions[0].key(), "\"a\".\"f\"()");
  auto not_a = db.inspect({{}, {"a"}});
  ASSERT_EQ(not_a.functions.size(), 1u);
  EXPECT_EQ(not_a.functions[0].key(), "\"b\".\"f\"()");
}

}  // namespace
}  // namespace migra::test
