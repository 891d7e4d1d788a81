#pragma once
/// The dependency graph of one model: which objects each object needs.
///
/// Objects are graph nodes named "<kind>:<key>" (kind one of schema, extension,
/// collation, type, sequence, table, view, index, constraint, function, trigger,
/// event_trigger, policy), so a trigger and a constraint of the same name never collide.
/// Inside, nodes are numbered and edges are lists of numbers: a large model's graph is
/// built without copying a name per edge.
#include <cstdint>
#include <iterator>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "model/model.h"
#include "util/name_table.h"

namespace migra::diff {

/// "kind:key"
std::string node_id(std::string_view kind, std::string_view key);

/// The model's lists of graph objects.
enum class List : std::uint8_t {
  schemas, extensions, collations, enums, domains, composite_types, range_types, sequences,
  tables, constraints, indexes, views, functions, triggers, event_triggers, policies, count
};

/// The node kind of a list's objects ("table", "type", ...).
constexpr std::string_view kind_name(List list) {
  constexpr std::string_view names[] = {
      "schema", "extension", "collation", "type", "type", "type", "type", "sequence",
      "table", "constraint", "index", "view", "function", "trigger", "event_trigger", "policy"};
  return names[static_cast<size_t>(list)];
}

/// The list a model type lives in (only for graph objects).
template <typename T> inline constexpr List list_of = List::count;
template <> inline constexpr List list_of<model::Schema> = List::schemas;
template <> inline constexpr List list_of<model::Extension> = List::extensions;
template <> inline constexpr List list_of<model::Collation> = List::collations;
template <> inline constexpr List list_of<model::EnumType> = List::enums;
template <> inline constexpr List list_of<model::Domain> = List::domains;
template <> inline constexpr List list_of<model::CompositeType> = List::composite_types;
template <> inline constexpr List list_of<model::RangeType> = List::range_types;
template <> inline constexpr List list_of<model::Sequence> = List::sequences;
template <> inline constexpr List list_of<model::Table> = List::tables;
template <> inline constexpr List list_of<model::Constraint> = List::constraints;
template <> inline constexpr List list_of<model::Index> = List::indexes;
template <> inline constexpr List list_of<model::View> = List::views;
template <> inline constexpr List list_of<model::Function> = List::functions;
template <> inline constexpr List list_of<model::Trigger> = List::triggers;
template <> inline constexpr List list_of<model::EventTrigger> = List::event_triggers;
template <> inline constexpr List list_of<model::Policy> = List::policies;

/// Direct dependencies of every object of a model, and the reverse.
class DependencyGraph {
 public:
  using Id = std::uint32_t;
  static constexpr Id kNone = NameTable::kNone;

  /// The names of a list of nodes, iterable as string views.
  class Nodes {
   public:
    /// Walks the node numbers, yielding names.
    class iterator {
     public:
      using iterator_category = std::forward_iterator_tag;
      using value_type = std::string_view;
      using difference_type = std::ptrdiff_t;
      using pointer = void;
      using reference = std::string_view;
      iterator() = default;
      iterator(const DependencyGraph* g, const Id* at) : graph_(g), at_(at) {}
      reference operator*() const { return graph_->name(*at_); }
      iterator& operator++() { ++at_; return *this; }
      iterator operator++(int) { auto old = *this; ++at_; return old; }
      bool operator==(const iterator& o) const { return at_ == o.at_; }

     private:
      const DependencyGraph* graph_ = nullptr;
      const Id* at_ = nullptr;
    };
    Nodes(const DependencyGraph* g, std::span<const Id> ids) : graph_(g), ids_(ids) {}
    [[nodiscard]] iterator begin() const { return {graph_, ids_.data()}; }
    [[nodiscard]] iterator end() const { return {graph_, ids_.data() + ids_.size()}; }
    [[nodiscard]] size_t size() const { return ids_.size(); }
    [[nodiscard]] bool empty() const { return ids_.empty(); }
    /// The node numbers.
    [[nodiscard]] std::span<const Id> ids() const { return ids_; }
    /// A copy of the names, e.g. for a statement's requires_nodes.
    [[nodiscard]] std::vector<std::string> names() const {
      std::vector<std::string> out;
      out.reserve(size());
      for (auto n : *this) out.emplace_back(n);
      return out;
    }

