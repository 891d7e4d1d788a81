#include "plan/order.h"

#include <algorithm>
#include <cstdint>
#include <functional>
#include <queue>
#include <string_view>
#include <utility>

#include "util/name_table.h"

namespace migra::plan {
namespace {

using Index = std::uint32_t;

// Statement numbers grouped by a key number: group g is items[begin[g], begin[g + 1]).
struct Groups {
  std::vector<Index> begin, items;
  [[nodiscard]] std::pair<const Index*, const Index*> of(Index group) const {
    if (group == NameTable::kNone || group + 1 >= begin.size()) return {nullptr, nullptr};
    return {items.data() + begin[group], items.data() + begin[group + 1]};
  }
};

// (key, statement) pairs, in statement order within each key.
Groups group(const std::vector<std::pair<Index, Index>>& pairs, size_t keys) {
  Groups g;
  g.begin.assign(keys + 1, 0);
  for (const auto& [key, s] : pairs) ++g.begin[key + 1];
  for (size_t k = 1; k <= keys; ++k) g.begin[k] += g.begin[k - 1];
  g.items.resize(pairs.size());
  std::vector<Index> fill(g.begin.begin(), g.begin.end() - 1);
  for (const auto& [key, s] : pairs) g.items[fill[key]++] = s;
  return g;
}

}  // namespace

std::vector<Statement> order_statements(std::vector<Statement> statements) {
  const auto n = static_cast<Index>(statements.size());
  // Node names to numbers; the names stay in the statements until they are moved out.
  NameTable nodes;
  std::vector<std::string_view> names;
  auto text = [&](Index k) { return names[k]; };
  auto number = [&](std::string_view node) {
    auto [k, fresh] = nodes.find_or_insert(node, static_cast<Index>(names.size()), text);
    if (fresh) names.push_back(node);
    return k;
  };
  auto find = [&](std::string_view node) { return nodes.find(node, text); };
  std::vector<std::pair<Index, Index>> made, dropped;  // (node, statement)
  for (Index i = 0; i < n; ++i) {
    const auto& s = statements[i];
    if (s.node.empty()) continue;
    (s.action == Action::drop ? dropped : made).emplace_back(number(s.node), i);
  }
  const auto makers = group(made, names.size()), droppers = group(dropped, names.size());

  // Edges (before, after), duplicates removed below.
  std::vector<std::pair<Index, Index>> edges;
  auto edge = [&](Index from, Index to) {
    if (from != to) edges.emplace_back(from, to);
  };
  // Statements that touch a node and require it themselves (grants, comments, owners)
  // need it to exist, not each other: waiting on one another would be a cycle, which
  // releases unrelated statements early. Among themselves phase and emission order rule.
  auto self_requiring = [&](Index i, std::string_view node) {
    const auto& s = statements[i];
    return s.node == node &&
           std::find(s.requires_nodes.begin(), s.requires_nodes.end(), node) != s.requires_nodes.end();
  };
  for (Index i = 0; i < n; ++i) {
    const auto& s = statements[i];
    for (const auto& r : s.requires_nodes) {
      auto [first, last] = makers.of(find(r));
      if (first == last) continue;
      bool self = self_requiring(i, r);
      for (const auto* m = first; m != last; ++m) {
        if (!(self && self_requiring(*m, r))) edge(*m, i);
      }
    }
    for (const auto& r : s.releases_nodes) {
      Index node = find(r);
      for (auto [d, last] = droppers.of(node); d != last; ++d) edge(i, *d);
      // A drop goes before anything changes what it used: a view reading a column is
      // dropped before the column's type changes.
      if (s.action == Action::drop) {
        for (auto [m, last] = makers.of(node); m != last; ++m) edge(i, *m);
      }
    }
    for (const auto& p : s.precedes_nodes) {
      Index node = find(p);
      for (const auto* index : {&makers, &droppers}) {
        for (auto [m, last] = index->of(node); m != last; ++m) edge(i, *m);
      }
    }
    if (s.action == Action::drop && !s.node.empty()) {
      for (auto [m, last] = makers.of(find(s.node)); m != last; ++m) edge(i, *m);
    }
  }
  // Successors of each statement, each once; a statement's count of distinct
  // predecessors is what it waits for.
  std::vector<Index> next_begin(n + 1, 0);
  for (const auto& [from, to] : edges) ++next_begin[from + 1];
  for (Index i = 1; i <= n; ++i) next_begin[i] += next_begin[i - 1];
  std::vector<Index> next(edges.size());
  {
    std::vector<Index> fill(next_begin.begin(), next_begin.end() - 1);
    for (const auto& [from, to] : edges) next[fill[from]++] = to;
  }
  edges.clear();
  edges.shrink_to_fit();
  std::vector<Index> indegree(n, 0);
  {
    // Sort and deduplicate each statement's successors in place, compacting the list.
    Index out = 0;
    for (Index i = 0; i < n; ++i) {
      auto first = next.begin() + next_begin[i], last = next.begin() + next_begin[i + 1];
      std::sort(first, last);
      last = std::unique(first, last);
      next_begin[i] = out;
      for (auto it = first; it != last; ++it) {
        ++indegree[*it];
        next[out++] = *it;
      }
    }
    next_begin[n] = out;
  }

  // Ready statements, smallest (phase, generation index) first. A cycle releases the
  // earliest waiting statement by that same order: statements in rank order, and a
  // cursor past those already released.
  using Rank = std::pair<int, Index>;
  auto rank = [&](Index i) { return Rank(static_cast<int>(statements[i].phase), i); };
  std::priority_queue<Rank, std::vector<Rank>, std::greater<>> ready;
  std::vector<Index> by_rank(n);
  for (Index i = 0; i < n; ++i) by_rank[i] = i;
  std::stable_sort(by_rank.begin(), by_rank.end(), [&](Index a, Index b) {
    return statements[a].phase < statements[b].phase;
  });
  std::vector<bool> released(n, false);
  for (Index i = 0; i < n; ++i) {
    if (indegree[i] == 0) {
      released[i] = true;
      ready.push(rank(i));
    }
  }
  size_t cursor = 0;
  std::vector<Statement> out;
  out.reserve(n);
  while (out.size() < n) {
    if (ready.empty()) {
      // A cycle: release the earliest waiting statement.
      while (released[by_rank[cursor]]) ++cursor;
      Index first = by_rank[cursor];
      released[first] = true;
      indegree[first] = 0;
      ready.push(rank(first));
    }
    Index i = ready.top().second;
    ready.pop();
    out.push_back(std::move(statements[i]));
    for (Index e = next_begin[i]; e < next_begin[i + 1]; ++e) {
      Index j = next[e];
      if (indegree[j] > 0 && --indegree[j] == 0) {
        released[j] = true;
        ready.push(rank(j));
      }
    }
  }
  return out;
}

}  // namespace migra::plan
