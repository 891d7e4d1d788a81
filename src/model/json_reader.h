#pragma once
/// Fills model structs straight from JSON text (catalog rows, model cache lines): simdjson
/// parses, and each struct's MIGRA_MODEL_FIELDS list says which key fills which member.
/// Strict: every object must carry exactly its struct's keys, each with the JSON type its
/// member needs, so a mistake in a catalog query fails loudly instead of reading a default.
#include <simdjson.h>

#include <array>
#include <cstddef>
#include <cstdint>
#include <exception>
#include <memory>
#include <string>
#include <string_view>
#include <tuple>
#include <type_traits>
#include <utility>
#include <vector>

#include "model/common.h"

namespace migra::model {

/// Why a JSON text does not fit its struct, naming the key, e.g. "columns[2].not_null".
class JsonReadError : public std::exception {
 public:
  /// The message reads `before 'path' after` (just `before after` while the path is empty).
  JsonReadError(std::string before, std::string path, std::string after);

  /// Puts the key of the enclosing object in front of the path.
  void within_key(std::string_view key);
  /// Puts the index in the enclosing array in front of the path.
  void within_index(size_t index);

  /// The key path, e.g. "columns[2].not_null"; empty for the text as a whole.
  [[nodiscard]] const std::string& path() const { return path_; }
  [[nodiscard]] const char* what() const noexcept override { return what_.c_str(); }

