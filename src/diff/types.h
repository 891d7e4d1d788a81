#pragma once
/// Recreating a user-defined type (enum, domain, composite, range) that table columns may
/// use: the old version is renamed out of the way, the new one created under the real
/// name, columns are converted to it (columns.cpp), and the old version dropped last.
#include <string>
#include <string_view>
#include <vector>

#include "diff/common.h"

namespace migra::diff {

/// The name a recreated type's old version has until it is dropped.
std::string old_version_name(const std::string& name);

/// Node of the statement dropping the old version of a recreated type or collation node.
std::string old_version_node(std::string_view node);

/// Emits `alter <noun> key rename to <old name>`, before every other statement of the
/// type's node and of the `precedes` nodes, then the `extra` statements that move
/// companions of the type out of the way too (a range's multirange and constructors).
void emit_old_version_rename(DiffContext& ctx, const ObjectRef& ref, const std::string& noun,
                             const std::string& schema, const std::string& name,
                             const std::vector<std::string>& extra = {},
                             const std::vector<std::string>& precedes = {});

/// Emits the create statement of the new version (after the renames: emit it after them,
/// in the same phase, as its alters after it).
void emit_new_version(DiffContext& ctx, const ObjectRef& ref, std::string sql);

/// `drop <noun> <old name>`, ordered after the tables using the type are converted and the
/// old versions of recreated types built on it are gone; the caller emits it. `cascade`
/// also takes objects that cannot be dropped apart from the type (a range's canonical
/// function).
plan::Statement old_version_drop(const DiffContext& ctx, const ObjectRef& ref,
                                 const std::string& noun, const std::string& schema,
                                 const std::string& name, bool cascade = false);

/// The USING expression converting `column` (old type) to a recreated type `to_type`,
/// or "" when the default conversion through text is right.
std::string recreated_type_conversion(const DiffContext& ctx, const std::string& type_key,
                                      const std::string& column, const std::string& to_type);

/// Creating and dropping the temporary function that converts arrays of a recreated
/// composite type (none when no column stores such arrays); the caller emits them.
std::vector<plan::Statement> array_conversion_function(const DiffContext& ctx,
                                                       const model::CompositeType& a,
                                                       const model::CompositeType& b);

}  // namespace migra::diff
