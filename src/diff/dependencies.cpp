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

namespace {

std::uint64_t hash_of(std::string_view name) { return XXH3_64bits(name.data(), name.size()); }

}  // namespace

void NameTable::reserve(size_t expected) {
  size_t want = 16;
  while (want < expected * 2) want *= 2;
  if (want <= slots_.size()) return;
  auto old = std::move(slots_);
  slots_.assign(want, Slot{});
  for (const auto& s : old) {
    if (s.value != kNone) place(s);
  }
}

void NameTable::place(const Slot& slot) {
  size_t mask = slots_.size() - 1;
  for (size_t i = slot.hash & mask;; i = (i + 1) & mask) {
    if (slots_[i].value == kNone) {
      slots_[i] = slot;
      return;
    }
  }
}

std::uint32_t NameTable::find(std::string_view name) const {
  if (slots_.empty()) return kNone;
  auto hash = static_cast<std::uint32_t>(hash_of(name));
  size_t mask = slots_.size() - 1;
  for (size_t i = hash & mask;; i = (i + 1) & mask) {
    const auto& s = slots_[i];
    if (s.value == kNone) return kNone;
    if (s.hash == hash && std::string_view(s.data, s.size) == name) return s.value;
  }
}

void NameTable::set(std::string_view name, std::uint32_t value) {
  // At most half full: probes stay short.
  if ((used_ + 1) * 2 > slots_.size()) reserve(used_ + 1 < 8 ? 8 : (used_ + 1) * 2);
  auto hash = static_cast<std::uint32_t>(hash_of(name));
  size_t mask = slots_.size() - 1;
  for (size_t i = hash & mask;; i = (i + 1) & mask) {
    auto& s = slots_[i];
    if (s.value == kNone) {
      s = {name.data(), static_cast<std::uint32_t>(name.size()), hash, value};
      ++used_;
      return;
    }
    if (s.hash == hash && std::string_view(s.data, s.size) == name) {
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
  // Every object first, so their numbers come before the names they merely depend on;
  // each list's numbers are kept in the list's order.
  auto numbered = [&](const char* kind, const auto& list) {
    std::vector<Id> ids;
    ids.reserve(list.size());
    for (const auto& x : list) ids.push_back(intern(node_id(kind, x.key())));
    return ids;
  };
  auto schema_ids = numbered("schema", m.schemas);
  auto extension_ids = numbered("extension", m.extensions);
  auto collation_ids = numbered("collation", m.collations);
  auto enum_ids = numbered("type", m.enums);
  auto domain_ids = numbered("type", m.domains);
  auto composite_ids = numbered("type", m.composite_types);
  auto range_ids = numbered("type", m.range_types);
  auto sequence_ids = numbered("sequence", m.sequences);
  auto table_ids = numbered("table", m.tables);
  auto constraint_ids = numbered("constraint", m.constraints);
  auto index_ids = numbered("index", m.indexes);
  auto view_ids = numbered("view", m.views);
  auto function_ids = numbered("function", m.functions);
  auto trigger_ids = numbered("trigger", m.triggers);
  auto event_trigger_ids = numbered("event_trigger", m.event_triggers);
  auto policy_ids = numbered("policy", m.policies);
  objects_ = names_.size();

  // Keys other objects use to point at relations, types and functions. Relations win
  // over types: a table's row type shares its name.
  auto key_part = [&](Id id) {
    std::string_view name = names_[id];
    return name.substr(name.find(':') + 1);
  };
  auto keys = [&](const std::vector<Id>& ids) {
    for (Id id : ids) by_key_.set(key_part(id), id);
  };
  keys(enum_ids);
  keys(domain_ids);
  keys(composite_ids);
  for (size_t i = 0; i < m.range_types.size(); ++i) {
    by_key_.set(key_part(range_ids[i]), range_ids[i]);
    // A multirange comes and goes with its range.
    if (const auto& multirange = m.range_types[i].multirange) {
      extra_keys_.push_back(*multirange);
      by_key_.set(extra_keys_.back(), range_ids[i]);
    }
  }
  keys(index_ids);
  keys(sequence_ids);
  keys(view_ids);
  keys(table_ids);
  keys(function_ids);
  keys(collation_ids);
  // Tables by key, for the constraints (by_key_ may name a type or collation instead).
  NameTable tables;
  tables.reserve(table_ids.size());
  for (Id id : table_ids) tables.set(key_part(id), id);

  // Edges: each object's list replaces any earlier one of the same name.
  std::vector<Range> requires_by_node(objects_);
  std::vector<Id> d;
  auto ref = [&](std::string_view key) {
    if (Id id = by_key_.find(key); id != kNone) d.push_back(id);
  };
  std::unordered_map<std::string_view, Id> schemas;
  auto schema = [&](const std::string& s) {
    auto [it, fresh] = schemas.try_emplace(s, kNone);
    if (fresh) it->second = intern(node_id("schema", model::quote_ident(s)));
    d.push_back(it->second);
  };
  auto add = [&](Id node) {
    std::sort(d.begin(), d.end());
    d.erase(std::unique(d.begin(), d.end()), d.end());
    d.erase(std::remove(d.begin(), d.end(), node), d.end());
    requires_by_node[node] = {static_cast<std::uint32_t>(edges_.size()),
                              static_cast<std::uint32_t>(d.size())};
    edges_.insert(edges_.end(), d.begin(), d.end());
    d.clear();
  };
  for (Id id : schema_ids) add(id);
  for (size_t i = 0; i < m.extensions.size(); ++i) {
    schema(m.extensions[i].schema);
    add(extension_ids[i]);
  }
  for (size_t i = 0; i < m.collations.size(); ++i) {
    schema(m.collations[i].schema);
    add(collation_ids[i]);
  }
  for (size_t i = 0; i < m.enums.size(); ++i) {
    schema(m.enums[i].schema);
    add(enum_ids[i]);
  }
  for (size_t i = 0; i < m.domains.size(); ++i) {
    const auto& x = m.domains[i];
    schema(x.schema);
    if (x.collation) ref(*x.collation);
    if (x.base_type_key) ref(*x.base_type_key);
    add(domain_ids[i]);
  }
  for (size_t i = 0; i < m.composite_types.size(); ++i) {
    const auto& x = m.composite_types[i];
    schema(x.schema);
    for (const auto& a : x.attributes) {
      if (a.collation) ref(*a.collation);
      if (a.type_key) ref(*a.type_key);
    }
    add(composite_ids[i]);
  }
  for (size_t i = 0; i < m.range_types.size(); ++i) {
    const auto& x = m.range_types[i];
    schema(x.schema);
    if (x.canonical) ref(*x.canonical);
    if (x.subtype_diff) ref(*x.subtype_diff);
    if (x.collation) ref(*x.collation);
    if (x.subtype_key) ref(*x.subtype_key);
    add(range_ids[i]);
  }
  for (size_t i = 0; i < m.sequences.size(); ++i) {
    schema(m.sequences[i].schema);
    add(sequence_ids[i]);
  }
  for (size_t i = 0; i < m.tables.size(); ++i) {
    const auto& x = m.tables[i];
    schema(x.schema);
    if (x.partition_of) ref(*x.partition_of);
    for (const auto& p : x.inherits) ref(p);
    for (const auto& c : x.columns) {
      if (c.type_key) ref(*c.type_key);
      if (c.collation) ref(*c.collation);
      for (const auto& k : c.depends_on) ref(k);
    }
    add(table_ids[i]);
  }
  // The node of a table: a mere name when the model lacks the table.
  auto table_node = [&](const std::string& key) {
    Id id = tables.find(key);
    return id != kNone ? id : intern(node_id("table", key));
  };
  std::vector<Id> constraint_tables;
  constraint_tables.reserve(m.constraints.size());
  for (const auto& c : m.constraints) constraint_tables.push_back(table_node(c.table_key()));
  // A foreign key needs the referenced table's unique keys, whichever one it uses:
  // (table, key) pairs, sorted by table.
  std::vector<std::pair<Id, Id>> unique_keys;
  for (size_t i = 0; i < m.constraints.size(); ++i) {
    const auto& c = m.constraints[i];
    if (c.type == "primary key" || c.type == "unique") {
      unique_keys.emplace_back(constraint_tables[i], constraint_ids[i]);
    }
  }
  for (size_t i = 0; i < m.indexes.size(); ++i) {
    const auto& x = m.indexes[i];
    if (x.unique && !x.constraint) unique_keys.emplace_back(table_node(x.table_key()), index_ids[i]);
  }
  std::sort(unique_keys.begin(), unique_keys.end());
  for (size_t i = 0; i < m.constraints.size(); ++i) {
    const auto& x = m.constraints[i];
    d.push_back(constraint_tables[i]);
    for (const auto& k : x.depends_on) ref(k);
    if (x.references) {
      ref(*x.references);
      Id table = tables.find(*x.references);
      if (table == kNone) table = index_.find(node_id("table", *x.references));
      if (table != kNone) {
        auto lo = std::lower_bound(unique_keys.begin(), unique_keys.end(), std::pair(table, Id{0}));
        for (; lo != unique_keys.end() && lo->first == table; ++lo) d.push_back(lo->second);
      }
    }
    add(constraint_ids[i]);
  }
  for (size_t i = 0; i < m.indexes.size(); ++i) {
    const auto& x = m.indexes[i];
    ref(x.table_key());
    if (x.parent) ref(*x.parent);
    for (const auto& k : x.depends_on) ref(k);
    add(index_ids[i]);
  }
  for (size_t i = 0; i < m.views.size(); ++i) {
    const auto& x = m.views[i];
    schema(x.schema);
    for (const auto& k : x.depends_on) ref(k);
    add(view_ids[i]);
  }
  // A range's canonical function takes the range, which is made as a shell type first: the
  // range needs the function, not the other way round.
  std::unordered_map<std::string, std::string> canonical_of;
  for (const auto& x : m.range_types) {
    if (x.canonical) canonical_of[*x.canonical] = x.key();
  }
  for (size_t i = 0; i < m.functions.size(); ++i) {
    const auto& x = m.functions[i];
    schema(x.schema);
    auto range = canonical_of.empty() ? canonical_of.end() : canonical_of.find(x.key());
    for (const auto& k : x.depends_on) {
      if (range == canonical_of.end() || k != range->second) ref(k);
    }
    add(function_ids[i]);
  }
  for (size_t i = 0; i < m.triggers.size(); ++i) {
    ref(m.triggers[i].table_key());
    ref(m.triggers[i].function);
    add(trigger_ids[i]);
  }
  for (size_t i = 0; i < m.event_triggers.size(); ++i) {
    ref(m.event_triggers[i].function);
    add(event_trigger_ids[i]);
  }
  for (size_t i = 0; i < m.policies.size(); ++i) {
    const auto& x = m.policies[i];
    ref(x.table_key());
    for (const auto& k : x.depends_on) ref(k);
    add(policy_ids[i]);
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
