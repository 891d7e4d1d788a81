// Triggers on tables and views: create, drop, recreate on any change of definition,
// and the enabled state (ENABLE / DISABLE / ENABLE REPLICA / ENABLE ALWAYS).
#include "diff/columns.h"
#include "diff/common.h"
#include "diff/kinds.h"

namespace migra::diff {
namespace {

ObjectRef ref_of(const model::Trigger& t) {
  std::string target = "trigger " + model::quote_ident(t.name) + " on " + t.table_key();
  return {"trigger", t.key(), "", target, "", 'r'};
}

void emit_enabled(DiffContext& ctx, const model::Trigger& t, const std::string& before) {
  if (t.enabled == before) return;
  std::string clause = t.enabled == "disabled" ? "disable trigger "
                       : t.enabled == "replica" ? "enable replica trigger "
                       : t.enabled == "always"  ? "enable always trigger "
                                                : "enable trigger ";
  auto s = make_statement(ref_of(t), plan::Action::alter, plan::Phase::create_trigger,
                          "alter table " + t.table_key() + " " + clause +
                              model::quote_ident(t.name) + ";");
  s.lock = plan::Lock::share_row_exclusive;
  ctx.emit(std::move(s));
}

}  // namespace

void find_trigger_recreations(DiffContext& ctx) {
  ctx.each_pair(ctx.from.triggers, ctx.to.triggers, [&](const model::Trigger* a, const model::Trigger* b) {
    if (a && b && a->definition != b->definition) ctx.mark_recreate(node_id("trigger", b->key()));
  });
}

void find_trigger_invalidations(DiffContext& ctx) {
  ctx.each_pair(ctx.from.triggers, ctx.to.triggers, [&](const model::Trigger* a, const model::Trigger* b) {
    // PostgreSQL refuses to change the type of a column in UPDATE OF or WHEN.
    if (a && b && columns_invalidate_readers(ctx, a->table_key(), a->columns)) {
      ctx.mark_recreate(node_id("trigger", b->key()));
    }
  });
}

void diff_triggers(DiffContext& ctx) {
  ctx.each_pair(ctx.from.triggers, ctx.to.triggers, [&](const model::Trigger* a, const model::Trigger* b) {
    bool recreate = a && b && ctx.recreating(node_id("trigger", b->key()));
    if (a && (!b || recreate) && !ctx.relation_goes_away(a->table_key())) {
      auto s = make_statement(ref_of(*a), plan::Action::drop, plan::Phase::drop_dependent,
                              "drop trigger if exists " + model::quote_ident(a->name) + " on " +
                                  a->table_key() + ";");
      s.destructive = true;
      s.lock = plan::Lock::access_exclusive;
      ctx.emit(std::move(s));
    }
    if (!b) return;
    if (!a || recreate) {
      auto s = make_statement(ref_of(*b), plan::Action::create, plan::Phase::create_trigger,
                              b->definition + ";");
      s.lock = plan::Lock::share_row_exclusive;
      ctx.emit(std::move(s));
      emit_enabled(ctx, *b, "origin");
      diff_comment(ctx, ref_of(*b), nullptr, b->comment);
      return;
    }
    emit_enabled(ctx, *b, a->enabled);
    if (comment_changes(&a->comment, b->comment)) diff_comment(ctx, ref_of(*b), &a->comment, b->comment);
  });
}

}  // namespace migra::diff
