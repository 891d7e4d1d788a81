#pragma once
/// Statement pieces every kind shares: grants, comments, owners.
#include <optional>
#include <string>

#include "diff/context.h"

namespace migra::diff {

/// How an object is named in GRANT, COMMENT and ALTER ... OWNER statements.
struct ObjectRef {
  const char* kind;          ///< node kind ("table", "type", ...)
  std::string key;           ///< identity key
  std::string grant_target;  ///< e.g. `table "s"."t"`, `function "s"."f"(integer)`
  std::string comment_target;  ///< e.g. `table "s"."t"`, `column "s"."t"."c"`
  std::string alter_prefix;  ///< e.g. `alter table "s"."t"`
  char acl_kind = 'r';       ///< acldefault kind: r table, s sequence, f function, n schema, T type
  [[nodiscard]] std::string node() const { return node_id(kind, key); }
};

/// A statement touching ref's node with the given action and phase.
plan::Statement make_statement(const ObjectRef& ref, plan::Action action, plan::Phase phase,
                               std::string sql);

/// Emits GRANT/REVOKE turning one ACL into another (only with --with-privileges).
/// A missing `from` means a newly created object: PostgreSQL's default ACL for the owner.
void diff_acl(DiffContext& ctx, const ObjectRef& ref, const model::Acl* from,
              const model::Acl& to, const std::string& owner,
              const std::string& column = {});

/// Whether diff_comment would emit anything: callers skip building the ObjectRef otherwise.
inline bool comment_changes(const std::optional<std::string>* from,
                            const std::optional<std::string>& to) {
  return from ? *from != to : to.has_value();
}

/// Emits COMMENT ON when the comment changed (null `from`: a new object).
void diff_comment(DiffContext& ctx, const ObjectRef& ref, const std::optional<std::string>* from,
                  const std::optional<std::string>& to);

/// Emits ALTER ... OWNER TO when the owner changed (only with --with-privileges).
void diff_owner(DiffContext& ctx, const ObjectRef& ref, const std::string* from,
                const std::string& to);

/// diff_owner, then diff_acl from the ACL as the owner change leaves it: PostgreSQL hands
/// the old owner's privileges to the new one, so they need no revoke and grant.
void diff_owner_and_acl(DiffContext& ctx, const ObjectRef& ref, const std::string* from_owner,
                        const model::Acl* from_acl, const std::string& to_owner,
                        const model::Acl& to_acl);

/// Emits ALTER ... OWNER TO for a recreated object (only with --with-privileges): the
/// new one belongs to whoever runs the migration, not to its old owner.
void restore_owner(DiffContext& ctx, const ObjectRef& ref, const std::string& owner);

/// The ACL PostgreSQL gives a new object of an acldefault kind owned by `owner`.
model::Acl default_acl(char acl_kind, const std::string& owner);

}  // namespace migra::diff
