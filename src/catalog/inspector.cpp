#include "catalog/inspector.h"

#include <algorithm>
#include <charconv>
#include <optional>
#include <string_view>
#include <unordered_map>
#include <unordered_set>

#include "catalog/catalog_columns.h"
#include "catalog/embedded_queries.h"
#include "catalog/expression_trees.h"
#include "catalog/printed_definitions.h"
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

// "a,b,c" as its words.
std::vector<std::string> split_words(const std::string& text) {
  std::vector<std::string> out;
  size_t start = 0;
  while (start < text.size()) {
    size_t comma = text.find(',', start);
    if (comma == std::string::npos) comma = text.size();
    out.push_back(text.substr(start, comma - start));
    start = comma + 1;
  }
  return out;
}

// An identity column's options are those of the sequence it owns (deptype 'i').
template <typename FindTable>
void set_identity_options(model::Model& m, FindTable find_table) {
  for (const auto& s : m.sequences) {
    if (!s.identity || !s.owned_by_table || !s.owned_by_column) continue;
    auto* table = find_table(*s.owned_by_table);
    if (!table) continue;
    for (auto& c : table->columns) {
      if (c.name == *s.owned_by_column && !c.identity.empty()) c.identity_options = s.options;
    }
  }
}

/// A row's cells by column number, through one iterator: indexing a pqxx::row makes a
/// pqxx::field, which copies the result's shared pointers each time.
class Cells {
 public:
  explicit Cells(const pqxx::row& row) : it_(row.begin()) {}
  const pqxx::field& operator[](int column) {
    it_ += column - at_;
    at_ = column;
    return *it_.operator->();  // the iterator itself: no copy
  }

 private:
  pqxx::const_row_iterator it_;
  int at_ = 0;
};

class Reader {
 public:
  static constexpr size_t kBatch = 500;

  Reader(pqxx::transaction_base& tx, int version, const InspectOptions& options,
         DeferredTexts& deferred, TextMode mode)
      : tx_(tx), deferred_(deferred), version_(version), mode_(mode), label_(options.label),
        include_(tx.quote(text_array(options.schemas)) + "::text[]"),
        exclude_(tx.quote(text_array(options.exclude_schemas)) + "::text[]") {}

  /// Runs `kind`'s query through a cursor and hands each batch of rows to `on_batch`: a
  /// 5,000-table schema's rows are tens of MB, and only one batch is in memory at a time.
  /// Closing the previous cursor, declaring this one and reading its first batch take one
  /// round trip: each costs both processes a wake-up, and an inspection makes ~100.
  template <typename F>
  void fetch(const std::string& kind, F&& on_batch) {
    std::string sql = with_schema_lists(expand_query_macros(query_for(kind), version_, mode_));
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
    const std::string fetch_next = "fetch " + std::to_string(kBatch) + " from migra_inspect";
    std::string first = cursor_open_ ? "close migra_inspect; " : "";
    first += "declare migra_inspect no scroll cursor for " + sql + ";\n" + fetch_next;
    cursor_open_ = true;
    pqxx::result rows = run([&] { return tx_.exec(first); });
    for (;;) {
      on_batch(rows);
      if (rows.size() < kBatch) break;
      rows = run([&] { return tx_.exec(fetch_next); });
    }
  }

