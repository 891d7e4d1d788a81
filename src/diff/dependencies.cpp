#include "diff/dependencies.h"

#include <algorithm>

namespace migra::diff {

std::string node_id(const char* kind, const std::string& key) { return std::string(kind) + ":" + key; }

DependencyGraph::DependencyGraph(const model::Model& m) {
  // Keys other objects use to point at relations, types and functions. Relations win
  // over types: a table's row type shares its name.
  for (const auto& x : m.enums) by_key_[x.key()] = node_id("type", x.key());
  for (const auto& x : m.domains) by_key_[x.key()] = node_id("type", x.key());
  for (const auto& x : m.composite_types) by_key_[x.key()] = node_id("type", x.key());
  for (const auto& x : m.range_types) {
    by_key_[x.key()] = node_id("type", x.key());
    // A multirange comes and goes with its range.
    if (x.multirange) by_key_[*x.multirange] = node_id("type", x.key());
  }
  for (const auto& x : m.indexes) by_key_[x.key()] = node_id("index", x.key());
  for (const auto& x : m.sequences) by_key_[x.key()] = node_id("sequence", x.key());
  for (const auto& x : m.views) by_key_[x.key()] = node_id("view", x.key());
  for (const auto& x : m.tables) by_key_[x.key()] = node_id("table", x.key());
  for (const auto& x : m.functions) by_key_[x.key()] = node_id("function", x.key());
  for (const auto& x : m.collations) by_key_[x.key()] = node_id("collation", x.key());

  auto schema = [](const std::string& s) { return node_id("schema", model::quote_ident(s)); };
  for (const auto& x : m.schemas) add(node_id("schema", x.key()), {});
  for (const auto& x : m.extensions) add(node_id("extension", x.key()), {schema(x.schema)});
  for (const auto& x : m.collations) add(node_id("collation", x.key()), {schema(x.schema)});
  for (const auto& x : m.enums) add(node_id("type", x.key()), {schema(x.schema)});
  for (const auto& x : m.domains) {
    std::vector<std::string> d{schema(x.schema)};
    if (x.collation) add_ref(d, *x.collation);
    if (x.base_type_key) add_ref(d, *x.base_type_key);
    add(node_id("type", x.key()), d);
  }
  for (const auto& x : m.composite_types) {
    std::vector<std::string> d{schema(x.schema)};
    for (const auto& a : x.attributes) {
      if (a.collation) add_ref(d, *a.collation);
      if (a.type_key) add_ref(d, *a.type_key);
    }
    add(node_id("type", x.key()), d);
  }
  for (const auto& x : m.range_types) {
    std::vector<std::string> d{schema(x.schema)};
    if (x.canonical) add_ref(d, *x.canonical);
    if (x.subtype_diff) add_ref(d, *x.subtype_diff);
    if (x.collation) add_ref(d, *x.collation);
    if (x.subtype_key) add_ref(d, *x.subtype_key);
    add(node_id("type", x.key()), d);
  }
  for (const auto& x : m.sequences) add(node_id("sequence", x.key()), {schema(x.schema)});
  for (const auto& x : m.tables) {
    std::vector<std::string> d{schema(x.schema)};
    if (x.partition_of) add_ref(d, *x.partition_of);
    for (const auto& p : x.inherits) add_ref(d, p);
    for (const auto& c : x.columns) {
      if (c.type_key) add_ref(d, *c.type_key);
      if (c.collation) add_ref(d, *c.collation);
      for (const auto& k : c.depends_on) add_ref(d, k);
    }
    add(node_id("table", x.key()), d);
  }
  // A foreign key needs the referenced table's unique keys, whichever one it uses.
  std::unordered_map<std::string, std::vector<std::string>> unique_keys;
  for (const auto& c : m.constraints) {
    if (c.type == "primary key" || c.type == "unique") {
      unique_keys[c.table_key()].push_back(node_id("constraint", c.key()));
    }
  }
  for (const auto& i : m.indexes) {
    if (i.unique && !i.constraint) unique_keys[i.table_key()].push_back(node_id("index", i.key()));
  }
  for (const auto& x : m.constraints) {
    std::vector<std::string> d{node_id("table", x.table_key())};
    for (const auto& k : x.depends_on) add_ref(d, k);
    if (x.references) {
      add_ref(d, *x.references);
      if (auto it = unique_keys.find(*x.references); it != unique_keys.end()) {
        d.insert(d.end(), it->second.begin(), it->second.end());
      }
    }
    for (const auto& k : x.depends_on) add_ref(d, k);
    add(node_id("constraint", x.key()), d);
  }
  for (const auto& x : m.indexes) {
    std::vector<std::string> d;
    add_ref(d, x.table_key());
    if (x.parent) add_ref(d, *x.parent);
    for (const auto& k : x.depends_on) add_ref(d, k);
    add(node_id("index", x.key()), d);
  }
  for (const auto& x : m.views) {
    std::vector<std::string> d{schema(x.schema)};
    for (const auto& k : x.depends_on) add_ref(d, k);
    add(node_id("view", x.key()), d);
  }
  // A range's canonical function takes the range, which is made as a shell type first: the
  // range needs the function, not the other way round.
  std::unordered_map<std::string, std::string> canonical_of;
  for (const auto& x : m.range_types) {
    if (x.canonical) canonical_of[*x.canonical] = x.key();
  }
  for (const auto& x : m.functions) {
    std::vector<std::string> d{schema(x.schema)};
    auto range = canonical_of.find(x.key());
    for (const auto& k : x.depends_on) {
      if (range == canonical_of.end() || k != range->second) add_ref(d, k);
    }
    add(node_id("function", x.key()), d);
  }
  for (const auto& x : m.triggers) {
    std::vector<std::string> d;
    add_ref(d, x.table_key());
    add_ref(d, x.function);
    add(node_id("trigger", x.key()), d);
  }
  for (const auto& x : m.event_triggers) {
    std::vector<std::string> d;
    add_ref(d, x.function);
    add(node_id("event_trigger", x.key()), d);
  }
  for (const auto& x : m.policies) {
    std::vector<std::string> d;
    add_ref(d, x.table_key());
    for (const auto& k : x.depends_on) add_ref(d, k);
    add(node_id("policy", x.key()), d);
  }
  for (auto& [node, deps] : deps_) {
    for (const auto& d : deps) dependents_[d].push_back(node);
  }
  for (auto& [node, list] : dependents_) std::sort(list.begin(), list.end());
}

void DependencyGraph::add(const std::string& node, std::vector<std::string> deps) {
  std::sort(deps.begin(), deps.end());
  deps.erase(std::unique(deps.begin(), deps.end()), deps.end());
  deps.erase(std::remove(deps.begin(), deps.end(), node), deps.end());
  deps_[node] = std::move(deps);
}

void DependencyGraph::add_ref(std::vector<std::string>& deps, const std::string& key) const {
  if (auto n = resolve(key); !n.empty()) deps.push_back(n);
}

std::string DependencyGraph::resolve(const std::string& key) const {
  auto it = by_key_.find(key);
  return it == by_key_.end() ? std::string() : it->second;
}

std::vector<std::string> DependencyGraph::nodes() const {
  std::vector<std::string> out;
  out.reserve(deps_.size());
  for (const auto& [node, deps] : deps_) out.push_back(node);
  std::sort(out.begin(), out.end());
  return out;
}

const std::vector<std::string>& DependencyGraph::requires_of(const std::string& node) const {
  static const std::vector<std::string> none;
  auto it = deps_.find(node);
  return it == deps_.end() ? none : it->second;
}

const std::vector<std::string>& DependencyGraph::dependents_of(const std::string& node) const {
  static const std::vector<std::string> none;
  auto it = dependents_.find(node);
  return it == dependents_.end() ? none : it->second;
}

}  // namespace migra::diff