 private:
  void prepend(std::string step);
  std::string before_;
  std::string path_;
  std::string after_;
  std::string what_;
};

namespace json_reader_detail {

using simdjson::dom::element;

/// A struct declared with MIGRA_MODEL_FIELDS.
template <typename T>
concept FieldStruct = requires(const T* p) { model_fields(p); };

/// std::optional and optional-like holders: JSON null empties them.
template <typename T>
concept OptionalLike = requires(T v) {
  v.reset();
  v.emplace();
  *v;
};

/// std::unique_ptr and std::shared_ptr: JSON null is the null pointer.
template <typename T>
concept OwningPointer = requires(T v) {
  typename T::element_type;
  v.reset();
  v.reset(new typename T::element_type());
};

template <typename T>
struct IsVector : std::false_type {};
template <typename T, typename A>
struct IsVector<std::vector<T, A>> : std::true_type {};

template <typename T>
inline constexpr auto kFields = model_fields(static_cast<const T*>(nullptr));

template <typename T>
inline constexpr size_t kFieldCount = std::tuple_size_v<std::remove_const_t<decltype(kFields<T>)>>;

[[noreturn]] void wrong_type(element value, const char* wanted);
[[noreturn]] void out_of_range();

template <typename T>
void read_value(element value, T& out);

template <typename T, size_t I>
void read_field(element value, T& out) {
  read_value(value, out.*(std::get<I>(kFields<T>).member));
}

template <typename T, size_t... I>
constexpr auto field_names(std::index_sequence<I...>) {
  return std::array<std::string_view, sizeof...(I)>{std::get<I>(kFields<T>).name...};
}

template <typename T, size_t... I>
constexpr auto field_readers(std::index_sequence<I...>) {
  return std::array<void (*)(element, T&), sizeof...(I)>{&read_field<T, I>...};
}

[[noreturn]] void unknown_key(std::string_view key);
[[noreturn]] void duplicate_key(std::string_view key);
[[noreturn]] void missing_key(std::string_view key);

template <typename T>
void read_fields(simdjson::dom::object object, T& out) {
  constexpr size_t n = kFieldCount<T>;
  static_assert(n > 0 && n <= 64, "a model struct has 1 to 64 fields");
  static constexpr auto names = field_names<T>(std::make_index_sequence<n>{});
  static constexpr auto readers = field_readers<T>(std::make_index_sequence<n>{});
  std::uint64_t seen = 0;
  size_t next = 0;  // keys mostly arrive in declaration order: try the next one first
  for (const auto& [key, value] : object) {
    size_t i = next;
    if (i >= n || names[i] != key) {
      for (i = 0; i < n && names[i] != key; ++i) {
      }
      if (i == n) unknown_key(key);
    }
    const std::uint64_t bit = std::uint64_t{1} << i;
    if (seen & bit) duplicate_key(key);
    seen |= bit;
    try {
      readers[i](value, out);
    } catch (JsonReadError& e) {
      e.within_key(names[i]);
      throw;
    }
    next = i + 1;
  }
  if (seen != (n == 64 ? ~std::uint64_t{0} : (std::uint64_t{1} << n) - 1)) {
    size_t i = 0;
    while (seen & (std::uint64_t{1} << i)) ++i;
    missing_key(names[i]);
  }
}

template <typename T>
void read_value(element value, T& out) {
  if constexpr (std::is_same_v<T, std::string>) {
    std::string_view s;
    if (value.get_string().get(s)) wrong_type(value, "a string");
    out.assign(s.data(), s.size());
  } else if constexpr (std::is_same_v<T, bool>) {
    if (value.get_bool().get(out)) wrong_type(value, "a boolean");
  } else if constexpr (std::is_integral_v<T>) {
    using Wide = std::conditional_t<std::is_signed_v<T>, std::int64_t, std::uint64_t>;
    Wide wide = 0;
    auto error = value.get<Wide>().get(wide);
    if (error == simdjson::NUMBER_OUT_OF_RANGE) out_of_range();
    if (error) wrong_type(value, "an integer");
    if (!std::in_range<T>(wide)) out_of_range();
    out = static_cast<T>(wide);
  } else if constexpr (std::is_floating_point_v<T>) {
    double d = 0;
    if (value.get_double().get(d)) wrong_type(value, "a number");
    out = static_cast<T>(d);
  } else if constexpr (FieldStruct<T>) {
    simdjson::dom::object object;
    if (value.get_object().get(object)) wrong_type(value, "an object");
    read_fields(object, out);
  } else if constexpr (IsVector<T>::value) {
    simdjson::dom::array array;
    if (value.get_array().get(array)) wrong_type(value, "an array");
    out.clear();
    out.reserve(array.size());
    size_t index = 0;
    for (element item : array) {
      try {
        read_value(item, out.emplace_back());
      } catch (JsonReadError& e) {
        e.within_index(index);
        throw;
      }
      ++index;
    }
  } else if constexpr (OptionalLike<T>) {
    if (value.is_null()) {
      out.reset();
    } else {
      out.emplace();
      read_value(value, *out);
    }
  } else if constexpr (OwningPointer<T>) {
    if (value.is_null()) {
      out.reset();
    } else {
      out.reset(new typename T::element_type());
      read_value(value, *out);
    }
  } else {
    static_assert(sizeof(T) == 0, "no JSON reading for this member type");
  }
}

}  // namespace json_reader_detail

/// Reads many JSON objects, one at a time, into model structs; keeps its parser and
/// buffer between texts, so reading a row allocates nothing but the struct's own data.
class JsonReader {
 public:
  JsonReader();
  ~JsonReader();
  JsonReader(const JsonReader&) = delete;
  JsonReader& operator=(const JsonReader&) = delete;

  /// Fills `out` from `json`, any JSON value its member type reads (an array for a vector,
  /// an object for a struct, ...), with the same checks as read().
  template <typename T>
  void read_value(std::string_view json, T& out) {
    json_reader_detail::read_value(parse(json), out);
  }

  /// Fills `out` (every field) from `json`, a JSON object with exactly T's keys. Throws
  /// JsonReadError on malformed JSON, an unknown, duplicate or missing key, or a value of
  /// the wrong JSON type.
  template <typename T>
  void read(std::string_view json, T& out) {
    simdjson::dom::object object;
    if (parse(json).get_object().get(object)) throw JsonReadError("the JSON text", "", " is not an object");
    json_reader_detail::read_fields(object, out);
  }

 private:
  // The document, valid until the next parse.
  simdjson::dom::element parse(std::string_view json);

  simdjson::dom::parser parser_;
  // The text again with simdjson's padding after it, reused from text to text.
  std::unique_ptr<char[]> buffer_;
  size_t capacity_ = 0;
};

}  // namespace migra::model
