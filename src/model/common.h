#pragma once
/// Pieces shared by every object kind: quoting, identity keys, grants, JSON glue.
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <tuple>
#include <type_traits>
#include <utility>
#include <vector>

#include <nlohmann/json.hpp>

namespace migra::model {

/// An optional value kept on the heap: one pointer in place. For large parts that few
/// objects have (a column's identity options), so the many without them stay small.
/// Reads and compares like std::optional; copies copy the value.
template <typename T>
class HeapOptional {
 public:
  HeapOptional() = default;
  HeapOptional(std::nullopt_t) {}  // NOLINT: converts like std::optional
  HeapOptional(T value) : value_(std::make_unique<T>(std::move(value))) {}  // NOLINT
  HeapOptional(const HeapOptional& other)
      : value_(other.value_ ? std::make_unique<T>(*other.value_) : nullptr) {}
  HeapOptional(HeapOptional&&) noexcept = default;
  HeapOptional& operator=(const HeapOptional& other) {
    if (this != &other) value_ = other.value_ ? std::make_unique<T>(*other.value_) : nullptr;
    return *this;
  }
  HeapOptional& operator=(HeapOptional&&) noexcept = default;
  HeapOptional& operator=(std::nullopt_t) {
    value_.reset();
    return *this;
  }
  HeapOptional& operator=(std::optional<T> value) {
    value_ = value ? std::make_unique<T>(std::move(*value)) : nullptr;
    return *this;
  }
  /// Assigns anything a T can be made from, like std::optional (e.g. a string literal).
  template <typename U>
    requires(std::is_constructible_v<T, U &&> &&
             !std::is_same_v<std::remove_cvref_t<U>, HeapOptional> &&
             !std::is_same_v<std::remove_cvref_t<U>, std::nullopt_t>)
  HeapOptional& operator=(U&& value) {
    value_ = std::make_unique<T>(std::forward<U>(value));
    return *this;
  }
  ~HeapOptional() = default;

  [[nodiscard]] bool has_value() const { return value_ != nullptr; }
  explicit operator bool() const { return has_value(); }
  T& operator*() { return *value_; }
  const T& operator*() const { return *value_; }
  T* operator->() { return value_.get(); }
  const T* operator->() const { return value_.get(); }
  void reset() { value_.reset(); }
  /// Holds a new value made from `args`, like std::optional::emplace.
  template <typename... Args>
  T& emplace(Args&&... args) {
    value_ = std::make_unique<T>(std::forward<Args>(args)...);
    return *value_;
  }

  friend bool operator==(const HeapOptional& a, const HeapOptional& b) {
    return a.has_value() ? b.has_value() && *a == *b : !b.has_value();
  }
  friend bool operator==(const HeapOptional& a, std::nullopt_t) { return !a.has_value(); }
  /// Equal to a value when it holds an equal one, like std::optional.
  template <typename U>
    requires(!std::is_same_v<U, HeapOptional> && !std::is_same_v<U, std::nullopt_t> &&
             requires(const T& t, const U& u) { t == u; })
  friend bool operator==(const HeapOptional& a, const U& b) {
    return a.has_value() && *a == b;
  }

 private:
  std::unique_ptr<T> value_;
};

}  // namespace migra::model

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
/// A HeapOptional reads and writes like std::optional: null when empty.
template <typename T>
struct adl_serializer<migra::model::HeapOptional<T>> {
  static void to_json(json& j, const migra::model::HeapOptional<T>& v) {
    if (v) {
      j = *v;
    } else {
      j = nullptr;
    }
  }
  static void from_json(const json& j, migra::model::HeapOptional<T>& v) {
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
MIGRA_MODEL_FIELDS(Grant, grantee, privilege, grantable)

/// Privileges on one object, sorted; NULL ACLs are expanded to PostgreSQL's defaults.
using Acl = std::vector<Grant>;

}  // namespace migra::model
