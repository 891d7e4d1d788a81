// The B side: about PCT % of the objects changed the way schemas change between releases.
// Every change keeps the set loadable in file-name order: only ordinary columns (never
// ones that views, functions, keys or defaults read) are dropped or retyped, and only
// tables nothing references are dropped.
#include <algorithm>

#include "schema_generator_parts.h"

namespace migra::bench {
namespace {

template <class T>
T& pick(std::vector<T>& v, Rng& rng) {
  return v[static_cast<size_t>(rng.range(0, static_cast<int>(v.size()) - 1))];
}

/// Indexes into t.columns of the columns mutations may change.
std::vector<size_t> ordinary_columns(const Table& t) {
  std::vector<size_t> out;
  for (size_t i = 0; i < t.columns.size(); ++i) {
    if (!t.columns[i].core) out.push_back(i);
  }
  return out;
}

Column* pick_ordinary(Table& t, Rng& rng) {
  auto cols = ordinary_columns(t);
  if (cols.empty()) return nullptr;
  return &t.columns[cols[static_cast<size_t>(rng.range(0, static_cast<int>(cols.size()) - 1))]];
}

bool reads(const std::vector<std::string>& columns, const std::string& name) {
  return std::find(columns.begin(), columns.end(), name) != columns.end();
}

class Mutator {
 public:
  Mutator(SchemaSet& set, Rng& rng) : set_(set), rng_(rng) {}

  /// Tries one random change; false when the chosen target did not allow it.
  bool one() {
    using Op = bool (Mutator::*)();
    struct Weighted {
      int weight;
      Op op;
    };
    static const Weighted ops[] = {
        {5, &Mutator::add_column},   {3, &Mutator::drop_column},   {3, &Mutator::retype_column},
        {3, &Mutator::change_default}, {2, &Mutator::toggle_not_null}, {3, &Mutator::add_index},
        {2, &Mutator::drop_index},   {2, &Mutator::change_check},  {1, &Mutator::change_unique},
        {1, &Mutator::change_foreign_key}, {3, &Mutator::change_view},
        {3, &Mutator::change_function}, {1, &Mutator::change_trigger},
        {1, &Mutator::change_sequence}, {1, &Mutator::add_enum_label},
        {2, &Mutator::change_comment}, {1, &Mutator::add_table}, {1, &Mutator::drop_table},
    };
    int total = 0;
    for (const auto& w : ops) total += w.weight;
    int r = rng_.range(0, total - 1);
    for (const auto& w : ops) {
      if (r < w.weight) return (this->*w.op)();
      r -= w.weight;
    }
    return false;
  }

 private:
  Table& table() { return pick(set_.tables, rng_); }

  bool add_column() {
    Table& t = table();
    int kind = rng_.range(0, extra_column_kinds() - 1);
    if (has_extra_column(t, kind)) return false;
    add_extra_column(t, kind, rng_, rng_.chance(50));
    return true;
  }

  bool drop_column() {
    Table& t = table();
    Column* c = pick_ordinary(t, rng_);
    if (!c) return false;
    std::string name = c->name;
    // What reads the column goes with it, as PostgreSQL drops it along.
    std::erase_if(t.constraints, [&](const Constraint& k) { return reads(k.columns, name); });
    std::erase_if(t.indexes, [&](const Index& i) { return reads(i.columns, name); });
    std::erase_if(t.columns, [&](const Column& x) { return x.name == name; });
    return true;
  }

  bool retype_column() {
    Column* c = pick_ordinary(table(), rng_);
    if (!c || c->retype_to.empty()) return false;
    c->type = c->retype_to;
    c->retype_to.clear();
    return true;
  }

  bool change_default() {
    Column* c = pick_ordinary(table(), rng_);
    if (!c) return false;
    if (!c->default_sql.empty() && (c->default_alt.empty() || rng_.chance(40))) {
      c->default_sql.clear();
    } else if (!c->default_alt.empty() && c->default_alt != c->default_sql) {
      c->default_sql = c->default_alt;
    } else {
      return false;
    }
    return true;
  }

  bool toggle_not_null() {
    Column* c = pick_ordinary(table(), rng_);
    if (!c) return false;
    c->not_null = !c->not_null;
    return true;
  }

  bool add_index() {
    Table& t = table();
    Column* c = rng_.chance(30) ? nullptr : pick_ordinary(t, rng_);
    if (c && (c->type == "jsonb" || c->type.ends_with("]"))) return false;
    Index i;
    std::string column = c ? c->name : (rng_.chance(50) ? t.label : "updated_at");
    i.name = fresh_index_name(t, column);
    i.keys = rng_.chance(50) ? "(" + column + ")" : "(" + column + ", created_at)";
    if (c) i.columns = {column};
    t.indexes.push_back(i);
    return true;
  }

  bool drop_index() {
    Table& t = table();
    if (t.indexes.empty()) return false;
    t.indexes.erase(t.indexes.begin() + rng_.range(0, static_cast<int>(t.indexes.size()) - 1));
    return true;
  }

  bool change_check() {
    for (auto& k : table().constraints) {
      if (k.kind == Constraint::Kind::check) {
        std::swap(k.definition, k.alternative);
        return true;
      }
    }
    return false;
  }

