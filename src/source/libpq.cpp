#include "source/libpq.h"

#include "source/connection.h"
#include "util/error.h"

namespace migra::source {

PgConn connect_libpq(const std::string& conninfo) {
  std::string target = describe_target(conninfo);
  PgConn conn(PQconnectdb(conninfo.c_str()));
  if (!conn || PQstatus(conn.get()) != CONNECTION_OK) {
    std::string msg = conn ? PQerrorMessage(conn.get()) : "out of memory";
    while (!msg.empty() && (msg.back() == '\n' || msg.back() == ' ')) msg.pop_back();
    if (auto nl = msg.find('\n'); nl != std::string::npos) msg = msg.substr(0, nl);
    throw Error("cannot connect to " + target + ": " + msg,
                "check that the server is running, and the host, port, user, password and "
                "database name");
  }
  return conn;
}

std::optional<StatementError> exec_statement(PGconn* conn, const std::string& sql) {
  PgResult res(PQexec(conn, sql.c_str()));
  auto status = res ? PQresultStatus(res.get()) : PGRES_FATAL_ERROR;
  if (status == PGRES_COMMAND_OK || status == PGRES_TUPLES_OK || status == PGRES_EMPTY_QUERY) {
    return std::nullopt;
  }
  StatementError e;
  auto field = [&](int code) {
    const char* v = res ? PQresultErrorField(res.get(), code) : nullptr;
    return std::string(v ? v : "");
  };
  e.message = field(PG_DIAG_MESSAGE_PRIMARY);
  if (e.message.empty()) {
    e.message = PQerrorMessage(conn);
    while (!e.message.empty() && e.message.back() == '\n') e.message.pop_back();
  }
  e.detail = field(PG_DIAG_MESSAGE_DETAIL);
  e.hint = field(PG_DIAG_MESSAGE_HINT);
  e.sqlstate = field(PG_DIAG_SQLSTATE);
  auto pos = field(PG_DIAG_STATEMENT_POSITION);
  e.position = pos.empty() ? 0 : std::stoi(pos);
  return e;
}

}  // namespace migra::source
