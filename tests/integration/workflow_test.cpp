// The model workflow end to end on real PostgreSQL: sync, check, plan, apply, lint and
// migra.yaml, with model files in a temporary directory.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

#include "render/model_output.h"
#include "source/connection.h"
#include "support/scoped.h"
#include "support/test_cluster.h"

namespace fs = std::filesystem;

namespace migra::test {
namespace {

class ModelDir {
 public:
  ModelDir() {
    std::string pattern = "/tmp/migra-models-XXXXXX";
    path_ = mkdtemp(pattern.data());
  }
  ~ModelDir() { fs::remove_all(path_); }
  void write(const std::string& name, const std::string& text) const {
    fs::create_directories((fs::path(path_) / name).parent_path());
    std::ofstream(fs::path(path_) / name) << text;
  }
  void remove(const std::string& name) const { fs::remove(fs::path(path_) / name); }
  [[nodiscard]] std::string path(const std::string& name = "") const {
    return name.empty() ? path_ : (fs::path(path_) / name).string();
  }
  /// A migra.yaml for these models and database; returns its path.
  [[nodiscard]] std::string config(const std::string& database, const std::string& extra = "") const {
    write("migra.yaml", "models: [schema]\ndatabase: " + database + "\nlock_timeout: 2s\n" + extra);
    return path("migra.yaml");
  }

