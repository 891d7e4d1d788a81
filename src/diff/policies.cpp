// Row level security policies: ALTER POLICY for roles and expressions; command and
// permissive/restrictive changes need a new policy.
#include "diff/columns.h"
#include "diff/common.h"
#include "diff/kinds.h"

namespace migra::diff {
namespace {

ObjectRef ref_of(const model::Policy& p) {
  std::string target = "policy " + model::quote_ident(p.name) + " on " + p.table_key();
  return {"policy", p.key(), "", target, "", 'r'};
}

std::string roles_sql(const model::Policy& p) {
  std::string s;
  for (size_t i = 0; i < p.roles.size(); ++i) {
    s += (i ? ", " : "") + (p.roles[i] == "public" ? std::string("public") : model::quote_ident(p.roles[i]));
  }
  return s.empty() ? "public" : s;
}

std::string create_sql(const model::Policy& p) {
  std::string sql = "create policy " + model::quote_ident(p.name) + " on " + p.table_key() +
                    " as " + (p.permissive ? "permissive" : "restrictive") + " for " + p.command +
                    " to " + roles_sql(p);
  if (p.using_) sql += " using (" + *p.using_ + ")";
  if (p.with_check) sql += " with check (" + *p.with_check + ")";
  return sql + ";";
}

bool cannot_alter(const model::Policy& a, const model::Policy& b) {
  // ALTER POLICY can't remove an expression, only replace it.
  return a.command != b.command || a.permissive != b.permissive ||
         (a.using_ && !b.using_) || (a.with_check && !b.with_check);
}

}  // namespace

void find_policy_recreations(DiffContext& ctx) {
  ctx.each_pair(ctx.from.policies, ctx.to.policies, [&](const model::Policy* a, const model::Policy* b) {
    if (a && b && cannot_alter(*a, *b)) ctx.mark_recreate(node_id("policy", b->key()));
  });
}

void find_policy_invalidations(DiffContext& ctx) {
  ctx.each_pair(ctx.from.policies, ctx.to.policies, [&](const model::Policy* a, const model::Policy* b) {
    // PostgreSQL refuses to change the type of a column a policy uses.
    if (a && b && columns_invalidate_readers(ctx, a->table_key(), a->columns)) {
      ctx.mark_recreate(node_id("policy", b->key()));
    }
  });
}

void diff_policies(DiffContext& ctx) {
  ctx.each_pair(ctx.from.policies, ctx.to.policies, [&](const model::Policy* a, const model::Policy* b) {
    bool recreate = a && b && ctx.recreating(node_id("policy", b->key()));
    if (a && (!b || recreate) && !ctx.relation_goes_away(a->table_key())) {
      auto s = make_statement(ref_of(*a), plan::Action::drop, plan::Phase::drop_dependent,
                              "drop policy if exists " + model::quote_ident(a->name) + " on " +
                                  a->table_key() + ";");
      s.destructive = true;
      ctx.emit(std::move(s));
    }
    if (!b) return;
    if (!a || recreate) {
      ctx.emit(make_statement(ref_of(*b), plan::Action::create, plan::Phase::create_policy, create_sql(*b)));
      diff_comment(ctx, ref_of(*b), nullptr, b->comment);
      return;
    }
    std::string changes;
    if (a->roles != b->roles) changes += " to " + roles_sql(*b);
    if (a->using_ != b->using_) changes += " using (" + *b->using_ + ")";
    if (a->with_check != b->with_check) changes += " with check (" + *b->with_check + ")";
    if (!changes.empty()) {
      ctx.emit(make_statement(ref_of(*b), plan::Action::alter, plan::Phase::create_policy,
                              "alter policy " + model::quote_ident(b->name) + " on " +
                                  b->table_key() + changes + ";"));
    }
    if (comment_changes(&a->comment, b->comment)) diff_comment(ctx, ref_of(*b), &a->comment, b->comment);
  });
}

}  // namespace migra::diff
