#include "catalog/inspector.h"

#include <algorithm>
#include <charconv>
#include <optional>
#include <string_view>
#include <unordered_map>

#include "catalog/catalog_columns.h"
#include "catalog/embedded_queries.h"
#include "catalog/query_macros.h"
#include "util/error.h"
#include "util/timing.h"

namespace migra::catalog {
namespace {

// A PostgreSQL array literal for a text[] parameter.
std::string text_array(const std::vector<std::string>& values) {
  std::string out = "{";
  for (size_t i = 0; i < values.size(); ++i) {
    if (i) out += ',';
    out += '"';
    for (char c : values[i]) {
      if (c == '"' || c == '\\') out += '\\';
      out += c;
    }
    out += '"';
  }
  return out + "}";
}

class Reader {
 public:
  static constexpr size_t kBatch = 500;

  Reader(pqxx::transaction_base& tx, int version, const InspectOptions& options)
      : tx_(tx), version_(version), label_(options.label),
        include_(text_array(options.schemas)), exclude_(text_array(options.exclude_schemas)) {}

  /// Runs `kind`'s query through a cursor and hands each batch of rows to `on_batch`: a
  /// 5,000-table schema's rows are tens of MB, and only one batch is in memory at a time.
  template <typename F>
  void fetch(const std::string& kind, F&& on_batch) {
    std::string sql = expand_query_macros(query_for(kind, version_), version_);
    auto run = [&](auto&& exec) {
      try {
        return exec();
      } catch (const pqxx::sql_error& e) {
        throw Error("catalog query '" + kind + "' failed: " + e.what())
            .with_sqlstate(e.sqlstate())
            .with_query(sql);
      } catch (const pqxx::failure& e) {
        throw Error("catalog query '" + kind + "' failed: " + e.what()).with_query(sql);
      }
    };
    run([&] { return tx_.exec_params("declare migra_inspect no scroll cursor for " + sql,
                                     include_, exclude_); });
    for (;;) {
      pqxx::result rows =
          run([&] { return tx_.exec("fetch " + std::to_string(kBatch) + " from migra_inspect"); });
      on_batch(rows);
      if (rows.size() < kBatch) break;
    }
    run([&] { return tx_.exec("close migra_inspect"); });
  }

  /// Reads `kind`'s objects, sorted by key. `absent` are fields its query leaves out
  /// (filled by another query); `extra` names a column that is no field, handed with its
  /// index and the object to `on_extra`.
  template <typename T, typename OnExtra = void (*)(const pqxx::row&, int, T&)>
  void load(const std::string& kind, std::vector<T>& out,
            std::vector<std::string_view> absent = {},
            std::string_view extra = {}, OnExtra on_extra = nullptr) {
    PhaseTimer timer("inspect " + label_ + ": " + kind);
    // Each batch's objects go into a vector of their own, allocated once at its size: an
    // object is moved only once, into key order, never by a growing vector.
    std::vector<std::vector<T>> batches;
    std::optional<CatalogColumns<T>> columns;
    fetch(kind, [&](const pqxx::result& rows) {
      auto& batch = batches.emplace_back();
      batch.reserve(rows.size());
      if (!columns) {
        std::vector<std::string_view> extras;
        if (!extra.empty()) extras.push_back(extra);
        columns.emplace(rows, kind, extras, absent);
      }
      const int extra_column = extra.empty() ? -1 : columns->column_of(extra);
      for (const auto& row : rows) {
        auto& object = batch.emplace_back();
        columns->read(json_, row, object);
        if (extra_column >= 0) on_extra(row, extra_column, object);
      }
    });
    // Keys are built once per object, not once per comparison.
    std::vector<std::pair<std::string, size_t>> order;  // key, batch * kBatch + position
    order.reserve((batches.size() - 1) * kBatch + batches.back().size());
    for (size_t b = 0; b < batches.size(); ++b) {
      for (size_t i = 0; i < batches[b].size(); ++i) {
        order.emplace_back(batches[b][i].key(), b * kBatch + i);
      }
    }
    std::stable_sort(order.begin(), order.end(),
                     [](const auto& a, const auto& b) { return a.first < b.first; });
    out.reserve(out.size() + order.size());
    for (const auto& [key, i] : order) out.push_back(std::move(batches[i / kBatch][i % kBatch]));
  }

