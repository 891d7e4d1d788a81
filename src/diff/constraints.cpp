// Table constraints: primary key, unique, check, foreign key, exclusion. Foreign keys and
// checks are added NOT VALID and validated separately, which keeps the strong lock short.
#include "diff/common.h"
#include "diff/kinds.h"

namespace migra::diff {
namespace {

constexpr std::string_view kNotValid = " NOT VALID";

ObjectRef ref_of(const model::Constraint& c) {
  std::string target = "constraint " + model::quote_ident(c.name) + " on " + c.table_key();
  return {"constraint", c.key(), "", target, "alter table " + c.table_key(), 'r'};
}

std::string base_definition(const model::Constraint& c) {
  std::string d = c.definition;
  if (d.ends_with(kNotValid)) d.resize(d.size() - kNotValid.size());
  return d;
}

bool cannot_alter(const model::Constraint& a, const model::Constraint& b) {
  return base_definition(a) != base_definition(b) || a.type != b.type ||
         a.deferrable != b.deferrable || a.deferred != b.deferred ||
         (a.validated && !b.validated);
}

void emit_create(DiffContext& ctx, const model::Constraint& c) {
  auto ref = ref_of(c);
  std::string prefix = "alter table " + c.table_key() + " ";
  bool split = c.type == "foreign key" || c.type == "check";
  std::string sql = prefix + "add constraint " + model::quote_ident(c.name) + " " + base_definition(c);
  auto s = make_statement(ref, plan::Action::create, plan::Phase::add_constraint,
                          sql + (split ? " not valid;" : ";"));
  s.lock = c.type == "foreign key" ? plan::Lock::share_row_exclusive : plan::Lock::access_exclusive;
  ctx.emit(std::move(s));
  if (split && c.validated) {
    auto v = make_statement(ref, plan::Action::alter, plan::Phase::add_constraint,
                            prefix + "validate constraint " + model::quote_ident(c.name) + ";");
    v.lock = plan::Lock::share_update_exclusive;
    v.requires_nodes = {ref.node()};
    ctx.emit(std::move(v));
  }
  diff_comment(ctx, ref, nullptr, c.comment);
}

void emit_drop(DiffContext& ctx, const model::Constraint& c) {
  auto s = make_statement(ref_of(c), plan::Action::drop, plan::Phase::drop_constraint,
                          "alter table " + c.table_key() + " drop constraint " +
                              model::quote_ident(c.name) + ";");
  s.destructive = true;
  s.lock = plan::Lock::access_exclusive;
  ctx.emit(std::move(s));
}

}  // namespace

void find_constraint_recreations(DiffContext& ctx) {
  for_each_pair(ctx.from.constraints, ctx.to.constraints,
                [&](const model::Constraint* a, const model::Constraint* b) {
    if (a && b && !b->inherited && cannot_alter(*a, *b)) {
      ctx.mark_recreate(node_id("constraint", b->key()));
    }
  });
}

void diff_constraints(DiffContext& ctx) {
  for_each_pair(ctx.from.constraints, ctx.to.constraints,
                [&](const model::Constraint* a, const model::Constraint* b) {
    // Copies on partitions and inheritance children follow their parent.
    if ((a && a->inherited) || (b && b->inherited)) return;
    bool recreate = b && ctx.recreating(node_id("constraint", b->key()));
    // A constraint goes with its table, except a foreign key to another table that goes
    // too, or whose unique key there goes: those can't be dropped while the foreign key
    // exists, and two tables may reference each other, so it is dropped first.
    bool references_go = false;
    if (a && a->references && *a->references != a->table_key()) {
      references_go = ctx.relation_goes_away(*a->references);
      for (const auto& key : ctx.from_graph.requires_of(node_id("constraint", a->key()))) {
        bool unique_key = key.starts_with("constraint:") || key.starts_with("index:");
        if (unique_key && (!ctx.to_graph.contains(key) || ctx.recreating(key))) references_go = true;
      }
    }
    bool goes_with_table = a && ctx.relation_goes_away(a->table_key()) && !references_go;
    if (a && (!b || recreate) && !goes_with_table) emit_drop(ctx, *a);
    if (b && (!a || recreate)) {
      emit_create(ctx, *b);
      return;
    }
    if (!a || !b) return;
    auto ref = ref_of(*b);
    if (!a->validated && b->validated) {
      auto v = make_statement(ref, plan::Action::alter, plan::Phase::add_constraint,
                              "alter table " + b->table_key() + " validate constraint " +
                                  model::quote_ident(b->name) + ";");
      v.lock = plan::Lock::share_update_exclusive;
      ctx.emit(std::move(v));
    }
    diff_comment(ctx, ref, &a->comment, b->comment);
  });
}

}  // namespace migra::diff
