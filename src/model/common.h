#pragma once
/// Pieces shared by every object kind: quoting, identity keys, grants, JSON glue.
#include <optional>
#include <string>
#include <string_view>
#include <tuple>
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

/// One JSON field of a model struct: its key and the member it fills.
template <typename Struct, typename Member>
struct Field {
  std::string_view name;
  Member Struct::*member;
};

/// A Field, its types deduced.
template <typename Struct, typename Member>
constexpr Field<Struct, Member> field(std::string_view name, Member Struct::*member) {
  return {name, member};
}

// One `field("m", &Self::m),` per member; the trailing comma is allowed in a braced list.
#define MIGRA_MODEL_FIELD(member) ::migra::model::field(#member, &Self::member),

/// Declares model_fields(const Type*): a tuple of Field, one per member, found by
/// argument-dependent lookup, for readers that fill the struct directly (model/json_reader.h).
#define MIGRA_MODEL_FIELD_LIST(Type, ...)                                     \
  constexpr auto model_fields(const Type*) {                                  \
    using Self = Type;                                                        \
    return std::tuple{NLOHMANN_JSON_PASTE(MIGRA_MODEL_FIELD, __VA_ARGS__)};   \
  }

/// Declares a model struct's JSON fields once, in the order the catalog queries emit them:
/// nlohmann's to_json/from_json (missing keys keep their defaults) and MIGRA_MODEL_FIELD_LIST.
#define MIGRA_MODEL_FIELDS(Type, ...)                                \
  NLOHMANN_DEFINE_TYPE_NON_INTRUSIVE_WITH_DEFAULT(Type, __VA_ARGS__) \
  MIGRA_MODEL_FIELD_LIST(Type, __VA_ARGS__)

/// "name" with embedded double quotes doubled; always quoted, like migra.
std::string quote_ident(const std::string& name);
/// "schema"."name"
std::string qualified(const std::string& schema, const std::string& name);
/// 'text' as an SQL string literal (E'' form when it holds backslashes).
std::string quote_literal(const std::string& text);

/// One privilege held by a grantee ("PUBLIC" for everyone).
struct Grant {
  std::string grantee;
  std::string privilege;  ///< upper case, e.g. "SELECT"
  bool grantable = false;
  auto operator<=>(const Grant&) const = default;
};
MIGRA_MODEL_FIELDS(Grant, grantee, privilege, grantable)

/// Privileges on one object, sorted; NULL ACLs are expanded to PostgreSQL's defaults.
using Acl = std::vector<Grant>;

}  // namespace migra::model
