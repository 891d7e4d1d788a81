#include "plan/order.h"

#include <algorithm>
#include <queue>
#include <set>
#include <unordered_map>

namespace migra::plan {

std::vector<Statement> order_statements(std::vector<Statement> statements) {
  const size_t n = statements.size();
  std::unordered_map<std::string, std::vector<size_t>> makers, droppers;
  for (size_t i = 0; i < n; ++i) {
    const auto& s = statements[i];
    if (s.node.empty()) continue;
    (s.action == Action::drop ? droppers : makers)[s.node].push_back(i);
  }
  std::vector<std::set<size_t>> next(n);
  std::vector<size_t> indegree(n, 0);
  auto edge = [&](size_t from, size_t to) {
    if (from != to && next[from].insert(to).second) ++indegree[to];
  };
  // Statements that touch a node and require it themselves (grants, comments, owners)
  // need it to exist, not each other: waiting on one another would be a cycle, which
  // releases unrelated statements early. Among themselves phase and emission order rule.
  auto self_requiring = [&](size_t i, const std::string& node) {
    const auto& s = statements[i];
    return s.node == node &&
           std::find(s.requires_nodes.begin(), s.requires_nodes.end(), node) != s.requires_nodes.end();
  };
  for (size_t i = 0; i < n; ++i) {
    const auto& s = statements[i];
    for (const auto& r : s.requires_nodes) {
      if (auto it = makers.find(r); it != makers.end()) {
        bool self = self_requiring(i, r);
        for (size_t m : it->second) {
          if (!(self && self_requiring(m, r))) edge(m, i);
        }
      }
    }
    for (const auto& r : s.releases_nodes) {
      if (auto it = droppers.find(r); it != droppers.end()) {
        for (size_t d : it->second) edge(i, d);
      }
      // A drop goes before anything changes what it used: a view reading a column is
      // dropped before the column's type changes.
      if (s.action == Action::drop) {
        if (auto it = makers.find(r); it != makers.end()) {
          for (size_t m : it->second) edge(i, m);
        }
      }
    }
    for (const auto& p : s.precedes_nodes) {
      for (auto* index : {&makers, &droppers}) {
        if (auto it = index->find(p); it != index->end()) {
          for (size_t m : it->second) edge(i, m);
        }
      }
    }
    if (s.action == Action::drop) {
      if (auto it = makers.find(s.node); it != makers.end()) {
        for (size_t m : it->second) edge(i, m);
      }
    }
  }
  // Ready statements, smallest (phase, generation index) first.
  auto rank = [&](size_t i) { return std::make_pair(static_cast<int>(statements[i].phase), i); };
  std::set<std::pair<int, size_t>> ready, waiting;
  for (size_t i = 0; i < n; ++i) (indegree[i] == 0 ? ready : waiting).insert(rank(i));
  std::vector<Statement> out;
  out.reserve(n);
  while (out.size() < n) {
    if (ready.empty()) {
      // A cycle: release the earliest waiting statement.
      auto first = *waiting.begin();
      waiting.erase(waiting.begin());
      indegree[first.second] = 0;
      ready.insert(first);
    }
    auto [phase, i] = *ready.begin();
    ready.erase(ready.begin());
    out.push_back(std::move(statements[i]));
    for (size_t j : next[i]) {
      if (indegree[j] > 0 && --indegree[j] == 0) {
        waiting.erase(rank(j));
        ready.insert(rank(j));
      }
    }
  }
  return out;
}

}  // namespace migra::plan
