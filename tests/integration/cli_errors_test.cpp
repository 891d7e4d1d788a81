// The migra binary's failures: exit 1, one line on stderr naming the target, never a
// password; usage errors; and `inspect` of model files through a throwaway cluster.
#include <libpq-fe.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <optional>
#include <string>
#include <thread>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "source/connection.h"
#include "support/scoped.h"
#include "support/test_cluster.h"

namespace migra::test {
namespace {

namespace fs = std::filesystem;

void write_file(const std::string& path, const std::string& text) {
  std::ofstream out(path, std::ios::binary);
  out << text;
}

/// The shape every connection failure must have.
void expect_one_line_error(const CliResult& r, const std::string& target) {
  EXPECT_EQ(r.exit_code, 1) << r.err;
  EXPECT_EQ(r.out, "");
  EXPECT_EQ(std::count(r.err.begin(), r.err.end(), '\n'), 1) << r.err;
  EXPECT_TRUE(!r.err.empty() && r.err.back() == '\n') << r.err;
  EXPECT_TRUE(r.err.starts_with("migra: ")) << r.err;
  EXPECT_NE(r.err.find(target), std::string::npos) << "does not name " << target << ": " << r.err;
  EXPECT_EQ(r.err.find("secret"), std::string::npos) << "password leaked: " << r.err;
}

/// A URL for the test cluster's database as user:password.
std::string url_as(const std::string& user, const std::string& password,
                   const std::string& dbname) {
  std::string url = cluster().url(dbname);
  std::string prefix = "postgresql://" + cluster().superuser() + "@";
  EXPECT_TRUE(url.starts_with(prefix)) << url;
  return "postgresql://" + user + ":" + password + "@" + url.substr(prefix.size());
}

/// Connection outcome for a URL: nullopt when connected, else libpq's message.
std::optional<std::string> try_connect(const std::string& url) {
  PGconn* conn = PQconnectdb(url.c_str());
  std::optional<std::string> error;
  if (PQstatus(conn) != CONNECTION_OK) error = PQerrorMessage(conn);
  PQfinish(conn);
  return error;
}

/// The cluster trusts every local connection; make role pwuser need its password
/// ('right') by putting a scram line first in pg_hba.conf.
void require_password_for_pwuser() {
  static bool done = false;
  if (done) return;
  std::string hba = cluster().directory() + "/data/pg_hba.conf";
  std::string old = read_text(hba);
  ASSERT_FALSE(old.empty()) << "cannot read " << hba;
  // Rewritten in place, so the file keeps its owner (the cluster's OS user).
  write_file(hba, "local all pwuser scram-sha-256\n" + old);
  auto conn = migra::connect(cluster().conninfo("postgres"));
  pqxx::nontransaction tx(*conn);
  tx.exec0("create role pwuser login password 'right'");
  tx.exec1("select pg_catalog.pg_reload_conf()");
  // The reload is asynchronous: wait until the wrong password is refused.
  auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(10);
  while (!try_connect(url_as("pwuser", "secret", "postgres"))) {
    ASSERT_LT(std::chrono::steady_clock::now(), deadline) << "pg_hba.conf was not reloaded";
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
  }
  done = true;
}

TEST(CliErrors, MalformedUrl) {
  auto r = run_migra({"inspect", "postgresql://u:secret@[bad"});
  expect_one_line_error(r, "postgresql://u:***@[bad");
}

TEST(CliErrors, UnreachableHost) {
  // Port 1 on loopback: nothing listens there, so the connection is refused at once.
  auto r = run_migra({"inspect", "postgresql://u:secret@127.0.0.1:1/db"});
  expect_one_line_error(r, "127.0.0.1:1/db");
}

TEST(CliErrors, WrongPassword) {
  ASSERT_NO_FATAL_FAILURE(require_password_for_pwuser());
  // The right password works, so the failure below is the password's.
  EXPECT_EQ(try_connect(url_as("pwuser", "right", "postgres")), std::nullopt);

  auto r = run_migra({"inspect", url_as("pwuser", "secret", "postgres")});
  expect_one_line_error(r, "pwuser");
  EXPECT_NE(r.err.find("password authentication failed"), std::string::npos) << r.err;
}

TEST(CliErrors, WrongPasswordInKeyValueForm) {
  ASSERT_NO_FATAL_FAILURE(require_password_for_pwuser());
  std::string conninfo = "host=" + cluster().directory() +
                         " port=5432 user=pwuser password=secret dbname=postgres";
  auto r = run_migra({"inspect", conninfo});
  expect_one_line_error(r, "pwuser");
  EXPECT_NE(r.err.find("password authentication failed"), std::string::npos) << r.err;
}

TEST(CliErrors, MissingDatabase) {
  auto r = run_migra({"inspect", cluster().url("no_such_database")});
  expect_one_line_error(r, "no_such_database");
  EXPECT_NE(r.err.find("does not exist"), std::string::npos) << r.err;
}

TEST(CliUsage, UnknownSubcommandFails) {
  auto r = run_migra({"frobnicate"});
  EXPECT_EQ(r.exit_code, 1) << r.err;
  EXPECT_EQ(r.out, "");
  EXPECT_FALSE(r.err.empty());
}

TEST(CliUsage, UnknownFlagFails) {
  auto r = run_migra({"inspect", "--frobnicate", "EMPTY"});
  EXPECT_EQ(r.exit_code, 1) << r.err;
  EXPECT_NE(r.err.find("--frobnicate"), std::string::npos) << r.err;
  auto top = run_migra({"--frobnicate"});
  EXPECT_EQ(top.exit_code, 1) << top.err;
}

TEST(CliUsage, Version) {
  auto r = run_migra({"--version"});
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(r.out, std::string("migra ") + MIGRA_VERSION + "\n");
  EXPECT_EQ(r.err, "");
}

const nlohmann::json* find_table(const nlohmann::json& doc, const std::string& schema,
                                 const std::string& name) {
  for (const auto& t : doc.at("tables")) {
    if (t.at("schema") == schema && t.at("name") == name) return &t;
  }
  return nullptr;
}

TEST(CliInspect, ModelFileAndDirectory) {
  TempDir models{"migra-cli-test"};
  TempDir tmp{"migra-cli-test"};  // the throwaway cluster's TMPDIR, to see that it is cleaned up
  ASSERT_FALSE(models.path().empty());
  ASSERT_FALSE(tmp.path().empty());
  std::string file = models.path() + "/model.sql";
  write_file(file, "create table t (id integer primary key, name text not null);\n");

  ScopedEnv env("TMPDIR", tmp.path());
  auto r = run_migra({"inspect", file});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(r.err, "");
  auto doc = nlohmann::json::parse(r.out);
  const auto* t = find_table(doc, "public", "t");
  ASSERT_NE(t, nullptr) << r.out;
  ASSERT_EQ(t->at("columns").size(), 2u);
  EXPECT_EQ(t->at("columns")[0].at("name"), "id");
  EXPECT_EQ(t->at("columns")[0].at("type"), "integer");
  EXPECT_EQ(t->at("columns")[0].at("not_null"), true);
  EXPECT_EQ(t->at("columns")[1].at("name"), "name");
  EXPECT_EQ(t->at("columns")[1].at("type"), "text");
  EXPECT_EQ(t->at("columns")[1].at("not_null"), true);
  EXPECT_TRUE(tmp.empty()) << "the throwaway cluster left files in " << tmp.path();

  // The directory holding the file gives the same model.
  auto dir = run_migra({"inspect", models.path()});
  ASSERT_EQ(dir.exit_code, 0) << dir.err;
  EXPECT_EQ(dir.out, r.out);
  EXPECT_TRUE(tmp.empty()) << "the throwaway cluster left files in " << tmp.path();
}

TEST(CliInspect, BrokenModelFileFailsAndCleansUp) {
  TempDir models{"migra-cli-test"};
  TempDir tmp{"migra-cli-test"};
  std::string file = models.path() + "/broken.sql";
  write_file(file, "create table t (id integer);\ncreate tabel x ();\n");
  ScopedEnv env("TMPDIR", tmp.path());
  auto r = run_migra({"inspect", file});
  EXPECT_EQ(r.exit_code, 1) << r.err;
  EXPECT_EQ(r.out, "");
  // Caught by the parser before any database starts, at the exact position.
  EXPECT_NE(r.err.find(file + ":2:8: error: syntax error at or near \"tabel\""), std::string::npos)
      << r.err;
  EXPECT_NE(r.err.find("  create tabel x ();\n         ^\n"), std::string::npos) << r.err;
  EXPECT_TRUE(tmp.empty()) << "the throwaway cluster left files in " << tmp.path();
}

TEST(CliInspect, MissingModelPathFails) {
  auto r = run_migra({"inspect", "/nonexistent/models/dir"});
  EXPECT_EQ(r.exit_code, 1) << r.err;
  EXPECT_EQ(std::count(r.err.begin(), r.err.end(), '\n'), 1) << r.err;
  EXPECT_NE(r.err.find("/nonexistent/models/dir"), std::string::npos) << r.err;
}

}  // namespace
}  // namespace migra::test
