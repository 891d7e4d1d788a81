#pragma once
/// Thin RAII owners of libpq handles, for the places that need what libpqxx 6 does not
/// expose (error positions of a failed statement).
#include <libpq-fe.h>

#include <memory>
#include <optional>
#include <string>

namespace migra::source {

struct PGconnDeleter {
  void operator()(PGconn* c) const { PQfinish(c); }
};
struct PGresultDeleter {
  void operator()(PGresult* r) const { PQclear(r); }
};
/// Owns a libpq connection.
using PgConn = std::unique_ptr<PGconn, PGconnDeleter>;
/// Owns a libpq result.
using PgResult = std::unique_ptr<PGresult, PGresultDeleter>;

/// Connects with libpq, or throws migra::Error naming the target (password hidden).
PgConn connect_libpq(const std::string& conninfo);

/// A failed statement's error fields.
struct StatementError {
  std::string message;   ///< primary message
  std::string detail;
  std::string hint;
  std::string sqlstate;
  int position = 0;      ///< 1-based character position in the statement, 0 if none
};

/// Runs one statement; returns nullopt on success, the error otherwise.
std::optional<StatementError> exec_statement(PGconn* conn, const std::string& sql);

}  // namespace migra::source
