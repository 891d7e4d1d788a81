#include "diff/dependencies.h"

#include <xxhash.h>

#include <algorithm>
#include <unordered_map>

namespace migra::diff {

std::string node_id(std::string_view kind, std::string_view key) {
  std::string out;
  out.reserve(kind.size() + 1 + key.size());
  out += kind;
  out += ':';
  out += key;
  return out;
}

void NameTable::reserve(size_t expected) {
  size_t want = 16;
  while (want < expected * 2) want *= 2;
  if (want <= slots_.size()) return;
  auto old = std::move(slots_);
  slots_.assign(want, Slot{});
  used_ = 0;
  for (const auto& s : old) {
    if (s.value != kNone) set(s.name, s.value);
  }
}

void NameTable::grow() { reserve(slots_.empty() ? 8 : slots_.size()); }

std::uint32_t NameTable::find(std::string_view name) const {
  if (slots_.empty()) return kNone;
  size_t mask = slots_.size() - 1;
  for (size_t i = XXH3_64bits(name.data(), name.size()) & mask;; i = (i + 1) & mask) {
    const auto& s = slots_[i];
    if (s.value == kNone) return kNone;
    if (s.name == name) return s.value;
  }
}

void NameTable::set(std::string_view name, std::uint32_t value) {
  // At most half full: probes stay short.
  if ((used_ + 1) * 2 > slots_.size()) grow();
  size_t mask = slots_.size() - 1;
  for (size_t i = XXH3_64bits(name.data(), name.size()) & mask;; i = (i + 1) & mask) {
    auto& s = slots_[i];
    if (s.value == kNone) {
      s = {name, value};
      ++used_;
      return;
    }
    if (s.name == name) {
      s.value = value;
      return;
    }
  }
}

DependencyGraph::DependencyGraph(const model::Model& m) {
  size_t objects = m.schemas.size() + m.extensions.size() + m.collations.size() +
                   m.enums.size() + m.domains.size() + m.composite_types.size() +
                   m.range_types.size() + m.sequences.size() + m.tables.size() +
                   m.constraints.size() + m.indexes.size() + m.views.size() + m.functions.size() +
                   m.triggers.size() + m.event_triggers.size() + m.policies.size();
  index_.reserve(objects);
  by_key_.reserve(objects);

  // Numbers for names; a name seen again keeps its number.
  auto intern = [&](std::string name) {
    if (Id id = index_.find(name); id != kNone) return id;
    names_.push_back(std::move(name));
    Id id = static_cast<Id>(names_.size() - 1);
    index_.set(names_.back(), id);
    return id;
  };
  // Every object first, so their numbers come before the names they merely depend on.
  auto object = [&](const char* kind, const auto& list) {
    for (const auto& x : list) intern(node_id(kind, x.key()));
  };
  object("schema", m.schemas);
  object("extension", m.extensions);
  object("collation", m.collations);
  object("type", m.enums);
  object("type", m.domains);
  object("type", m.composite_types);
  object("type", m.range_types);
  object("sequence", m.sequences);
  object("table", m.tables);
  object("constraint", m.constraints);
  object("index", m.indexes);
  object("view", m.views);
  object("function", m.functions);
  object("trigger", m.triggers);
  object("event_trigger", m.event_triggers);
  object("policy", m.policies);
  objects_ = names_.size();

  // Keys other objects use to point at relations, types and functions. Relations win
  // over types: a table's row type shares its name.
  auto key_of = [&](const char* kind, const std::string& key) {
    Id id = index_.find(node_id(kind, key));
    // The key as part of the node's own name, which stays put.
    by_key_.set(std::string_view(names_[id]).substr(std::string_view(kind).size() + 1), id);
    return id;
  };
  auto keys = [&](const char* kind, const auto& list) {
    for (const auto& x : list) key_of(kind, x.key());
  };
  keys("type", m.enums);
  keys("type", m.domains);
  keys("type", m.composite_types);
  for (const auto& x : m.range_types) {
    Id id = key_of("type", x.key());
    // A multirange comes and goes with its range.
    if (x.multirange) {
      extra_keys_.push_back(*x.multirange);
      by_key_.set(extra_keys_.back(), id);
    }
  }
  keys("index", m.indexes);
  keys("sequence", m.sequences);
  keys("view", m.views);
  keys("table", m.tables);
  keys("function", m.functions);
  keys("collation", m.collations);

  // Edges: each object's list replaces any earlier one of the same name.
  std::vector<Range> requires_by_node(objects_);
  std::vector<Id> d;
  auto ref = [&](const std::string& key) {
    if (Id id = by_key_.find(key); id != kNone) d.push_back(id);
  };
  std::unordered_map<std::string_view, Id> schema_ids;
  auto schema = [&](const std::string& s) {
    auto [it, fresh] = schema_ids.try_emplace(s, kNone);
    if (fresh) it->second = intern(node_id("schema", model::quote_ident(s)));
    d.push_back(it->second);
  };
  auto add = [&](const char* kind, const std::string& key) {
    Id node = index_.find(node_id(kind, key));
    std::sort(d.begin(), d.end());
    d.erase(std::unique(d.begin(), d.end()), d.end());
    d.erase(std::remove(d.begin(), d.end(), node), d.end());
    requires_by_node[node] = {static_cast<std::uint32_t>(edges_.size()),
                              static_cast<std::uint32_t>(d.size())};
    edges_.insert(edges_.end(), d.begin(), d.end());
    d.clear();
  };
  for (const auto& x : m.schemas) add("schema", x.key());
  for (const auto& x : m.extensions) {
    schema(x.schema);
    add("extension", x.key());
  }
  for (const auto& x : m.collations) {
    schema(x.schema);
    add("collation", x.key());
  }
  for (const auto& x : m.enums) {
    schema(x.schema);
    add("type", x.key());
  }
  for (const auto& x : m.domains) {
    schema(x.schema);
    if (x.collation) ref(*x.collation);
    if (x.base_type_key) ref(*x.base_type_key);
    add("type", x.key());
  }
  for (const auto& x : m.composite_types) {
    schema(x.schema);
    for (const auto& a : x.attributes) {
      if (a.collation) ref(*a.collation);
      if (a.type_key) ref(*a.type_key);
    }
    add("type", x.key());
  }
  for (const auto& x : m.range_types) {
    schema(x.schema);
    if (x.canonical) ref(*x.canonical);
    if (x.subtype_diff) ref(*x.subtype_diff);
    if (x.collation) ref(*x.collation);
    if (x.subtype_key) ref(*x.subtype_key);
    add("type", x.key());
  }
  for (const auto& x : m.sequences) {
    schema(x.schema);
    add("sequence", x.key());
  }
  for (const auto& x : m.tables) {
    schema(x.schema);
    if (x.partition_of) ref(*x.partition_of);
    for (const auto& p : x.inherits) ref(p);
    for (const auto& c : x.columns) {
      if (c.type_key) ref(*c.type_key);
      if (c.collation) ref(*c.collation);
      for (const auto& k : c.depends_on) ref(k);
    }
    add("table", x.key());
  }
  // A foreign key needs the referenced table's unique keys, whichever one it uses.
  std::unordered_map<std::string, std::vector<Id>> unique_keys;
  for (const auto& c : m.constraints) {
    if (c.type == "primary key" || c.type == "unique") {
      unique_keys[c.table_key()].push_back(index_.find(node_id("constraint", c.key())));
    }
  }
  for (const auto& i : m.indexes) {
    if (i.unique && !i.constraint) {
      unique_keys[i.table_key()].push_back(index_.find(node_id("index", i.key())));
    }
  }
  for (const auto& x : m.constraints) {
    d.push_back(intern(node_id("table", x.table_key())));
    for (const auto& k : x.depends_on) ref(k);
    if (x.references) {
      ref(*x.references);
      if (auto it = unique_keys.find(*x.references); it != unique_keys.end()) {
        d.insert(d.end(), it->second.begin(), it->second.end());
      }
    }
    add("constraint", x.key());
  }
  for (const auto& x : m.indexes) {
    ref(x.table_key());
    if (x.parent) ref(*x.parent);
    for (const auto& k : x.depends_on) ref(k);
    add("index", x.key());
  }
  for (const auto& x : m.views) {
    schema(x.schema);
    for (const auto& k : x.depends_on) ref(k);
    add("view", x.key());
  }
  // A range's canonical function takes the range, which is made as a shell type first: the
  // range needs the function, not the other way round.
  std::unordered_map<std::string, std::string> canonical_of;
  for (const auto& x : m.range_types) {
    if (x.canonical) canonical_of[*x.canonical] = x.key();
  }
  for (const auto& x : m.functions) {
    schema(x.schema);
    auto range = canonical_of.find(x.key());
    for (const auto& k : x.depends_on) {
      if (range == canonical_of.end() || k != range->second) ref(k);
    }
    add("function", x.key());
  }
  for (const auto& x : m.triggers) {
    ref(x.table_key());
    ref(x.function);
    add("trigger", x.key());
  }
  for (const auto& x : m.event_triggers) {
    ref(x.function);
    add("event_trigger", x.key());
  }
  for (const auto& x : m.policies) {
    ref(x.table_key());
    for (const auto& k : x.depends_on) ref(k);
    add("policy", x.key());
  }
  requires_ = std::move(requires_by_node);

  // The reverse, by counting: each list comes out in node order.
  dependents_begin_.assign(names_.size() + 1, 0);
  for (const auto& r : requires_) {
    for (std::uint32_t e = r.begin; e < r.begin + r.size; ++e) ++dependents_begin_[edges_[e] + 1];
  }
  for (size_t i = 1; i < dependents_begin_.size(); ++i) {
    dependents_begin_[i] += dependents_begin_[i - 1];
  }
  dependents_.resize(dependents_begin_.back());
  std::vector<std::uint32_t> fill(dependents_begin_.begin(), dependents_begin_.end() - 1);
  for (Id node = 0; node < requires_.size(); ++node) {
    const auto& r = requires_[node];
    for (std::uint32_t e = r.begin; e < r.begin + r.size; ++e) dependents_[fill[edges_[e]]++] = node;
  }
}

const std::string& DependencyGraph::resolve(std::string_view key) const {
  static const std::string none;
  Id id = by_key_.find(key);
  return id == kNone ? none : names_[id];
}

DependencyGraph::Nodes DependencyGraph::requires_of(Id node) const {
  if (node >= requires_.size()) return {this, {}};
  const auto& r = requires_[node];
  return {this, std::span<const Id>(edges_.data() + r.begin, r.size)};
}

DependencyGraph::Nodes DependencyGraph::dependents_of(Id node) const {
  if (node >= names_.size()) return {this, {}};
  return {this, std::span<const Id>(dependents_.data() + dependents_begin_[node],
                                    dependents_begin_[node + 1] - dependents_begin_[node])};
}

}  // namespace migra::diff
