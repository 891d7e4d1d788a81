#pragma once
/// The order in which model statements are loaded into a scratch database: by what each
/// statement defines and references (read from the parse trees), so files may be split
/// and named in any order. Foreign keys that point at a table created later (including
/// cycles) are moved out of CREATE TABLE into ALTER TABLE statements after both tables.
#include <string>
#include <vector>

#include "sql/parse.h"

namespace migra::sql {

/// One statement to execute, with a map back to model file positions.
struct LoadStatement {
  std::string sql;
  const ModelStatement* origin = nullptr;
  /// (offset in sql, byte offset in the origin's file) pairs, ascending; a position in
  /// `sql` maps through the last pair at or before it.
  std::vector<std::pair<size_t, size_t>> segments;
  /// file:line:column of a 0-based byte position in `sql`.
  [[nodiscard]] SourceLocation location_of(size_t position) const;
};

/// The statements in load order. Statements that cannot be ordered (a cycle that is not
/// just foreign keys) are problems naming each statement with its location.
struct LoadPlan {
  std::vector<LoadStatement> statements;
  std::vector<Problem> problems;
  /// Owner of the parsed statements `statements` point into, when the plan outlives them.
  std::shared_ptr<const ParsedModel> keep_alive;
};

/// Orders a parsed model for loading.
LoadPlan plan_load(const ParsedModel& model);

}  // namespace migra::sql
