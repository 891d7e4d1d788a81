#pragma once
/// Reading libpg_query parse trees (simdjson DOM views): a node's fields with defaults for
/// the ones libpg_query leaves out (zero numbers, false, empty strings).
#include <cstdint>
#include <optional>
#include <string_view>

#include <simdjson.h>

namespace migra::sql {

/// A node of a parse tree: a view into its file's document.
using TreeNode = simdjson::dom::element;

/// The field `key` of an object node; nothing when the node is no object or lacks it.
inline std::optional<TreeNode> tree_field(TreeNode node, std::string_view key) {
  simdjson::dom::object object;
  TreeNode value;
  if (node.get(object) != simdjson::SUCCESS || object.at_key(key).get(value) != simdjson::SUCCESS) {
    return std::nullopt;
  }
  return value;
}

/// A field every such node has; throws when the tree lacks it.
TreeNode tree_required(TreeNode node, std::string_view key);

/// A string field, or `fallback` when absent.
inline std::string_view tree_string(TreeNode node, std::string_view key,
                                    std::string_view fallback = "") {
  std::string_view value;
  auto field = tree_field(node, key);
  return field && field->get(value) == simdjson::SUCCESS ? value : fallback;
}

/// An integer field, or `fallback` when absent.
inline int64_t tree_int(TreeNode node, std::string_view key, int64_t fallback = 0) {
  int64_t value = 0;
  auto field = tree_field(node, key);
  return field && field->get(value) == simdjson::SUCCESS ? value : fallback;
}

/// A boolean field, or `fallback` when absent.
inline bool tree_bool(TreeNode node, std::string_view key, bool fallback = false) {
  bool value = false;
  auto field = tree_field(node, key);
  return field && field->get(value) == simdjson::SUCCESS ? value : fallback;
}

/// The items of an array node, or none: a range for range-for.
class TreeItems {
 public:
  TreeItems() = default;
  explicit TreeItems(simdjson::dom::array items) : begin_(items.begin()), end_(items.end()) {}
  [[nodiscard]] simdjson::dom::array::iterator begin() const { return begin_; }
  [[nodiscard]] simdjson::dom::array::iterator end() const { return end_; }

 private:
  // Default iterators compare equal: an empty range.
  simdjson::dom::array::iterator begin_, end_;
};

/// The items of an array node; none when it is no array.
inline TreeItems tree_items(TreeNode node) {
  simdjson::dom::array items;
  return node.get(items) == simdjson::SUCCESS ? TreeItems(items) : TreeItems();
}

/// The items of an array field; none when absent.
inline TreeItems tree_array(TreeNode node, std::string_view key) {
  auto field = tree_field(node, key);
  return field ? tree_items(*field) : TreeItems();
}

}  // namespace migra::sql
