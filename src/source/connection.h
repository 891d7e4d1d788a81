#pragma once
/// Opening database connections with errors that name the target but never the password.
#include <memory>
#include <string>

#include <pqxx/pqxx>

namespace migra {

/// Quotes a value for a libpq key=value connection string.
std::string conninfo_quote(const std::string& value);

/// The target as shown to users: a URL or key=value string with any password masked.
/// Throws migra::Error when the string cannot be parsed as either.
std::string describe_target(const std::string& conninfo);

/// Connects, or throws one clear migra::Error naming the target (password hidden).
std::unique_ptr<pqxx::connection> connect(const std::string& conninfo);

/// The same connection string pointing at another database.
std::string with_dbname(const std::string& conninfo, const std::string& dbname);

}  // namespace migra
