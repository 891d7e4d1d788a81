#pragma once
/// Pieces shared by every object kind: quoting, identity keys, grants, JSON glue.
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

namespace nlohmann {
/// std::optional maps to JSON null when empty.
template <typename T>
struct adl_serializer<std::optional<T>> {
  static void to_json(json& j, const std::optional<T>& v) {
    if (v) {
      j = *v;
    } else {
      j = nullptr;
    }
  }
  static void from_json(const json& j, std::optional<T>& v) {
    if (j.is_null()) {
      v.reset();
    } else {
      v = j.get<T>();
    }
  }
};
}  // namespace nlohmann

namespace migra::model {

/// "name" with embedded double quotes doubled; always quoted, like migra.
std::string quote_ident(const std::string& name);
/// "schema"."name"
std::string qualified(const std::string& schema, const std::string& name);
/// "schema"."relation"."name": a constraint's, trigger's or policy's key.
std::string qualified(const std::string& schema, const std::string& relation,
                      const std::string& name);
/// 'text' as an SQL string literal (E'' form when it holds backslashes).
std::string quote_literal(const std::string& text);

/// One privilege held by a grantee ("PUBLIC" for everyone).
struct Grant {
  std::string grantee;
  std::string privilege;  ///< upper case, e.g. "SELECT"
  bool grantable = false;
  auto operator<=>(const Grant&) const = default;
};
NLOHMANN_DEFINE_TYPE_NON_INTRUSIVE_WITH_DEFAULT(Grant, grantee, privilege, grantable)

/// Privileges on one object, sorted; NULL ACLs are expanded to PostgreSQL's defaults.
using Acl = std::vector<Grant>;

}  // namespace migra::model
