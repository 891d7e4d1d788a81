#pragma once
/// Catalog rows as plain columns, one per model field and named like it, instead of one JSON
/// object per row: building a JSON object per row is a large part of what PostgreSQL
/// spends on a big catalog query. Scalars arrive as text (strings, 't'/'f', numbers, NULL
/// for an empty optional); lists and nested structs arrive as json columns and are read
/// with the JsonReader. Strict like JSON rows: every field must have exactly one column of
/// the right kind, so a mistake in a query is an internal error naming query and column.
#include <charconv>
#include <cstdint>
#include <string>
#include <string_view>
#include <type_traits>
#include <utility>
#include <vector>

#include <pqxx/pqxx>

#include "model/json_reader.h"
#include "util/error.h"

namespace migra::catalog {

namespace columns_detail {

using model::json_reader_detail::FieldStruct;
using model::json_reader_detail::IsVector;
using model::json_reader_detail::kFieldCount;
using model::json_reader_detail::kFields;
using model::json_reader_detail::OptionalLike;
using model::json_reader_detail::OwningPointer;

/// One value of a result row.
struct Cell {
  std::string_view text;
  bool null = false;
  bool json = false;  ///< the column's type is json or jsonb
};

/// Why a cell does not fit its member; the caller adds query and column.
struct CellError {
  std::string what;
};

/// Members read from JSON text: lists and nested structs.
template <typename T>
inline constexpr bool kReadsJson = FieldStruct<T> || IsVector<T>::value;

template <typename T>
void read_cell(model::JsonReader& json, const Cell& cell, T& out) {
  if constexpr (OptionalLike<T>) {
    if (cell.null) {
      out.reset();
    } else {
      out.emplace();
      read_cell(json, cell, *out);
    }
  } else if constexpr (OwningPointer<T>) {
    if (cell.null) {
      out.reset();
    } else {
      out.reset(new typename T::element_type());
      read_cell(json, cell, *out);
    }
  } else {
    if (cell.null) throw CellError{"is null, and its field is not optional"};
    if (cell.json != kReadsJson<T>) {
      throw CellError{cell.json ? "is json, and its field is not a list or a struct"
                                : "is not json, and its field is a list or a struct"};
    }
    if constexpr (std::is_same_v<T, std::string>) {
      out.assign(cell.text.data(), cell.text.size());
    } else if constexpr (std::is_same_v<T, bool>) {
      if (cell.text == "t") {
        out = true;
      } else if (cell.text == "f") {
        out = false;
      } else {
        throw CellError{"is '" + std::string(cell.text) + "', not a boolean"};
      }
    } else if constexpr (std::is_arithmetic_v<T>) {
      const char* end = cell.text.data() + cell.text.size();
      auto [at, error] = std::from_chars(cell.text.data(), end, out);
      if (error != std::errc() || at != end) {
        throw CellError{"is '" + std::string(cell.text) + "', not a number its field holds"};
      }
    } else if constexpr (kReadsJson<T>) {
      // Most lists are empty (no privileges, no dependencies): no parser for those.
      if constexpr (IsVector<T>::value) {
        if (cell.text == "[]") {
          out.clear();
          return;
        }
      }
      try {
        json.read_value(cell.text, out);
      } catch (const model::JsonReadError& e) {
        throw CellError{std::string("holds JSON that does not fit: ") + e.what()};
      }
    } else {
      static_assert(sizeof(T) == 0, "no column reading for this member type");
    }
  }
}

template <typename T, size_t I>
void read_field(model::JsonReader& json, const Cell& cell, T& out) {
  read_cell(json, cell, out.*(std::get<I>(kFields<T>).member));
}

template <typename T, size_t... I>
constexpr auto field_readers(std::index_sequence<I...>) {
  return std::array<void (*)(model::JsonReader&, const Cell&, T&), sizeof...(I)>{
      &read_field<T, I>...};
}

template <typename T, size_t... I>
constexpr auto field_names(std::index_sequence<I...>) {
  return std::array<std::string_view, sizeof...(I)>{std::get<I>(kFields<T>).name...};
}

inline bool is_json_type(pqxx::oid type) { return type == 114 || type == 3802; }

}  // namespace columns_detail

/// Which result column fills which field of T, worked out once per result.
template <typename T>
class CatalogColumns {
 public:
  /// `kind` names the query in errors. `extra` are columns the caller reads itself (e.g.
  /// the table a column row belongs to); `absent` are fields the query leaves out because
  /// they are filled from elsewhere.
  CatalogColumns(const pqxx::result& result, std::string kind,
                 std::vector<std::string_view> extra = {},
                 std::vector<std::string_view> absent = {})
      : kind_(std::move(kind)) {
    constexpr size_t n = columns_detail::kFieldCount<T>;
    static constexpr auto names =
        columns_detail::field_names<T>(std::make_index_sequence<n>{});
    std::vector<bool> filled(n, false);
    for (pqxx::row::size_type c = 0; c < result.columns(); ++c) {
      std::string_view name = result.column_name(c);
      bool is_extra = false;
      for (auto e : extra) is_extra = is_extra || e == name;
      if (is_extra) {
        extra_.emplace_back(std::string(name), c);
        continue;
      }
      size_t i = 0;
      while (i < n && names[i] != name) ++i;
      if (i == n) fail("unknown column '" + std::string(name) + "'");
      if (filled[i]) fail("duplicate column '" + std::string(name) + "'");
      filled[i] = true;
      columns_.push_back({c, i, columns_detail::is_json_type(result.column_type(c))});
    }
    for (size_t i = 0; i < n; ++i) {
      bool left_out = false;
      for (auto a : absent) left_out = left_out || a == names[i];
      if (!filled[i] && !left_out) fail("missing column '" + std::string(names[i]) + "'");
    }
    for (auto e : extra) {
      if (column_of(e) < 0) fail("missing column '" + std::string(e) + "'");
    }
  }

  /// Fills the fields of `out` that the query has from one row.
  void read(model::JsonReader& json, const pqxx::row& row, T& out) const {
    constexpr size_t n = columns_detail::kFieldCount<T>;
    static constexpr auto readers =
        columns_detail::field_readers<T>(std::make_index_sequence<n>{});
    static constexpr auto names =
        columns_detail::field_names<T>(std::make_index_sequence<n>{});
    // One iterator walks the row (columns_ is in column order): each pqxx::field made by
    // indexing would copy the result's shared pointers, a good part of reading a row.
    auto f = row.begin();
    pqxx::row::size_type at = 0;
    for (const auto& column : columns_) {
      f += static_cast<pqxx::row::difference_type>(column.index - at);
      at = column.index;
      columns_detail::Cell cell{std::string_view(f->c_str(), f->size()), f->is_null(),
                                column.json};
      try {
        readers[column.field](json, cell, out);
      } catch (const columns_detail::CellError& e) {
        fail("column '" + std::string(names[column.field]) + "' " + e.what);
      }
    }
  }

  /// The result column of an `extra` name, or -1.
  [[nodiscard]] int column_of(std::string_view name) const {
    for (const auto& [n, c] : extra_) {
      if (n == name) return static_cast<int>(c);
    }
    return -1;
  }

 private:
  struct Column {
    pqxx::row::size_type index;
    size_t field;
    bool json;
  };

  [[noreturn]] void fail(const std::string& what) const {
    throw Error("internal error: catalog query '" + kind_ + "' does not match its model: " +
                what);
  }

  std::string kind_;
  std::vector<Column> columns_;
  std::vector<std::pair<std::string, pqxx::row::size_type>> extra_;
};

}  // namespace migra::catalog
