// ALTER DEFAULT PRIVILEGES (only with --with-privileges, like every grant).
#include <map>

#include "diff/common.h"
#include "diff/kinds.h"

namespace migra::diff {
namespace {

char acl_kind(const std::string& object_type) {
  if (object_type == "sequences") return 's';
  if (object_type == "functions") return 'f';
  if (object_type == "types") return 'T';
  if (object_type == "schemas") return 'n';
  return 'r';
}

// What applies when no row exists: the built-in defaults globally, nothing per schema.
model::Acl implicit_acl(const model::DefaultPrivilege& d) {
  return d.schema ? model::Acl{} : default_acl(acl_kind(d.object_type), d.role);
}

}  // namespace

void diff_default_privileges(DiffContext& ctx) {
  if (!ctx.options.with_privileges) return;
  ctx.each_pair(ctx.from.default_privileges, ctx.to.default_privileges,
                [&](const model::DefaultPrivilege* a, const model::DefaultPrivilege* b) {
    const auto& any = b ? *b : *a;
    model::Acl before = a ? a->acl : implicit_acl(any);
    model::Acl after = b ? b->acl : implicit_acl(any);
    if (before == after) return;
    std::string prefix = "alter default privileges for role " + model::quote_ident(any.role) +
                         (any.schema ? " in schema " + model::quote_ident(*any.schema) : "") + " ";
    // Reuse the ACL differ with a target that renders "on tables" style clauses.
    ObjectRef ref{"default_privilege", any.key(), any.object_type, "", "", acl_kind(any.object_type)};
    DiffContext& c = ctx;
    std::map<std::pair<std::string, std::string>, bool> was, now;
    for (const auto& g : before) was[{g.grantee, g.privilege}] = g.grantable;
    for (const auto& g : after) now[{g.grantee, g.privilege}] = g.grantable;
    auto role = [](const std::string& r) { return r == "PUBLIC" ? std::string("public") : model::quote_ident(r); };
    auto lower = [](std::string s) {
      for (auto& ch : s) ch = static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
      return s;
    };
    for (const auto& [k, grantable] : was) {
      auto it = now.find(k);
      if (it != now.end() && (it->second == grantable || it->second)) continue;
      // Kept without the grant option: only the option goes.
      bool option_only = it != now.end();
      auto s = make_statement(ref, plan::Action::alter, plan::Phase::revoke,
                              prefix + (option_only ? "revoke grant option for " : "revoke ") +
                                  lower(k.second) + " on " + any.object_type + " from " +
                                  role(k.first) + ";");
      c.emit(std::move(s));
    }
    for (const auto& [k, grantable] : now) {
      auto it = was.find(k);
      if (it != was.end() && (it->second == grantable || !grantable)) continue;
      auto s = make_statement(ref, plan::Action::alter, plan::Phase::grant,
                              prefix + "grant " + lower(k.second) + " on " + any.object_type +
                                  " to " + role(k.first) + (grantable ? " with grant option;" : ";"));
      c.emit(std::move(s));
    }
  });
}

}  // namespace migra::diff
