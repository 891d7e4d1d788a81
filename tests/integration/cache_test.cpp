// The caches: a verified initdb template for ephemeral clusters, and the inspected model
// of unchanged model files. Each test has its own XDG_CACHE_HOME.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

#include "source/cluster_template.h"
#include "source/connection.h"
#include "source/ephemeral_cluster.h"
#include "support/scoped.h"
#include "support/test_cluster.h"

namespace fs = std::filesystem;

namespace migra::test {
namespace {

std::string cluster_entry(const std::string& cache) {
  return cache + "/migra/" + EphemeralCluster::template_key().entry_name();
}

// Starts a cluster and runs a query on it, as every user of a cluster does first.
void start_and_query() {
  auto cluster = EphemeralCluster::start();
  auto conn = connect(cluster->conninfo());
  pqxx::nontransaction tx(*conn);
  EXPECT_EQ(tx.exec1("select 40 + 2")[0].as<int>(), 42);
}

void write_text(const std::string& path, const std::string& text) {
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  out << text;
}

TEST(ClusterTemplateCache, FirstStartFillsTheCacheAndLaterStartsUseIt) {
  TempDir cache("migra-cache");
  ScopedEnv xdg("XDG_CACHE_HOME", cache.path());
  start_and_query();
  std::string entry = cluster_entry(cache.path());
  ASSERT_TRUE(fs::exists(entry + "/MANIFEST")) << "no cache entry at " << entry;
  ASSERT_TRUE(fs::exists(entry + "/data/PG_VERSION"));
  auto manifest = read_text(entry + "/MANIFEST");

  start_and_query();
  // Used, not rebuilt: the manifest is the same file with the same content.
  EXPECT_EQ(read_text(entry + "/MANIFEST"), manifest);
}

TEST(ClusterTemplateCache, ACorruptFileIsDetectedAndTheEntryRebuilt) {
  TempDir cache("migra-cache");
  ScopedEnv xdg("XDG_CACHE_HOME", cache.path());
  start_and_query();
  std::string entry = cluster_entry(cache.path());
  std::string victim = entry + "/data/global/pg_control";
  std::string good = read_text(victim);
  ASSERT_FALSE(good.empty());
  std::string bad = good;
  bad[bad.size() / 2] ^= 0x5a;  // same size, one byte off
  write_text(victim, bad);

  auto restored = TempDir("migra-restore");
  EXPECT_FALSE(restore_cluster_template(cache.path() + "/migra", EphemeralCluster::template_key(),
                                        restored.path() + "/data", std::nullopt));
  EXPECT_FALSE(fs::exists(restored.path() + "/data")) << "a rejected copy must not stay behind";
  EXPECT_FALSE(fs::exists(entry)) << "a corrupt entry must be deleted";

  start_and_query();
  ASSERT_TRUE(fs::exists(victim));
  EXPECT_EQ(read_text(victim).size(), good.size());
  EXPECT_NE(read_text(victim), bad);
}

TEST(ClusterTemplateCache, ATruncatedManifestIsNotTrusted) {
  TempDir cache("migra-cache");
  ScopedEnv xdg("XDG_CACHE_HOME", cache.path());
  start_and_query();
  std::string entry = cluster_entry(cache.path());
  auto manifest = read_text(entry + "/MANIFEST");
  // Drop the last file line but keep the seal: the seal no longer matches.
  auto end = manifest.rfind("end ");
  auto last = manifest.rfind("\nf ", end - 2);
  ASSERT_NE(last, std::string::npos);
  write_text(entry + "/MANIFEST", manifest.substr(0, last + 1) + manifest.substr(end));

  TempDir restored("migra-restore");
  EXPECT_FALSE(restore_cluster_template(cache.path() + "/migra", EphemeralCluster::template_key(),
                                        restored.path() + "/data", std::nullopt));
  start_and_query();
  // Rebuilt by a new initdb (its system identifier differs), and whole again.
  TempDir again("migra-restore");
  EXPECT_TRUE(restore_cluster_template(cache.path() + "/migra", EphemeralCluster::template_key(),
                                       again.path() + "/data", std::nullopt));
  EXPECT_TRUE(fs::exists(again.path() + "/data/global/pg_control"));
}

TEST(ClusterTemplateCache, AnEntryOfAnotherServerVersionIsNeverUsed) {
  TempDir cache("migra-cache");
  ScopedEnv xdg("XDG_CACHE_HOME", cache.path());
  start_and_query();
  auto key = EphemeralCluster::template_key();
  auto stale = key;
  stale.server_version = "postgres (PostgreSQL) 15.0";
  EXPECT_NE(stale.entry_name(), key.entry_name());
  // An entry made for another version, found under this version's name (a stale or
  // mixed-up cache), fails the key check in its manifest.
  std::string root = cache.path() + "/migra";
  save_cluster_template(root, stale, cluster_entry(cache.path()) + "/data");
  ASSERT_TRUE(fs::exists(root + "/" + stale.entry_name() + "/MANIFEST"));
  fs::remove_all(cluster_entry(cache.path()));
  fs::rename(root + "/" + stale.entry_name(), cluster_entry(cache.path()));
  TempDir restored("migra-restore");
  EXPECT_FALSE(restore_cluster_template(cache.path() + "/migra", key, restored.path() + "/data",
                                        std::nullopt));
  start_and_query();
  EXPECT_TRUE(fs::exists(cluster_entry(cache.path()) + "/MANIFEST"));
}

TEST(ClusterTemplateCache, ATemplateTheServerCannotStartFromIsReplaced) {
  TempDir cache("migra-cache");
  ScopedEnv xdg("XDG_CACHE_HOME", cache.path());
  // A well-formed entry whose data directory is no cluster at all.
  TempDir bogus("migra-bogus");
  write_text(bogus.path() + "/PG_VERSION", "15\n");
  fs::create_directories(cache.path() + "/migra");
  save_cluster_template(cache.path() + "/migra", EphemeralCluster::template_key(), bogus.path());
  ASSERT_TRUE(fs::exists(cluster_entry(cache.path()) + "/MANIFEST"));

  start_and_query();
  EXPECT_TRUE(fs::exists(cluster_entry(cache.path()) + "/data/global/pg_control"))
      << "the bogus entry must be replaced by a real initdb result";
}

TEST(ClusterTemplateCache, MigraNoCacheTurnsItOff) {
  TempDir cache("migra-cache");
  ScopedEnv xdg("XDG_CACHE_HOME", cache.path());
  ScopedEnv off("MIGRA_NO_CACHE", "1");
  start_and_query();
  EXPECT_TRUE(cache.empty());
}

class ModelCache : public ::testing::Test {
 protected:
  void SetUp() override {
    fs::create_directories(models_.path() + "/models");
    write_text(file_, "create table customer (id int primary key, name text not null);\n");
    write_text(models_.path() + "/models/2_view.sql",
               "create view customer_names as select name from customer;\n");
  }
  // Models load into a database on the test cluster: no initdb per test.
  CliResult inspect(std::vector<std::string> extra = {}) {
    std::vector<std::string> args{"inspect", "--verbose", "--scratch", cluster().url()};
    args.insert(args.end(), extra.begin(), extra.end());
    args.push_back(models_.path() + "/models");
    return run_migra(args);
  }
  std::vector<fs::path> entries() const {
    std::vector<fs::path> out;
    std::error_code ec;
    for (const auto& e : fs::directory_iterator(cache_.path() + "/migra/models", ec)) {
      out.push_back(e.path());
    }
    return out;
  }

