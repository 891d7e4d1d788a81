// Composite types: attributes added, dropped or retyped in place; a reordering, or a
// retyped attribute of a type some column stores, needs a new type (types.cpp).
#include <map>

#include "diff/common.h"
#include "diff/kinds.h"
#include "diff/types.h"

namespace migra::diff {
namespace {

ObjectRef ref_of(const model::CompositeType& t) {
  return {"type", t.key(), "type " + t.key(), "type " + t.key(), "alter type " + t.key(), 'T'};
}

std::string attribute_sql(const model::CompositeAttribute& a) {
  std::string s = model::quote_ident(a.name) + " " + a.type;
  if (a.collation) s += " collate " + *a.collation;
  return s;
}

std::string create_sql(const model::CompositeType& t) {
  std::string sql = "create type " + t.key() + " as (";
  for (size_t i = 0; i < t.attributes.size(); ++i) {
    sql += std::string(i ? ",\n" : "\n") + "    " + attribute_sql(t.attributes[i]);
  }
  return sql + (t.attributes.empty() ? ");" : "\n);");
}

// Attributes both sides share, in the same relative order?
bool same_order(const model::CompositeType& a, const model::CompositeType& b) {
  std::vector<std::string> x, y;
  std::map<std::string, int> in_b;
  for (const auto& at : b.attributes) in_b[at.name] = 1;
  for (const auto& at : a.attributes) {
    if (in_b.count(at.name)) x.push_back(at.name);
  }
  std::map<std::string, int> in_a;
  for (const auto& at : a.attributes) in_a[at.name] = 1;
  for (const auto& at : b.attributes) {
    if (in_a.count(at.name)) y.push_back(at.name);
  }
  return x == y;
}

bool changed_type(const model::CompositeAttribute& a, const model::CompositeAttribute& b) {
  return a.type != b.type || a.collation != b.collation;
}

// Some attribute both sides share changes its type or collation?
bool retyped(const model::CompositeType& a, const model::CompositeType& b) {
  for (const auto& x : a.attributes) {
    for (const auto& y : b.attributes) {
      if (x.name == y.name && changed_type(x, y)) return true;
    }
  }
  return false;
}

// Values of the type are stored somewhere: in a table column, or inside another type
// that may be. PostgreSQL then refuses to retype an attribute in place.
bool stored(const DiffContext& ctx, const std::string& node) {
  for (const auto& d : ctx.from_graph.dependents_of(node)) {
    if (d.starts_with("table:") || d.starts_with("type:")) return true;
  }
  return false;
}

void emit_extras(DiffContext& ctx, const model::CompositeType* a, const model::CompositeType& b) {
  auto ref = ref_of(b);
  diff_owner_and_acl(ctx, ref, a ? &a->owner : nullptr, a ? &a->acl : nullptr, b.owner, b.acl);
  diff_comment(ctx, ref, a ? &a->comment : nullptr, b.comment);
  for (const auto& at : b.attributes) {
    const std::optional<std::string>* before = nullptr;
    static const std::optional<std::string> none;
    if (a) {
      before = &none;
      for (const auto& old : a->attributes) {
        if (old.name == at.name) before = &old.comment;
      }
    }
    std::string target = "column " + b.key() + "." + model::quote_ident(at.name);
    diff_comment(ctx, {"type", b.key(), "", target, "", 'T'}, before, at.comment);
  }
}

}  // namespace

void find_composite_type_recreations(DiffContext& ctx) {
  ctx.each_pair(ctx.from.composite_types, ctx.to.composite_types,
                [&](const model::CompositeType* a, const model::CompositeType* b) {
    if (!a || !b) return;
    auto node = node_id("type", b->key());
    if (!same_order(*a, *b) || (retyped(*a, *b) && stored(ctx, node))) ctx.mark_recreate(node);
  });
}

void diff_composite_types(DiffContext& ctx) {
  ctx.each_pair(ctx.from.composite_types, ctx.to.composite_types,
                [&](const model::CompositeType* a, const model::CompositeType* b) {
    if (!b) {
      auto s = make_statement(ref_of(*a), plan::Action::drop, plan::Phase::drop_type,
                              "drop type " + a->key() + ";");
      s.destructive = true;
      ctx.emit(std::move(s));
      return;
    }
    auto ref = ref_of(*b);
    if (!a) {
      ctx.emit(make_statement(ref, plan::Action::create, plan::Phase::create_type, create_sql(*b)));
      emit_extras(ctx, nullptr, *b);
      return;
    }
    if (ctx.recreating(ref.node())) {
      // Columns of the type are rebuilt attribute by attribute (types.cpp).
      emit_old_version_rename(ctx, ref, "type", b->schema, b->name);
      emit_new_version(ctx, ref, create_sql(*b));
      emit_extras(ctx, nullptr, *b);
      for (auto& s : array_conversion_function(ctx, *a, *b)) ctx.emit(std::move(s));
      ctx.emit(old_version_drop(ctx, ref, "type", b->schema, b->name));
      return;
    }
    std::map<std::string, const model::CompositeAttribute*> before, after;
    for (const auto& at : a->attributes) before[at.name] = &at;
    for (const auto& at : b->attributes) after[at.name] = &at;
    auto alter = [&](const std::string& clause, bool destructive) {
      auto s = make_statement(ref, plan::Action::alter, plan::Phase::create_type,
                              "alter type " + b->key() + " " + clause + ";");
      s.destructive = destructive;
      ctx.emit(std::move(s));
    };
    for (const auto& at : a->attributes) {
      if (!after.count(at.name)) alter("drop attribute " + model::quote_ident(at.name), true);
    }
    for (const auto& at : b->attributes) {
      auto it = before.find(at.name);
      if (it == before.end()) {
        alter("add attribute " + attribute_sql(at), false);
      } else if (changed_type(*it->second, at)) {
        std::string clause = "alter attribute " + model::quote_ident(at.name) + " set data type " + at.type;
        if (at.collation) clause += " collate " + *at.collation;
        alter(clause, true);
      }
    }
    emit_extras(ctx, a, *b);
  });
}

}  // namespace migra::diff
