#include "sql/lint.h"

#include <map>

namespace migra::sql {
namespace {

struct Rule {
  const char* what;
  const char* why;
};

// Node kinds that have no place in a declarative model, and why.
const std::map<std::string, Rule, std::less<>>& forbidden() {
  static const std::map<std::string, Rule, std::less<>> rules = {
      {"InsertStmt", {"INSERT", "models describe schema, not data; load data with a seed script"}},
      {"UpdateStmt", {"UPDATE", "models describe schema, not data"}},
      {"DeleteStmt", {"DELETE", "models describe schema, not data"}},
      {"MergeStmt", {"MERGE", "models describe schema, not data"}},
      {"TruncateStmt", {"TRUNCATE", "models describe schema, not data"}},
      {"CopyStmt", {"COPY", "models describe schema, not data"}},
      {"DropStmt", {"DROP", "a model says what should exist; remove the object's definition "
                            "instead and migra generates the drop"}},
      {"DropdbStmt", {"DROP DATABASE", "models work inside one database"}},
      {"DropRoleStmt", {"DROP ROLE", "roles are cluster-wide and not part of a model"}},
      {"DropOwnedStmt", {"DROP OWNED", "a model says what should exist"}},
      {"ReassignOwnedStmt", {"REASSIGN OWNED", "use ALTER ... OWNER TO on the objects instead"}},
      {"TransactionStmt", {"transaction control", "migra runs the whole load and every migration "
                                                  "in one transaction itself"}},
      {"CreatedbStmt", {"CREATE DATABASE", "models work inside one database"}},
      {"AlterDatabaseStmt", {"ALTER DATABASE", "database settings are not part of a model"}},
      {"AlterSystemStmt", {"ALTER SYSTEM", "server settings are not part of a model"}},
      {"VacuumStmt", {"VACUUM/ANALYZE", "maintenance commands are not part of a model"}},
      {"ClusterStmt", {"CLUSTER", "maintenance commands are not part of a model"}},
      {"ReindexStmt", {"REINDEX", "maintenance commands are not part of a model"}},
      {"LockStmt", {"LOCK", "models describe schema, not sessions"}},
      {"CheckPointStmt", {"CHECKPOINT", "maintenance commands are not part of a model"}},
  };
  return rules;
}

}  // namespace

void lint_statement(const ModelStatement& s, std::vector<Problem>& problems) {
  auto it = forbidden().find(s.kind);
  if (it == forbidden().end()) return;
  problems.push_back({s.location(), Severity::error,
                      std::string(it->second.what) + " does not belong in a model file",
                      it->second.why, s.source->line_at(s.offset)});
}

}  // namespace migra::sql