  /// Reads the columns of every table (one row per column, with its table's schema and
  /// name and its position) into `tables`, already loaded, sorted and with room reserved.
  void load_columns(const std::string& kind, std::vector<model::Table>& tables) {
    PhaseTimer timer("inspect " + label_ + ": " + kind);
    std::unordered_map<std::string, size_t> by_key;
    by_key.reserve(tables.size());
    for (size_t i = 0; i < tables.size(); ++i) by_key.emplace(tables[i].key(), i);
    // Rows come in no particular order (sorting them costs the server more than this):
    // each column goes straight into its table, with its position beside it.
    std::vector<std::vector<int>> positions(tables.size());
    std::optional<CatalogColumns<model::Column>> columns;
    std::string key;
    fetch(kind, [&](const pqxx::result& rows) {
      if (!columns) {
        columns.emplace(rows, kind, std::vector<std::string_view>{"schema", "table", "position"});
      }
      const auto schema = columns->column_of("schema");
      const auto table = columns->column_of("table");
      const auto position = columns->column_of("position");
      for (const auto& row : rows) {
        key = model::qualified(row[schema].c_str(), row[table].c_str());
        auto it = by_key.find(key);
        if (it == by_key.end()) {
          throw Error("internal error: catalog query '" + kind + "' returned a column of " +
                      key + ", a table the tables query did not return");
        }
        columns->read(json_, row, tables[it->second].columns.emplace_back());
        positions[it->second].push_back(row[position].as<int>());
      }
    });
    for (size_t i = 0; i < tables.size(); ++i) {
      auto& at = positions[i];
      if (std::is_sorted(at.begin(), at.end())) continue;
      std::vector<size_t> order(at.size());
      for (size_t k = 0; k < order.size(); ++k) order[k] = k;
      std::sort(order.begin(), order.end(), [&](size_t a, size_t b) { return at[a] < at[b]; });
      std::vector<model::Column> sorted;
      sorted.reserve(order.size());
      for (size_t k : order) sorted.push_back(std::move(tables[i].columns[k]));
      tables[i].columns = std::move(sorted);
      std::sort(at.begin(), at.end());
    }
    table_index_ = std::move(by_key);
    column_numbers_ = std::move(positions);
  }

  /// The names of a table's columns numbered `numbers`, a smallint[] in PostgreSQL's text
  /// form ("{1,3}", NULL for none), as the tables' columns read before: looking each one
  /// up in pg_attribute costs the server far more. A number that names no column (0 for
  /// an expression) reads as "".
  std::vector<std::string> column_names(const std::vector<model::Table>& tables,
                                        const std::string& table_key, const pqxx::field& numbers,
                                        const std::string& kind) const {
    std::vector<std::string> names;
    if (numbers.is_null()) return names;
    auto it = table_index_.find(table_key);
    if (it == table_index_.end()) {
      throw Error("internal error: catalog query '" + kind + "' names columns of " + table_key +
                  ", a table the tables query did not return");
    }
    const auto& table = tables[it->second];
    const auto& at = column_numbers_[it->second];
    std::string_view text(numbers.c_str(), numbers.size());
    if (text.size() < 2 || text.front() != '{' || text.back() != '}') {
      throw Error("internal error: catalog query '" + kind + "' returned column numbers '" +
                  std::string(text) + "'");
    }
    text = text.substr(1, text.size() - 2);
    while (!text.empty()) {
      size_t comma = text.find(',');
      std::string_view item = text.substr(0, comma);
      int number = 0;
      auto [end, error] = std::from_chars(item.data(), item.data() + item.size(), number);
      if (error != std::errc() || end != item.data() + item.size()) {
        throw Error("internal error: catalog query '" + kind + "' returned column numbers '" +
                    std::string(numbers.c_str()) + "'");
      }
      auto pos = std::lower_bound(at.begin(), at.end(), number);
      names.push_back(pos != at.end() && *pos == number
                          ? table.columns[static_cast<size_t>(pos - at.begin())].name
                          : std::string());
      text = comma == std::string_view::npos ? std::string_view() : text.substr(comma + 1);
    }
    return names;
  }

