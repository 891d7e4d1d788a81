#include "diff/common.h"

#include <algorithm>
#include <map>

namespace migra::diff {
namespace {

std::string role_sql(const std::string& role) {
  return role == "PUBLIC" ? "public" : model::quote_ident(role);
}

std::string lower(std::string s) {
  std::transform(s.begin(), s.end(), s.begin(), [](unsigned char c) { return std::tolower(c); });
  return s;
}

// Grants, comments and owners decorate an object: they come after every statement that
// makes or alters it, but are not themselves makers of it, or two decorations of one
// object would each wait for the other and break the order.
void decorate(plan::Statement& s, const ObjectRef& ref) {
  s.node.clear();
  s.requires_nodes = {ref.node()};
}

}  // namespace

plan::Statement make_statement(const ObjectRef& ref, plan::Action action, plan::Phase phase,
                               std::string sql) {
  plan::Statement s;
  s.sql = std::move(sql);
  s.kind = ref.kind;
  s.object = ref.key;
  s.action = action;
  s.phase = phase;
  s.node = ref.node();
  return s;
}

model::Acl default_acl(char acl_kind, const std::string& owner) {
  std::vector<std::string> owner_privs;
  bool public_usage = false, public_execute = false;
  switch (acl_kind) {
    case 'r':
      owner_privs = {"DELETE", "INSERT", "REFERENCES", "SELECT", "TRIGGER", "TRUNCATE", "UPDATE"};
      break;
    case 's': owner_privs = {"SELECT", "UPDATE", "USAGE"}; break;
    case 'f': owner_privs = {"EXECUTE"}; public_execute = true; break;
    case 'n': owner_privs = {"CREATE", "USAGE"}; break;
    case 'T': owner_privs = {"USAGE"}; public_usage = true; break;
    default: break;
  }
  model::Acl acl;
  for (const auto& p : owner_privs) acl.push_back({owner, p, false});
  if (public_usage) acl.push_back({"PUBLIC", "USAGE", false});
  if (public_execute) acl.push_back({"PUBLIC", "EXECUTE", false});
  std::sort(acl.begin(), acl.end());
  return acl;
}

void diff_acl(DiffContext& ctx, const ObjectRef& ref, const model::Acl* from,
              const model::Acl& to, const std::string& owner, const std::string& column) {
  if (!ctx.options.with_privileges) return;
  model::Acl start = from ? *from : (column.empty() ? default_acl(ref.acl_kind, owner) : model::Acl{});
  std::sort(start.begin(), start.end());
  model::Acl target = to;
  std::sort(target.begin(), target.end());
  if (start == target) return;
  // Per (grantee, privilege): granted, granted with grant option, or not at all.
  std::map<std::pair<std::string, std::string>, int> was, now;
  for (const auto& g : start) was[{g.grantee, g.privilege}] = g.grantable ? 2 : 1;
  for (const auto& g : target) now[{g.grantee, g.privilege}] = g.grantable ? 2 : 1;
  std::string cols = column.empty() ? "" : " (" + model::quote_ident(column) + ")";
  for (const auto& [k, level] : was) {
    auto it = now.find(k);
    int want = it == now.end() ? 0 : it->second;
    if (want >= level) continue;
    std::string sql = want == 1 ? "revoke grant option for " : "revoke ";
    sql += lower(k.second) + cols + " on " + ref.grant_target + " from " + role_sql(k.first) + ";";
    auto s = make_statement(ref, plan::Action::alter, plan::Phase::revoke, sql);
    s.kind = "privilege";
    decorate(s, ref);
    ctx.emit(std::move(s));
  }
  for (const auto& [k, level] : now) {
    auto it = was.find(k);
    int had = it == was.end() ? 0 : it->second;
    if (had >= level) continue;
    std::string sql = "grant " + lower(k.second) + cols + " on " + ref.grant_target + " to " +
                      role_sql(k.first) + (level == 2 ? " with grant option;" : ";");
    auto s = make_statement(ref, plan::Action::alter, plan::Phase::grant, sql);
    s.kind = "privilege";
    decorate(s, ref);
    ctx.emit(std::move(s));
  }
}

void diff_comment(DiffContext& ctx, const ObjectRef& ref, const std::optional<std::string>* from,
                  const std::optional<std::string>& to) {
  if (!comment_changes(from, to)) return;
  std::string sql = "comment on " + ref.comment_target + " is " +
                    (to ? model::quote_literal(*to) : std::string("null")) + ";";
  auto s = make_statement(ref, plan::Action::alter, plan::Phase::comment, sql);
  s.kind = "comment";
  decorate(s, ref);
  ctx.emit(std::move(s));
}

namespace {

void emit_owner(DiffContext& ctx, const ObjectRef& ref, const std::string& to) {
  // Before revokes and grants: they are computed against what the owner change leaves.
  auto s = make_statement(ref, plan::Action::alter, plan::Phase::revoke,
                          ref.alter_prefix + " owner to " + model::quote_ident(to) + ";");
  s.kind = "owner";
  decorate(s, ref);
  ctx.emit(std::move(s));
}

}  // namespace

void diff_owner(DiffContext& ctx, const ObjectRef& ref, const std::string* from,
                const std::string& to) {
  if (!ctx.options.with_privileges || (from && *from == to) || to.empty()) return;
  // A new object belongs to whoever runs the migration, presumably the role that
  // inspected the source; unknown, it is left to them.
  if (!from && (ctx.from.current_user.empty() || ctx.from.current_user == to)) return;
  emit_owner(ctx, ref, to);
}

void diff_owner_and_acl(DiffContext& ctx, const ObjectRef& ref, const std::string* from_owner,
                        const model::Acl* from_acl, const std::string& to_owner,
                        const model::Acl& to_acl) {
  diff_owner(ctx, ref, from_owner, to_owner);
  if (!from_owner || !from_acl || *from_owner == to_owner || to_owner.empty()) {
    diff_acl(ctx, ref, from_acl, to_acl, to_owner);
    return;
  }
  // The old owner's entries become the new owner's, merged with what it had.
  std::map<std::pair<std::string, std::string>, bool> merged;
  for (const auto& g : *from_acl) {
    auto& grantable = merged[{g.grantee == *from_owner ? to_owner : g.grantee, g.privilege}];
    grantable = grantable || g.grantable;
  }
  model::Acl after_owner;
  for (const auto& [k, grantable] : merged) after_owner.push_back({k.first, k.second, grantable});
  diff_acl(ctx, ref, &after_owner, to_acl, to_owner);
}

void restore_owner(DiffContext& ctx, const ObjectRef& ref, const std::string& owner) {
  if (!ctx.options.with_privileges || owner.empty() || ctx.from.current_user == owner) return;
  emit_owner(ctx, ref, owner);
}

}  // namespace migra::diff
