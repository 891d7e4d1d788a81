// Table constraints: primary key, unique, check, foreign key, exclusion. Foreign keys and
// checks are added NOT VALID and validated separately, which keeps the strong lock short.
#include <algorithm>

#include "diff/columns.h"
#include "diff/common.h"
#include "diff/kinds.h"
#include "diff/tables.h"

namespace migra::diff {
namespace {

constexpr std::string_view kNotValid = " NOT VALID";

ObjectRef ref_of(const model::Constraint& c) {
  std::string target = "constraint " + model::quote_ident(c.name) + " on " + c.table_key();
  return {"constraint", c.key(), "", target, "alter table " + c.table_key(), 'r'};
}

std::string_view base_definition(const model::Constraint& c) {
  std::string_view d = c.definition;
  if (d.ends_with(kNotValid)) d.remove_suffix(kNotValid.size());
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
  // PostgreSQL can't add a NOT VALID foreign key to a partitioned table.
  const auto* table = ctx.table(ctx.to, c.table_key());
  bool partitioned = table && table->partitioned;
  bool split = (c.type == "foreign key" && !partitioned) || c.type == "check";
  std::string sql = prefix + "add constraint " + model::quote_ident(c.name) + " ";
  sql += base_definition(c);
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

// A constraint on a column that is dropped and added again (a changed generation
// expression) goes with the column and must be made again.
bool uses_readded_column(const DiffContext& ctx, const model::Constraint& c) {
  if (ctx.computed_column_tables().empty()) return false;
  auto readded = readded_columns(ctx, c.table_key());
  return std::any_of(c.columns.begin(), c.columns.end(),
                     [&](const std::string& col) { return readded.count(col) != 0; });
}

void emit_drop(DiffContext& ctx, const model::Constraint& c) {
  auto s = make_statement(ref_of(c), plan::Action::drop, plan::Phase::drop_constraint,
                          "alter table " + c.table_key() + " drop constraint " +
                              model::quote_ident(c.name) + ";");
  s.destructive = true;
  s.lock = plan::Lock::access_exclusive;
  ctx.emit(std::move(s));
}

// A constraint goes with its table, except a foreign key to another table that goes
// too, or whose unique key there goes: those can't be dropped while the foreign key
// exists, and two tables may reference each other, so it is dropped first.
bool references_go(const DiffContext& ctx, const model::Constraint& a) {
  if (!a.references || *a.references == a.table_key()) return false;
  bool go = ctx.relation_goes_away(*a.references);
  for (const auto& key : ctx.from_graph.requires_of(node_id("constraint", a.key()))) {
    bool unique_key = key.starts_with("constraint:") || key.starts_with("index:");
    if (unique_key && (!ctx.to_graph.contains(key) || ctx.recreating(key))) go = true;
  }
  return go;
}

}  // namespace

void find_constraint_recreations(DiffContext& ctx) {
  ctx.each_pair(ctx.from.constraints, ctx.to.constraints,
                [&](const model::Constraint* a, const model::Constraint* b, std::string_view node) {
    if (!a || !b || b->inherited) return;
    if (cannot_alter(*a, *b) || uses_readded_column(ctx, *b)) ctx.mark_recreate(node);
  });
}

void diff_constraints(DiffContext& ctx) {
  ctx.each_pair(ctx.from.constraints, ctx.to.constraints,
                [&](const model::Constraint* a, const model::Constraint* b, std::string_view node) {
    // Copies on partitions and inheritance children follow their parent, except where the
    // table leaves that parent (the copy stays as the table's own) or joins one (a check
    // constraint must be there first).
    const model::Constraint* mine_a =
        a && (!a->inherited || becomes_local(ctx, a->table_key(), a->name, true)) ? a : nullptr;
    const model::Constraint* mine_b =
        b && (!b->inherited || (b->type == "check" &&
                                needed_before_joining(ctx, b->table_key(), b->name, true)))
            ? b : nullptr;
    if (mine_a && b && !mine_b) {
      // Joining a parent with the same constraint merges the two; anything else is in
      // the way.
      if (!cannot_alter(*mine_a, *b)) return;
      if (!ctx.relation_goes_away(a->table_key())) emit_drop(ctx, *mine_a);
      return;
    }
    if (mine_a && mine_b && a->inherited && !cannot_alter(*a, *b)) {
      // Kept as is: it stays on the table when it leaves or comes back to the parent.
      if (comment_changes(&a->comment, b->comment)) diff_comment(ctx, ref_of(*b), &a->comment, b->comment);
      return;
    }
    a = mine_a;
    b = mine_b;
    bool recreate = a && b && (ctx.recreating(node) || cannot_alter(*a, *b));
    if (a && (!b || recreate)) {
      if (!ctx.relation_goes_away(a->table_key()) || references_go(ctx, *a)) emit_drop(ctx, *a);
    } else if (a && a->references && ctx.relation_goes_away(a->table_key()) &&
               references_go(ctx, *a)) {
      emit_drop(ctx, *a);
    }
    if (b && (!a || recreate)) {
      emit_create(ctx, *b);
      return;
    }
    if (!a || !b) return;
    if (!a->validated && b->validated) {
      auto v = make_statement(ref_of(*b), plan::Action::alter, plan::Phase::add_constraint,
                              "alter table " + b->table_key() + " validate constraint " +
                                  model::quote_ident(b->name) + ";");
      v.lock = plan::Lock::share_update_exclusive;
      ctx.emit(std::move(v));
    }
    if (comment_changes(&a->comment, b->comment)) diff_comment(ctx, ref_of(*b), &a->comment, b->comment);
  });
}

}  // namespace migra::diff
