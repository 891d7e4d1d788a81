#include "diff/context.h"

#include <algorithm>
#include <future>
#include <utility>

namespace migra::diff {
namespace {

std::string_view kind_of(std::string_view node) { return node.substr(0, node.find(':')); }

void append(std::vector<std::string>& to, const DependencyGraph::Nodes& more) {
  to.insert(to.end(), more.begin(), more.end());
}

size_t object_count(const model::Model& m) {
  return m.tables.size() + m.constraints.size() + m.indexes.size() + m.sequences.size() +
         m.views.size() + m.functions.size();
}

// The two graphs are independent: for large models TARGET's is built on a second thread
// while FROM's is built on this one.
std::pair<DependencyGraph, DependencyGraph> build_graphs(const model::Model& f,
                                                         const model::Model& t) {
  constexpr size_t kWorthAThread = 5000;
  if (object_count(f) + object_count(t) < kWorthAThread) {
    return {DependencyGraph(f), DependencyGraph(t)};
  }
  auto target = std::async(std::launch::async, [&t] { return DependencyGraph(t); });
  DependencyGraph from(f);
  return {std::move(from), target.get()};
}

}  // namespace

DiffContext::DiffContext(const model::Model& f, const model::Model& t, DiffOptions o)
    : DiffContext(f, t, o, build_graphs(f, t)) {}

DiffContext::DiffContext(const model::Model& f, const model::Model& t, DiffOptions o,
                         std::pair<DependencyGraph, DependencyGraph>&& graphs)
    : from(f), to(t), options(o), from_graph(std::move(graphs.first)),
      to_graph(std::move(graphs.second)), inheritance_parents([&] {
        std::set<std::string> parents;
        for (const auto& table : f.tables) parents.insert(table.inherits.begin(), table.inherits.end());
        return parents;
      }()) {}

void DiffContext::cascade_recreations() {
  // Nodes of FROM's graph; a marked node that FROM lacks has no dependents there.
  std::vector<DependencyGraph::Id> work;
  for (const auto& node : recreate_) {
    if (auto id = from_graph.find(node); id != DependencyGraph::kNone) work.push_back(id);
  }
  // What survives must also be rebuilt when something it uses goes away: a view over a
  // table that is replaced by a view of the same name.
  for (DependencyGraph::Id id = 0; id < from_graph.objects(); ++id) {
    if (!to_graph.contains(from_graph.name(id))) work.push_back(id);
  }
  // The closure does not depend on the order the work is done in.
  while (!work.empty()) {
    auto node = work.back();
    work.pop_back();
    for (auto dependent : from_graph.dependents_of(node).ids()) {
      const auto& name = from_graph.name(dependent);
      auto kind = kind_of(name);
      if (kind == "table" || kind == "schema") continue;
      if (!to_graph.contains(name)) continue;  // dropped anyway
      if (mark_recreate(name)) work.push_back(dependent);
    }
  }
}

const std::unordered_set<std::string>& DiffContext::computed_column_tables() const {
  if (!computed_column_tables_) {
    computed_column_tables_.emplace();
    for (const auto& t : to.tables) {
      bool computed = std::any_of(t.columns.begin(), t.columns.end(), [](const model::Column& c) {
        return !c.inherited && c.generated;
      });
      if (computed) computed_column_tables_->insert(t.key());
    }
  }
  return *computed_column_tables_;
}

bool DiffContext::relation_goes_away(const std::string& key) const {
  auto& last = last_goes_away_;
  if (last.marks == marks_ && last.key == key) return last.result;
  const auto& node = from_graph.resolve(key);
  bool goes = !node.empty() &&
              (!to_graph.contains(node) || to_graph.resolve(key) != node || recreating(node));
  last = {key, marks_, goes};
  return goes;
}

bool DiffContext::owned_by(std::string_view node, std::string_view relation_key) const {
  auto colon = node.find(':');
  std::string_view kind = node.substr(0, colon);
  std::string_view key = node.substr(colon + 1);
  if (kind == "constraint" || kind == "trigger" || kind == "policy") {
    return key.size() > relation_key.size() && key.compare(0, relation_key.size(), relation_key) == 0 &&
           key[relation_key.size()] == '.';
  }
  if (kind != "index") return false;
  auto it = std::lower_bound(from.indexes.begin(), from.indexes.end(), key,
                             [](const model::Index& i, std::string_view k) { return i.key() < k; });
  return it != from.indexes.end() && it->key() == key && it->table_key() == relation_key;
}

void DiffContext::emit(plan::Statement s) {
  if (!s.node.empty() && s.requires_nodes.empty() && s.releases_nodes.empty()) {
    if (s.action != plan::Action::drop) append(s.requires_nodes, to_graph.requires_of(s.node));
    if (s.action != plan::Action::create) append(s.releases_nodes, from_graph.requires_of(s.node));
  }
  // Dropping a relation drops its own indexes, constraints, triggers and policies with
  // it, so it also releases what they use: a function an index expression calls is
  // dropped after the table, not before.
  bool relation = s.node.rfind("table:", 0) == 0 || s.node.rfind("view:", 0) == 0;
  if (s.action == plan::Action::drop && relation) {
    std::string key = s.node.substr(s.node.find(':') + 1);
    for (const auto& d : from_graph.dependents_of(s.node)) {
      if (owned_by(d, key)) append(s.releases_nodes, from_graph.requires_of(d));
    }
  }
  statements_.push_back(std::move(s));
}

}  // namespace migra::diff
