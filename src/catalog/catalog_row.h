#pragma once
/// One row of a catalog query (a JSON object) into its model struct.
#include <string>
#include <string_view>

#include "model/json_reader.h"
#include "util/error.h"

namespace migra::catalog {

/// Fills `out` from one row of the catalog query `kind`. A row that does not fit its model
/// exactly (unknown, missing or duplicate key, wrong JSON type) is a mistake in the query:
/// an internal error naming the query and the key.
template <typename T>
void read_catalog_row(model::JsonReader& reader, const std::string& kind, std::string_view row,
                      T& out) {
  try {
    reader.read(row, out);
  } catch (const model::JsonReadError& e) {
    throw Error("internal error: catalog query '" + kind + "' does not match its model: " +
                e.what());
  }
}

}  // namespace migra::catalog
