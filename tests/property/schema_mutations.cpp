// Mutations that turn schema A into B: adds, drops, renames (a drop and an add for the
// diff) and changes of every kind of object the generator makes.
#include "property/generator.h"

namespace migra::test::property {

void Generator::mutate() {
  a_ = m_;
  pin_columns();
  using Op = void (Generator::*)();
  struct Weighted {
    int weight;
    Op op;
  };
  static const Weighted ops[] = {
      {2, &Generator::op_schema},        {5, &Generator::op_table},
      {4, &Generator::op_add_column},    {3, &Generator::op_drop_column},
      {2, &Generator::op_rename_column}, {5, &Generator::op_column_type},
      {3, &Generator::op_default},       {3, &Generator::op_not_null},
      {2, &Generator::op_identity},      {2, &Generator::op_generated},
      {2, &Generator::op_primary_key},   {2, &Generator::op_unique},
      {3, &Generator::op_check},         {3, &Generator::op_foreign_key},
      {4, &Generator::op_index},         {4, &Generator::op_view},
      {4, &Generator::op_function},      {4, &Generator::op_enum},
      {3, &Generator::op_domain},        {3, &Generator::op_sequence},
      {3, &Generator::op_policy},        {1, &Generator::op_rls},
      {3, &Generator::op_grant},         {3, &Generator::op_comment},
  };
  int total = 0;
  for (const auto& w : ops) total += w.weight;
  for (int n = rng_.range(3, 10); n > 0; --n) {
    int r = rng_.range(0, total - 1);
    for (const auto& w : ops) {
      if (r < w.weight) {
        (this->*w.op)();
        break;
      }
      r -= w.weight;
    }
  }
  repair();
}

void Generator::pin_columns() {
  if (!f_.policy_columns_change) {
    for (const auto& p : m_.policies) {
      for (const auto* e : {&p.using_, &p.check}) {
        if (*e && (*e)->col >= 0) pinned_.insert({p.table, (*e)->col});
      }
    }
  }
  keep_type_ = pinned_;
  for (const auto& t : m_.tables) {
    for (const auto& c : t.columns) {
      if (!f_.generated_sources_retyped && c.generated_from >= 0) {
        keep_type_.insert({t.id, c.generated_from});
      }
    }
  }
  for (const auto& t : m_.tables) {
    for (const auto& c : t.columns) {
      bool user_type = c.type.base == Base::Enum || c.type.base == Base::Domain;
      if (user_type && keep_type_.count({t.id, c.id})) pinned_types_.insert(c.type.ref);
    }
    for (const auto& k : t.fks) {
      if (f_.foreign_keys_on_recreated_types) break;
      for (int id : k.cols) {
        const Column* c = by_id(t.columns, id);
        if (c && (c->type.base == Base::Enum || c->type.base == Base::Domain)) {
          pinned_types_.insert(c->type.ref);
        }
      }
    }
  }
}

bool Generator::pinned(const Table& t, const Column& c) const {
  return pinned_.count({t.id, c.id}) != 0;
}

bool Generator::type_pinned(const Table& t, const Column& c) const {
  return keep_type_.count({t.id, c.id}) != 0;
}

bool Generator::pinned_type(int id) const { return pinned_types_.count(id) != 0; }

bool Generator::schema_has_pinned_type(int schema) const {
  for (const auto& e : m_.enums) {
    if (e.schema == schema && pinned_type(e.id)) return true;
  }
  for (const auto& d : m_.domains) {
    if (d.schema == schema && pinned_type(d.id)) return true;
  }
  return false;
}

Table* Generator::random_table() { return m_.tables.empty() ? nullptr : &rng_.pick(m_.tables); }

Column* Generator::random_column(Table& t) {
  return t.columns.empty() ? nullptr : &rng_.pick(t.columns);
}

void Generator::op_schema() {
  int r = rng_.range(0, 2);
  if (r == 0) {
    add_table(add_schema());
    return;
  }
  size_t at = rng_.below(m_.schemas.size());
  if (schema_has_pinned_type(m_.schemas[at].id)) return;
  if (r == 1 && m_.schemas.size() > 1) {
    m_.schemas.erase(m_.schemas.begin() + static_cast<long>(at));
  } else {
    m_.schemas[at].name = name("s", m_.fresh());
  }
}

void Generator::op_table() {
  int r = rng_.range(0, 3);
  Table* t = random_table();
  if (r == 0 || !t) {
    add_table(random_schema());
    if (rng_.chance(40)) add_table(random_schema());
  } else if (r == 1) {
    int id = t->id;
    erase_if(m_.tables, [&](const Table& x) { return x.id == id; });
  } else if (r == 2) {
    // A rename is a drop and an add for the diff.
    t->name = name("t", m_.fresh());
    if (rng_.chance(30)) t->schema = random_schema();
  } else {
    t->comment = some_comment(m_.fresh());
    add_unique(*t);
  }
}

void Generator::op_add_column() {
  if (Table* t = random_table()) t->columns.push_back(new_column(*t));
}

void Generator::op_drop_column() {
  Table* t = random_table();
  if (!t || t->columns.size() < 2) return;
  size_t at = rng_.below(t->columns.size());
  if (!pinned(*t, t->columns[at])) t->columns.erase(t->columns.begin() + static_cast<long>(at));
}

void Generator::op_rename_column() {
  Table* t = random_table();
  Column* c = t ? random_column(*t) : nullptr;
  if (c && !pinned(*t, *c)) c->name = name("c", m_.fresh());
}

// Whether `from` (a type in from_model) converts to `to` with a plain cast, as migra's
// USING clause does.
bool Generator::castable(const Model& from_model, const Type& from, const Type& to) {
  if (from.array || to.array) return from.array && to.array;
  Cat a = cat_of(from_model, from), b = cat_of(m_, to);
  if (a == Cat::Text || b == Cat::Text) return true;
  auto number = [](Cat c) { return c == Cat::Integer || c == Cat::Numeric; };
  if (number(a) && number(b)) return true;
  auto time = [](Cat c) { return c == Cat::Time || c == Cat::Date; };
  if (time(a) && time(b)) return true;
  if (a == Cat::Enum && b == Cat::Enum) return true;
  return (from.base == Base::Int && to.base == Base::Bool) ||
         (from.base == Base::Bool && to.base == Base::Int);
}

void Generator::op_column_type() {
  if (!f_.column_type_changes) return;
  Table* t = random_table();
  Column* c = t ? random_column(*t) : nullptr;
  if (!c || c->generated_from >= 0 || type_pinned(*t, *c)) return;
  // The migration converts from A's type, whatever earlier mutations did.
  const Table* table_a = by_id(a_.tables, t->id);
  const Column* in_a = table_a ? by_id(table_a->columns, c->id) : nullptr;
  for (int tries = 0; tries < 6; ++tries) {
    Type n = random_type();
    if (!(n == c->type) && castable(in_a ? a_ : m_, in_a ? in_a->type : c->type, n)) {
      c->type = n;
      return;
    }
  }
}

void Generator::op_default() {
  Table* t = random_table();
  Column* c = t ? random_column(*t) : nullptr;
  if (!c) return;
  if (c->default_.kind != DefaultKind::None && rng_.chance(40)) {
    c->default_ = {};
  } else if (c->default_.kind == DefaultKind::Literal && rng_.chance(50)) {
    c->default_.variant = (c->default_.variant + 1 + rng_.range(0, 5)) % 100;
  } else {
    c->default_ = random_default(c->type);
  }
}

void Generator::op_not_null() {
  Table* t = random_table();
  if (Column* c = t ? random_column(*t) : nullptr) c->not_null = !c->not_null;
}

void Generator::op_identity() {
  if (!f_.identity_columns) return;
  Table* t = random_table();
  Column* c = t ? random_column(*t) : nullptr;
  if (!c || !is_int(c->type) || c->generated_from >= 0) return;
  int r = rng_.range(0, 2);
  if (c->identity == Identity::None) {
    set_identity(*c);
  } else if (r == 0) {
    c->identity = Identity::None;
  } else if (r == 1) {
    c->identity = c->identity == Identity::Always ? Identity::ByDefault : Identity::Always;
  } else {
    c->identity_start = rng_.range(1, 100);
    c->identity_increment = rng_.range(1, 5);
  }
}

void Generator::op_generated() {
  if (!f_.generated_columns) return;
  Table* t = random_table();
  if (!t) return;
  std::vector<Column*> generated;
  for (auto& c : t->columns) {
    if (c.generated_from >= 0) generated.push_back(&c);
  }
  if (!generated.empty() && rng_.chance(50)) {
    // Becomes a plain column that keeps its values.
    generated[rng_.below(generated.size())]->generated_from = -1;
  } else {
    Column c = new_column(*t);
    std::vector<int> sources;
    for (const auto& s : t->columns) {
      if (s.generated_from < 0 && s.identity == Identity::None && generated_type(m_, s.type)) {
        sources.push_back(s.id);
      }
    }
    if (sources.empty()) return;
    c.generated_from = rng_.pick(sources);
    c.identity = Identity::None;
    t->columns.push_back(c);
  }
}

void Generator::op_primary_key() {
  Table* t = random_table();
  if (!t) return;
  if (!t->pk.empty() && rng_.chance(50)) {
    t->pk.clear();
  } else {
    set_primary_key(*t);
  }
}

void Generator::op_unique() {
  Table* t = random_table();
  if (!t) return;
  if (!t->uniques.empty() && rng_.chance(50)) {
    t->uniques.erase(t->uniques.begin() + static_cast<long>(rng_.below(t->uniques.size())));
  } else {
    add_unique(*t);
  }
}

void Generator::op_check() {
  Table* t = random_table();
  if (!t) return;
  int r = rng_.range(0, 2);
  if (t->checks.empty() || r == 0) {
    add_check(*t);
  } else if (r == 1) {
    t->checks.erase(t->checks.begin() + static_cast<long>(rng_.below(t->checks.size())));
  } else {
    auto& k = rng_.pick(t->checks);
    k.pred.variant = (k.pred.variant + 1) % 10;
  }
}

void Generator::op_foreign_key() {
  Table* t = random_table();
  if (!t) return;
  int r = rng_.range(0, 2);
  if (t->fks.empty() || r == 0) {
    add_foreign_key(*t);
  } else if (r == 1) {
    t->fks.erase(t->fks.begin() + static_cast<long>(rng_.below(t->fks.size())));
  } else {
    auto& k = rng_.pick(t->fks);
    k.on_delete = (k.on_delete + 1) % 4;
    k.deferrable = rng_.chance(50);
  }
}

void Generator::op_index() {
  int r = rng_.range(0, 3);
  if (m_.indexes.empty() || r == 0) {
    add_index();
    return;
  }
  auto& i = rng_.pick(m_.indexes);
  if (r == 1) {
    int id = i.id;
    erase_if(m_.indexes, [&](const Index& x) { return x.id == id; });
    return;
  }
  Table* t = by_id(m_.tables, i.table);
  if (!t || t->columns.empty()) return;
  if (r == 2) {
    i.unique = !i.unique;
    if (rng_.chance(50)) i.elems.push_back(index_elem(*t));
  } else if (i.where) {
    i.where.reset();
  } else {
    i.where = Pred{rng_.pick(t->columns).id, rng_.range(0, 9)};
  }
}

void Generator::op_view() {
  int r = rng_.range(0, 5);
  if (m_.views.empty() || r == 0) {
    add_view();
    return;
  }
  auto& v = rng_.pick(m_.views);
  switch (r) {
    case 1: {
      int id = v.id;
      erase_if(m_.views, [&](const View& x) { return x.id == id; });
      break;
    }
    case 2:
      v.items.push_back(view_item(v));
      break;
    case 3:
      if (v.items.size() > 1) {
        v.items.erase(v.items.begin() + static_cast<long>(rng_.below(v.items.size())));
      }
      break;
    case 4: {
      auto cols = source_columns(m_, v);
      if (v.where || cols.empty()) {
        v.where.reset();
      } else {
        v.where = Pred{rng_.pick(cols).id, rng_.range(0, 9)};
      }
      break;
    }
    default:
      v.name = name("v", m_.fresh());
      break;
  }
}

void Generator::op_function() {
  int r = rng_.range(0, 7);
  if (m_.functions.empty() || r == 0) {
    add_function(rng_.chance(30) && !m_.tables.empty());
    return;
  }
  auto& f = rng_.pick(m_.functions);
  switch (r) {
    case 1: {
      int id = f.id;
      erase_if(m_.functions, [&](const Function& x) { return x.id == id; });
      break;
    }
    case 2:
      f.constant = f.constant % 99 + 1;
      break;
    case 3:
      f.lang = fn_lang();
      f.constant = f.constant % 99 + 1;
      break;
    case 4:
      if (f.reads_table < 0) {
        f.volatility =
            f.volatility == Volatility::Immutable ? Volatility::Stable : Volatility::Immutable;
      }
      break;
    case 5:
      if (!f_.function_signature_changes) break;
      if (f.params.size() < 3 && rng_.chance(50)) {
        f.params.push_back(fn_type());
      } else if (!f.params.empty()) {
        f.params[rng_.below(f.params.size())] = fn_type();
      }
      break;
    case 6:
      if (f_.function_signature_changes) f.result = fn_type();
      break;
    default:
      f.name = name("f", m_.fresh());
      break;
  }
}

void Generator::op_enum() {
  int r = rng_.range(0, 6);
  if (m_.enums.empty() || r == 0) {
    add_enum();
    return;
  }
  auto& e = rng_.pick(m_.enums);
  if (pinned_type(e.id) && (r == 1 || r == 4 || r == 5)) return;
  switch (r) {
    case 1: {
      int id = e.id;
      erase_if(m_.enums, [&](const Enum& x) { return x.id == id; });
      break;
    }
    case 2:
      e.labels.push_back(new_label());
      break;
    case 3: {
      // Not before the first label when defaults stay with labels of A.
      size_t lo = f_.enum_new_label_in_default ? 0 : 1;
      size_t at = lo + rng_.below(e.labels.size() + 1 - std::min(lo, e.labels.size()));
      e.labels.insert(e.labels.begin() + static_cast<long>(std::min(at, e.labels.size())),
                      new_label());
      break;
    }
    case 4:
      if (f_.enum_label_removal && e.labels.size() > 1) {
        e.labels.erase(e.labels.begin() + static_cast<long>(rng_.below(e.labels.size())));
      }
      break;
    case 5:
      e.name = name("e", m_.fresh());
      break;
    default:
      e.comment = some_comment(m_.fresh());
      break;
  }
}

void Generator::op_domain() {
  int r = rng_.range(0, 6);
  if (m_.domains.empty() || r == 0) {
    add_domain();
    return;
  }
  auto& d = rng_.pick(m_.domains);
  if (pinned_type(d.id) && (r == 1 || r == 6)) return;
  switch (r) {
    case 1: {
      // Columns of a dropped domain keep its base type.
      int id = d.id;
      Type base = d.base;
      for (auto& t : m_.tables) {
        for (auto& c : t.columns) {
          if (c.type.base == Base::Domain && c.type.ref == id) c.type = base;
        }
      }
      erase_if(m_.domains, [&](const Domain& x) { return x.id == id; });
      break;
    }
    case 2:
      if (d.checks.empty() || rng_.chance(40)) {
        d.checks.push_back(domain_check());
      } else {
        auto& k = rng_.pick(d.checks);
        k.variant = (k.variant + 1) % 10;
      }
      break;
    case 3:
      if (!d.checks.empty()) {
        d.checks.erase(d.checks.begin() + static_cast<long>(rng_.below(d.checks.size())));
      }
      break;
    case 4:
      d.not_null = !d.not_null;
      break;
    case 5:
      if (d.default_variant && rng_.chance(50)) {
        d.default_variant.reset();
      } else {
        d.default_variant = rng_.range(0, 20);
      }
      break;
    default:
      if (f_.domain_base_changes) d.base = Type{d.base.base == Base::Int ? Base::Text : Base::Int};
      break;
  }
}

void Generator::op_sequence() {
  int r = rng_.range(0, 3);
  if (m_.sequences.empty() || r == 0) {
    add_sequence();
    return;
  }
  auto& s = rng_.pick(m_.sequences);
  if (r == 1) {
    int id = s.id;
    erase_if(m_.sequences, [&](const Sequence& x) { return x.id == id; });
  } else if (r == 2) {
    // A's sequence is still at its start value.
    const Sequence* in_a = by_id(a_.sequences, s.id);
    sequence_params(s, in_a ? in_a->start : s.start);
  } else {
    s.name = name("q", m_.fresh());
  }
}

void Generator::op_policy() {
  if (!f_.policies) return;
  int r = rng_.range(0, 5);
  if (m_.policies.empty() || r == 0) {
    add_policy();
    return;
  }
  auto& p = rng_.pick(m_.policies);
  Table* t = by_id(m_.tables, p.table);
  switch (r) {
    case 1: {
      int id = p.id;
      erase_if(m_.policies, [&](const Policy& x) { return x.id == id; });
      break;
    }
    case 2:
      policy_roles(p);
      break;
    case 3:
      if (t) policy_expressions(p, *t);
      break;
    case 4:
      p.command = rng_.range(0, 4);
      if (t) policy_expressions(p, *t);
      break;
    default:
      p.permissive = !p.permissive;
      break;
  }
}

void Generator::op_rls() {
  if (Table* t = random_table()) {
    if (rng_.chance(70)) {
      t->rls = !t->rls;
    } else {
      t->force_rls = !t->force_rls;
    }
  }
}

void Generator::op_grant() {
  if (rng_.chance(60)) {
    add_grant();
    return;
  }
  auto slots = grant_slots();
  if (slots.empty()) return;
  GrantSlot s = rng_.pick(slots);
  if (s.public_flag && rng_.chance(30)) {
    *s.public_flag = !*s.public_flag;
  } else if (!s.grants->empty()) {
    s.grants->erase(s.grants->begin() + static_cast<long>(rng_.below(s.grants->size())));
  }
}

void Generator::op_comment() {
  auto slots = comment_slots();
  if (slots.empty()) return;
  Comment* c = rng_.pick(slots);
  if (*c && rng_.chance(40)) {
    c->reset();
  } else {
    *c = some_comment(m_.fresh());
  }
}

}  // namespace migra::test::property
