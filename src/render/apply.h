#pragma once
/// Running a migration: every statement in ONE transaction with a lock timeout. On any
/// error the transaction rolls back, so the database is left exactly as it was.
#include <string>
#include <vector>

namespace migra::render {

/// How to apply.
struct ApplyOptions {
  std::string lock_timeout = "5s";
};

/// Applies statements to the database; throws migra::Error naming the failing statement
/// (its number and first line), PostgreSQL's message and SQLSTATE.
void apply_statements(const std::string& conninfo, const std::vector<std::string>& statements,
                      const ApplyOptions& options);

}  // namespace migra::render
