#pragma once
/// Where the PostgreSQL server programs (initdb, postgres) live.
#include <string>

namespace migra {

/// The directory holding initdb and postgres: $MIGRA_PG_BINDIR if set, else
/// `pg_config --bindir`, else the newest /usr/lib/postgresql/*/bin. Throws migra::Error
/// with install instructions when none is found.
std::string find_pg_bindir();

}  // namespace migra