   private:
    const DependencyGraph* graph_;
    std::span<const Id> ids_;
  };

  explicit DependencyGraph(const model::Model& model);

  /// Node of a referenced key (relation, type or function) in this model, or "".
  [[nodiscard]] std::string_view resolve(std::string_view key) const;
  /// The number of a node, or kNone. Names that objects depend on but that are no object
  /// of the model (a schema left out of the inspection, say) have numbers too.
  [[nodiscard]] Id find(std::string_view node) const {
    return index_.find(node, [this](Id id) { return name(id); });
  }
  /// The name of a node number.
  [[nodiscard]] std::string_view name(Id id) const {
    return std::string_view(text_).substr(name_begin_[id], name_begin_[id + 1] - name_begin_[id]);
  }
  /// The node of the i-th object of one of the model's lists.
  [[nodiscard]] Id node_of(List list, size_t i) const {
    return lists_[static_cast<size_t>(list)][i];
  }
  /// The key of the i-th object of one of the model's lists, as the graph holds it.
  [[nodiscard]] std::string_view key_of(List list, size_t i) const {
    auto n = name(node_of(list, i));
    return n.substr(n.find(':') + 1);
  }
  /// The position of the table with this key in the model's list of tables, or kNone.
  [[nodiscard]] std::uint32_t table_position(std::string_view key) const;
  /// Whether `items` is the graph's model's list (not a copy).
  template <typename T>
  [[nodiscard]] bool built_from(const std::vector<T>& items) const {
    constexpr auto list = static_cast<size_t>(list_of<T>);
    return list_data_[list] == items.data() && lists_[list].size() == items.size();
  }
  /// How many objects there are; their numbers are 0 .. objects()-1.
  [[nodiscard]] size_t objects() const { return objects_; }
  /// What node needs (empty for unknown nodes).
  [[nodiscard]] Nodes requires_of(std::string_view node) const { return requires_of(find(node)); }
  [[nodiscard]] Nodes requires_of(Id node) const;
  /// What needs node.
  [[nodiscard]] Nodes dependents_of(std::string_view node) const {
    return dependents_of(find(node));
  }
  [[nodiscard]] Nodes dependents_of(Id node) const;
  /// Whether node is an object of this model (not just a name something depends on).
  [[nodiscard]] bool contains(std::string_view node) const { return find(node) < objects_; }

 private:
  struct Range {
    std::uint32_t begin = 0, size = 0;
  };
  // A key other objects use, as a piece of text_, and the node it names.
  struct Key {
    std::uint32_t begin = 0, size = 0;
    Id node = kNone;
  };
  Id intern(std::string_view name);
  void set_key(std::string_view key, Id node);
  [[nodiscard]] std::string_view key_text(std::uint32_t key) const {
    return std::string_view(text_).substr(keys_[key].begin, keys_[key].size);
  }

  // Every name, one after another: node n is text_[name_begin_[n], name_begin_[n + 1]).
  std::string text_;
  std::vector<std::uint32_t> name_begin_{0};
  size_t objects_ = 0;
  std::vector<Id> lists_[static_cast<size_t>(List::count)];  // nodes of each list, in order
  const void* list_data_[static_cast<size_t>(List::count)] = {};  // the lists themselves
  NameTable index_;                 // node name -> number
  std::vector<Key> keys_;
  NameTable by_key_;                // referenced key -> index in keys_
  NameTable tables_;                // table key -> position in the list of tables
  std::vector<Range> requires_;     // by node number, into edges_
  std::vector<Id> edges_;
  std::vector<std::uint32_t> dependents_begin_;  // by node number (+1), into dependents_
  std::vector<Id> dependents_;
};

}  // namespace migra::diff