 private:
  pqxx::transaction_base& tx_;
  int version_;
  std::string label_;
  std::string include_;
  std::string exclude_;
  model::JsonReader json_;  // one parser for every json column
  // From load_columns: each table's position by key, and its columns' numbers (attnum),
  // ascending like its columns.
  std::unordered_map<std::string, size_t> table_index_;
  std::vector<std::vector<int>> column_numbers_;
};

}  // namespace

model::Model inspect(pqxx::connection& connection, const InspectOptions& options) {
  PhaseTimer timer("inspect " + options.label);
  model::Model m;
  m.server_version_num = connection.server_version();
  pqxx::transaction<pqxx::isolation_level::repeatable_read, pqxx::readwrite_policy::read_only> tx(
      connection);
  // One round trip for the session settings and the current user:
  // - expressions are printed relative to this path, identically for every source;
  // - timestamps in expressions (partition bounds, defaults) print in the session's time
  //   zone: a fixed one keeps two databases with different settings comparable;
  // - identifiers in printed definitions are quoted only where needed, whatever the
  //   database's or role's setting;
  // - the catalog queries are cheap but look costly to the planner, and compiling them
  //   with JIT takes ~100 ms each on servers built with it;
  // - every row of a cursor is read: plan for all of them, not for the first few;
  // - the queries join in the order they are written (driving catalog first, then
  //   lookups): searching for another order costs more planning time than it saves.
  std::string settings =
      "set local search_path = public; set local timezone = 'UTC'; "
      "set local quote_all_identifiers = off; set local cursor_tuple_fraction = 1.0; "
      "set local join_collapse_limit = 1; set local from_collapse_limit = 1; ";
  if (m.server_version_num >= 110000) settings += "set local jit = off; ";
  m.current_user = tx.exec1(settings + "select current_user")[0].as<std::string>();
  Reader r(tx, m.server_version_num, options);
  r.load("schemas", m.schemas);
  r.load("extensions", m.extensions);
  r.load("collations", m.collations);
  r.load("enums", m.enums);
  r.load("domains", m.domains);
  r.load("composite_types", m.composite_types);
  r.load("range_types", m.range_types);
  r.load("sequences", m.sequences);
  // A table's column count (dropped ones included) sizes its column list up front.
  r.load("tables", m.tables, {"columns"}, "column_count",
         [](const pqxx::row& row, int column, model::Table& t) {
           t.columns.reserve(row[column].as<size_t>());
         });
  r.load_columns("table_columns", m.tables);
  r.load("constraints", m.constraints, {"columns", "index"}, "column_numbers",
         [&](const pqxx::row& row, int column, model::Constraint& c) {
           c.columns = r.column_names(m.tables, c.table_key(), row[column], "constraints");
         });
  r.load("indexes", m.indexes);
  // A constraint's backing index is the index that names it: read once, with the indexes.
  {
    std::unordered_map<std::string, model::Constraint*> by_key;
    by_key.reserve(m.constraints.size());
    for (auto& c : m.constraints) by_key.emplace(c.key(), &c);
    for (const auto& index : m.indexes) {
      if (!index.constraint) continue;
      auto it = by_key.find(model::qualified(index.schema, index.table, *index.constraint));
      if (it != by_key.end()) it->second->index = index.name;
    }
  }
  r.load("views", m.views);
  r.load("functions", m.functions);
  r.load("triggers", m.triggers);
  r.load("event_triggers", m.event_triggers);
  r.load("policies", m.policies);
  r.load("default_privileges", m.default_privileges);
  return m;
}

}  // namespace migra::catalog
