#pragma once
/// A migration statement as data: its SQL, what it touches, and its hazards. Safety and
/// ordering are read from these fields, never from the SQL text.
#include <string>
#include <vector>

namespace migra::plan {

/// What a statement does to its object.
enum class Action { create, alter, drop };

/// The strongest table lock a statement takes.
enum class Lock { none, share_update_exclusive, share, share_row_exclusive, access_exclusive };

/// Tie-break order among statements the dependency graph leaves unordered; it follows
/// the original migra's layout so output reads familiarly.
enum class Phase : int {
  create_schema = 0,
  create_extension,
  create_type,
  create_sequence,
  revoke,
  drop_constraint,
  drop_dependent,  ///< views, functions, triggers, policies that go or are recreated
  drop_index,
  drop_table,
  recreate_type,
  create_table,
  alter_table,
  alter_sequence,
  drop_sequence,
  drop_type,
  drop_extension,
  create_index,
  add_constraint,
  create_function,
  create_view,
  create_trigger,
  create_policy,
  grant,
  comment,
  drop_schema,
};

/// One SQL statement of a plan.
struct Statement {
  std::string sql;            ///< complete, with its terminating semicolon
  std::string kind;           ///< object kind: "table", "column", "index", ...
  std::string object;         ///< identity key of the object it touches
  Action action = Action::create;
  Phase phase = Phase::create_table;
  bool destructive = false;   ///< can lose data or objects
  bool rewrites_table = false;
  bool transactional = true;  ///< false: cannot run inside a transaction block
  Lock lock = Lock::none;
  /// Dependency node this statement creates, alters or drops (see diff/dependencies.h).
  std::string node;
  /// Nodes that must exist first: statements creating or altering them come before.
  std::vector<std::string> requires_nodes;
  /// Nodes this statement stops using: it comes before statements dropping them.
  std::vector<std::string> releases_nodes;
  /// Nodes whose every statement (create, alter or drop) must come after this one, e.g.
  /// a partition is detached before its old parent changes.
  std::vector<std::string> precedes_nodes;
};

/// A whole migration: statements in execution order.
struct Plan {
  std::vector<Statement> statements;
  [[nodiscard]] bool empty() const { return statements.empty(); }
  [[nodiscard]] bool destructive() const;
};

/// Names for JSON and summaries.
const char* to_string(Action action);
const char* to_string(Lock lock);

}  // namespace migra::plan
