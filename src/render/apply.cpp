#include "render/apply.h"

#include "model/common.h"
#include "source/connection.h"
#include "source/libpq.h"
#include "util/error.h"

namespace migra::render {
namespace {

std::string first_line(const std::string& sql) {
  auto nl = sql.find('\n');
  return nl == std::string::npos ? sql : sql.substr(0, nl) + " ...";
}

}  // namespace

void apply_statements(const std::string& conninfo, const std::vector<std::string>& statements,
                      const ApplyOptions& options) {
  auto conn = source::connect_libpq(conninfo);
  auto run = [&](const std::string& sql, const std::string& what) {
    if (auto err = source::exec_statement(conn.get(), sql)) {
      source::exec_statement(conn.get(), "rollback");
      throw Error(what + ": " + err->message +
                      (err->detail.empty() ? "" : " (" + err->detail + ")") +
                      "; nothing was changed",
                  err->hint.empty() ? "fix the statement or the database, then run again"
                                    : err->hint)
          .with_sqlstate(err->sqlstate)
          .with_query(sql);
    }
  };
  run("begin", "cannot start a transaction on " + describe_target(conninfo));
  run("set local lock_timeout = " + model::quote_literal(options.lock_timeout),
      "invalid lock_timeout '" + options.lock_timeout + "'");
  for (size_t i = 0; i < statements.size(); ++i) {
    run(statements[i], "statement " + std::to_string(i + 1) + " of " +
                           std::to_string(statements.size()) + " failed (" +
                           first_line(statements[i]) + ")");
  }
  run("commit", "commit failed");
}

}  // namespace migra::render
