// Collations have no ALTER for their definition: any change recreates them, and the
// columns using them are converted to the new version.
#include "diff/common.h"
#include "diff/kinds.h"
#include "diff/types.h"

namespace migra::diff {
namespace {

ObjectRef ref_of(const model::Collation& c) {
  return {"collation", c.key(), "", "collation " + c.key(), "alter collation " + c.key(), 'r'};
}

std::string create_sql(const model::Collation& c) {
  std::string sql = "create collation " + c.key() + " (provider = " +
                    (c.provider == "default" ? std::string("libc") : c.provider);
  if (c.provider == "icu") {
    sql += ", locale = " + model::quote_literal(c.icu_locale.value_or(c.lc_collate.value_or("")));
  } else {
    sql += ", lc_collate = " + model::quote_literal(c.lc_collate.value_or("")) +
           ", lc_ctype = " + model::quote_literal(c.lc_ctype.value_or(""));
  }
  if (!c.deterministic) sql += ", deterministic = false";
  return sql + ");";
}

bool definition_changed(const model::Collation& a, const model::Collation& b) {
  return a.provider != b.provider || a.deterministic != b.deterministic ||
         a.lc_collate != b.lc_collate || a.lc_ctype != b.lc_ctype || a.icu_locale != b.icu_locale;
}

}  // namespace

void find_collation_recreations(DiffContext& ctx) {
  ctx.each_pair(ctx.from.collations, ctx.to.collations,
                [&](const model::Collation* a, const model::Collation* b) {
    if (a && b && definition_changed(*a, *b)) ctx.mark_recreate(node_id("collation", b->key()));
  });
}

void diff_collations(DiffContext& ctx) {
  ctx.each_pair(ctx.from.collations, ctx.to.collations,
                [&](const model::Collation* a, const model::Collation* b) {
    if (!b) {
      auto s = make_statement(ref_of(*a), plan::Action::drop, plan::Phase::drop_type,
                              "drop collation if exists " + a->key() + ";");
      s.destructive = true;
      ctx.emit(std::move(s));
      return;
    }
    auto ref = ref_of(*b);
    bool recreate = a && ctx.recreating(ref.node());
    if (recreate) {
      // Columns using it move to the new version before the old one goes (types.cpp).
      emit_old_version_rename(ctx, ref, "collation", b->schema, b->name);
      emit_new_version(ctx, ref, create_sql(*b));
    } else if (!a) {
      ctx.emit(make_statement(ref, plan::Action::create, plan::Phase::create_type, create_sql(*b)));
    }
    bool fresh = !a || recreate;
    diff_owner(ctx, ref, fresh ? nullptr : &a->owner, b->owner);
    diff_comment(ctx, ref, fresh ? nullptr : &a->comment, b->comment);
    if (recreate) ctx.emit(old_version_drop(ctx, ref, "collation", b->schema, b->name));
  });
}

}  // namespace migra::diff
