// Event triggers: recreated on any change but their enabled state.
#include "diff/common.h"
#include "diff/kinds.h"

namespace migra::diff {
namespace {

ObjectRef ref_of(const model::EventTrigger& t) {
  auto q = model::quote_ident(t.name);
  return {"event_trigger", t.key(), "", "event trigger " + q, "alter event trigger " + q, 'r'};
}

std::string create_sql(const model::EventTrigger& t) {
  std::string sql = "create event trigger " + model::quote_ident(t.name) + " on " + t.event;
  if (!t.tags.empty()) {
    sql += " when tag in (";
    for (size_t i = 0; i < t.tags.size(); ++i) sql += (i ? ", " : "") + model::quote_literal(t.tags[i]);
    sql += ")";
  }
  return sql + " execute function " + t.function + ";";
}

void emit_enabled(DiffContext& ctx, const model::EventTrigger& t, const std::string& before) {
  if (t.enabled == before) return;
  std::string clause = t.enabled == "disabled" ? "disable"
                       : t.enabled == "replica" ? "enable replica"
                       : t.enabled == "always"  ? "enable always"
                                                : "enable";
  ctx.emit(make_statement(ref_of(t), plan::Action::alter, plan::Phase::create_trigger,
                          "alter event trigger " + model::quote_ident(t.name) + " " + clause + ";"));
}

}  // namespace

void diff_event_triggers(DiffContext& ctx) {
  ctx.each_pair(ctx.from.event_triggers, ctx.to.event_triggers,
                [&](const model::EventTrigger* a, const model::EventTrigger* b) {
    bool recreate = a && b &&
                    (a->event != b->event || a->tags != b->tags || a->function != b->function ||
                     ctx.recreating(node_id("event_trigger", b->key())));
    if (a && (!b || recreate)) {
      auto s = make_statement(ref_of(*a), plan::Action::drop, plan::Phase::drop_dependent,
                              "drop event trigger if exists " + model::quote_ident(a->name) + ";");
      s.destructive = true;
      ctx.emit(std::move(s));
    }
    if (!b) return;
    auto ref = ref_of(*b);
    if (!a || recreate) {
      ctx.emit(make_statement(ref, plan::Action::create, plan::Phase::create_trigger, create_sql(*b)));
      if (a) {
        restore_owner(ctx, ref, b->owner);
      } else {
        diff_owner(ctx, ref, nullptr, b->owner);
      }
      emit_enabled(ctx, *b, "origin");
      diff_comment(ctx, ref, nullptr, b->comment);
      return;
    }
    emit_enabled(ctx, *b, a->enabled);
    diff_owner(ctx, ref, &a->owner, b->owner);
    diff_comment(ctx, ref, &a->comment, b->comment);
  });
}

}  // namespace migra::diff
