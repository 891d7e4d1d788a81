// The A side: schemas of tables in groups of about ten; each group also gets a view, a
// function, a trigger with its function, a sequence, and an enum or a domain.
#include "schema_generator.h"

#include <algorithm>
#include <set>

#include "schema_generator_parts.h"

namespace migra::bench {

uint64_t Rng::next() {
  uint64_t z = (state_ += 0x9E3779B97F4A7C15ULL);
  z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
  z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
  return z ^ (z >> 31);
}

int Rng::range(int lo, int hi) {
  return lo + static_cast<int>(next() % static_cast<uint64_t>(hi - lo + 1));
}

std::string qualified(const SchemaSet& set, int schema, const std::string& name) {
  return set.schemas[static_cast<size_t>(schema)] + "." + name;
}

namespace {

const char* const kSchemaNames[] = {"app",   "billing", "inventory", "crm",   "analytics",
                                    "audit", "sales",   "support",   "people", "logistics"};

const char* const kTableBases[] = {
    "customer", "order",   "invoice",  "product",  "payment",  "shipment", "supplier",
    "account",  "profile", "plan",     "ticket",   "event",    "document", "warehouse",
    "employee", "project", "task",     "campaign", "review",   "address",  "contract",
    "device",   "session", "category", "coupon",   "refund",   "region",   "team"};

const char* const kEnumLabels[][5] = {
    {"draft", "active", "suspended", "closed", nullptr},
    {"pending", "paid", "failed", "refunded", nullptr},
    {"low", "normal", "high", "urgent", nullptr},
    {"new", "in_progress", "done", nullptr, nullptr},
};

struct DomainKind {
  const char* name;
  const char* base;
  const char* check;
  const char* column;
  const char* default_sql;
};
const DomainKind kDomains[] = {
    {"email_address", "varchar(320)", "value ~ '^[^@]+@[^@]+$'", "contact_email", ""},
    {"positive_amount", "numeric(14,2)", "value >= 0", "balance", "0"},
    {"percentage", "numeric(5,2)", "value >= 0 and value <= 100", "discount", ""},
    {"country_code", "char(2)", "value ~ '^[A-Z]{2}$'", "country", ""},
};

std::string schema_name(int i) {
  std::string base = kSchemaNames[i % 10];
  return i < 10 ? base : base + "_" + std::to_string(i / 10 + 1);
}

Column core(std::string name, std::string type, std::string default_sql, bool not_null) {
  Column c;
  c.name = std::move(name);
  c.type = std::move(type);
  c.default_sql = std::move(default_sql);
  c.not_null = not_null;
  c.core = true;
  return c;
}

void add_foreign_keys(const SchemaSet& set, Rng& rng, Table& t, const TablePlace& place) {
  int earlier = static_cast<int>(place.earlier);
  int schema_first = static_cast<int>(place.schema_first);
  if (earlier == 0) return;
  int wanted = rng.range(0, 9) < 3 ? 0 : (rng.range(0, 9) < 7 ? 1 : 2);
  std::set<int> targets;
  for (int k = 0; k < wanted * 3 && static_cast<int>(targets.size()) < wanted; ++k) {
    // Mostly a recent table of the same schema; sometimes any earlier one, across schemas.
    bool local = schema_first < earlier && rng.chance(80);
    int lo = local ? std::max(schema_first, earlier - 30) : 0;
    targets.insert(rng.range(lo, earlier - 1));
  }
  for (int target : targets) {
    const Table& r = set.tables[static_cast<size_t>(target)];
    Column c = core(r.name + "_id", "bigint", "", rng.chance(60));
    Constraint k;
    k.kind = Constraint::Kind::foreign_key;
    k.name = t.name + "_" + c.name + "_fkey";
    k.columns = {c.name};
    k.references = qualified(set, r.schema, r.name);
    int action = rng.range(0, 3);
    k.on_delete = action == 0 ? "cascade" : action == 1 ? "restrict" : "";
    if (action == 3 && !c.not_null) k.on_delete = "set null";
    k.definition = "foreign key (" + c.name + ") references " + k.references + " (id)";
    if (!k.on_delete.empty()) k.definition += " on delete " + k.on_delete;
    t.columns.push_back(c);
    t.constraints.push_back(k);
    Index i;
    i.name = fresh_index_name(t, c.name);
    // Often the key together with the time it is listed by.
    i.keys = rng.chance(40) ? "(" + c.name + ", created_at desc)" : "(" + c.name + ")";
    i.columns = {c.name};
    t.indexes.push_back(i);
  }
}

}  // namespace

Table make_table(const SchemaSet& set, Rng& rng, const TablePlace& place, int number,
                 const GroupTypes& g, TableUses uses) {
  Table t;
  t.schema = place.schema;
  t.name = std::string(kTableBases[rng.range(0, std::size(kTableBases) - 1)]) + "_" +
           std::to_string(number);
  t.serial_id = rng.chance(20);
  t.label = rng.chance(75) ? "name" : "title";
  t.columns.push_back(core("id", t.serial_id ? "bigserial" : "bigint", "", true));
  t.columns.push_back(
      core(t.label, t.label == "name" ? "text" : "varchar(200)", "", true));
  add_foreign_keys(set, rng, t, place);
  t.columns.push_back(core("created_at", "timestamptz", "now()", true));
  t.columns.push_back(core("updated_at", "timestamptz", "now()", true));
  if (uses.sequence && !g.sequence.empty()) {
    t.columns.push_back(core("number", "bigint", "nextval('" + g.sequence + "'::regclass)", true));
    Constraint u;
    u.kind = Constraint::Kind::unique;
    u.name = t.name + "_number_key";
    u.definition = "unique (number)";
    u.columns = {"number"};
    t.constraints.push_back(u);
  }
  if (uses.status && !g.enum_name.empty()) {
    Column c;
    c.name = "status";
    c.type = g.enum_name;
    c.default_sql = "'" + g.first_label + "'";
    c.not_null = true;
    t.columns.push_back(c);
    Index i;
    i.name = fresh_index_name(t, "open");
    i.keys = "(created_at)";
    i.where = "status <> '" + g.last_label + "'";
    i.columns = {"status"};
    t.indexes.push_back(i);
  }
  if (uses.domain && g.domain >= 0) {
    const DomainKind& d = kDomains[g.domain];
    Column c;
    c.name = d.column;
    c.type = g.domain_name;
    c.default_sql = d.default_sql;
    c.not_null = *d.default_sql != 0;
    t.columns.push_back(c);
  }
  std::vector<int> kinds(static_cast<size_t>(extra_column_kinds()));
  for (int k = 0; k < extra_column_kinds(); ++k) kinds[static_cast<size_t>(k)] = k;
  int extras = rng.range(3, 8);
  for (int k = 0; k < extras; ++k) {
    // Partial Fisher-Yates: `extras` distinct kinds.
    int j = rng.range(k, static_cast<int>(kinds.size()) - 1);
    std::swap(kinds[static_cast<size_t>(k)], kinds[static_cast<size_t>(j)]);
    add_extra_column(t, kinds[static_cast<size_t>(k)], rng, /*with_index=*/true);
  }
  // One to four indexes; the ones on foreign keys come first and stay.
  size_t keep = static_cast<size_t>(rng.range(1, 4));
  if (t.indexes.size() > keep) t.indexes.resize(keep);
  if (t.indexes.empty()) {
    Index i;
    i.name = fresh_index_name(t, "created_at");
    i.keys = "(created_at desc)";
    t.indexes.push_back(i);
  }
  if (rng.chance(50)) t.comment = table_comment(t);
  return t;
}

namespace {

GroupTypes make_group_types(SchemaSet& set, Rng& rng, int schema, int group) {
  GroupTypes g;
  Type type;
  type.schema = schema;
  if (rng.chance(50)) {
    int e = rng.range(0, std::size(kEnumLabels) - 1);
    const char* const* labels = kEnumLabels[e];
    static const char* const kEnumNames[] = {"lifecycle", "payment_state", "priority_level",
                                             "progress"};
    type.name = std::string(kEnumNames[e]) + "_" + std::to_string(group);
    for (int k = 0; k < 5 && labels[k]; ++k) type.labels.push_back(labels[k]);
    g.enum_name = qualified(set, schema, type.name);
    g.first_label = type.labels.front();
    g.last_label = type.labels.back();
  } else {
    g.domain = rng.range(0, std::size(kDomains) - 1);
    const DomainKind& d = kDomains[g.domain];
    type.is_enum = false;
    type.name = std::string(d.name) + "_" + std::to_string(group);
    type.base = d.base;
    type.check = d.check;
    g.domain_name = qualified(set, schema, type.name);
  }
  if (rng.chance(40)) type.comment = type.is_enum ? "States of a record." : "Validated value.";
  set.types.push_back(type);
  return g;
}

void make_group_objects(SchemaSet& set, Rng& rng, int schema, int group, size_t first_table) {
  size_t count = set.tables.size() - first_table;
  const Table& t = set.tables[first_table + static_cast<size_t>(rng.range(0, count - 1))];
  std::string table = qualified(set, schema, t.name);

  Function f;
  f.schema = schema;
  f.table = table;
  if (rng.chance(50)) {
    f.shape = Function::Shape::count_recent;
    f.name = t.name + "_recent_count";
    f.args = "(p_since timestamptz)";
    f.returns = "bigint";
    f.language = "sql";
    f.volatility = "stable";
  } else {
    f.shape = Function::Shape::archive;
    f.name = t.name + "_purge";
    f.args = "(p_before timestamptz)";
    f.returns = "integer";
    f.language = "plpgsql";
    f.volatility = "volatile";
  }
  f.reads = {table};
  f.body = render_function_body(f);
  if (rng.chance(50)) f.comment = "Maintenance helper for " + t.name + ".";
  set.functions.push_back(f);

  const Table& tt = set.tables[first_table + static_cast<size_t>(rng.range(0, count - 1))];
  Function touch;
  touch.schema = schema;
  touch.shape = Function::Shape::touch;
  touch.name = tt.name + "_touch";
  touch.args = "()";
  touch.returns = "trigger";
  touch.language = "plpgsql";
  touch.volatility = "volatile";
  touch.table = qualified(set, schema, tt.name);
  touch.body = render_function_body(touch);
  set.functions.push_back(touch);
  Trigger trg;
  trg.name = tt.name + "_touch_trg";
  trg.table = touch.table;
  trg.function = qualified(set, schema, touch.name) + "()";
  trg.events = rng.chance(70) ? "update" : "insert or update";
  set.triggers.push_back(trg);

  View v;
  v.schema = schema;
  v.variant = rng.range(0, 3);
  // A view over an earlier view of the same schema now and then; else a table, joined to
  // what its first foreign key references when it has one.
  const View* over = nullptr;
  for (auto it = set.views.rbegin(); it != set.views.rend(); ++it) {
    if (it->schema == schema && it->join.empty() && it->base.find(".v_") == std::string::npos) {
      over = &*it;
      break;
    }
  }
  if (over && rng.chance(30)) {
    v.base = qualified(set, schema, over->name);
    v.base_label = over->base_label;
    v.name = "v_recent_" + std::to_string(group);
  } else {
    const Table& b = set.tables[first_table + static_cast<size_t>(rng.range(0, count - 1))];
    v.base = qualified(set, schema, b.name);
    v.base_label = b.label;
    v.name = "v_" + b.name + "_" + std::to_string(group);
    for (const auto& k : b.constraints) {
      if (k.kind != Constraint::Kind::foreign_key) continue;
      for (const auto& r : set.tables) {
        if (qualified(set, r.schema, r.name) == k.references) {
          v.join = k.references;
          v.join_key = k.columns.front();
          v.join_label = r.label;
        }
      }
      break;
    }
  }
  v.reads = {v.base};
  if (!v.join.empty()) v.reads.push_back(v.join);
  v.select = render_view_select(v);
  if (rng.chance(50)) v.comment = "Reporting view " + std::to_string(group) + ".";
  set.views.push_back(v);
}

}  // namespace

SchemaSet generate(int tables, uint64_t seed) {
  Rng rng(seed);
  SchemaSet set;
  int schemas = std::max(2, (tables + 125) / 250);
  for (int s = 0; s < schemas; ++s) set.schemas.push_back(schema_name(s));
  int number = 1, group = 1;
  for (int s = 0; s < schemas; ++s) {
    int in_schema = tables * (s + 1) / schemas - tables * s / schemas;
    size_t schema_first = set.tables.size();
    for (int done = 0; done < in_schema; ++group) {
      int size = std::min(10, in_schema - done);
      GroupTypes g = make_group_types(set, rng, s, group);
      Sequence q;
      q.schema = s;
      q.name = "number_seq_" + std::to_string(group);
      q.start = 1000 * rng.range(1, 9);
      q.cache = rng.chance(30) ? 20 : 1;
      set.sequences.push_back(q);
      g.sequence = qualified(set, s, q.name);
      int typed = rng.range(0, size - 1), sequenced = rng.range(0, size - 1);
      size_t first = set.tables.size();
      for (int k = 0; k < size; ++k) {
        bool typed_here = k == typed || (size > 4 && k == (typed + 3) % size);
        TablePlace place{s, schema_first, set.tables.size()};
        TableUses uses{typed_here, typed_here, k == sequenced};
        set.tables.push_back(make_table(set, rng, place, number++, g, uses));
      }
      make_group_objects(set, rng, s, group, first);
      done += size;
    }
  }
  set.next_table_number = number;
  return set;
}

}  // namespace migra::bench
