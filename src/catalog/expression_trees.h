#pragma once
/// PostgreSQL's stored expression trees (pg_node_tree text, such as pg_constraint.conbin
/// or pg_index.indpred) in a canonical form, so that two databases' trees can be compared
/// without the server printing them: printing one opens its table, which on a large
/// catalog costs more than everything else read about a check constraint or an index.
#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>

namespace migra::catalog {

/// Oids below this are the same in every cluster of one server version (its catalog data
/// fixes them, or its build numbers them); initdb numbers the rest by the host (the
/// collations it imports, information_schema), and users' objects come after, from 16384.
inline constexpr std::int64_t kFirstUnstableOid = 12000;

/// The name of the column numbered `attnum` of the expression's table, or null.
using ColumnNamer = std::function<const std::string*(int attnum)>;

/// What names a user's object by oid, or null when it is unknown.
using OidNamer = std::function<const std::string*(std::int64_t oid)>;

/// The user's objects a tree can name, besides columns: types (enums and domains, and
/// their array types) in fields that hold a type, and enum labels in constants of an enum
/// type (stored as the label's oid). Either may be empty.
struct UserObjects {
  OidNamer type;
  /// The label with this oid of the enum type with that oid, or null.
  std::function<const std::string*(std::int64_t type, std::int64_t label)> enum_label;
};

/// The tree with what never reaches its printed text left out (where in the statement each
/// node was written) and each column named instead of numbered. Two trees with the same
/// canonical form, read from servers of the same version, print the same text.
///
/// nullopt when the printed text could depend on more than the tree: a number that may be
/// the oid of an object numbered by the cluster or the user (from kFirstUnstableOid: its
/// name, or whether it is visible, can differ between databases; typmods and lengths are
/// exempt; `user` names some, which then stand in the canonical form by name), a constant
/// whose type prints by
/// looking up a name (regclass, regtype, aclitem and the like, or a record that could hold
/// one), or a column that is not a user column of the one table (a whole row, a system
/// column, another query level).
std::optional<std::string> canonical_tree(std::string_view tree, const ColumnNamer& column,
                                          const UserObjects& user = {});

}  // namespace migra::catalog
