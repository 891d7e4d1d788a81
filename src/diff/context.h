#pragma once
/// State shared by the per-kind differs of one diff run.
#include <cstdint>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <type_traits>
#include <unordered_set>
#include <utility>
#include <vector>

#include "diff/dependencies.h"
#include "model/model.h"
#include "plan/statement.h"

namespace migra::diff {

/// Flags that change what is compared (the original migra's flags).
struct DiffOptions {
  bool with_privileges = false;            ///< compare grants and owners too
  bool ignore_extension_versions = false;  ///< don't upgrade/downgrade extensions
  bool create_extensions_only = false;     ///< only create missing extensions
};

/// What the differs read and write.
class DiffContext {
 public:
  DiffContext(const model::Model& from, const model::Model& to, DiffOptions options);

  const model::Model& from;
  const model::Model& to;
  const DiffOptions options;
  const DependencyGraph from_graph;
  const DependencyGraph to_graph;
  /// Keys of source tables that other tables inherit from (not partitioning).
  const std::set<std::string> inheritance_parents;
  /// Keys of TARGET tables with computed columns of their own, the only ones whose
  /// columns can be re-added (found on first use).
  [[nodiscard]] const std::unordered_set<std::string>& computed_column_tables() const;

  /// The table with this key in `side` (from or to), or null.
  [[nodiscard]] const model::Table* table(const model::Model& side, std::string_view key) const {
    auto i = (&side == &from ? from_graph : to_graph).table_position(key);
    return i == DependencyGraph::kNone ? nullptr : &side.tables[i];
  }

  /// The node is dropped and created again (it cannot be altered in place, or something
  /// it depends on is recreated).
  [[nodiscard]] bool recreating(std::string_view node) const {
    return !recreate_.empty() && recreate_.find(node) != recreate_.end();
  }
  /// Marks a node for recreation; returns true when it was not marked before.
  bool mark_recreate(std::string_view node) {
    if (!recreate_.emplace(node).second) return false;
    ++marks_;
    return true;
  }
  /// Spreads recreation to everything that depends on a recreated or dropped node and
  /// survives in the target, except tables, which adapt with ALTER instead.
  void cascade_recreations();

  /// True when the table or view with this key is dropped or recreated, taking its
  /// indexes, constraints, triggers and policies with it.
  [[nodiscard]] bool relation_goes_away(const std::string& key) const;

  /// Whether a graph node is an index, constraint, trigger or policy of the relation
  /// with this key in FROM (and so goes when the relation is dropped).
  [[nodiscard]] bool owned_by(std::string_view node, std::string_view relation_key) const;

  /// for_each_pair over one of FROM's lists and the same list of TARGET, comparing the
  /// keys the graphs already hold instead of building them again (other lists: as
  /// for_each_pair). fn may take a third argument, the pair's node name ("kind:key").
  template <typename T, typename Fn>
  void each_pair(const std::vector<T>& from_list, const std::vector<T>& to_list, Fn fn) const;

  /// Adds a statement. Unless already set, a create requires the node's dependencies in
  /// the target, a drop releases its dependencies in the source, an alter does both.
  void emit(plan::Statement statement);
  /// The statements emitted so far, in emission order.
  std::vector<plan::Statement> take() { return std::move(statements_); }

 private:
  DiffContext(const model::Model& from, const model::Model& to, DiffOptions options,
              std::pair<DependencyGraph, DependencyGraph>&& graphs);

  // Looked up by view: callers hold names in many forms.
  struct NameHash {
    using is_transparent = void;
    size_t operator()(std::string_view s) const { return std::hash<std::string_view>{}(s); }
  };
  std::unordered_set<std::string, NameHash, std::equal_to<>> recreate_;
  size_t marks_ = 0;  // recreations marked so far
  // The last relation_goes_away answer: the objects of a table come one after another.
  struct GoesAway {
    std::string key;
    size_t marks = SIZE_MAX;
    bool result = false;
  };
  mutable GoesAway last_goes_away_;
  mutable std::optional<std::unordered_set<std::string>> computed_column_tables_;
  std::vector<plan::Statement> statements_;
};

/// Calls fn(from, to) for every key in either sorted list, with nullptr for a missing
/// side. Objects that belong to an extension are skipped: the extension owns them.
template <typename T, typename Fn>
void for_each_pair(const std::vector<T>& from, const std::vector<T>& to, Fn fn) {
  auto owned = [](const T& x) {
    if constexpr (requires { x.extension; }) {
      return x.extension.has_value();
    } else {
      return false;
    }
  };
  // Each key is built once, when its position is reached.
  auto reach = [&](const std::vector<T>& list, size_t& at, std::string& key) {
    while (at < list.size() && owned(list[at])) ++at;
    if (at < list.size()) key = list[at].key();
  };
  size_t i = 0, j = 0;
  std::string from_key, to_key;
  reach(from, i, from_key);
  reach(to, j, to_key);
  while (i < from.size() || j < to.size()) {
    if (j >= to.size() || (i < from.size() && from_key < to_key)) {
      fn(&from[i], static_cast<const T*>(nullptr));
      reach(from, ++i, from_key);
    } else if (i >= from.size() || to_key < from_key) {
      fn(static_cast<const T*>(nullptr), &to[j]);
      reach(to, ++j, to_key);
    } else {
      fn(&from[i], &to[j]);
      reach(from, ++i, from_key);
      reach(to, ++j, to_key);
    }
  }
}

template <typename T, typename Fn>
void DiffContext::each_pair(const std::vector<T>& from_list, const std::vector<T>& to_list,
                           Fn fn) const {
  constexpr List list = list_of<T>;
  if constexpr (list == List::count) {
    for_each_pair(from_list, to_list, fn);
  } else {
    if (!from_graph.built_from(from_list) || !to_graph.built_from(to_list)) {
      for_each_pair(from_list, to_list, [&](const T* a, const T* b) {
        if constexpr (std::is_invocable_v<Fn&, const T*, const T*, std::string_view>) {
          fn(a, b, node_id(kind_name(list), (b ? b : a)->key()));
        } else {
          fn(a, b);
        }
      });
      return;
    }
    auto owned = [](const T& x) {
      if constexpr (requires { x.extension; }) {
        return x.extension.has_value();
      } else {
        return false;
      }
    };
    auto reach = [&](const std::vector<T>& items, size_t& at) {
      while (at < items.size() && owned(items[at])) ++at;
    };
    auto call = [&](const T* a, const T* b, std::string_view node) {
      if constexpr (std::is_invocable_v<Fn&, const T*, const T*, std::string_view>) {
        fn(a, b, node);
      } else {
        fn(a, b);
      }
    };
    size_t i = 0, j = 0;
    reach(from_list, i);
    reach(to_list, j);
    while (i < from_list.size() || j < to_list.size()) {
      int order = i >= from_list.size() ? 1
                  : j >= to_list.size() ? -1
                                        : from_graph.key_of(list, i).compare(to_graph.key_of(list, j));
      if (order < 0) {
        call(&from_list[i], nullptr, from_graph.name(from_graph.node_of(list, i)));
        reach(from_list, ++i);
      } else if (order > 0) {
        call(nullptr, &to_list[j], to_graph.name(to_graph.node_of(list, j)));
        reach(to_list, ++j);
      } else {
        call(&from_list[i], &to_list[j], to_graph.name(to_graph.node_of(list, j)));
        reach(from_list, ++i);
        reach(to_list, ++j);
      }
    }
  }
}

}  // namespace migra::diff
