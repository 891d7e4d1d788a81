// SQL text of a generated model. Anything an expression needs is checked against the model
// being rendered; where a spec does not fit the current types, a plainer form that does is
// used, so every rendering loads.
#include <sstream>

#include "property/schema_model.h"

namespace migra::test::property {
namespace {

std::string qi(const std::string& name) { return "\"" + name + "\""; }

std::string lit(const std::string& text) {
  std::string out = "'";
  for (char c : text) {
    out += c;
    if (c == '\'') out += '\'';
  }
  return out + "'";
}

const char* kRoleSql[] = {"\"postgres\"", "\"schemainspect_test_role\"", "public"};
const char* kCommands[] = {"all", "select", "insert", "update", "delete"};
const char* kOnDelete[] = {"no action", "cascade", "set null", "restrict"};

std::string schema_name(const Model& m, int schema) {
  const auto* s = by_id(m.schemas, schema);
  return qi(s ? s->name : "public");
}

std::string q(const Model& m, int schema, const std::string& name) {
  return schema_name(m, schema) + "." + qi(name);
}

const char* base_sql(Base b) {
  switch (b) {
    case Base::Int:
      return "integer";
    case Base::BigInt:
      return "bigint";
    case Base::SmallInt:
      return "smallint";
    case Base::Text:
      return "text";
    default:
      return "integer";
  }
}

std::string type_sql(const Model& m, const Type& t) {
  std::string s;
  switch (t.base) {
    case Base::Int:
      s = "integer";
      break;
    case Base::BigInt:
      s = "bigint";
      break;
    case Base::SmallInt:
      s = "smallint";
      break;
    case Base::Numeric:
      s = t.len ? "numeric(" + std::to_string(t.len) + "," + std::to_string(t.scale) + ")"
                : "numeric";
      break;
    case Base::Text:
      s = "text";
      break;
    case Base::Varchar:
      s = "varchar(" + std::to_string(t.len) + ")";
      break;
    case Base::Bool:
      s = "boolean";
      break;
    case Base::Timestamptz:
      s = "timestamptz";
      break;
    case Base::Date:
      s = "date";
      break;
    case Base::Jsonb:
      s = "jsonb";
      break;
    case Base::Uuid:
      s = "uuid";
      break;
    case Base::Enum: {
      const auto* e = by_id(m.enums, t.ref);
      s = e ? q(m, e->schema, e->name) : "text";
      break;
    }
    case Base::Domain: {
      const auto* d = by_id(m.domains, t.ref);
      s = d ? q(m, d->schema, d->name) : "text";
      break;
    }
  }
  return t.array ? s + "[]" : s;
}

// A constant of the type (defaults, domain defaults).
std::string literal(const Model& m, const Type& t, int v, bool first_label) {
  if (t.array) return "'{}'";
  Type r = resolve(m, t);
  switch (r.base) {
    case Base::Int:
    case Base::BigInt:
    case Base::SmallInt:
      return std::to_string(v % 50);
    case Base::Numeric:
      return "0." + std::to_string(v % 10);
    case Base::Text:
    case Base::Varchar:
      return "'x" + std::to_string(v % 100) + "'";
    case Base::Bool:
      return v % 2 ? "true" : "false";
    case Base::Timestamptz:
      return v % 2 ? "now()" : "'2020-01-02 03:04:05+00'::timestamptz";
    case Base::Date:
      return v % 2 ? "CURRENT_DATE" : "'2021-02-03'::date";
    case Base::Jsonb:
      return v % 2 ? "'{}'::jsonb" : "'[1]'::jsonb";
    case Base::Uuid:
      return v % 2 ? "gen_random_uuid()" : "'00000000-0000-0000-0000-000000000001'::uuid";
    case Base::Enum: {
      const auto* e = by_id(m.enums, r.ref);
      if (!e || e->labels.empty()) return "null";
      return lit(e->labels[first_label ? 0 : v % e->labels.size()]);
    }
    case Base::Domain:
      break;
  }
  return "null";
}

// A boolean expression on `ref`, a value of type t: checks, index predicates, policies.
std::string pred_sql(const Model& m, const Type& t, const std::string& ref, int v) {
  switch (cat_of(m, t)) {
    case Cat::Integer:
      return v % 3 == 0   ? "(" + ref + " < " + std::to_string(1000 + v) + ")"
             : v % 3 == 1 ? "(" + ref + " <> " + std::to_string(v) + ")"
                          : "(" + ref + " >= 0)";
    case Cat::Numeric:
      return v % 2 ? "(" + ref + " >= 0)" : "(" + ref + " < 1000)";
    case Cat::Text:
      return v % 2 ? "(length(" + ref + ") < " + std::to_string(50 + v) + ")"
                   : "(" + ref + " <> '')";
    case Cat::Time:
      return "(" + ref + " > '2000-01-01 00:00:00+00'::timestamptz)";
    case Cat::Date:
      return "(" + ref + " > '2000-01-01'::date)";
    case Cat::Json:
      return "(jsonb_typeof(" + ref + ") <> 'null')";
    case Cat::Array:
      return "(cardinality(" + ref + ") < " + std::to_string(10 + v) + ")";
    case Cat::Bool:
    case Cat::Uuid:
    case Cat::Enum:
      return "(" + ref + " is not null)";
  }
  return "true";
}

std::string fn_name(const Model& m, const Function& f) { return q(m, f.schema, f.name); }

std::string fn_sig(const Model& m, const Function& f) {
  std::string s = fn_name(m, f) + "(";
  for (size_t i = 0; i < f.params.size(); ++i) {
    s += (i ? ", " : "") + std::string(base_sql(f.params[i]));
  }
  return s + ")";
}

// A call with `first` as its first argument (if not empty) and constants for the rest.
std::string call_sql(const Model& m, const Function& f, const std::string& first) {
  std::string s = fn_name(m, f) + "(";
  for (size_t i = 0; i < f.params.size(); ++i) {
    std::string arg = i == 0 && !first.empty() ? first : f.params[i] == Base::Text ? "'a'" : "1";
    s += (i ? ", " : "") + arg;
  }
  return s + ")";
}

std::string fn_sql(const Model& m, const Function& f) {
  bool text = f.result == Base::Text;
  std::vector<std::string> terms;
  for (size_t i = 0; i < f.params.size(); ++i) {
    std::string a = "a" + std::to_string(i + 1);
    if (f.params[i] == Base::Text) {
      terms.push_back(text ? a : "length(" + a + ")");
    } else {
      terms.push_back(text ? a + "::text" : a);
    }
  }
  if (f.reads_table >= 0) {
    const auto* t = by_id(m.tables, f.reads_table);
    std::string count = "(select count(*) from " + q(m, t->schema, t->name) + ")";
    terms.push_back(text ? count + "::text" : count);
  }
  terms.push_back(text ? lit("k" + std::to_string(f.constant)) : std::to_string(f.constant));
  std::string expr = "(";
  for (size_t i = 0; i < terms.size(); ++i) expr += (i ? (text ? " || " : " + ") : "") + terms[i];
  expr += ")::" + std::string(base_sql(f.result));

  std::string sql = "create function " + fn_name(m, f) + "(";
  for (size_t i = 0; i < f.params.size(); ++i) {
    sql += (i ? ", " : "") + ("a" + std::to_string(i + 1)) + " " + base_sql(f.params[i]);
  }
  sql += ") returns " + std::string(base_sql(f.result));
  const char* vol = f.volatility == Volatility::Immutable ? "immutable"
                    : f.volatility == Volatility::Stable  ? "stable"
                                                          : "volatile";
  switch (f.lang) {
    case Lang::Sql:
      return sql + " language sql " + vol + " as $$ select " + expr + " $$;\n";
    case Lang::SqlStandard:
      return sql + " language sql " + vol + "\n  return " + expr + ";\n";
    case Lang::Plpgsql:
      return sql + " language plpgsql " + vol + " as $$\nbegin\n  return " + expr + ";\nend\n$$;\n";
  }
  return sql;
}

const Column* column(const Table& t, int id) { return by_id(t.columns, id); }

std::optional<std::string> default_sql(const Model& m, const Column& c, bool first_label) {
  if (c.generated_from >= 0 || c.identity != Identity::None) return std::nullopt;
  const Default& d = c.default_;
  Cat cat = cat_of(m, c.type);
  switch (d.kind) {
    case DefaultKind::None:
      return std::nullopt;
    case DefaultKind::Function: {
      const auto* f = by_id(m.functions, d.ref);
      if (f && f->reads_table < 0 && !c.type.array &&
          ((cat == Cat::Integer && f->result != Base::Text) ||
           (cat == Cat::Text && f->result == Base::Text))) {
        return call_sql(m, *f, "");
      }
      break;
    }
    case DefaultKind::Nextval: {
      const auto* s = by_id(m.sequences, d.ref);
      if (s && cat == Cat::Integer && !c.type.array) {
        return "nextval(" + lit(q(m, s->schema, s->name)) + "::regclass)";
      }
      break;
    }
    case DefaultKind::Literal:
      break;
  }
  return literal(m, c.type, d.variant, first_label);
}

std::string column_sql(const Model& m, const Table& t, const Column& c, bool first_label) {
  std::string s = "  " + qi(c.name) + " " + type_sql(m, c.type);
  if (c.generated_from >= 0) {
    const Column* src = column(t, c.generated_from);
    std::string ref = "(" + qi(src->name) + ")";
    switch (cat_of(m, src->type)) {
      case Cat::Integer:
        s += " generated always as (" + ref + "::bigint * 2) stored";
        break;
      case Cat::Numeric:
        s += " generated always as (" + ref + " * 2) stored";
        break;
      default:
        s += " generated always as (upper(" + ref + ")) stored";
        break;
    }
  }
  if (c.identity != Identity::None) {
    s += std::string(" generated ") + (c.identity == Identity::Always ? "always" : "by default") +
         " as identity (start with " + std::to_string(c.identity_start) + " increment by " +
         std::to_string(c.identity_increment) + ")";
  }
  if (auto d = default_sql(m, c, first_label)) s += " default " + *d;
  if (c.not_null) s += " not null";
  return s;
}

std::string col_list(const Table& t, const std::vector<int>& ids) {
  std::string s = "(";
  for (size_t i = 0; i < ids.size(); ++i) s += (i ? ", " : "") + qi(column(t, ids[i])->name);
  return s + ")";
}

std::string table_pred(const Model& m, const Table& t, const Pred& p) {
  const Column* c = column(t, p.col);
  return c ? pred_sql(m, c->type, qi(c->name), p.variant) : "true";
}

std::string table_sql(const Model& m, const Table& t, bool first_label) {
  std::string s = "create table " + q(m, t.schema, t.name) + " (\n";
  std::vector<std::string> parts;
  for (const auto& c : t.columns) parts.push_back(column_sql(m, t, c, first_label));
  if (!t.pk.empty()) {
    parts.push_back("  constraint " + qi(t.pk_name) + " primary key " + col_list(t, t.pk));
  }
  for (const auto& u : t.uniques) {
    parts.push_back("  constraint " + qi(u.name) + " unique " + col_list(t, u.cols));
  }
  for (const auto& k : t.checks) {
    parts.push_back("  constraint " + qi(k.name) + " check (" + table_pred(m, t, k.pred) + ")");
  }
  for (size_t i = 0; i < parts.size(); ++i) s += parts[i] + (i + 1 < parts.size() ? ",\n" : "\n");
  return s + ");\n";
}

std::string index_elem(const Model& m, const Table& t, const IndexElem& e) {
  const Column* c = column(t, e.col);
  std::string ref = qi(c->name);
  if (const auto* f = by_id(m.functions, e.fn)) {
    if (f->volatility == Volatility::Immutable && f->reads_table < 0 && !f->params.empty() &&
        arg_ok(m, c->type, f->params[0])) {
      return "(" + call_sql(m, *f, ref) + ")";
    }
  }
  if (!e.expr) return ref;
  switch (cat_of(m, c->type)) {
    case Cat::Integer:
      return "(" + ref + " + 1)";
    case Cat::Numeric:
      return "(abs(" + ref + "))";
    case Cat::Text:
      return "(lower(" + ref + "))";
    case Cat::Json:
      return "((" + ref + " ->> 'k'))";
    case Cat::Array:
      return "(cardinality(" + ref + "))";
    default:
      return ref;
  }
}

std::string view_sql(const Model& m, const View& v) {
  auto src = source_columns(m, v);
  auto src_col = [&](int id) -> const SourceColumn* {
    for (const auto& c : src) {
      if (c.id == id) return &c;
    }
    return nullptr;
  };
  std::string s = std::string("create ") + (v.materialized ? "materialized " : "") + "view " +
                  q(m, v.schema, v.name) + " as\n  select ";
  for (size_t i = 0; i < v.items.size(); ++i) {
    const auto& it = v.items[i];
    const auto* c = src_col(it.col);
    std::string ref = c ? "src." + qi(c->name) : "";
    const auto* f = by_id(m.functions, it.fn);
    std::string e = f ? call_sql(m, *f, ref) : ref;
    s += (i ? ", " : "") + e + " as " + qi("o" + std::to_string(it.id));
  }
  std::string from;
  if (v.from_view) {
    const auto* sv = by_id(m.views, v.source);
    from = q(m, sv->schema, sv->name);
  } else {
    const auto* t = by_id(m.tables, v.source);
    from = q(m, t->schema, t->name);
  }
  s += "\n  from " + from + " src";
  if (v.where) {
    const auto* c = src_col(v.where->col);
    if (c) s += "\n  where " + pred_sql(m, c->type, "src." + qi(c->name), v.where->variant);
  }
  return s + ";\n";
}

std::string roles_sql(const std::vector<int>& roles) {
  if (roles.empty()) return "public";
  std::string s;
  for (size_t i = 0; i < roles.size(); ++i) s += (i ? ", " : "") + std::string(kRoleSql[roles[i]]);
  return s;
}

void grants_sql(std::ostringstream& o, const std::vector<Grant>& grants, const std::string& target,
                const std::string& columns = "") {
  for (const auto& g : grants) {
    o << "grant " << g.privilege << columns << " on " << target << " to " << kRoleSql[g.role]
      << (g.grantable ? " with grant option" : "") << ";\n";
  }
}

void comment_sql(std::ostringstream& o, const Comment& c, const std::string& target) {
  if (c) o << "comment on " << target << " is " << lit(*c) << ";\n";
}

}  // namespace

Type resolve(const Model& m, const Type& t) {
  if (t.base != Base::Domain || t.array) return t;
  const auto* d = by_id(m.domains, t.ref);
  return d ? d->base : Type{Base::Text};
}

Cat cat_of(const Model& m, const Type& t) {
  if (t.array) return Cat::Array;
  switch (resolve(m, t).base) {
    case Base::Int:
    case Base::BigInt:
    case Base::SmallInt:
      return Cat::Integer;
    case Base::Numeric:
      return Cat::Numeric;
    case Base::Text:
    case Base::Varchar:
      return Cat::Text;
    case Base::Bool:
      return Cat::Bool;
    case Base::Timestamptz:
      return Cat::Time;
    case Base::Date:
      return Cat::Date;
    case Base::Jsonb:
      return Cat::Json;
    case Base::Uuid:
      return Cat::Uuid;
    case Base::Enum:
      return Cat::Enum;
    case Base::Domain:
      break;
  }
  return Cat::Text;
}

bool arg_ok(const Model& m, const Type& t, Base param) {
  if (t.array) return false;
  Base b = resolve(m, t).base;
  switch (param) {
    case Base::Int:
      return b == Base::Int || b == Base::SmallInt;
    case Base::BigInt:
      return b == Base::Int || b == Base::SmallInt || b == Base::BigInt;
    case Base::Text:
      return b == Base::Text || b == Base::Varchar;
    default:
      return false;
  }
}

std::optional<Type> generated_type(const Model& m, const Type& src) {
  switch (cat_of(m, src)) {
    case Cat::Integer:
      return Type{Base::BigInt};
    case Cat::Numeric:
      return Type{Base::Numeric};
    case Cat::Text:
      return Type{Base::Text};
    default:
      return std::nullopt;
  }
}

std::vector<SourceColumn> source_columns(const Model& m, const View& v) {
  std::vector<SourceColumn> out;
  if (v.from_view) {
    if (const auto* sv = by_id(m.views, v.source)) {
      for (const auto& it : sv->items) {
        out.push_back({it.id, "o" + std::to_string(it.id), item_type(m, *sv, it)});
      }
    }
  } else if (const auto* t = by_id(m.tables, v.source)) {
    for (const auto& c : t->columns) out.push_back({c.id, c.name, c.type});
  }
  return out;
}

Type item_type(const Model& m, const View& v, const ViewItem& item) {
  if (const auto* f = by_id(m.functions, item.fn)) return Type{f->result};
  for (const auto& c : source_columns(m, v)) {
    if (c.id == item.col) return c.type;
  }
  return Type{Base::Text};
}

std::string render(const Model& m, bool first_label) {
  std::ostringstream o;
  for (const auto& s : m.schemas) o << "create schema " << qi(s.name) << ";\n";
  for (const auto& e : m.enums) {
    o << "create type " << q(m, e.schema, e.name) << " as enum (";
    for (size_t i = 0; i < e.labels.size(); ++i) o << (i ? ", " : "") << lit(e.labels[i]);
    o << ");\n";
  }
  for (const auto& d : m.domains) {
    o << "create domain " << q(m, d.schema, d.name) << " as " << type_sql(m, d.base);
    if (d.default_variant) o << " default " << literal(m, d.base, *d.default_variant, first_label);
    if (d.not_null) o << " not null";
    for (const auto& k : d.checks) {
      o << " constraint " << qi(k.name) << " check ("
        << (d.base.base == Base::Int
                ? (k.variant % 2 ? "VALUE < " + std::to_string(1000 + k.variant)
                                 : "VALUE <> " + std::to_string(k.variant))
                : (k.variant % 2 ? "length(VALUE) < " + std::to_string(50 + k.variant)
                                 : "VALUE <> " + lit("z" + std::to_string(k.variant))))
        << ")";
    }
    o << ";\n";
  }
  for (const auto& s : m.sequences) {
    o << "create sequence " << q(m, s.schema, s.name) << " as " << base_sql(s.as)
      << " increment by " << s.increment << " minvalue " << s.min << " maxvalue " << s.max
      << " start with " << s.start << " cache " << s.cache << (s.cycle ? " cycle" : " no cycle")
      << ";\n";
  }
  for (const auto& f : m.functions) {
    if (f.reads_table < 0) o << fn_sql(m, f);
  }
  for (const auto& t : m.tables) o << table_sql(m, t, first_label);
  for (const auto& f : m.functions) {
    if (f.reads_table >= 0) o << fn_sql(m, f);
  }
  for (const auto& t : m.tables) {
    for (const auto& k : t.fks) {
      const auto* r = by_id(m.tables, k.ref_table);
      o << "alter table " << q(m, t.schema, t.name) << " add constraint " << qi(k.name)
        << " foreign key " << col_list(t, k.cols) << " references " << q(m, r->schema, r->name)
        << " " << col_list(*r, k.ref_cols) << " on delete " << kOnDelete[k.on_delete]
        << (k.deferrable ? " deferrable initially deferred" : "") << ";\n";
    }
  }
  for (const auto& i : m.indexes) {
    const auto* t = by_id(m.tables, i.table);
    o << "create " << (i.unique ? "unique " : "") << "index " << qi(i.name) << " on "
      << q(m, t->schema, t->name) << " (";
    for (size_t k = 0; k < i.elems.size(); ++k) {
      o << (k ? ", " : "") << index_elem(m, *t, i.elems[k]);
    }
    o << ")";
    if (i.where) o << " where " << table_pred(m, *t, *i.where);
    o << ";\n";
  }
  for (const auto& v : m.views) o << view_sql(m, v);
  for (const auto& t : m.tables) {
    if (t.rls) o << "alter table " << q(m, t.schema, t.name) << " enable row level security;\n";
    if (t.force_rls) {
      o << "alter table " << q(m, t.schema, t.name) << " force row level security;\n";
    }
  }
  for (const auto& p : m.policies) {
    const auto* t = by_id(m.tables, p.table);
    o << "create policy " << qi(p.name) << " on " << q(m, t->schema, t->name) << " as "
      << (p.permissive ? "permissive" : "restrictive") << " for " << kCommands[p.command] << " to "
      << roles_sql(p.roles);
    if (p.using_) o << " using (" << table_pred(m, *t, *p.using_) << ")";
    if (p.check) o << " with check (" << table_pred(m, *t, *p.check) << ")";
    o << ";\n";
  }

  // Privileges and comments, last, on everything that now exists.
  for (const auto& s : m.schemas) {
    grants_sql(o, s.grants, "schema " + qi(s.name));
    comment_sql(o, s.comment, "schema " + qi(s.name));
  }
  for (const auto& e : m.enums) {
    std::string name = q(m, e.schema, e.name);
    if (!e.public_usage) o << "revoke usage on type " << name << " from public;\n";
    grants_sql(o, e.grants, "type " + name);
    comment_sql(o, e.comment, "type " + name);
  }
  for (const auto& d : m.domains) comment_sql(o, d.comment, "domain " + q(m, d.schema, d.name));
  for (const auto& s : m.sequences) {
    std::string name = q(m, s.schema, s.name);
    grants_sql(o, s.grants, "sequence " + name);
    comment_sql(o, s.comment, "sequence " + name);
  }
  for (const auto& f : m.functions) {
    std::string sig = "function " + fn_sig(m, f);
    if (!f.public_execute) o << "revoke execute on " << sig << " from public;\n";
    grants_sql(o, f.grants, sig);
    comment_sql(o, f.comment, sig);
  }
  for (const auto& t : m.tables) {
    std::string name = q(m, t.schema, t.name);
    grants_sql(o, t.grants, "table " + name);
    comment_sql(o, t.comment, "table " + name);
    for (const auto& c : t.columns) {
      grants_sql(o, c.grants, "table " + name, " (" + qi(c.name) + ")");
      comment_sql(o, c.comment, "column " + name + "." + qi(c.name));
    }
    for (const auto& k : t.checks) {
      comment_sql(o, k.comment, "constraint " + qi(k.name) + " on " + name);
    }
  }
  for (const auto& i : m.indexes) {
    const auto* t = by_id(m.tables, i.table);
    comment_sql(o, i.comment, "index " + q(m, t->schema, i.name));
  }
  for (const auto& v : m.views) {
    std::string name = q(m, v.schema, v.name);
    grants_sql(o, v.grants, "table " + name);
    comment_sql(o, v.comment, std::string(v.materialized ? "materialized view " : "view ") + name);
  }
  for (const auto& p : m.policies) {
    const auto* t = by_id(m.tables, p.table);
    comment_sql(o, p.comment, "policy " + qi(p.name) + " on " + q(m, t->schema, t->name));
  }
  return o.str();
}

}  // namespace migra::test::property
