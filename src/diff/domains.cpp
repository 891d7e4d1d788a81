// Domains: default, not null and named constraints change in place; a new base type or
// collation needs a new domain.
#include <map>

#include "diff/common.h"
#include "diff/kinds.h"

namespace migra::diff {
namespace {

ObjectRef ref_of(const model::Domain& d) {
  return {"type", d.key(), "domain " + d.key(), "domain " + d.key(), "alter domain " + d.key(), 'T'};
}

constexpr std::string_view kNotValid = " NOT VALID";

std::string check_sql(const model::DomainConstraint& c) {
  std::string d = c.definition;
  if (d.ends_with(kNotValid)) d.resize(d.size() - kNotValid.size());
  return d;
}

std::string create_sql(const model::Domain& d) {
  std::string sql = "create domain " + d.key() + " as " + d.base_type;
  if (d.collation) sql += " collate " + *d.collation;
  if (d.default_) sql += " default " + *d.default_;
  if (d.not_null) sql += " not null";
  for (const auto& c : d.constraints) {
    if (c.validated) sql += " constraint " + model::quote_ident(c.name) + " " + check_sql(c);
  }
  return sql + ";";
}

plan::Statement alter(const model::Domain& d, const std::string& clause) {
  return make_statement(ref_of(d), plan::Action::alter, plan::Phase::create_type,
                        "alter domain " + d.key() + " " + clause + ";");
}

void emit_extras(DiffContext& ctx, const model::Domain* a, const model::Domain& b) {
  auto ref = ref_of(b);
  diff_owner_and_acl(ctx, ref, a ? &a->owner : nullptr, a ? &a->acl : nullptr, b.owner, b.acl);
  diff_comment(ctx, ref, a ? &a->comment : nullptr, b.comment);
}

void diff_domain_constraints(DiffContext& ctx, const model::Domain* a, const model::Domain& b) {
  std::map<std::string, const model::DomainConstraint*> before;
  if (a) {
    for (const auto& c : a->constraints) before[c.name] = &c;
  }
  std::map<std::string, const model::DomainConstraint*> after;
  for (const auto& c : b.constraints) after[c.name] = &c;
  for (const auto& [name, c] : before) {
    auto it = after.find(name);
    if (it == after.end() || check_sql(*it->second) != check_sql(*c)) {
      auto s = alter(b, "drop constraint " + model::quote_ident(name));
      s.destructive = true;
      ctx.emit(std::move(s));
    }
  }
  for (const auto& [name, c] : after) {
    auto it = before.find(name);
    bool fresh = it == before.end() || check_sql(*it->second) != check_sql(*c);
    // A new domain already carries its validated constraints.
    if (fresh && !a && c->validated) continue;
    if (fresh) {
      ctx.emit(alter(b, "add constraint " + model::quote_ident(name) + " " + check_sql(*c) +
                            (c->validated ? "" : " not valid")));
    } else if (!it->second->validated && c->validated) {
      ctx.emit(alter(b, "validate constraint " + model::quote_ident(name)));
    }
    std::string target = "constraint " + model::quote_ident(name) + " on domain " + b.key();
    const std::optional<std::string>* old = fresh ? nullptr : &it->second->comment;
    diff_comment(ctx, {"type", b.key(), "", target, "", 'T'}, old, c->comment);
  }
}

}  // namespace

void find_domain_recreations(DiffContext& ctx) {
  for_each_pair(ctx.from.domains, ctx.to.domains, [&](const model::Domain* a, const model::Domain* b) {
    if (a && b && (a->base_type != b->base_type || a->collation != b->collation)) {
      ctx.mark_recreate(node_id("type", b->key()));
    }
  });
}

void diff_domains(DiffContext& ctx) {
  for_each_pair(ctx.from.domains, ctx.to.domains, [&](const model::Domain* a, const model::Domain* b) {
    bool recreate = a && b && ctx.recreating(node_id("type", b->key()));
    if (a && (!b || recreate)) {
      auto s = make_statement(ref_of(*a), plan::Action::drop, plan::Phase::drop_type,
                              "drop domain " + a->key() + ";");
      s.destructive = true;
      ctx.emit(std::move(s));
    }
    if (!b) return;
    if (!a || recreate) {
      ctx.emit(make_statement(ref_of(*b), plan::Action::create, plan::Phase::create_type, create_sql(*b)));
      diff_domain_constraints(ctx, nullptr, *b);
      emit_extras(ctx, nullptr, *b);
      return;
    }
    if (a->default_ != b->default_) {
      ctx.emit(alter(*b, b->default_ ? "set default " + *b->default_ : std::string("drop default")));
    }
    if (a->not_null != b->not_null) ctx.emit(alter(*b, b->not_null ? "set not null" : "drop not null"));
    diff_domain_constraints(ctx, a, *b);
    emit_extras(ctx, a, *b);
  });
}

}  // namespace migra::diff