  bool change_unique() {
    Table& t = table();
    auto it = std::find_if(t.constraints.begin(), t.constraints.end(), [](const Constraint& k) {
      return k.kind == Constraint::Kind::unique;
    });
    if (it != t.constraints.end() && rng_.chance(50)) {
      t.constraints.erase(it);
      return true;
    }
    Column* c = pick_ordinary(t, rng_);
    static const std::vector<std::string> keys{"email", "code", "phone", "external_id"};
    if (!c || !reads(keys, c->name)) return false;
    std::string name = t.name + "_" + c->name + "_key";
    for (const auto& k : t.constraints) {
      if (k.name == name) return false;
    }
    Constraint u;
    u.kind = Constraint::Kind::unique;
    u.name = name;
    u.definition = "unique (" + c->name + ")";
    u.columns = {c->name};
    t.constraints.push_back(u);
    return true;
  }

  bool change_foreign_key() {
    Table& t = table();
    for (auto& k : t.constraints) {
      if (k.kind != Constraint::Kind::foreign_key) continue;
      bool nullable = std::any_of(t.columns.begin(), t.columns.end(), [&](const Column& c) {
        return c.name == k.columns.front() && !c.not_null;
      });
      k.on_delete = k.on_delete == "cascade" ? (nullable ? "set null" : "restrict") : "cascade";
      k.definition = "foreign key (" + k.columns.front() + ") references " + k.references +
                     " (id) on delete " + k.on_delete;
      return true;
    }
    return false;
  }

  bool change_view() {
    if (set_.views.empty()) return false;
    View& v = pick(set_.views, rng_);
    v.variant = (v.variant + rng_.range(1, 3)) % 4;
    v.select = render_view_select(v);
    return true;
  }

  bool change_function() {
    if (set_.functions.empty()) return false;
    Function& f = pick(set_.functions, rng_);
    f.variant ^= 1;
    f.body = render_function_body(f);
    return true;
  }

  bool change_trigger() {
    if (set_.triggers.empty()) return false;
    Trigger& t = pick(set_.triggers, rng_);
    t.events = t.events == "update" ? "insert or update" : "update";
    return true;
  }

  bool change_sequence() {
    if (set_.sequences.empty()) return false;
    Sequence& s = pick(set_.sequences, rng_);
    if (rng_.chance(50)) {
      s.increment = s.increment == 1 ? 10 : 1;
    } else {
      s.cache = s.cache == 1 ? 50 : 1;
    }
    return true;
  }

  bool add_enum_label() {
    if (set_.types.empty()) return false;
    Type& t = pick(set_.types, rng_);
    if (!t.is_enum) return false;
    for (const char* label : {"archived", "on_hold", "expired", "escalated"}) {
      if (!reads(t.labels, label)) {
        t.labels.push_back(label);
        return true;
      }
    }
    return false;
  }

  bool change_comment() {
    int what = rng_.range(0, 2);
    std::string* comment = nullptr;
    if (what == 0) comment = &table().comment;
    if (what == 1 && !set_.views.empty()) comment = &pick(set_.views, rng_).comment;
    if (what == 2 && !set_.functions.empty()) comment = &pick(set_.functions, rng_).comment;
    if (!comment) return false;
    *comment = comment->empty() ? "Revised in the current release." : (rng_.chance(50) ? "" : *comment + " Revised.");
    return true;
  }

  bool add_table() {
    int schema = rng_.range(0, static_cast<int>(set_.schemas.size()) - 1);
    // After the schema's last table, so that it loads after everything it may reference.
    size_t first = set_.tables.size(), end = 0;
    for (size_t i = 0; i < set_.tables.size(); ++i) {
      if (set_.tables[i].schema != schema) continue;
      first = std::min(first, i);
      end = i + 1;
    }
    if (end == 0) return false;
    TablePlace place{schema, first, end};
    Table t = make_table(set_, rng_, place, set_.next_table_number++, GroupTypes{}, TableUses{});
    set_.tables.insert(set_.tables.begin() + static_cast<std::ptrdiff_t>(end), std::move(t));
    return true;
  }

  bool drop_table() {
    size_t index = static_cast<size_t>(rng_.range(0, static_cast<int>(set_.tables.size()) - 1));
    std::string name = qualified(set_, set_.tables[index].schema, set_.tables[index].name);
    for (const auto& t : set_.tables) {
      for (const auto& k : t.constraints) {
        if (k.references == name && &t != &set_.tables[index]) return false;
      }
    }
    for (const auto& v : set_.views) {
      if (reads(v.reads, name)) return false;
    }
    for (const auto& f : set_.functions) {
      if (reads(f.reads, name)) return false;
    }
    // Its triggers go with it; their function stays, as it would in a real schema.
    std::erase_if(set_.triggers, [&](const Trigger& t) { return t.table == name; });
    set_.tables.erase(set_.tables.begin() + static_cast<std::ptrdiff_t>(index));
    return true;
  }

  SchemaSet& set_;
  Rng& rng_;
};

}  // namespace

void mutate(SchemaSet& set, int percent, uint64_t seed) {
  if (percent <= 0) return;
  Rng rng(seed * 0x2545F4914F6CDD1DULL + static_cast<uint64_t>(percent));
  size_t objects = set.tables.size() + set.views.size() + set.functions.size() +
                   set.triggers.size() + set.sequences.size() + set.types.size();
  size_t changes = std::max<size_t>(1, (objects * static_cast<size_t>(percent) + 50) / 100);
  Mutator m(set, rng);
  // Targets that do not allow the chosen change are skipped; the bound only guards
  // against a set with nothing left to change.
  for (size_t done = 0, tries = 0; done < changes && tries < changes * 50; ++tries) {
    if (m.one()) ++done;
  }
}

}  // namespace migra::bench
