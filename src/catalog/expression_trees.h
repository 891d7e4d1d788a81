#pragma once
/// PostgreSQL's stored expression trees (pg_node_tree text, such as pg_constraint.conbin
/// or pg_index.indpred) in a canonical form, so that two databases' trees can be compared
/// without the server printing them: printing one opens its table, which on a large
/// catalog costs more than everything else read about a check constraint or an index.
#include <functional>
#include <optional>
#include <string>
#include <string_view>

namespace migra::catalog {

/// The name of the column numbered `attnum` of the expression's table, or null.
using ColumnNamer = std::function<const std::string*(int attnum)>;

/// The tree with what never reaches its printed text left out (where in the statement each
/// node was written) and each column named instead of numbered. Two trees with the same
/// canonical form, read from servers of the same version, print the same text.
///
/// nullopt when the printed text could depend on more than the tree: a number that may be
/// the oid of a user's object (16384 and up: its name, or whether it is visible, can differ
/// between databases; typmods and lengths are exempt), a constant whose type prints by
/// looking up a name (regclass, regtype, aclitem and the like, or a record that could hold
/// one), or a column that is not a user column of the one table (a whole row, a system
/// column, another query level).
std::optional<std::string> canonical_tree(std::string_view tree, const ColumnNamer& column);

}  // namespace migra::catalog
