// Inspection of triggers and event triggers, field by field.
#include <gtest/gtest.h>

#include "support/test_cluster.h"

namespace migra::test {
namespace {

const model::Trigger& trigger(const model::Model& m, const std::string& key) {
  for (const auto& t : m.triggers) {
    if (t.key() == key) return t;
  }
  throw std::runtime_error("no trigger " + key);
}

const model::EventTrigger& event_trigger(const model::Model& m, const std::string& key) {
  for (const auto& t : m.event_triggers) {
    if (t.key() == key) return t;
  }
  throw std::runtime_error("no event trigger " + key);
}

TEST(InspectTriggers, TableTriggersWithEveryEnabledState) {
  TestDatabase db;
  db.load(R"(
    create schema app;
    create table app.t (id int, v text);
    create function app.touch() returns trigger language plpgsql
      as $$ begin return new; end $$;
    create function app.log() returns trigger language plpgsql
      as $$ begin return null; end $$;
    create trigger before_write before insert or update of v on app.t
      for each row when (new.id > 0) execute function app.touch();
    create trigger after_delete after delete on app.t
      for each statement execute function app.log('a', 'b');
    alter table app.t disable trigger after_delete;
    create trigger on_update before update on app.t for each row execute function app.touch();
    alter table app.t enable always trigger on_update;
    create trigger on_insert before insert on app.t for each row execute function app.touch();
    alter table app.t enable replica trigger on_insert;
    create constraint trigger checked after insert on app.t deferrable initially deferred
      for each row execute function app.log();
    comment on trigger before_write on app.t is 'touches rows';
    -- Internal triggers (those of a foreign key) are not user triggers.
    create table app.parent (id int primary key);
    create table app.child (parent_id int references app.parent);
  )");
  auto m = db.inspect();
  ASSERT_EQ(m.triggers.size(), 5u);

  const auto& bw = trigger(m, "\"app\".\"t\".\"before_write\"");
  EXPECT_EQ(bw.schema, "app");
  EXPECT_EQ(bw.table, "t");
  EXPECT_EQ(bw.name, "before_write");
  EXPECT_EQ(bw.definition,
            "CREATE TRIGGER before_write BEFORE INSERT OR UPDATE OF v ON app.t FOR EACH ROW "
            "WHEN ((new.id > 0)) EXECUTE FUNCTION app.touch()");
  EXPECT_EQ(bw.enabled, "origin");
  EXPECT_EQ(bw.function, "\"app\".\"touch\"()");
  EXPECT_EQ(bw.comment, "touches rows");
  EXPECT_EQ(bw.extension, std::nullopt);

  const auto& ad = trigger(m, "\"app\".\"t\".\"after_delete\"");
  EXPECT_EQ(ad.definition,
            "CREATE TRIGGER after_delete AFTER DELETE ON app.t FOR EACH STATEMENT "
            "EXECUTE FUNCTION app.log('a', 'b')");
  EXPECT_EQ(ad.enabled, "disabled");
  // Trigger arguments are part of the definition, not of the function's identity.
  EXPECT_EQ(ad.function, "\"app\".\"log\"()");
  EXPECT_EQ(ad.comment, std::nullopt);

  EXPECT_EQ(trigger(m, "\"app\".\"t\".\"on_update\"").enabled, "always");
  EXPECT_EQ(trigger(m, "\"app\".\"t\".\"on_insert\"").enabled, "replica");

  const auto& ct = trigger(m, "\"app\".\"t\".\"checked\"");
  EXPECT_EQ(ct.definition,
            "CREATE CONSTRAINT TRIGGER checked AFTER INSERT ON app.t DEFERRABLE INITIALLY "
            "DEFERRED FOR EACH ROW EXECUTE FUNCTION app.log()");
  EXPECT_EQ(ct.enabled, "origin");
}

TEST(InspectTriggers, InsteadOfTriggerOnView) {
  TestDatabase db;
  db.load(R"(
    create table t (id int, v text);
    create view v as select * from t;
    create function v_insert() returns trigger language plpgsql
      as $$ begin insert into t values (new.id, new.v); return new; end $$;
    create trigger v_ins instead of insert on v for each row execute function v_insert();
  )");
  auto m = db.inspect();
  ASSERT_EQ(m.triggers.size(), 1u);
  const auto& t = m.triggers[0];
  EXPECT_EQ(t.key(), "\"public\".\"v\".\"v_ins\"");
  EXPECT_EQ(t.table, "v");
  EXPECT_EQ(t.definition,
            "CREATE TRIGGER v_ins INSTEAD OF INSERT ON public.v FOR EACH ROW "
            "EXECUTE FUNCTION v_insert()");
  EXPECT_EQ(t.function, "\"public\".\"v_insert\"()");
  EXPECT_EQ(t.enabled, "origin");
}

TEST(InspectTriggers, PartitionedTableTriggerWithoutItsClones) {
  TestDatabase db;
  db.load(R"(
    create table events (id int, at date) partition by range (at);
    create table events_2024 partition of events
      for values from ('2024-01-01') to ('2025-01-01');
    create function stamp() returns trigger language plpgsql as $$ begin return new; end $$;
    create trigger stamp_it before insert on events for each row execute function stamp();
    -- Attached after the trigger: it gets a clone too.
    create table events_2025 (id int, at date);
    alter table events attach partition events_2025
      for values from ('2025-01-01') to ('2026-01-01');
    -- A partition's own trigger is a user trigger.
    create trigger own after update on events_2024 for each row execute function stamp();
  )");
  auto m = db.inspect();
  ASSERT_EQ(m.triggers.size(), 2u);
  const auto& st = trigger(m, "\"public\".\"events\".\"stamp_it\"");
  EXPECT_EQ(st.table, "events");
  EXPECT_EQ(st.definition,
            "CREATE TRIGGER stamp_it BEFORE INSERT ON public.events FOR EACH ROW "
            "EXECUTE FUNCTION stamp()");
  EXPECT_EQ(st.function, "\"public\".\"stamp\"()");
  const auto& own = trigger(m, "\"public\".\"events_2024\".\"own\"");
  EXPECT_EQ(own.table, "events_2024");
  // The clones exist in the catalog; they are just not objects of their own.
  auto conn = db.connect();
  pqxx::nontransaction tx(*conn);
  auto clones = tx.exec1("select count(*) from pg_catalog.pg_trigger where tgname = 'stamp_it'");
  EXPECT_EQ(clones[0].as<int>(), 3);
}

TEST(InspectTriggers, TriggerOnExtensionTableIsTagged) {
  TestDatabase db;
  db.load(R"(
    create extension pg_trgm;
    create table words (w text);
    alter extension pg_trgm add table words;
    create function keep() returns trigger language plpgsql as $$ begin return new; end $$;
    create trigger keep_it before insert on words for each row execute function keep();
  )");
  auto m = db.inspect();
  ASSERT_EQ(m.triggers.size(), 1u);
  EXPECT_EQ(m.triggers[0].extension, "pg_trgm");
}

TEST(InspectTriggers, SchemaFilter) {
  TestDatabase db;
  db.load(R"(
    create schema a; create schema b;
    create function a.f() returns trigger language plpgsql as $$ begin return new; end $$;
    create table a.t (x int);
    create table b.t (x int);
    create trigger tr before insert on a.t for each row execute function a.f();
    create trigger tr before insert on b.t for each row execute function a.f();
  )");
  auto only_b = db.inspect({{"b"}, {}});
  ASSERT_EQ(only_b.triggers.size(), 1u);
  EXPECT_EQ(only_b.triggers[0].key(), "\"b\".\"t\".\"tr\"");
  EXPECT_EQ(only_b.triggers[0].function, "\"a\".\"f\"()");
  auto not_b = db.inspect({{}, {"b"}});
  ASSERT_EQ(not_b.triggers.size(), 1u);
  EXPECT_EQ(not_b.triggers[0].key(), "\"a\".\"t\".\"tr\"");
}

TEST(InspectEventTriggers, FieldsAndEnabledStates) {
  TestDatabase db;
  db.load(R"(
    create schema ops;
    create function ops.on_ddl() returns event_trigger language plpgsql
      as $$ begin end $$;
    create event trigger ddl_watch on ddl_command_end
      when tag in ('CREATE TABLE', 'ALTER TABLE') execute function ops.on_ddl();
    create event trigger drop_watch on sql_drop execute function ops.on_ddl();
    alter event trigger drop_watch disable;
    create event trigger always_watch on ddl_command_start execute function ops.on_ddl();
    alter event trigger always_watch enable always;
    create event trigger replica_watch on table_rewrite execute function ops.on_ddl();
    alter event trigger replica_watch enable replica;
    alter event trigger replica_watch owner to postgres;
    comment on event trigger ddl_watch is 'watches tables';
  )");
  auto m = db.inspect();
  ASSERT_EQ(m.event_triggers.size(), 4u);
  const auto& ddl = event_trigger(m, "\"ddl_watch\"");
  EXPECT_EQ(ddl.name, "ddl_watch");
  EXPECT_EQ(ddl.event, "ddl_command_end");
  EXPECT_EQ(ddl.tags, (std::vector<std::string>{"ALTER TABLE", "CREATE TABLE"}));
  EXPECT_EQ(ddl.function, "\"ops\".\"on_ddl\"()");
  EXPECT_EQ(ddl.enabled, "origin");
  EXPECT_EQ(ddl.owner, cluster().superuser());
  EXPECT_EQ(ddl.comment, "watches tables");
  EXPECT_EQ(ddl.extension, std::nullopt);

  const auto& drop = event_trigger(m, "\"drop_watch\"");
  EXPECT_EQ(drop.event, "sql_drop");
  EXPECT_EQ(drop.tags, std::vector<std::string>{});
  EXPECT_EQ(drop.enabled, "disabled");
  EXPECT_EQ(drop.comment, std::nullopt);

  EXPECT_EQ(event_trigger(m, "\"always_watch\"").enabled, "always");
  const auto& rep = event_trigger(m, "\"replica_watch\"");
  EXPECT_EQ(rep.event, "table_rewrite");
  EXPECT_EQ(rep.enabled, "replica");
  EXPECT_EQ(rep.owner, "postgres");
}

TEST(InspectEventTriggers, ExtensionMemberIsTagged) {
  TestDatabase db;
  db.load(R"(
    create extension pg_trgm;
    create function on_ddl() returns event_trigger language plpgsql as $$ begin end $$;
    create event trigger watch on ddl_command_end execute function on_ddl();
    alter extension pg_trgm add event trigger watch;
  )");
  auto m = db.inspect();
  ASSERT_EQ(m.event_triggers.size(), 1u);
  EXPECT_EQ(m.event_triggers[0].extension, "pg_trgm");
}

TEST(InspectEventTriggers, FilteredByTheirFunctionsSchema) {
  TestDatabase db;
  db.load(R"(
    create schema a; create schema b;
    create function a.f() returns event_trigger language plpgsql as $$ begin end $$;
    create function b.f() returns event_trigger language plpgsql as $$ begin end $$;
    create event trigger by_a on ddl_command_end execute function a.f();
    create event trigger by_b on ddl_command_end execute function b.f();
  )");
  EXPECT_EQ(db.inspect().event_triggers.size(), 2u);
  auto only_a = db.inspect({{"a"}, {}});
  ASSERT_EQ(only_a.event_triggers.size(), 1u);
  EXPECT_EQ(only_a.event_triggers[0].key(), "\"by_a\"");
  // They belong to no schema, so with no include list an exclude list leaves them all in.
  EXPECT_EQ(db.inspect({{}, {"a"}}).event_triggers.size(), 2u);
}

}  // namespace
}  // namespace migra::test
