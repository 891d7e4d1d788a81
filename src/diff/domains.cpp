// Domains: default, not null and named constraints change in place; a new base type or
// collation needs a new domain, and the columns using it are converted (types.cpp).
#include <map>

#include "diff/common.h"
#include "diff/kinds.h"
#include "diff/types.h"

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

// `phase` recreate_type for a recreated domain: its alters then follow its create, which
// has that phase too.
plan::Statement alter(const model::Domain& d, const std::string& clause,
                      plan::Phase phase = plan::Phase::create_type) {
  return make_statement(ref_of(d), plan::Action::alter, phase,
                        "alter domain " + d.key() + " " + clause + ";");
}

// Nodes of the functions and types a constraint's check uses, in a model's graph. They
// are not part of the domain's own dependencies: a recreated function takes only the
// constraint with it, not the domain and its columns.
std::vector<std::string> check_nodes(const DependencyGraph& graph, const model::DomainConstraint& c) {
  std::vector<std::string> out;
  for (const auto& k : c.depends_on) {
    if (const auto& n = graph.resolve(k); !n.empty()) out.emplace_back(n);
  }
  return out;
}

std::vector<std::string> check_nodes(const DependencyGraph& graph, const model::Domain& d) {
  std::vector<std::string> out;
  for (const auto& c : d.constraints) {
    auto more = check_nodes(graph, c);
    out.insert(out.end(), more.begin(), more.end());
  }
  return out;
}

// A statement of the domain that also needs (`requires`) or stops using (`releases`) what
// checks use.
plan::Statement with_checks(const DiffContext& ctx, plan::Statement s,
                            const std::vector<std::string>& requires_more,
                            const std::vector<std::string>& releases_more) {
  if (s.action != plan::Action::drop) s.requires_nodes = ctx.to_graph.requires_of(s.node).names();
  if (s.action != plan::Action::create) s.releases_nodes = ctx.from_graph.requires_of(s.node).names();
  s.requires_nodes.insert(s.requires_nodes.end(), requires_more.begin(), requires_more.end());
  s.releases_nodes.insert(s.releases_nodes.end(), releases_more.begin(), releases_more.end());
  return s;
}

bool check_uses_recreated(const DiffContext& ctx, const model::DomainConstraint& c) {
  for (const auto& n : check_nodes(ctx.from_graph, c)) {
    if (ctx.recreating(n) || !ctx.to_graph.contains(n)) return true;
  }
  return false;
}

void emit_extras(DiffContext& ctx, const model::Domain* a, const model::Domain& b) {
  auto ref = ref_of(b);
  diff_owner_and_acl(ctx, ref, a ? &a->owner : nullptr, a ? &a->acl : nullptr, b.owner, b.acl);
  diff_comment(ctx, ref, a ? &a->comment : nullptr, b.comment);
}

void diff_domain_constraints(DiffContext& ctx, const model::Domain* a, const model::Domain& b,
                             bool recreated) {
  auto phase = recreated ? plan::Phase::recreate_type : plan::Phase::create_type;
  std::map<std::string, const model::DomainConstraint*> before;
  if (a) {
    for (const auto& c : a->constraints) before[c.name] = &c;
  }
  std::map<std::string, const model::DomainConstraint*> after;
  for (const auto& c : b.constraints) after[c.name] = &c;
  // Only a drop and an add make a validated constraint NOT VALID again, or take a check
  // off a function that is dropped and created again.
  auto replaced = [&](const model::DomainConstraint& x, const model::DomainConstraint& y) {
    return check_sql(x) != check_sql(y) || (x.validated && !y.validated) ||
           check_uses_recreated(ctx, x);
  };
  for (const auto& [name, c] : before) {
    auto it = after.find(name);
    if (it == after.end() || replaced(*c, *it->second)) {
      auto s = alter(b, "drop constraint " + model::quote_ident(name));
      s.destructive = true;
      ctx.emit(with_checks(ctx, std::move(s), {}, check_nodes(ctx.from_graph, *c)));
    }
  }
  for (const auto& [name, c] : after) {
    auto it = before.find(name);
    bool fresh = it == before.end() || replaced(*it->second, *c);
    if (fresh) {
      // A new domain already carries its validated constraints.
      if (a || !c->validated) {
        auto add = alter(b, "add constraint " + model::quote_ident(name) + " " + check_sql(*c) +
                                (c->validated ? "" : " not valid"),
                         phase);
        ctx.emit(with_checks(ctx, std::move(add), check_nodes(ctx.to_graph, *c), {}));
      }
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
  ctx.each_pair(ctx.from.domains, ctx.to.domains, [&](const model::Domain* a, const model::Domain* b) {
    if (a && b && (a->base_type != b->base_type || a->collation != b->collation)) {
      ctx.mark_recreate(node_id("type", b->key()));
    }
  });
}

void diff_domains(DiffContext& ctx) {
  ctx.each_pair(ctx.from.domains, ctx.to.domains, [&](const model::Domain* a, const model::Domain* b) {
    if (!b) {
      auto s = make_statement(ref_of(*a), plan::Action::drop, plan::Phase::drop_type,
                              "drop domain " + a->key() + ";");
      s.destructive = true;
      ctx.emit(with_checks(ctx, std::move(s), {}, check_nodes(ctx.from_graph, *a)));
      return;
    }
    auto ref = ref_of(*b);
    bool recreate = a && ctx.recreating(ref.node());
    if (!a || recreate) {
      if (recreate) {
        // The old version lives on until its columns are converted; checks of it that use
        // functions about to be dropped go first, before anything else of the domain.
        for (const auto& c : a->constraints) {
          if (!check_uses_recreated(ctx, c)) continue;
          auto s = make_statement(ref, plan::Action::alter, plan::Phase::drop_constraint,
                                  "alter domain " + a->key() + " drop constraint " +
                                      model::quote_ident(c.name) + ";");
          s.node = node_id("type", a->key()) + "#check";
          s.requires_nodes = {node_id("schema", model::quote_ident(a->schema))};
          s.releases_nodes = check_nodes(ctx.from_graph, c);
          s.precedes_nodes = {ref.node()};
          ctx.emit(std::move(s));
        }
        // Columns of the domain move to the new one before the old one goes.
        emit_old_version_rename(ctx, ref, "domain", b->schema, b->name);
      }
      auto phase = recreate ? plan::Phase::recreate_type : plan::Phase::create_type;
      ctx.emit(with_checks(ctx, make_statement(ref, plan::Action::create, phase, create_sql(*b)),
                           check_nodes(ctx.to_graph, *b), {}));
      diff_domain_constraints(ctx, nullptr, *b, recreate);
      emit_extras(ctx, nullptr, *b);
      if (recreate) ctx.emit(old_version_drop(ctx, ref, "domain", b->schema, b->name));
      return;
    }
    if (a->default_ != b->default_) {
      ctx.emit(alter(*b, b->default_ ? "set default " + *b->default_ : std::string("drop default")));
    }
    if (a->not_null != b->not_null) ctx.emit(alter(*b, b->not_null ? "set not null" : "drop not null"));
    diff_domain_constraints(ctx, a, *b, false);
    emit_extras(ctx, a, *b);
  });
}

}  // namespace migra::diff
