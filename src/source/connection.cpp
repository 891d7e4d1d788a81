#include "source/connection.h"

#include <libpq-fe.h>

#include <map>
#include <memory>

#include "util/error.h"

namespace migra {
namespace {

std::string mask_passwords(std::string text);

struct ConninfoOptions {
  std::map<std::string, std::string> values;
};

// Parses a URL or key=value string with libpq's own parser, so we accept exactly what
// libpq accepts.
ConninfoOptions parse_conninfo(const std::string& conninfo) {
  char* err = nullptr;
  PQconninfoOption* opts = PQconninfoParse(conninfo.c_str(), &err);
  if (!opts) {
    std::string msg = err ? err : "out of memory";
    if (err) PQfreemem(err);
    while (!msg.empty() && (msg.back() == '\n' || msg.back() == ' ')) msg.pop_back();
    throw Error("invalid database URL: " + mask_passwords(msg),
                "use postgresql://user@host:port/dbname or 'host=... dbname=...'");
  }
  std::unique_ptr<PQconninfoOption, decltype(&PQconninfoFree)> owner(opts, &PQconninfoFree);
  ConninfoOptions out;
  for (auto* o = opts; o->keyword; ++o) {
    if (o->val) out.values[o->keyword] = o->val;
  }
  return out;
}

// libpq quotes the connection string in some messages; never echo a password.
std::string mask_passwords(std::string text) {
  // URL form: scheme://user:password@host
  for (size_t pos = text.find("://"); pos != std::string::npos; pos = text.find("://", pos + 3)) {
    size_t start = pos + 3;
    size_t at = text.find('@', start);
    size_t slash = text.find_first_of("/ \"'", start);
    if (at == std::string::npos || (slash != std::string::npos && slash < at)) continue;
    size_t colon = text.find(':', start);
    if (colon != std::string::npos && colon < at) text.replace(colon + 1, at - colon - 1, "***");
  }
  // key=value form: password=secret or password='secret'
  for (size_t pos = text.find("password="); pos != std::string::npos;
       pos = text.find("password=", pos + 1)) {
    size_t start = pos + 9;
    size_t end = start;
    if (end < text.size() && text[end] == '\'') {
      end = text.find('\'', end + 1);
      end = end == std::string::npos ? text.size() : end + 1;
    } else {
      while (end < text.size() && text[end] != ' ' && text[end] != '"') ++end;
    }
    text.replace(start, end - start, "***");
  }
  return text;
}

std::string one_line(std::string msg) {
  // libpq's messages span lines ("connection to server ... failed: ...\n\tIs the server
  // running...?"); the first line says what failed.
  while (!msg.empty() && (msg.back() == '\n' || msg.back() == ' ')) msg.pop_back();
  if (auto nl = msg.find('\n'); nl != std::string::npos) msg = msg.substr(0, nl);
  return mask_passwords(msg);
}

}  // namespace

std::string conninfo_quote(const std::string& value) {
  std::string out = "'";
  for (char c : value) {
    if (c == '\'' || c == '\\') out += '\\';
    out += c;
  }
  return out + "'";
}

std::string describe_target(const std::string& conninfo) {
  auto opts = parse_conninfo(conninfo);
  auto get = [&](const char* k) {
    auto it = opts.values.find(k);
    return it == opts.values.end() ? std::string() : it->second;
  };
  std::string s = "postgresql://";
  if (auto user = get("user"); !user.empty()) {
    s += user;
    if (!get("password").empty()) s += ":***";
    s += "@";
  }
  auto host = get("host");
  if (!host.empty() && host[0] != '/') s += host;
  if (auto port = get("port"); !port.empty() && (host.empty() || host[0] != '/')) s += ":" + port;
  s += "/" + get("dbname");
  if (!host.empty() && host[0] == '/') s += "?host=" + host;
  return s;
}

std::unique_ptr<pqxx::connection> connect(const std::string& conninfo) {
  std::string target = describe_target(conninfo);  // also validates the syntax
  try {
    return std::make_unique<pqxx::connection>(conninfo);
  } catch (const pqxx::broken_connection& e) {
    throw Error("cannot connect to " + target + ": " + one_line(e.what()),
                "check that the server is running, and the host, port, user, password and "
                "database name");
  } catch (const std::exception& e) {
    throw Error("cannot connect to " + target + ": " + one_line(e.what()),
                "check the database URL");
  }
}

std::string with_dbname(const std::string& conninfo, const std::string& dbname) {
  auto opts = parse_conninfo(conninfo);
  opts.values["dbname"] = dbname;
  std::string out;
  for (const auto& [k, v] : opts.values) {
    out += (out.empty() ? "" : " ") + k + "=" + conninfo_quote(v);
  }
  return out;
}

}  // namespace migra