  TempDir cache_{"migra-cache"};
  ScopedEnv xdg_{"XDG_CACHE_HOME", cache_.path()};
  TempDir models_{"migra-models"};
  std::string file_ = models_.path() + "/models/1_customer.sql";
};

constexpr const char* kCacheHit = "using the model inspected earlier";
constexpr const char* kLoaded = "timing: load models";

TEST_F(ModelCache, UnchangedModelFilesAreNotLoadedAgain) {
  auto first = inspect();
  ASSERT_EQ(first.exit_code, 0) << first.err;
  EXPECT_NE(first.err.find(kLoaded), std::string::npos) << first.err;
  EXPECT_EQ(first.err.find(kCacheHit), std::string::npos) << first.err;
  ASSERT_EQ(entries().size(), 1U);

  auto second = inspect();
  ASSERT_EQ(second.exit_code, 0) << second.err;
  EXPECT_NE(second.err.find(kCacheHit), std::string::npos) << second.err;
  EXPECT_EQ(second.err.find(kLoaded), std::string::npos) << second.err;
  EXPECT_EQ(second.err.find("timing: create scratch database"), std::string::npos)
      << "a cache hit needs no scratch database: " << second.err;
  EXPECT_EQ(second.out, first.out);
}

TEST_F(ModelCache, AnyChangeToAModelFileLoadsAgain) {
  ASSERT_EQ(inspect().exit_code, 0);
  write_text(file_, "create table customer (id int primary key, name text);\n");
  auto changed = inspect();
  ASSERT_EQ(changed.exit_code, 0) << changed.err;
  EXPECT_NE(changed.err.find(kLoaded), std::string::npos) << changed.err;
  EXPECT_NE(changed.out.find("\"not_null\": false"), std::string::npos) << changed.out;
  EXPECT_EQ(entries().size(), 2U);
}

TEST_F(ModelCache, ADamagedEntryIsDeletedAndTheModelsLoaded) {
  auto first = inspect();
  ASSERT_EQ(first.exit_code, 0);
  ASSERT_EQ(entries().size(), 1U);
  auto entry = entries().front().string();
  std::string bytes = read_text(entry);
  bytes[bytes.size() - 3] ^= 0x01;
  write_text(entry, bytes);

  auto again = inspect();
  ASSERT_EQ(again.exit_code, 0) << again.err;
  EXPECT_NE(again.err.find("is damaged"), std::string::npos) << again.err;
  EXPECT_NE(again.err.find(kLoaded), std::string::npos) << again.err;
  EXPECT_EQ(again.out, first.out);
}

TEST_F(ModelCache, TheSchemaFilterIsPartOfTheKey) {
  ASSERT_EQ(inspect().exit_code, 0);
  auto filtered = inspect({"--exclude-schema", "public"});
  ASSERT_EQ(filtered.exit_code, 0) << filtered.err;
  EXPECT_EQ(filtered.err.find(kCacheHit), std::string::npos) << filtered.err;
  EXPECT_EQ(filtered.out.find("customer"), std::string::npos) << filtered.out;
}

TEST_F(ModelCache, AFailedLoadIsNotCached) {
  write_text(file_, "create table customer (id int primary key, name text not null);\n"
                    "create index on customer (nosuchcolumn);\n");
  auto failed = inspect();
  EXPECT_EQ(failed.exit_code, 1);
  EXPECT_NE(failed.err.find("1_customer.sql:2:"), std::string::npos) << failed.err;
  EXPECT_TRUE(entries().empty());
  EXPECT_EQ(inspect().exit_code, 1) << "still failing, still not cached";
}

TEST_F(ModelCache, VerboseGoesBeforeOrAfterTheSubcommand) {
  auto before = run_migra({"--verbose", "inspect", "--scratch", cluster().url(),
                           models_.path() + "/models"});
  ASSERT_EQ(before.exit_code, 0) << before.err;
  EXPECT_NE(before.err.find("migra: timing: total: "), std::string::npos) << before.err;
  auto after = inspect();
  ASSERT_EQ(after.exit_code, 0) << after.err;
  EXPECT_EQ(after.out, before.out);
  // The original's form, with diff implied.
  auto implied = run_migra({"-v", "EMPTY", "EMPTY"});
  EXPECT_EQ(implied.exit_code, 0) << implied.err;
  EXPECT_NE(implied.err.find("timing: diff and plan"), std::string::npos) << implied.err;
  auto quiet = run_migra({"EMPTY", "EMPTY"});
  EXPECT_EQ(quiet.exit_code, 0);
  EXPECT_EQ(quiet.err, "");
}

TEST(ModelDocument, AWholeRealSchemaSurvivesTheCacheFormat) {
  TestDatabase db;
  db.load_file(std::string(MIGRA_SHARED_DIR) + "/bench/schemas/pagila-schema.sql", "pagila");
  auto model = db.inspect();
  ASSERT_GT(model.tables.size(), 20U);
  // Written and read back the way the cache does: one object per line.
  auto lines = model::to_json_lines(model);
  model::Model back;
  back.server_version_num = model.server_version_num;
  back.current_user = model.current_user;
  for (size_t at = 0; at < lines.size();) {
    size_t end = lines.find('\n', at);
    ASSERT_NE(end, std::string::npos);
    model::add_json_line(back, std::string_view(lines).substr(at, end - at));
    at = end + 1;
  }
  EXPECT_TRUE(back == model);
  EXPECT_EQ(model::to_json_document(back).dump(), model::to_json_document(model).dump());
}

}  // namespace
}  // namespace migra::test
