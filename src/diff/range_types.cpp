// Range types have no ALTER for their definition: any change recreates them.
#include "diff/common.h"
#include "diff/kinds.h"

namespace migra::diff {
namespace {

ObjectRef ref_of(const model::RangeType& t) {
  return {"type", t.key(), "type " + t.key(), "type " + t.key(), "alter type " + t.key(), 'T'};
}

// A function key "s"."f"(args) as CREATE TYPE wants it: the name without arguments.
std::string function_name(const std::string& key) { return key.substr(0, key.find('(')); }

std::string create_sql(const model::RangeType& t) {
  std::string sql = "create type " + t.key() + " as range (subtype = " + t.subtype;
  if (t.subtype_opclass) sql += ", subtype_opclass = " + *t.subtype_opclass;
  if (t.collation) sql += ", collation = " + *t.collation;
  if (t.canonical) sql += ", canonical = " + function_name(*t.canonical);
  if (t.subtype_diff) sql += ", subtype_diff = " + function_name(*t.subtype_diff);
  if (t.multirange) sql += ", multirange_type_name = " + *t.multirange;
  return sql + ");";
}

bool definition_changed(const model::RangeType& a, const model::RangeType& b) {
  return a.subtype != b.subtype || a.subtype_opclass != b.subtype_opclass ||
         a.collation != b.collation || a.canonical != b.canonical ||
         a.subtype_diff != b.subtype_diff || a.multirange != b.multirange;
}

}  // namespace

void find_range_type_recreations(DiffContext& ctx) {
  for_each_pair(ctx.from.range_types, ctx.to.range_types,
                [&](const model::RangeType* a, const model::RangeType* b) {
    if (a && b && definition_changed(*a, *b)) ctx.mark_recreate(node_id("type", b->key()));
  });
}

void diff_range_types(DiffContext& ctx) {
  for_each_pair(ctx.from.range_types, ctx.to.range_types,
                [&](const model::RangeType* a, const model::RangeType* b) {
    bool recreate = a && b && ctx.recreating(node_id("type", b->key()));
    if (a && (!b || recreate)) {
      auto s = make_statement(ref_of(*a), plan::Action::drop, plan::Phase::drop_type,
                              "drop type " + a->key() + ";");
      s.destructive = true;
      ctx.emit(std::move(s));
    }
    if (!b) return;
    auto ref = ref_of(*b);
    bool fresh = !a || recreate;
    if (fresh) ctx.emit(make_statement(ref, plan::Action::create, plan::Phase::create_type, create_sql(*b)));
    diff_owner_and_acl(ctx, ref, fresh ? nullptr : &a->owner, fresh ? nullptr : &a->acl, b->owner, b->acl);
    diff_comment(ctx, ref, fresh ? nullptr : &a->comment, b->comment);
  });
}

}  // namespace migra::diff
