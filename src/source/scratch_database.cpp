#include "source/scratch_database.h"

#include <unistd.h>

#include <atomic>
#include <chrono>
#include <cstdlib>

#include "source/connection.h"
#include "source/libpq.h"
#include "source/pg_binaries.h"
#include "util/cleanup.h"
#include "util/error.h"

namespace migra::source {
namespace {

std::string unique_name() {
  static std::atomic<int> counter{0};
  auto now = std::chrono::steady_clock::now().time_since_epoch().count();
  return "migra_scratch_" + std::to_string(getpid()) + "_" + std::to_string(counter++) + "_" +
         std::to_string(now % 1000000);
}

void exec_or_throw(PGconn* conn, const std::string& sql, const std::string& what) {
  if (auto err = exec_statement(conn, sql)) {
    throw Error(what + ": " + err->message, "check that the scratch server's user may create "
                                            "databases (CREATEDB)")
        .with_sqlstate(err->sqlstate);
  }
}

// A PostgreSQL character position (1-based) as a byte offset into sql.
size_t byte_offset(const std::string& sql, int position) {
  size_t i = 0;
  for (int seen = 1; i < sql.size() && seen < position; ++seen) {
    ++i;
    while (i < sql.size() && (static_cast<unsigned char>(sql[i]) & 0xC0) == 0x80) ++i;
  }
  return i;
}

}  // namespace

std::string resolve_scratch(const std::string& setting) {
  if (setting == "auto" || setting.empty()) {
    const char* env = std::getenv("MIGRA_SCRATCH_URL");
    return env && *env ? env : "ephemeral";
  }
  return setting;
}

std::string scratch_identity(const std::string& setting) {
  std::string where = resolve_scratch(setting);
  if (where == "ephemeral") return "ephemeral " + server_version_string(find_pg_bindir());
  auto conn = connect_libpq(where);
  return "server " + describe_target(where) + " " + std::to_string(PQserverVersion(conn.get()));
}

std::unique_ptr<ScratchDatabase> ScratchDatabase::create(const std::string& setting) {
  std::string where = resolve_scratch(setting);
  std::unique_ptr<ScratchDatabase> db(new ScratchDatabase());
  db->dbname_ = unique_name();
  if (where == "ephemeral") {
    db->cluster_ = EphemeralCluster::start();
    db->server_ = db->cluster_->conninfo("postgres");
  } else {
    db->server_ = where;
  }
  auto conn = connect_libpq(db->server_);
  exec_or_throw(conn.get(), "create database \"" + db->dbname_ + "\" template template0",
                "cannot create the scratch database on " + describe_target(db->server_));
  // On a signal only a server's database needs dropping: the ephemeral cluster has its
  // own cleanup, which runs after this one.
  if (!db->cluster_) {
    db->cleanup_handle_ = register_cleanup([server = db->server_, name = db->dbname_] {
      auto conn = connect_libpq(server);
      exec_statement(conn.get(), "drop database if exists \"" + name + "\" with (force)");
    });
  }
  return db;
}

ScratchDatabase::~ScratchDatabase() {
  unregister_cleanup(cleanup_handle_);
  drop();
}

void ScratchDatabase::drop() noexcept {
  if (dbname_.empty()) return;
  if (!cluster_) {
    // On a shared server the database must go; on our own cluster stopping it is enough.
    try {
      auto conn = connect_libpq(server_);
      exec_statement(conn.get(), "drop database if exists \"" + dbname_ + "\" with (force)");
    } catch (...) {
    }
  }
  dbname_.clear();
  cluster_.reset();
}

std::string ScratchDatabase::conninfo() const { return with_dbname(server_, dbname_); }

void ScratchDatabase::load(const sql::LoadPlan& plan) const {
  auto conn = connect_libpq(conninfo());
  exec_or_throw(conn.get(), "set check_function_bodies = off", "cannot prepare the scratch database");
  exec_or_throw(conn.get(), "begin", "cannot prepare the scratch database");
  for (const auto& s : plan.statements) {
    auto err = exec_statement(conn.get(), s.sql);
    if (!err) continue;
    size_t at = err->position > 0 ? byte_offset(s.sql, err->position) : 0;
    auto where = s.location_of(at);
    size_t file_offset = s.origin->offset;
    for (const auto& [in_sql, in_file] : s.segments) {
      if (in_sql <= at) file_offset = in_file + (at - in_sql);
    }
    std::string hint = err->hint.empty() ? "fix this statement in the model" : err->hint;
    std::string message = err->message + (err->detail.empty() ? "" : " (" + err->detail + ")");
    sql::Problem p{where, sql::Severity::error, message, hint,
                   s.origin->source->line_at(file_offset)};
    auto e = sql::ModelError({p});
    e.with_sqlstate(err->sqlstate);
    throw e;
  }
  exec_or_throw(conn.get(), "commit", "cannot commit the model load");
}

}  // namespace migra::source