 private:
  std::string path_;
};

std::string snapshot(const TestDatabase& db) {
  return render::model_text(db.inspect(), render::ModelFormat::json);
}

const char* kBase = R"(
create type status as enum ('new', 'paid');
create table orders (id bigint primary key, status status not null default 'new', total numeric(10, 2));
create view open_orders as select id, total from orders where status = 'new';
create function order_count() returns bigint language sql as $$ select count(*) from orders $$;
)";

TEST(Sync, FromEmptyThenEachKindOfChangeThenAlreadyInSync) {
  TestDatabase db;
  ModelDir m;
  m.write("schema/base.sql", kBase);
  auto cfg = m.config(db.url());

  auto first = run_migra({"sync", "--config", cfg, "--yes"});
  ASSERT_EQ(first.exit_code, 0) << first.err;
  EXPECT_NE(first.err.find("Applied"), std::string::npos) << first.err;
  auto again = run_migra({"sync", "--config", cfg, "--yes"});
  EXPECT_EQ(again.exit_code, 0) << again.err;
  EXPECT_EQ(again.err, "Already in sync.\n");

  const std::vector<std::pair<std::string, std::string>> steps = {
      {"add a column", "alter table orders add column note text;"},
      {"change a view", "create or replace view open_orders as select id, total, note from orders "
                        "where status = 'new';"},
      {"add an index", "create index orders_total_idx on orders (total);"},
      {"add an enum label", "alter type status add value 'shipped';"},
      {"change a function body",
       "create or replace function order_count() returns bigint language sql as $$ select "
       "count(*) from orders where status <> 'new' $$;"},
  };
  std::string model = kBase;
  for (const auto& [what, change] : steps) {
    model += change + "\n";
    m.write("schema/base.sql", model);
    auto r = run_migra({"sync", "--config", cfg, "--yes"});
    ASSERT_EQ(r.exit_code, 0) << what << ":\n" << r.err << r.out;
    EXPECT_FALSE(r.out.empty()) << what;
    auto check = run_migra({"check", "--config", cfg});
    EXPECT_EQ(check.exit_code, 0) << what << ":\n" << check.out << check.err;
    EXPECT_EQ(check.out, "In sync.\n") << what;
  }
  // The enum label was added in place, not by recreating the type.
  auto labels = db.inspect().enums.at(0).labels;
  EXPECT_EQ(labels, (std::vector<std::string>{"new", "paid", "shipped"}));
}

TEST(Sync, DestructiveChangeIsRefusedAndNothingChanges) {
  TestDatabase db;
  ModelDir m;
  m.write("schema/base.sql", kBase);
  auto cfg = m.config(db.url());
  ASSERT_EQ(run_migra({"sync", "--config", cfg, "--yes"}).exit_code, 0);
  std::string before = snapshot(db);
  m.write("schema/base.sql", "create type status as enum ('new', 'paid');\n");
  auto r = run_migra({"sync", "--config", cfg, "--yes"});
  EXPECT_EQ(r.exit_code, 3) << r.err;
  EXPECT_NE(r.err.find("destructive"), std::string::npos) << r.err;
  EXPECT_EQ(snapshot(db), before);
  auto unsafe = run_migra({"sync", "--config", cfg, "--yes", "--unsafe"});
  EXPECT_EQ(unsafe.exit_code, 0) << unsafe.err;
  EXPECT_TRUE(db.inspect().tables.empty());
}

TEST(Sync, FailingApplyLeavesTheDatabaseExactlyAsItWas) {
  TestDatabase db;
  ModelDir m;
  m.write("schema/base.sql", kBase);
  auto cfg = m.config(db.url());
  ASSERT_EQ(run_migra({"sync", "--config", cfg, "--yes"}).exit_code, 0);
  db.load("insert into orders values (1, 'new', null);");
  std::string before = snapshot(db);
  // Adding a column and then a NOT NULL the existing row violates: the second statement
  // fails after the first succeeded, and the transaction takes both back.
  m.write("schema/base.sql", std::string(kBase) +
                                 "alter table orders add column note text;\n"
                                 "alter table orders alter column total set not null;\n");
  auto r = run_migra({"sync", "--config", cfg, "--yes"});
  EXPECT_EQ(r.exit_code, 1) << r.err;
  EXPECT_NE(r.err.find("failed"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("nothing was changed"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("23502"), std::string::npos) << r.err;
  EXPECT_EQ(snapshot(db), before);
}

TEST(Sync, WithoutTerminalOrYesItRefuses) {
  TestDatabase db;
  ModelDir m;
  m.write("schema/base.sql", kBase);
  auto cfg = m.config(db.url());
  auto r = run_migra({"sync", "--config", cfg});
  EXPECT_EQ(r.exit_code, 1) << r.err;
  EXPECT_NE(r.err.find("--yes"), std::string::npos) << r.err;
  EXPECT_TRUE(db.inspect().tables.empty());
  auto dry = run_migra({"sync", "--config", cfg, "--dry-run"});
  EXPECT_EQ(dry.exit_code, 0) << dry.err;
  EXPECT_NE(dry.out.find("create table"), std::string::npos);
  EXPECT_TRUE(db.inspect().tables.empty());
}

TEST(Check, ExitCodesInSyncDriftAndError) {
  TestDatabase db;
  ModelDir m;
  m.write("schema/base.sql", kBase);
  auto cfg = m.config(db.url());
  auto drift = run_migra({"check", "--config", cfg});
  EXPECT_EQ(drift.exit_code, 2) << drift.err;
  EXPECT_NE(drift.out.find("+ table \"public\".\"orders\""), std::string::npos) << drift.out;
  EXPECT_NE(drift.out.find("create table \"public\".\"orders\""), std::string::npos) << drift.out;
  auto json = run_migra({"check", "--config", cfg, "--format", "json"});
  EXPECT_EQ(json.exit_code, 2);
  auto j = nlohmann::json::parse(json.out);
  EXPECT_EQ(j["in_sync"], false);
  EXPECT_FALSE(j["statements"].empty());
  ASSERT_EQ(run_migra({"sync", "--config", cfg, "--yes"}).exit_code, 0);
  EXPECT_EQ(run_migra({"check", "--config", cfg}).exit_code, 0);
  // An unreachable database is an error, never "in sync" or "drift".
  auto down = run_migra({"check", "--config", cfg, "--database", "postgresql://u@127.0.0.1:1/x"});
  EXPECT_EQ(down.exit_code, 1) << down.err;
  EXPECT_EQ(down.out, "");
  // A broken model is an error too.
  m.write("schema/broken.sql", "create tabel nope ();\n");
  auto broken = run_migra({"check", "--config", cfg});
  EXPECT_EQ(broken.exit_code, 1);
  EXPECT_NE(broken.err.find(m.path("schema/broken.sql") + ":1:8: error:"), std::string::npos) << broken.err;
}

// Texts a live database leaves as tokens (deferred_texts.h) are compared with those of
// cached models through the tokens stored with them: in sync stays in sync, and drift in
// a check constraint or an index is found and shown with the models' texts.
TEST(Check, CachedModelsAndLiveTokensCompare) {
  TestDatabase db;
  ModelDir m;
  m.write("schema/base.sql", R"(
    create table items (
      id int primary key,
      qty numeric(10, 2) check (qty >= 0),
      name text,
      data jsonb
    );
    create index items_name on items (name, id desc);
    create index items_big on items (id) where qty > 100;
    create index items_key on items (lower(name), (data ->> 'k'));
  )");
  auto cfg = m.config(db.url());
  ASSERT_EQ(run_migra({"sync", "--config", cfg, "--yes"}).exit_code, 0);
  EXPECT_EQ(run_migra({"check", "--config", cfg}).exit_code, 0);
  auto cached = run_migra({"--verbose", "check", "--config", cfg});
  EXPECT_EQ(cached.exit_code, 0) << cached.out << cached.err;
  EXPECT_NE(cached.err.find("model files unchanged"), std::string::npos) << cached.err;
  db.load(R"(
    alter table items drop constraint items_qty_check, add constraint items_qty_check check (qty > 0);
    drop index items_big;
    create index items_big on items (id) where qty > 200;
  )");
  auto drift = run_migra({"check", "--config", cfg});
  EXPECT_EQ(drift.exit_code, 2) << drift.err;
  EXPECT_NE(drift.out.find("CHECK ((qty >= (0)::numeric))"), std::string::npos) << drift.out;
  EXPECT_NE(drift.out.find("WHERE (qty > (100)::numeric)"), std::string::npos) << drift.out;
  EXPECT_EQ(drift.out.find("items_name"), std::string::npos) << drift.out;
  EXPECT_EQ(drift.out.find("items_key"), std::string::npos) << drift.out;
  EXPECT_EQ(drift.out.find('\x1f'), std::string::npos) << drift.out;
}

TEST(PlanAndApply, JsonPlanThenReviewedSqlAppliedInOneTransaction) {
  TestDatabase db;
  ModelDir m;
  m.write("schema/base.sql", kBase);
  auto cfg = m.config(db.url());
  auto json = run_migra({"plan", "--config", cfg, "--format", "json"});
  ASSERT_EQ(json.exit_code, 2) << json.err;
  auto j = nlohmann::json::parse(json.out);
  bool saw_table = false;
  for (const auto& s : j["statements"]) {
    EXPECT_TRUE(s.contains("kind") && s.contains("object") && s.contains("destructive"));
    if (s["kind"] == "table" && s["object"] == "\"public\".\"orders\"" && s["action"] == "create") {
      saw_table = true;
    }
  }
  EXPECT_TRUE(saw_table) << json.out;
  std::string file = m.path("migration.sql");
  auto sql = run_migra({"plan", "--config", cfg, "-o", file});
  ASSERT_EQ(sql.exit_code, 2) << sql.err;
  auto applied = run_migra({"apply", file, "--database", db.url()});
  ASSERT_EQ(applied.exit_code, 0) << applied.err;
  EXPECT_EQ(run_migra({"check", "--config", cfg}).exit_code, 0);
  // A failing reviewed file changes nothing.
  std::string before = snapshot(db);
  m.write("bad.sql", "create table extra (id int);\nalter table nope add column x int;\n");
  auto bad = run_migra({"apply", m.path("bad.sql"), "--database", db.url()});
  EXPECT_EQ(bad.exit_code, 1);
  EXPECT_NE(bad.err.find("statement 2 of 2 failed"), std::string::npos) << bad.err;
  EXPECT_EQ(snapshot(db), before);
}

TEST(Lint, ExactPositionsAcrossFilesAndStatements) {
  ModelDir m;
  m.write("a.sql", "create table ok (id int);\n\ncreate table t (\n  id int,\n  name text,,\n);\n");
  m.write("b.sql", "-- header\ncreate view v as select 1;\nselect * from;\n");
  m.write("c.sql", "create table fine (id int);\ninsert into fine values (1);\n\\i other.sql\n");
  auto r = run_migra({"lint", m.path()});
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_NE(r.err.find(m.path("a.sql") + ":5:13: error: syntax error at or near \",\""), std::string::npos) << r.err;
  EXPECT_NE(r.err.find(m.path("b.sql") + ":3:14: error: syntax error at or near \";\""), std::string::npos) << r.err;
  EXPECT_NE(r.err.find(m.path("c.sql") + ":3:1: error: psql meta-command \\i"), std::string::npos) << r.err;
  m.write("c.sql", "create table fine (id int);\ninsert into fine values (1);\n");
  auto insert = run_migra({"lint", m.path("c.sql")});
  EXPECT_EQ(insert.exit_code, 1);
  EXPECT_NE(insert.err.find(m.path("c.sql") + ":2:1: error: INSERT does not belong in a model"), std::string::npos) << insert.err;
  m.write("c.sql", "create table fine (id int);\n");
  EXPECT_EQ(run_migra({"lint", m.path("c.sql")}).exit_code, 0);
}

TEST(Models, FilesInReverseDependencyOrderLoad) {
  ModelDir m;
  m.write("schema/1_views.sql", "create view app.v as select o.id, c.name from app.orders o "
                                "join app.customers c on c.id = o.customer_id;\n");
  m.write("schema/2_orders.sql", "create table app.orders (id int primary key, customer_id int "
                                 "references app.customers (id), state app.state);\n");
  m.write("schema/3_customers.sql", "create table app.customers (id int primary key, name text, "
                                    "last_order int, constraint last_fk foreign key (last_order) "
                                    "references app.orders (id));\n"
                                    "create type app.state as enum ('a', 'b');\n");
  m.write("schema/4_schema.sql", "create schema app;\n");
  auto r = run_migra({"inspect", m.path("schema")});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  auto j = nlohmann::json::parse(r.out);
  EXPECT_EQ(j["tables"].size(), 2u);
  EXPECT_EQ(j["views"].size(), 1u);
  std::vector<std::string> constraints;
  for (const auto& c : j["constraints"]) constraints.push_back(c["name"]);
  EXPECT_NE(std::find(constraints.begin(), constraints.end(), "last_fk"), constraints.end());
  EXPECT_NE(std::find(constraints.begin(), constraints.end(), "orders_customer_id_fkey"), constraints.end());
}

TEST(Models, LoadErrorIsReportedAtTheModelFilePosition) {
  ModelDir m;
  m.write("schema/a.sql", "create table t (id int);\n\ncreate view v as\n  select missing_column from t;\n");
  auto r = run_migra({"inspect", m.path("schema")});
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_NE(r.err.find(m.path("schema/a.sql") + ":4:10: error: column \"missing_column\" does not exist"),
            std::string::npos) << r.err;
}

TEST(Scratch, ServerScratchDatabaseIsDroppedAfterSuccessAndError) {
  ModelDir m;
  m.write("schema/a.sql", "create table t (id int);\n");
  std::string server = cluster().url("postgres");
  auto count = [&] {
    auto conn = migra::connect(cluster().conninfo("postgres"));
    pqxx::nontransaction tx(*conn);
    return tx.exec1("select count(*) from pg_database where datname like 'migra_scratch_%'")[0].as<int>();
  };
  ASSERT_EQ(count(), 0);
  auto ok = run_migra({"inspect", m.path("schema")});
  ASSERT_EQ(ok.exit_code, 0);
  TestDatabase db;
  auto r = run_migra({"diff", "--scratch", server, db.url(), m.path("schema")});
  EXPECT_EQ(r.exit_code, 2) << r.err;
  EXPECT_EQ(r.out, "create table \"public\".\"t\" (\n    \"id\" integer\n);\n\n");
  EXPECT_EQ(count(), 0);
  m.write("schema/b.sql", "create view broken as select nope;\n");
  auto bad = [&] {
    ScopedEnv scratch("MIGRA_SCRATCH_URL", server);
    return run_migra({"inspect", m.path("schema")});
  }();
  EXPECT_EQ(bad.exit_code, 1) << bad.err;
  EXPECT_EQ(count(), 0);
}

TEST(Config, ErrorsNameTheLineAndEnvironmentExpands) {
  ModelDir m;
  m.write("migra.yaml", "models: [schema]\ndatabase: x\nmodles: [typo]\n");
  auto r = run_migra({"check", "--config", m.path("migra.yaml")});
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_NE(r.err.find(m.path("migra.yaml") + ":3:1: error: unknown key 'modles'"), std::string::npos) << r.err;
  m.write("migra.yaml", "models: [schema]\ndatabase: x\nunsafe: maybe\n");
  r = run_migra({"check", "--config", m.path("migra.yaml")});
  EXPECT_NE(r.err.find(":3:9: error: 'unsafe' must be true or false"), std::string::npos) << r.err;
  m.write("migra.yaml", "database: x\n");
  r = run_migra({"check", "--config", m.path("migra.yaml")});
  EXPECT_NE(r.err.find("no model files configured"), std::string::npos) << r.err;

  TestDatabase db;
  m.write("schema/a.sql", "create table t (id int);\n");
  m.write("migra.yaml", "models: [schema]\ndatabase: ${MIGRA_TEST_DB}\n");
  auto drift = [&] {
    ScopedEnv database("MIGRA_TEST_DB", db.url());
    return run_migra({"check", "--config", m.path("migra.yaml")});
  }();
  EXPECT_EQ(drift.exit_code, 2) << drift.err;
  m.write("migra.yaml", "models: [schema]\ndatabase: ${MIGRA_UNSET_VAR:-" + db.url() + "}\n");
  EXPECT_EQ(run_migra({"check", "--config", m.path("migra.yaml")}).exit_code, 2);
  m.write("migra.yaml", "models: [schema]\ndatabase: ${MIGRA_UNSET_VAR}\n");
  r = run_migra({"check", "--config", m.path("migra.yaml")});
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_NE(r.err.find("MIGRA_UNSET_VAR is not set"), std::string::npos) << r.err;
}

}  // namespace
}  // namespace migra::test