  /// Reads `kind`'s objects, sorted by key. `absent` are fields its query leaves out
  /// (filled from elsewhere); `extras` name columns that are no fields, handed with their
  /// indexes (in the order named) and the object to `on_extra`.
  template <typename T,
            typename OnExtra = void (*)(Cells&, const std::vector<int>&, T&)>
  void load(const std::string& kind, std::vector<T>& out,
            std::vector<std::string_view> absent = {},
            std::vector<std::string_view> extras = {}, OnExtra on_extra = nullptr) {
    PhaseTimer timer("inspect " + label_ + ": " + kind);
    // Each batch's objects go into a vector of their own, allocated once at its size: an
    // object is moved only once, into key order, never by a growing vector.
    std::vector<std::vector<T>> batches;
    std::optional<CatalogColumns<T>> columns;
    std::vector<int> extra_columns;
    fetch(kind, [&](const pqxx::result& rows) {
      auto& batch = batches.emplace_back();
      batch.reserve(rows.size());
      if (!columns) {
        columns.emplace(rows, kind, extras, absent);
        for (auto e : extras) extra_columns.push_back(columns->column_of(e));
      }
      for (const auto& row : rows) {
        auto& object = batch.emplace_back();
        columns->read(json_, row, object);
        if (!extras.empty()) {
          Cells cells(row);
          on_extra(cells, extra_columns, object);
        }
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
    auto& by_key = table_index_;
    by_key.reserve(tables.size());
    for (size_t i = 0; i < tables.size(); ++i) by_key.emplace(tables[i].key(), i);
    tables_ = &tables;
    // Rows come in no particular order (sorting them costs the server more than this):
    // each column goes straight into its table, with its position beside it.
    std::vector<std::vector<int>> positions(tables.size());
    std::optional<CatalogColumns<model::Column>> columns;
    std::string key;
    fetch(kind, [&](const pqxx::result& rows) {
      if (!columns) {
        columns.emplace(rows, kind, std::vector<std::string_view>{"schema", "table", "position"},
                        std::vector<std::string_view>{"identity_options"});
      }
      const auto schema = columns->column_of("schema");
      const auto table = columns->column_of("table");
      const auto position = columns->column_of("position");
      for (const auto& row : rows) {
        Cells cells(row);
        key = model::qualified(cells[schema].c_str(), cells[table].c_str());
        auto it = by_key.find(key);
        if (it == by_key.end()) {
          throw Error("internal error: catalog query '" + kind + "' returned a column of " +
                      key + ", a table the tables query did not return");
        }
        columns->read(json_, row, tables[it->second].columns.emplace_back());
        positions[it->second].push_back(cells[position].as<int>());
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
    relation_columns_.reserve(tables.size());
    for (size_t i = 0; i < tables.size(); ++i) {
      auto& numbered = relation_columns_[tables[i].key()];
      numbered.reserve(positions[i].size());
      for (size_t k = 0; k < positions[i].size(); ++k) {
        numbered.push_back({positions[i][k], tables[i].columns[k].name, &tables[i].columns[k]});
      }
    }
  }

  /// Makes the columns of materialized views nameable by number, like the tables'
  /// (indexes can be on them). Their columns are numbered from 1 without gaps: a
  /// materialized view's columns cannot be dropped.
  void add_view_columns(const std::vector<model::View>& views) {
    for (const auto& view : views) {
      if (!view.materialized) continue;
      auto& numbered = relation_columns_[view.key()];
      for (size_t k = 0; k < view.columns.size(); ++k) {
        numbered.push_back({static_cast<int>(k + 1), view.columns[k].name, nullptr});
      }
    }
  }

  /// A smallint[] in PostgreSQL's text form ("{1,3}", or "[0:1]={1,3}" when it does not
  /// start at 1, as int2vector cast to smallint[] does; NULL reads as empty).
  [[nodiscard]] static std::vector<int> int_array(const pqxx::field& field,
                                                  const std::string& kind) {
    std::vector<int> out;
    if (field.is_null()) return out;
    std::string_view text(field.c_str(), field.size());
    auto bad = [&] {
      return Error("internal error: catalog query '" + kind + "' returned '" +
                   std::string(text) + "' for a list of numbers");
    };
    std::string_view items = text;
    if (!items.empty() && items.front() == '[') {
      size_t equals = items.find("]={");
      if (equals == std::string_view::npos) throw bad();
      items = items.substr(equals + 2);
    }
    if (items.size() < 2 || items.front() != '{' || items.back() != '}') throw bad();
    items = items.substr(1, items.size() - 2);
    while (!items.empty()) {
      size_t comma = items.find(',');
      std::string_view item = items.substr(0, comma);
      int number = 0;
      auto [end, error] = std::from_chars(item.data(), item.data() + item.size(), number);
      if (error != std::errc() || end != item.data() + item.size()) throw bad();
      out.push_back(number);
      items = comma == std::string_view::npos ? std::string_view() : items.substr(comma + 1);
    }
    return out;
  }

  /// The names of the columns numbered `numbers` (attnum) of a table or materialized view
  /// read before: looking each one up in pg_attribute costs the server far more. 0 (an
  /// expression) reads as ""; -2 is the oid column of a table WITH OIDS (servers before
  /// 12, the only system column a key can use); any other number is an internal error.
  [[nodiscard]] std::vector<std::string> column_names(const std::string& schema,
                                                      const std::string& relation,
                                                      const std::vector<int>& numbers,
                                                      const std::string& kind) const {
    if (numbers.empty()) return {};
    return column_names(model::qualified(schema, relation), numbers, kind);
  }

  /// The same, for the relation with this key.
  [[nodiscard]] std::vector<std::string> column_names(const std::string& key,
                                                      const std::vector<int>& numbers,
                                                      const std::string& kind) const {
    std::vector<std::string> names;
    if (numbers.empty()) return names;
    auto it = relation_columns_.find(key);
    if (it == relation_columns_.end()) {
      throw Error("internal error: catalog query '" + kind + "' names columns of " + key +
                  ", a relation whose columns were not read");
    }
    names.reserve(numbers.size());
    for (int number : numbers) {
      if (const auto* column = numbered_column(it->second, number)) {
        names.push_back(column->name);
      } else if (number == 0) {
        names.emplace_back();
      } else if (number == -2) {
        names.emplace_back("oid");
      } else {
        throw Error("internal error: catalog query '" + kind + "' names column " +
                    std::to_string(number) + " of " + key + ", which was not read");
      }
    }
    return names;
  }

  /// Whether the token is one object's own.
  [[nodiscard]] bool owns(const std::string& token) const { return deferred_.owns(token); }

  /// The column numbered `number` of the table with key `table`, or null (also for a
  /// materialized view's).
  [[nodiscard]] const model::Column* table_column(const std::string& table, int number) const {
    auto it = relation_columns_.find(table);
    if (it == relation_columns_.end()) return nullptr;
    const auto* numbered = numbered_column(it->second, number);
    return numbered ? numbered->column : nullptr;
  }

  /// Names an enum or domain (and its array type) by number in expression trees.
  void add_user_type(std::int64_t oid, std::int64_t array_oid, const std::string& key) {
    user_types_.emplace(oid, key);
    if (array_oid != 0) user_types_.emplace(array_oid, key + "[]");
  }
  /// Names an enum label by number (its type's and its own) in expression trees.
  void add_enum_label(std::int64_t type, std::int64_t oid, const std::string& label) {
    enum_labels_.emplace(oid, std::make_pair(type, label));
  }

  /// The table with this key, read before, or null.
  [[nodiscard]] model::Table* table(const std::string& key) const {
    auto it = table_index_.find(key);
    return it == table_index_.end() ? nullptr : &(*tables_)[it->second];
  }

  /// The token for a text the server prints from `tree`, an expression on the columns of
  /// the table with key `table` (read before), with `extra` (what else the text shows).
  /// Own to this object when the tree is not comparable, or `comparable` is false.
  std::string defer_tree(DeferredKind kind, std::uint32_t oid, const std::string& table,
                         std::string_view tree, std::string_view extra, bool comparable) {
    if (comparable) {
      auto it = relation_columns_.find(table);
      if (it != relation_columns_.end()) {
        ColumnNamer name = [&](int number) -> const std::string* {
          const auto* column = numbered_column(it->second, number);
          return column ? &column->name : nullptr;
        };
        UserObjects user{[&](std::int64_t oid) { return find_name(user_types_, oid); },
                         [&](std::int64_t type, std::int64_t oid) -> const std::string* {
                           auto it = enum_labels_.find(oid);
                           return it != enum_labels_.end() && it->second.first == type
                                      ? &it->second.second
                                      : nullptr;
                         }};
        if (auto canonical = canonical_tree(tree, name, user)) {
          // Another server version may print the same tree differently, and constants
          // print by the encoding and money locale (the other settings are fixed).
          std::string input = std::to_string(version_);
          input += '|';
          input += print_settings;
          input += '|';
          input += extra;
          input += '|';
          input += *canonical;
          return deferred_.shared(kind, oid, input);
        }
      }
    }
    return deferred_.own(kind, oid);
  }

  /// Quotes identifiers as the server does (set once its keywords are known).
  IdentifierQuoter quote;
  /// The session's settings that printed constants depend on and that are not fixed.
  std::string print_settings;

 private:
  // The schema filter's lists ($1 included, $2 excluded) as quoted literals: a statement
  // with parameters cannot share its round trip with others.
  [[nodiscard]] std::string with_schema_lists(const std::string& sql) const {
    // One pass from left to right: what is put in is never searched again.
    static constexpr std::string_view kIncluded = "$1::text[]";
    static constexpr std::string_view kExcluded = "$2::text[]";
    std::string out;
    out.reserve(sql.size() + 64);
    size_t at = 0;
    for (size_t next = sql.find("::text[]"); next != std::string::npos;
         next = sql.find("::text[]", next + 1)) {
      if (next < 2 || next - 2 < at) continue;
      std::string_view placeholder(sql.data() + next - 2, kIncluded.size());
      if (placeholder != kIncluded && placeholder != kExcluded) continue;
      out.append(sql, at, next - 2 - at);
      out += placeholder == kIncluded ? include_ : exclude_;
      at = next - 2 + kIncluded.size();
    }
    out.append(sql, at, std::string::npos);
    return out;
  }

  pqxx::transaction_base& tx_;
  DeferredTexts& deferred_;
  int version_;
  TextMode mode_;
  std::string label_;
  std::string include_;  // literals: '{...}'::text[]
  std::string exclude_;
  bool cursor_open_ = false;
  model::JsonReader json_;  // one parser for every json column
  // Each table's and materialized view's column names by number (attnum), ascending.
  // Copies, side by side: looked up thousands of times, the model's own are spread out.
  struct NumberedColumn {
    int number;
    std::string name;
    const model::Column* column;  // null for a materialized view's
  };
  std::unordered_map<std::string, std::vector<NumberedColumn>> relation_columns_;

  static const NumberedColumn* numbered_column(const std::vector<NumberedColumn>& columns,
                                               int number) {
    auto pos = std::lower_bound(columns.begin(), columns.end(), number,
                                [](const NumberedColumn& c, int n) { return c.number < n; });
    return pos != columns.end() && pos->number == number ? &*pos : nullptr;
  }
  // Enums and domains (and their array types), and enum labels, by oid.
  std::unordered_map<std::int64_t, std::string> user_types_;
  std::unordered_map<std::int64_t, std::pair<std::int64_t, std::string>> enum_labels_;

  static const std::string* find_name(const std::unordered_map<std::int64_t, std::string>& names,
                                      std::int64_t oid) {
    auto it = names.find(oid);
    return it == names.end() ? nullptr : &it->second;
  }
  // The tables read, and their positions there by key.
  std::vector<model::Table>* tables_ = nullptr;
  std::unordered_map<std::string, size_t> table_index_;
};

using SnapshotTransaction =
    pqxx::transaction<pqxx::isolation_level::repeatable_read, pqxx::readwrite_policy::read_only>;

// Reads the database into `m`, leaving texts worth deferring as tokens in `deferred`.
void inspect_into(pqxx::transaction_base& tx, int server_version, const InspectOptions& options,
                  TextMode mode, model::Model& m, DeferredTexts& deferred,
                  std::vector<std::pair<std::string, std::string>>* composed_tokens) {
  PhaseTimer timer("inspect " + options.label);
  m.server_version_num = server_version;
  // One round trip for the session settings and the current user:
  // - expressions are printed relative to this path, identically for every source, and
  //   constants in them in the default styles, whatever the database's or role's;
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
      "set local datestyle = 'ISO, MDY'; set local intervalstyle = 'postgres'; "
      "set local extra_float_digits = 1; set local bytea_output = 'hex'; "
      "set local standard_conforming_strings = on; "
      "set local join_collapse_limit = 1; set local from_collapse_limit = 1; ";
  if (m.server_version_num >= 110000) settings += "set local jit = off; ";
  // The server's keywords other than unreserved ones decide which names its printed
  // definitions quote: those composed here quote the same.
  auto session = tx.exec1(settings +
                          "select current_user, pg_catalog.array_to_string(array("
                          "select word from pg_catalog.pg_get_keywords() where catcode <> 'U'"
                          "), ','), current_setting('server_encoding') || ' ' || "
                          "current_setting('lc_monetary')");
  m.current_user = session[0].as<std::string>();
  Reader r(tx, m.server_version_num, options, deferred, mode);
  r.quote = IdentifierQuoter(split_words(session[1].as<std::string>()));
  r.print_settings = session[2].as<std::string>();
  r.load("schemas", m.schemas);
  r.load("extensions", m.extensions);
  r.load("collations", m.collations);
  r.load("enums", m.enums, {}, {"oid", "array_oid", "label_oids"},
         [&](Cells& row, const std::vector<int>& at, model::EnumType& e) {
           r.add_user_type(row[at[0]].as<std::int64_t>(), row[at[1]].as<std::int64_t>(), e.key());
           std::string_view oids = row[at[2]].is_null() ? "" : row[at[2]].c_str();
           for (const auto& label : e.labels) {
             auto comma = oids.find(',');
             std::int64_t oid = 0;
             std::from_chars(oids.data(), oids.data() + oids.size(), oid);
             r.add_enum_label(row[at[0]].as<std::int64_t>(), oid, label);
             oids = comma == std::string_view::npos ? "" : oids.substr(comma + 1);
           }
         });
  r.load("domains", m.domains, {}, {"oid", "array_oid"},
         [&](Cells& row, const std::vector<int>& at, model::Domain& d) {
           r.add_user_type(row[at[0]].as<std::int64_t>(), row[at[1]].as<std::int64_t>(), d.key());
         });
  r.load("composite_types", m.composite_types);
  r.load("range_types", m.range_types);
  // A table's column count (dropped ones included) sizes its column list up front.
  r.load("tables", m.tables, {"columns"}, {"column_count"},
         [](Cells& row, const std::vector<int>& at, model::Table& t) {
           t.columns.reserve(row[at[0]].as<size_t>());
         });
  r.load_columns("table_columns", m.tables);
  // After the tables: an owning column is named from its table's columns.
  r.load("sequences", m.sequences, {"options"},
         {"data_type", "start", "increment", "min", "max", "cache", "cycle", "owned_by_number"},
         [&](Cells& row, const std::vector<int>& at, model::Sequence& s) {
           auto& o = s.options;
           o.data_type = row[at[0]].c_str();
           o.start = row[at[1]].as<std::int64_t>();
           o.increment = row[at[2]].as<std::int64_t>();
           o.min = row[at[3]].as<std::int64_t>();
           o.max = row[at[4]].as<std::int64_t>();
           o.cache = row[at[5]].as<std::int64_t>();
           o.cycle = row[at[6]].as<bool>();
           if (s.owned_by_column || !s.owned_by_table) return;
           s.owned_by_column = std::move(
               r.column_names(*s.owned_by_table, {row[at[7]].as<int>()}, "sequences").front());
         });
  set_identity_options(m, [&](const std::string& key) { return r.table(key); });
  r.load("constraints", m.constraints, {"columns", "index", "definition", "references"},
         {"column_numbers", "printed_definition", "referenced_schema", "referenced_table",
          "referenced_visible", "referenced_numbers", "match_type", "update_action",
          "delete_action", "delete_set_numbers", "check_tree", "no_inherit", "oid"},
         [&](Cells& row, const std::vector<int>& at, model::Constraint& c) {
           const std::string kind = "constraints";
           const std::string table = c.table_key();
           c.columns = r.column_names(table, Reader::int_array(row[at[0]], kind), kind);
           if (!row[at[2]].is_null()) {
             c.references = model::qualified(row[at[2]].c_str(), row[at[3]].c_str());
           }
           if (!row[at[1]].is_null()) {
             c.definition = row[at[1]].c_str();
             return;
           }
           if (!row[at[10]].is_null()) {
             // A check constraint: printed only if the diff needs it.
             std::string_view tree(row[at[10]].c_str(), row[at[10]].size());
             c.definition = r.defer_tree(DeferredKind::check, row[at[12]].as<std::uint32_t>(),
                                         table, tree, row[at[11]].c_str(), true);
             if (!c.validated) c.definition += " NOT VALID";
             return;
           }
           if (c.type != "foreign key") return;  // composed once the indexes are read
           ForeignKeyText fk;
           fk.columns = c.columns;
           fk.referenced_schema = row[at[2]].c_str();
           fk.referenced_table = row[at[3]].c_str();
           fk.visible = row[at[4]].as<bool>();
           fk.referenced_columns = r.column_names(
               fk.referenced_schema, fk.referenced_table, Reader::int_array(row[at[5]], kind),
               kind);
           fk.match = row[at[6]].c_str()[0];
           fk.update_action = row[at[7]].c_str()[0];
           fk.delete_action = row[at[8]].c_str()[0];
           fk.delete_set_columns = r.column_names(table, Reader::int_array(row[at[9]], kind), kind);
           fk.deferrable = c.deferrable;
           fk.deferred = c.deferred;
           fk.validated = c.validated;
           c.definition = foreign_key_definition(r.quote, fk);
           c.definition.shrink_to_fit();
         });
  r.load("views", m.views);
  r.add_view_columns(m.views);
  std::unordered_set<std::string> nulls_not_distinct;  // keys of such indexes: few
  r.load("indexes", m.indexes, {"columns", "include", "definition", "predicate"},
         {"printed_definition", "column_numbers", "key_count", "key_options",
          "nulls_not_distinct", "predicate_tree", "oid", "expressions_tree", "index_extra",
          "composed"},
         [&](Cells& row, const std::vector<int>& at, model::Index& x) {
           const auto oid = row[at[6]].as<std::uint32_t>();
           const std::string table_key = x.table_key();
           if (!row[at[5]].is_null()) {
             // Printed only if the diff needs it, like check constraints.
             std::string_view tree(row[at[5]].c_str(), row[at[5]].size());
             x.predicate = r.defer_tree(DeferredKind::predicate, oid, table_key, tree, "", true);
           }
           const auto numbers = Reader::int_array(row[at[1]], "indexes");
           auto names = r.column_names(table_key, numbers, "indexes");
           auto key_count = row[at[2]].as<size_t>();
           if (key_count > names.size()) {
             throw Error("internal error: catalog query 'indexes' returned " +
                         std::to_string(key_count) + " key columns of " +
                         std::to_string(names.size()) + " for " + x.key());
           }
           x.include.assign(names.begin() + static_cast<std::ptrdiff_t>(key_count), names.end());
           x.columns.assign(std::make_move_iterator(names.begin()),
                            std::make_move_iterator(names.begin() +
                                                    static_cast<std::ptrdiff_t>(key_count)));
           bool nnd = row[at[4]].as<bool>();
           if (nnd) nulls_not_distinct.insert(x.key());
           if (!row[at[0]].is_null()) {
             x.definition = row[at[0]].c_str();
             return;
           }
           const bool composed = row[at[9]].as<bool>();
           std::string token;
           if (!row[at[8]].is_null()) {
             // An index on a table a token can stand for: the text is what the server
             // prints from its expressions and everything below, its own if a class,
             // collation or column type is the user's (whether the text names them depends
             // on more than their numbers). A column's type and collation decide whether
             // its class and collation are printed.
             std::string_view server(row[at[8]].c_str(), row[at[8]].size());
             // (A predicate's own token makes this one the index's own too.)
             bool comparable = !has_user_oid(server) && !(x.predicate && r.owns(*x.predicate));
             std::string extra;
             for (size_t k = 0; k < x.columns.size(); ++k) {
               add_field(extra, x.columns[k]);
               if (x.columns[k].empty()) continue;
               const auto* column = r.table_column(table_key, numbers[k]);
               if (!column || column->type_key) {
                 comparable = false;
                 continue;
               }
               add_field(extra, column->type);
               add_field(extra, column->collation ? *column->collation : std::string());
             }
             for (std::string_view field :
                  {std::string_view(x.schema), std::string_view(x.table), std::string_view(x.name),
                   std::string_view(x.method), std::string_view(x.unique ? "u" : ""),
                   std::string_view(nnd ? "n" : ""), std::string_view(row[at[2]].c_str()),
                   std::string_view(row[at[3]].c_str()), server,
                   std::string_view(x.predicate ? *x.predicate : std::string())}) {
               add_field(extra, field);
             }
             for (const auto& name : x.include) add_field(extra, name);
             std::string_view tree;
             if (!row[at[7]].is_null()) tree = {row[at[7]].c_str(), row[at[7]].size()};
             token = r.defer_tree(DeferredKind::index, oid, table_key, tree, extra, comparable);
             if (!composed) {
               x.definition = std::move(token);
               return;
             }
           } else if (!composed) {
             throw Error("internal error: catalog query 'indexes' left out the definition of " +
                         x.key());
           }
           auto options = Reader::int_array(row[at[3]], "indexes");
           std::vector<IndexKey> keys;
           keys.reserve(x.columns.size());
           for (size_t k = 0; k < x.columns.size(); ++k) {
             keys.push_back({x.columns[k], k < options.size() ? options[k] : 0});
           }
           x.definition = index_definition(r.quote, x.unique, x.name, x.schema, x.table,
                                           x.method, x.method == "btree", keys, x.include, nnd,
                                           x.predicate ? &*x.predicate : nullptr);
           // Built by appending: without this, tens of thousands of them would keep up to
           // twice the room they need for as long as the model lives.
           x.definition.shrink_to_fit();
           // Which token stands for this text, for a later diff against a live database.
           if (!token.empty() && composed_tokens) composed_tokens->emplace_back(token, x.key());
         });
  // A constraint's backing index is the index that names it; a primary key's or unique
  // constraint's definition is composed from its columns and that index.
  {
    std::unordered_map<std::string, model::Constraint*> by_key;
    by_key.reserve(m.constraints.size());
    for (auto& c : m.constraints) by_key.emplace(c.key(), &c);
    for (const auto& index : m.indexes) {
      if (!index.constraint) continue;
      auto it = by_key.find(model::qualified(index.schema, index.table, *index.constraint));
      if (it == by_key.end()) continue;
      auto& c = *it->second;
      c.index = index.name;
      // (Unless the server printed it: see the constraints query.)
      if ((c.type == "primary key" || c.type == "unique") && c.definition.empty()) {
        c.definition = unique_constraint_definition(
            r.quote, c.type == "primary key", c.columns, index.include,
            nulls_not_distinct.count(index.key()) > 0, c.deferrable, c.deferred);
        c.definition.shrink_to_fit();
      }
    }
    for (const auto& c : m.constraints) {
      if (c.definition.empty()) {
        throw Error("internal error: no definition for constraint " + c.key() +
                    ": its index was not read");
      }
    }
  }
  r.load("functions", m.functions);
  r.load("triggers", m.triggers);
  r.load("event_triggers", m.event_triggers);
  r.load("policies", m.policies);
  r.load("default_privileges", m.default_privileges);
}

}  // namespace

model::Model inspect(pqxx::connection& connection, const InspectOptions& options,
                     TokenTexts* known) {
  model::Model m;
  SnapshotTransaction tx(connection);
  DeferredTexts deferred;
  // (token, index key) of the index texts composed here.
  std::vector<std::pair<std::string, std::string>> composed;
  inspect_into(tx, connection.server_version(), options, TextMode::printing, m, deferred,
               known ? &composed : nullptr);
  auto tokens = model_tokens(m);
  // (A printed text could hold something shaped like a token: only this inspection's are.)
  std::erase_if(tokens, [&](const std::string& t) { return !deferred.has(t); });
  if (!tokens.empty()) {
    PhaseTimer timer("inspect " + options.label + ": print definitions");
    auto texts = deferred.print(tx, tokens);
    replace_model_tokens(m, texts);
    if (known) {
      for (auto& [token, text] : texts) {
        if (!deferred.owns(token)) known->emplace(token, std::move(text));
      }
    }
  }
  if (known && !composed.empty()) {
    std::unordered_map<std::string, const model::Index*> by_key;
    by_key.reserve(m.indexes.size());
    for (const auto& x : m.indexes) by_key.emplace(x.key(), &x);
    for (auto& [token, key] : composed) {
      if (deferred.owns(token)) continue;
      if (auto it = by_key.find(key); it != by_key.end()) {
        known->emplace(std::move(token), it->second->definition);
      }
    }
  }
  return m;
}

Inspection::Inspection(std::unique_ptr<pqxx::connection> connection,
                       const InspectOptions& options, model::Model& out)
    : connection_(std::move(connection)),
      tx_(std::make_unique<SnapshotTransaction>(*connection_)) {
  inspect_into(*tx_, connection_->server_version(), options, TextMode::deferring, out,
               deferred_, nullptr);
  // Tokens of one object only are never worth keeping: the other side can't share them.
  if (!deferred_.owned().empty()) {
    PhaseTimer timer("inspect " + options.label + ": print definitions");
    replace_model_tokens(out, deferred_.print(*tx_, deferred_.owned()));
  }
}

Inspection::~Inspection() = default;

TokenTexts Inspection::print(const std::vector<std::string>& tokens) {
  return deferred_.print(*tx_, tokens);
}

std::vector<std::string> model_tokens(const model::Model& m) {
  std::vector<std::string> tokens;
  for (const auto& c : m.constraints) collect_tokens(c.definition, tokens);
  for (const auto& x : m.indexes) {
    collect_tokens(x.definition, tokens);
    if (x.predicate) collect_tokens(*x.predicate, tokens);
  }
  std::sort(tokens.begin(), tokens.end());
  tokens.erase(std::unique(tokens.begin(), tokens.end()), tokens.end());
  return tokens;
}

void replace_model_tokens(model::Model& m, const TokenTexts& texts) {
  if (texts.empty()) return;
  for (auto& c : m.constraints) replace_tokens(c.definition, texts);
  for (auto& x : m.indexes) {
    replace_tokens(x.definition, texts);
    if (x.predicate) replace_tokens(*x.predicate, texts);
  }
}

}  // namespace migra::catalog
