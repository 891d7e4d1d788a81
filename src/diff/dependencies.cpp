#include "diff/dependencies.h"

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

// Asks the processor for the text an object's key is built from, some objects ahead of
// the one being read: the strings of a large model lie all over the heap, and waiting
// for them one at a time costs more than building the keys.
template <typename T>
void prefetch_key_text(const T& x) {
  __builtin_prefetch(x.name.data());
  if constexpr (requires { x.table; }) __builtin_prefetch(x.table.data());
  if constexpr (requires { x.identity_arguments; }) __builtin_prefetch(x.identity_arguments.data());
}

constexpr size_t kPrefetchAhead = 8;

}  // namespace

DependencyGraph::Id DependencyGraph::intern(std::string_view name) {
  auto next = static_cast<Id>(name_begin_.size() - 1);
  auto [id, fresh] = index_.find_or_insert(name, next, [this](Id n) { return this->name(n); });
  if (fresh) {
    text_ += name;
    name_begin_.push_back(static_cast<std::uint32_t>(text_.size()));
  }
  return id;
}

void DependencyGraph::set_key(std::string_view key, Id node) {
  auto next = static_cast<std::uint32_t>(keys_.size());
  auto [k, fresh] = by_key_.find_or_insert(key, next, [this](std::uint32_t i) { return key_text(i); });
  if (!fresh) {
    keys_[k].node = node;
    return;
  }
  // The key is a piece of text_ already (part of the node's name) or is added to it.
  std::string_view all(text_);
  std::uint32_t begin;
  if (key.data() >= all.data() && key.data() < all.data() + all.size()) {
    begin = static_cast<std::uint32_t>(key.data() - all.data());
  } else {
    begin = static_cast<std::uint32_t>(text_.size());
    text_ += key;
  }
  keys_.push_back({begin, static_cast<std::uint32_t>(key.size()), node});
}

