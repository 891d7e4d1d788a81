// Builds schema A from a seed and derives schema B from it; the objects of a schema and
// their privileges and comments are made here (mutations and repair have files of their own).
#include <algorithm>

#include "property/generator.h"

namespace migra::test::property {
namespace {

const std::vector<std::string> kLabels = {"red",    "green", "blue",  "amber",
                                          "violet", "cyan",  "black", "white"};
const std::vector<std::string> kSchemaPrivs = {"usage", "create"};
const std::vector<std::string> kTablePrivs = {"select",   "insert",     "update", "delete",
                                              "truncate", "references", "trigger"};
const std::vector<std::string> kColumnPrivs = {"select", "insert", "update", "references"};
const std::vector<std::string> kSequencePrivs = {"usage", "select", "update"};
const std::vector<std::string> kExecute = {"execute"};
const std::vector<std::string> kUsage = {"usage"};
const std::vector<std::string> kSelect = {"select"};

}  // namespace

void Generator::build() {
  int schemas = rng_.range(1, 2);
  for (int i = 0; i < schemas; ++i) add_schema();
  for (int i = rng_.range(0, 2); i > 0; --i) add_enum();
  for (int i = rng_.range(0, 2); i > 0; --i) add_domain();
  for (int i = rng_.range(0, 2); i > 0; --i) add_sequence();
  for (int i = rng_.range(1, 3); i > 0; --i) add_function(false);
  for (int i = rng_.range(2, 5); i > 0; --i) add_table(random_schema());
  for (int i = rng_.range(0, 4); i > 0; --i) add_index();
  if (rng_.chance(40)) add_function(true);
  for (int i = rng_.range(1, 4); i > 0; --i) add_view();
  if (f_.policies) {
    for (int i = rng_.range(0, 3); i > 0; --i) add_policy();
  }
  for (int i = rng_.range(0, 6); i > 0; --i) add_grant();
  for (int i = rng_.range(0, 6); i > 0; --i) set_comment();
  repair();
}

std::string Generator::name(const char* prefix, int id) { return prefix + std::to_string(id); }

int Generator::random_schema() { return rng_.pick(m_.schemas).id; }

Comment Generator::some_comment(int id) {
  return rng_.chance(30) ? "it's note " + std::to_string(id) : "note " + std::to_string(id);
}

int Generator::add_schema() {
  Schema s;
  s.id = m_.fresh();
  s.name = name("s", s.id);
  m_.schemas.push_back(s);
  return s.id;
}

std::string Generator::new_label() {
  for (int tries = 0; tries < 8; ++tries) {
    const auto& l = kLabels[rng_.below(kLabels.size())];
    bool used = false;
    for (const auto& e : m_.enums) used = used || std::count(e.labels.begin(), e.labels.end(), l);
    if (!used) return l;
  }
  return name("l", m_.fresh());
}

void Generator::add_enum() {
  Enum e;
  e.id = m_.fresh();
  e.schema = random_schema();
  e.name = name("e", e.id);
  for (int i = rng_.range(1, 4); i > 0; --i) {
    std::string l = new_label();
    if (std::find(e.labels.begin(), e.labels.end(), l) == e.labels.end()) e.labels.push_back(l);
  }
  m_.enums.push_back(e);
}

DomainCheck Generator::domain_check() {
  DomainCheck k;
  k.id = m_.fresh();
  k.name = name("k", k.id);
  k.variant = rng_.range(0, 9);
  return k;
}

void Generator::add_domain() {
  Domain d;
  d.id = m_.fresh();
  d.schema = random_schema();
  d.name = name("d", d.id);
  d.base = Type{rng_.chance(50) ? Base::Int : Base::Text};
  d.not_null = rng_.chance(20);
  if (rng_.chance(30)) d.default_variant = rng_.range(0, 20);
  for (int i = rng_.range(0, 2); i > 0; --i) d.checks.push_back(domain_check());
  m_.domains.push_back(d);
}

void Generator::sequence_params(Sequence& s, std::int64_t current) {
  // ALTER SEQUENCE checks the current value against new bounds; the model does not hold
  // the current value (it is data), so the bounds keep including it.
  const Base kinds[] = {Base::SmallInt, Base::Int, Base::BigInt};
  s.as = kinds[rng_.below(3)];
  s.min = rng_.range(1, static_cast<int>(current));
  s.max = rng_.range(static_cast<int>(current) + 10, 30000);
  s.start = rng_.range(static_cast<int>(s.min),
                       static_cast<int>(std::min<std::int64_t>(s.max, s.min + 200)));
  s.increment = rng_.range(1, 5) * (rng_.chance(15) ? -1 : 1);
  s.cache = rng_.range(1, 10);
  s.cycle = rng_.chance(20);
}

void Generator::add_sequence() {
  Sequence s;
  s.id = m_.fresh();
  s.schema = random_schema();
  s.name = name("q", s.id);
  sequence_params(s, rng_.range(1, 500));
  m_.sequences.push_back(s);
}

Base Generator::fn_type() {
  const Base kinds[] = {Base::Int, Base::BigInt, Base::Text};
  return kinds[rng_.below(3)];
}

Lang Generator::fn_lang() {
  int r = rng_.range(0, 2);
  if (r == 1 && !f_.sql_standard_bodies) r = 0;
  return static_cast<Lang>(r);
}

void Generator::add_function(bool reads_table) {
  Function f;
  f.id = m_.fresh();
  f.schema = random_schema();
  f.name = name("f", f.id);
  for (int i = rng_.range(reads_table ? 0 : 1, 2); i > 0; --i) f.params.push_back(fn_type());
  f.result = fn_type();
  f.lang = fn_lang();
  f.volatility = rng_.chance(70) ? Volatility::Immutable : Volatility::Volatile;
  f.constant = rng_.range(1, 99);
  if (reads_table && !m_.tables.empty()) {
    f.reads_table = rng_.pick(m_.tables).id;
    f.volatility = Volatility::Stable;
  }
  m_.functions.push_back(f);
}

Type Generator::random_type() {
  Type t;
  switch (rng_.below(17)) {
    case 0:
    case 1:
      t.base = Base::Int;
      break;
    case 2:
      t.base = Base::BigInt;
      break;
    case 3:
      t.base = Base::SmallInt;
      break;
    case 4:
      t.base = Base::Numeric;
      t.len = rng_.range(4, 12);
      t.scale = rng_.range(0, 3);
      break;
    case 5:
    case 6:
      t.base = Base::Text;
      break;
    case 7:
      t.base = Base::Varchar;
      t.len = rng_.range(4, 40);
      break;
    case 8:
      t.base = Base::Bool;
      break;
    case 9:
      t.base = Base::Timestamptz;
      break;
    case 10:
      t.base = Base::Date;
      break;
    case 11:
      t.base = Base::Jsonb;
      break;
    case 12:
      t.base = Base::Uuid;
      break;
    case 13: {
      const Base elems[] = {Base::Int, Base::BigInt, Base::Text};
      t.base = elems[rng_.below(3)];
      t.array = true;
      break;
    }
    case 14:
    case 15:
      if (!m_.enums.empty()) {
        t.base = Base::Enum;
        t.ref = rng_.pick(m_.enums).id;
      } else {
        t.base = Base::Text;
      }
      break;
    default:
      if (!m_.domains.empty()) {
        t.base = Base::Domain;
        t.ref = rng_.pick(m_.domains).id;
      } else {
        t.base = Base::Int;
      }
      break;
  }
  return t;
}

Default Generator::random_default(const Type& type) {
  Default d;
  d.variant = rng_.range(0, 99);
  d.kind = DefaultKind::Literal;
  Cat cat = cat_of(m_, type);
  int r = rng_.range(0, 9);
  if (r < 3 && f_.functions_in_defaults && !type.array &&
      (cat == Cat::Integer || cat == Cat::Text)) {
    std::vector<int> fits;
    for (const auto& f : m_.functions) {
      if (f.reads_table < 0 && (f.result == Base::Text) == (cat == Cat::Text)) fits.push_back(f.id);
    }
    if (!fits.empty()) {
      d.kind = DefaultKind::Function;
      d.ref = rng_.pick(fits);
    }
  } else if (r < 6 && f_.sequence_defaults && cat == Cat::Integer && !type.array &&
             !m_.sequences.empty()) {
    d.kind = DefaultKind::Nextval;
    d.ref = rng_.pick(m_.sequences).id;
  }
  return d;
}

Column Generator::new_column(const Table& t) {
  Column c;
  c.id = m_.fresh();
  c.name = name("c", c.id);
  c.type = random_type();
  c.not_null = rng_.chance(30);
  if (rng_.chance(35)) c.default_ = random_default(c.type);
  if (f_.identity_columns && is_int(c.type) && rng_.chance(12)) set_identity(c);
  if (f_.generated_columns && rng_.chance(12)) {
    std::vector<int> sources;
    for (const auto& s : t.columns) {
      if (s.generated_from < 0 && s.identity == Identity::None && generated_type(m_, s.type)) {
        sources.push_back(s.id);
      }
    }
    if (!sources.empty()) {
      c.generated_from = rng_.pick(sources);
      c.identity = Identity::None;
    }
  }
  return c;
}

void Generator::set_identity(Column& c) {
  c.identity = rng_.chance(50) ? Identity::Always : Identity::ByDefault;
  c.identity_start = rng_.range(1, 100);
  c.identity_increment = rng_.range(1, 5);
  c.default_ = {};
}

std::vector<int> Generator::plain_columns(const Table& t) {
  std::vector<int> ids;
  for (const auto& c : t.columns) {
    if (c.generated_from < 0) ids.push_back(c.id);
  }
  return ids;
}

void Generator::add_table(int schema) {
  Table t;
  t.id = m_.fresh();
  t.schema = schema;
  t.name = name("t", t.id);
  for (int i = rng_.range(2, 6); i > 0; --i) t.columns.push_back(new_column(t));
  if (rng_.chance(70)) set_primary_key(t);
  if (rng_.chance(30)) add_unique(t);
  for (int i = rng_.range(0, 2); i > 0; --i) add_check(t);
  t.rls = rng_.chance(15);
  m_.tables.push_back(t);
  // References to any table, this one and those made just before it included.
  if (rng_.chance(50)) add_foreign_key(m_.tables.back());
}

void Generator::set_primary_key(Table& t) {
  auto ids = plain_columns(t);
  if (ids.empty()) return;
  t.pk.clear();
  t.pk.push_back(rng_.pick(ids));
  if (ids.size() > 2 && rng_.chance(20)) {
    int other = rng_.pick(ids);
    if (other != t.pk[0]) t.pk.push_back(other);
  }
  int id = m_.fresh();
  t.pk_name = name("k", id);
}

void Generator::add_unique(Table& t) {
  auto ids = plain_columns(t);
  if (ids.empty()) return;
  Unique u;
  u.id = m_.fresh();
  u.name = name("k", u.id);
  u.cols.push_back(rng_.pick(ids));
  if (rng_.chance(30)) {
    int other = rng_.pick(ids);
    if (other != u.cols[0]) u.cols.push_back(other);
  }
  t.uniques.push_back(u);
}

void Generator::add_check(Table& t) {
  if (t.columns.empty()) return;
  Check k;
  k.id = m_.fresh();
  k.name = name("k", k.id);
  k.pred = {rng_.pick(t.columns).id, rng_.range(0, 9)};
  t.checks.push_back(k);
}

void Generator::add_foreign_key(Table& t) {
  std::vector<int> targets;
  // Mid-mutation a key may name a dropped column; repair() clears it later.
  for (const auto& r : m_.tables) {
    if (r.pk.size() == 1 && by_id(r.columns, r.pk[0])) targets.push_back(r.id);
  }
  if (targets.empty()) return;
  const Table& r = *by_id(m_.tables, rng_.pick(targets));
  int ref_col = r.pk[0];
  Type type = by_id(r.columns, ref_col)->type;
  ForeignKey k;
  k.id = m_.fresh();
  k.name = name("k", k.id);
  k.ref_table = r.id;
  k.ref_cols = {ref_col};
  k.on_delete = static_cast<int>(rng_.below(4));
  k.deferrable = rng_.chance(20);
  // Reuse a column of the same type, or add one.
  int col = -1;
  for (const auto& c : t.columns) {
    if (c.type == type && c.generated_from < 0 && c.id != ref_col && rng_.chance(50)) col = c.id;
  }
  if (col < 0) {
    Column c;
    c.id = m_.fresh();
    c.name = name("c", c.id);
    c.type = type;
    t.columns.push_back(c);
    col = c.id;
  }
  k.cols = {col};
  t.fks.push_back(k);
}

void Generator::add_index() {
  if (m_.tables.empty()) return;
  Table& t = rng_.pick(m_.tables);
  if (t.columns.empty()) return;
  Index i;
  i.id = m_.fresh();
  i.table = t.id;
  i.name = name("i", i.id);
  i.unique = rng_.chance(25);
  for (int n = rng_.range(1, 3); n > 0; --n) i.elems.push_back(index_elem(t));
  if (rng_.chance(25)) i.where = Pred{rng_.pick(t.columns).id, rng_.range(0, 9)};
  m_.indexes.push_back(i);
}

IndexElem Generator::index_elem(Table& t) {
  IndexElem e;
  e.col = rng_.pick(t.columns).id;
  e.expr = rng_.chance(30);
  if (f_.functions_in_indexes && rng_.chance(20) && !m_.functions.empty()) {
    e.fn = rng_.pick(m_.functions).id;
  }
  return e;
}

ViewItem Generator::view_item(const View& v) {
  ViewItem it;
  it.id = m_.fresh();
  auto cols = source_columns(m_, v);
  it.col = cols.empty() ? -1 : rng_.pick(cols).id;
  if (rng_.chance(25) && !m_.functions.empty()) {
    const Function& f = rng_.pick(m_.functions);
    if (f.params.empty()) {
      it.col = -1;
      it.fn = f.id;
    } else if (it.col >= 0) {
      for (const auto& c : cols) {
        if (c.id == it.col && arg_ok(m_, c.type, f.params[0])) it.fn = f.id;
      }
    }
  }
  return it;
}

void Generator::add_view() {
  View v;
  v.id = m_.fresh();
  v.schema = random_schema();
  v.name = name("v", v.id);
  if (f_.views_on_views && !m_.views.empty() && rng_.chance(35)) {
    v.from_view = true;
    v.source = rng_.pick(m_.views).id;
  } else if (!m_.tables.empty()) {
    v.source = rng_.pick(m_.tables).id;
  } else {
    return;
  }
  v.materialized = f_.materialized_views && rng_.chance(15);
  for (int n = rng_.range(1, 4); n > 0; --n) v.items.push_back(view_item(v));
  auto cols = source_columns(m_, v);
  if (rng_.chance(30) && !cols.empty()) v.where = Pred{rng_.pick(cols).id, rng_.range(0, 9)};
  m_.views.push_back(v);
}

std::optional<Pred> Generator::random_pred(const Table& t) {
  if (rng_.chance(20) || t.columns.empty()) return Pred{-1, 0};
  return Pred{rng_.pick(t.columns).id, rng_.range(0, 9)};
}

void Generator::policy_expressions(Policy& p, const Table& t) {
  p.using_.reset();
  p.check.reset();
  if (p.command != 2 && rng_.chance(80)) p.using_ = random_pred(t);
  if ((p.command == 0 || p.command == 2 || p.command == 3) && rng_.chance(60)) {
    p.check = random_pred(t);
  }
}

void Generator::policy_roles(Policy& p) {
  p.roles.clear();
  int r = rng_.range(0, 3);
  if (r == 1 || r == 3) p.roles.push_back(kPostgres);
  if (r == 2 || r == 3) p.roles.push_back(kTestRole);
}

void Generator::add_policy() {
  if (m_.tables.empty()) return;
  Table& t = rng_.pick(m_.tables);
  Policy p;
  p.id = m_.fresh();
  p.table = t.id;
  p.name = name("p", p.id);
  p.command = rng_.range(0, 4);
  p.permissive = rng_.chance(70);
  policy_roles(p);
  policy_expressions(p, t);
  if (rng_.chance(80)) t.rls = true;
  m_.policies.push_back(p);
}

std::vector<Generator::GrantSlot> Generator::grant_slots() {
  std::vector<GrantSlot> out;
  for (auto& s : m_.schemas) out.push_back({&s.grants, &kSchemaPrivs, nullptr});
  for (auto& e : m_.enums) out.push_back({&e.grants, &kUsage, &e.public_usage});
  for (auto& s : m_.sequences) out.push_back({&s.grants, &kSequencePrivs, nullptr});
  for (auto& f : m_.functions) out.push_back({&f.grants, &kExecute, &f.public_execute});
  for (auto& t : m_.tables) {
    out.push_back({&t.grants, &kTablePrivs, nullptr});
    out.push_back({&t.grants, &kTablePrivs, nullptr});
    if (f_.column_grants) {
      for (auto& c : t.columns) out.push_back({&c.grants, &kColumnPrivs, nullptr});
    }
  }
  for (auto& v : m_.views) out.push_back({&v.grants, &kSelect, nullptr});
  return out;
}

void Generator::add_grant() {
  auto slots = grant_slots();
  if (slots.empty()) return;
  GrantSlot s = rng_.pick(slots);
  if (s.public_flag && rng_.chance(30)) {
    *s.public_flag = false;
    return;
  }
  Grant g;
  g.role = rng_.chance(50) ? kPostgres : kTestRole;
  g.privilege = (*s.privileges)[rng_.below(s.privileges->size())];
  g.grantable = rng_.chance(20);
  for (auto& old : *s.grants) {
    if (old.role == g.role && old.privilege == g.privilege) {
      old.grantable = g.grantable;
      return;
    }
  }
  s.grants->push_back(g);
}

std::vector<Comment*> Generator::comment_slots() {
  std::vector<Comment*> out;
  for (auto& s : m_.schemas) out.push_back(&s.comment);
  for (auto& e : m_.enums) out.push_back(&e.comment);
  for (auto& d : m_.domains) out.push_back(&d.comment);
  for (auto& s : m_.sequences) out.push_back(&s.comment);
  for (auto& f : m_.functions) out.push_back(&f.comment);
  for (auto& t : m_.tables) {
    out.push_back(&t.comment);
    for (auto& c : t.columns) out.push_back(&c.comment);
    for (auto& k : t.checks) out.push_back(&k.comment);
  }
  for (auto& i : m_.indexes) out.push_back(&i.comment);
  for (auto& v : m_.views) out.push_back(&v.comment);
  for (auto& p : m_.policies) out.push_back(&p.comment);
  return out;
}

void Generator::set_comment() {
  auto slots = comment_slots();
  if (slots.empty()) return;
  *rng_.pick(slots) = some_comment(m_.fresh());
}
Features known_bug_features() {
  Features f;
  // Known bugs; switch a feature off here while its bug is open (none at the moment).
  return f;
}

bool set_feature(Features& f, const std::string& name, bool on) {
  const std::pair<const char*, bool Features::*> switches[] = {
      {"enum_label_removal", &Features::enum_label_removal},
      {"enum_new_label_in_default", &Features::enum_new_label_in_default},
      {"generated_columns", &Features::generated_columns},
      {"generated_sources_retyped", &Features::generated_sources_retyped},
      {"identity_columns", &Features::identity_columns},
      {"column_type_changes", &Features::column_type_changes},
      {"foreign_keys_on_recreated_types", &Features::foreign_keys_on_recreated_types},
      {"domain_base_changes", &Features::domain_base_changes},
      {"policies", &Features::policies},
      {"policy_columns_change", &Features::policy_columns_change},
      {"sql_standard_bodies", &Features::sql_standard_bodies},
      {"function_signature_changes", &Features::function_signature_changes},
      {"materialized_views", &Features::materialized_views},
      {"views_on_views", &Features::views_on_views},
      {"functions_in_indexes", &Features::functions_in_indexes},
      {"functions_in_defaults", &Features::functions_in_defaults},
      {"sequence_defaults", &Features::sequence_defaults},
      {"column_grants", &Features::column_grants},
  };
  for (const auto& [n, member] : switches) {
    if (name == n) {
      f.*member = on;
      return true;
    }
  }
  return false;
}

SchemaPair generate_pair(std::uint64_t seed, const Features& features) {
  Model model;
  Rng rng(seed);
  Generator(model, rng, features).build();
  SchemaPair pair;
  bool first_label = !features.enum_new_label_in_default;
  pair.a = render(model, first_label);
  Generator(model, rng, features).mutate();
  pair.b = render(model, first_label);
  return pair;
}

}  // namespace migra::test::property
