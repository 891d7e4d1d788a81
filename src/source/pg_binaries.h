#pragma once
/// Where the PostgreSQL server programs (initdb, postgres) live.
#include <string>

namespace migra {

/// The directory holding initdb and postgres: $MIGRA_PG_BINDIR if set, else
/// `pg_config --bindir`, else the newest /usr/lib/postgresql/*/bin. Throws migra::Error
/// with install instructions when none is found.
std::string find_pg_bindir();

/// `postgres --version` of the server programs in bindir, e.g. "postgres (PostgreSQL)
/// 15.14". Keys the caches, so a server upgrade never reuses what an old one built.
/// Throws migra::Error when the program does not run.
std::string server_version_string(const std::string& bindir);

}  // namespace migra
