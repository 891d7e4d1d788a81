#pragma once
/// The dependency graph of one model: which objects each object needs.
///
/// Objects are graph nodes named "<kind>:<key>" (kind one of schema, extension,
/// collation, type, sequence, table, view, index, constraint, function, trigger,
/// event_trigger, policy), so a trigger and a constraint of the same name never collide.
#include <map>
#include <set>
#include <string>
#include <unordered_map>
#include <vector>

#include "model/model.h"

namespace migra::diff {

/// "kind:key"
std::string node_id(const char* kind, const std::string& key);

/// Direct dependencies of every object of a model, and the reverse.
class DependencyGraph {
 public:
  explicit DependencyGraph(const model::Model& model);

  /// Node of a referenced key (relation, type or function) in this model, or "".
  [[nodiscard]] std::string resolve(const std::string& key) const;
  /// What node needs (empty for unknown nodes).
  [[nodiscard]] const std::vector<std::string>& requires_of(const std::string& node) const;
  /// What needs node.
  [[nodiscard]] const std::vector<std::string>& dependents_of(const std::string& node) const;
  [[nodiscard]] bool contains(const std::string& node) const { return deps_.count(node) != 0; }
  /// Every node, sorted.
  [[nodiscard]] std::vector<std::string> nodes() const;

 private:
  void add(const std::string& node, std::vector<std::string> deps);
  void add_ref(std::vector<std::string>& deps, const std::string& key) const;

  std::unordered_map<std::string, std::string> by_key_;  // referenced key -> node
  std::unordered_map<std::string, std::vector<std::string>> deps_;
  std::unordered_map<std::string, std::vector<std::string>> dependents_;
};

}  // namespace migra::diff
