#pragma once
/// The dependency graph of one model: which objects each object needs.
///
/// Objects are graph nodes named "<kind>:<key>" (kind one of schema, extension,
/// collation, type, sequence, table, view, index, constraint, function, trigger,
/// event_trigger, policy), so a trigger and a constraint of the same name never collide.
/// Inside, nodes are numbered and edges are lists of numbers: a large model's graph is
/// built without copying a name per edge.
#include <cstdint>
#include <deque>
#include <iterator>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "model/model.h"

namespace migra::diff {

/// "kind:key"
std::string node_id(std::string_view kind, std::string_view key);

/// Names to numbers: an open-addressing table over string views whose text lives
/// elsewhere (and must outlive it).
class NameTable {
 public:
  static constexpr std::uint32_t kNone = UINT32_MAX;
  /// Room for about `expected` names without growing.
  void reserve(size_t expected);
  /// The number stored for name, or kNone.
  [[nodiscard]] std::uint32_t find(std::string_view name) const;
  /// Stores (or replaces) the number for name.
  void set(std::string_view name, std::uint32_t value);

 private:
  // The hash is kept to skip comparing names that merely share a slot's neighbourhood.
  struct Slot {
    const char* data = nullptr;
    std::uint32_t size = 0;
    std::uint32_t hash = 0;
    std::uint32_t value = kNone;
  };
  void place(const Slot& slot);
  std::vector<Slot> slots_;
  size_t used_ = 0;
};

/// Direct dependencies of every object of a model, and the reverse.
class DependencyGraph {
 public:
  using Id = std::uint32_t;
  static constexpr Id kNone = NameTable::kNone;

  /// The names of a list of nodes, iterable as strings.
  class Nodes {
   public:
    /// Walks the node numbers, yielding names.
    class iterator {
     public:
      using iterator_category = std::forward_iterator_tag;
      using value_type = std::string;
      using difference_type = std::ptrdiff_t;
      using pointer = const std::string*;
      using reference = const std::string&;
      iterator() = default;
      iterator(const DependencyGraph* g, const Id* at) : graph_(g), at_(at) {}
      reference operator*() const { return graph_->name(*at_); }
      pointer operator->() const { return &graph_->name(*at_); }
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
    [[nodiscard]] std::vector<std::string> names() const { return {begin(), end()}; }

   private:
    const DependencyGraph* graph_;
    std::span<const Id> ids_;
  };

  explicit DependencyGraph(const model::Model& model);

  /// Node of a referenced key (relation, type or function) in this model, or "".
  [[nodiscard]] const std::string& resolve(std::string_view key) const;
  /// The number of a node, or kNone. Names that objects depend on but that are no object
  /// of the model (a schema left out of the inspection, say) have numbers too.
  [[nodiscard]] Id find(std::string_view node) const { return index_.find(node); }
  /// The name of a node number.
  [[nodiscard]] const std::string& name(Id id) const { return names_[id]; }
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
  // Deques: the tables hold views of these strings, which must not move.
  std::deque<std::string> names_;   // by node number; objects first
  size_t objects_ = 0;
  NameTable index_;                 // node name -> number
  NameTable by_key_;                // referenced key -> node number
  std::deque<std::string> extra_keys_;  // referenced keys that are no node's key
  std::vector<Range> requires_;     // by node number, into edges_
  std::vector<Id> edges_;
  std::vector<std::uint32_t> dependents_begin_;  // by node number (+1), into dependents_
  std::vector<Id> dependents_;
};

}  // namespace migra::diff
