#include "sql/parse_tree.h"

#include <string>

#include "util/error.h"

namespace migra::sql {

TreeNode tree_required(TreeNode node, std::string_view key) {
  if (auto field = tree_field(node, key)) return *field;
  throw Error("unexpected parse tree: a node lacks its field '" + std::string(key) + "'",
              "report this as a bug in migra, with the model file");
}

}  // namespace migra::sql
