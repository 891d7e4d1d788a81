#pragma once
/// What other kinds need to know about a table's change: its lookup, and how it moves
/// between partition and inheritance parents.
#include <string>
#include <vector>

#include "diff/context.h"

namespace migra::diff {

/// How a surviving table's parents change. A partition that moves (new parent, new bound,
/// or a parent that is recreated) is detached and attached again; an inheritance child
/// runs NO INHERIT / INHERIT per parent.
struct ParentMove {
  bool partition = false;            ///< partitioning, not inheritance
  std::vector<std::string> lost;     ///< parents it leaves (detach / no inherit)
  std::vector<std::string> gained;   ///< parents it joins (attach / inherit)
  [[nodiscard]] bool empty() const { return lost.empty() && gained.empty(); }
};

/// The parent changes of table `key`; empty when it is created, dropped or recreated.
ParentMove parent_move(const DiffContext& ctx, const std::string& key);

/// Node of the statement attaching partitions to (or making children inherit) `parent`;
/// detaching comes first, so partitions can trade bounds.
std::string attach_node(const std::string& parent);

/// True when a constraint or column called `name` that table `key` inherits in the
/// source becomes its own: the table leaves every parent that gave it.
bool becomes_local(const DiffContext& ctx, const std::string& key, const std::string& name,
                   bool constraint);

/// True when table `key` joins a parent that has a constraint or column called `name`:
/// PostgreSQL wants it on the table before ATTACH PARTITION or INHERIT.
bool needed_before_joining(const DiffContext& ctx, const std::string& key,
                           const std::string& name, bool constraint);

}  // namespace migra::diff
