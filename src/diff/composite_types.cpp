// Composite types: attributes added, dropped or retyped in place; a reordering needs a
// new type.
#include <map>

#include "diff/common.h"
#include "diff/kinds.h"

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
  for_each_pair(ctx.from.composite_types, ctx.to.composite_types,
                [&](const model::CompositeType* a, const model::CompositeType* b) {
    if (a && b && !same_order(*a, *b)) ctx.mark_recreate(node_id("type", b->key()));
  });
}

void diff_composite_types(DiffContext& ctx) {
  for_each_pair(ctx.from.composite_types, ctx.to.composite_types,
                [&](const model::CompositeType* a, const model::CompositeType* b) {
    bool recreate = a && b && ctx.recreating(node_id("type", b->key()));
    if (a && (!b || recreate)) {
      auto s = make_statement(ref_of(*a), plan::Action::drop, plan::Phase::drop_type,
                              "drop type " + a->key() + ";");
      s.destructive = true;
      ctx.emit(std::move(s));
    }
    if (!b) return;
    if (!a || recreate) {
      ctx.emit(make_statement(ref_of(*b), plan::Action::create, plan::Phase::create_type, create_sql(*b)));
      emit_extras(ctx, nullptr, *b);
      return;
    }
    std::map<std::string, const model::CompositeAttribute*> before, after;
    for (const auto& at : a->attributes) before[at.name] = &at;
    for (const auto& at : b->attributes) after[at.name] = &at;
    auto alter = [&](const std::string& clause, bool destructive) {
      auto s = make_statement(ref_of(*b), plan::Action::alter, plan::Phase::create_type,
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
      } else if (it->second->type != at.type || it->second->collation != at.collation) {
        std::string clause = "alter attribute " + model::quote_ident(at.name) + " set data type " + at.type;
        if (at.collation) clause += " collate " + *at.collation;
        alter(clause, true);
      }
    }
    emit_extras(ctx, a, *b);
  });
}

}  // namespace migra::diff