DependencyGraph::DependencyGraph(const model::Model& m) {
  size_t objects = m.schemas.size() + m.extensions.size() + m.collations.size() +
                   m.enums.size() + m.domains.size() + m.composite_types.size() +
                   m.range_types.size() + m.sequences.size() + m.tables.size() +
                   m.constraints.size() + m.indexes.size() + m.views.size() + m.functions.size() +
                   m.triggers.size() + m.event_triggers.size() + m.policies.size();
  index_.reserve(objects);
  name_begin_.reserve(objects + 1);
  // Room for typical names ("constraint:" and a qualified key), so the text rarely moves.
  text_.reserve(objects * 64);

  // Every object first, so their numbers come before the names they merely depend on;
  // each list's numbers are kept in the list's order.
  std::string name;
  auto numbered = [&](const auto& list) -> const std::vector<Id>& {
    constexpr auto which = list_of<typename std::decay_t<decltype(list)>::value_type>;
    std::string_view kind = kind_name(which);
    list_data_[static_cast<size_t>(which)] = list.data();
    auto& ids = lists_[static_cast<size_t>(which)];
    ids.reserve(list.size());
    for (size_t i = 0; i < list.size(); ++i) {
      if (i + kPrefetchAhead < list.size()) prefetch_key_text(list[i + kPrefetchAhead]);
      name.assign(kind);
      name += ':';
      name += list[i].key();
      ids.push_back(intern(name));
    }
    return ids;
  };
  const auto& schema_ids = numbered(m.schemas);
  const auto& extension_ids = numbered(m.extensions);
  const auto& collation_ids = numbered(m.collations);
  const auto& enum_ids = numbered(m.enums);
  const auto& domain_ids = numbered(m.domains);
  const auto& composite_ids = numbered(m.composite_types);
  const auto& range_ids = numbered(m.range_types);
  const auto& sequence_ids = numbered(m.sequences);
  const auto& table_ids = numbered(m.tables);
  const auto& constraint_ids = numbered(m.constraints);
  const auto& index_ids = numbered(m.indexes);
  const auto& view_ids = numbered(m.views);
  const auto& function_ids = numbered(m.functions);
  const auto& trigger_ids = numbered(m.triggers);
  const auto& event_trigger_ids = numbered(m.event_triggers);
  const auto& policy_ids = numbered(m.policies);
  objects_ = name_begin_.size() - 1;

  // Keys other objects use to point at relations, types and functions. Relations win
  // over types: a table's row type shares its name.
  by_key_.reserve(enum_ids.size() + domain_ids.size() + composite_ids.size() +
                  2 * range_ids.size() + index_ids.size() + sequence_ids.size() +
                  view_ids.size() + table_ids.size() + function_ids.size() +
                  collation_ids.size());
  auto key_part = [&](Id id) {
    std::string_view n = this->name(id);
    return n.substr(n.find(':') + 1);
  };
  auto keys = [&](const std::vector<Id>& ids) {
    for (Id id : ids) set_key(key_part(id), id);
  };
  keys(enum_ids);
  keys(domain_ids);
  keys(composite_ids);
  for (size_t i = 0; i < m.range_types.size(); ++i) {
    set_key(key_part(range_ids[i]), range_ids[i]);
    // A multirange comes and goes with its range.
    if (const auto& multirange = m.range_types[i].multirange) set_key(*multirange, range_ids[i]);
  }
  keys(index_ids);
  keys(sequence_ids);
  keys(view_ids);
  keys(table_ids);
  keys(function_ids);
  keys(collation_ids);
  // Tables by key, for the constraints (by_key_ may name a type or collation instead):
  // number i is table_ids[i].
  tables_.reserve(table_ids.size());
  for (std::uint32_t i = 0; i < table_ids.size(); ++i) {
    auto key = key_part(table_ids[i]);
    tables_.find_or_insert(key, i, [&](std::uint32_t t) { return key_part(table_ids[t]); });
  }
  auto find_table = [&](std::string_view key) {
    auto i = table_position(key);
    return i == kNone ? kNone : table_ids[i];
  };

  // Edges: each object's list replaces any earlier one of the same name.
  std::vector<Range> requires_by_node(objects_);
  std::vector<Id> d;
  auto ref = [&](std::string_view key) {
    auto k = by_key_.find(key, [this](std::uint32_t i) { return key_text(i); });
    if (k != NameTable::kNone) d.push_back(keys_[k].node);
  };
  // Lists are sorted by key, so objects of one schema mostly come together.
  std::unordered_map<std::string_view, Id> schemas;
  const std::string* last_schema = nullptr;
  Id last_schema_node = kNone;
  auto schema = [&](const std::string& s) {
    if (!last_schema || *last_schema != s) {
      auto [it, fresh] = schemas.try_emplace(s, kNone);
      if (fresh) it->second = intern(node_id("schema", model::quote_ident(s)));
      last_schema = &s;
      last_schema_node = it->second;
    }
    d.push_back(last_schema_node);
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
    Id id = find_table(key);
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
      Id table = find_table(*x.references);
      if (table == kNone) table = find(node_id("table", *x.references));
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
  size_t nodes = name_begin_.size() - 1;
  dependents_begin_.assign(nodes + 1, 0);
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

std::uint32_t DependencyGraph::table_position(std::string_view key) const {
  const auto& ids = lists_[static_cast<size_t>(List::tables)];
  return tables_.find(key, [&](std::uint32_t t) {
    auto n = name(ids[t]);
    return n.substr(n.find(':') + 1);
  });
}

std::string_view DependencyGraph::resolve(std::string_view key) const {
  auto k = by_key_.find(key, [this](std::uint32_t i) { return key_text(i); });
  return k == NameTable::kNone ? std::string_view() : name(keys_[k].node);
}

DependencyGraph::Nodes DependencyGraph::requires_of(Id node) const {
  if (node >= requires_.size()) return {this, {}};
  const auto& r = requires_[node];
  return {this, std::span<const Id>(edges_.data() + r.begin, r.size)};
}

DependencyGraph::Nodes DependencyGraph::dependents_of(Id node) const {
  if (node >= name_begin_.size() - 1) return {this, {}};
  return {this, std::span<const Id>(dependents_.data() + dependents_begin_[node],
                                    dependents_begin_[node + 1] - dependents_begin_[node])};
}

}  // namespace migra::diff
