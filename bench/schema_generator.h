#pragma once
/// A realistic model set for benchmarks, deterministic from a seed: schemas of tables with
/// typed columns, constraints and indexes, plus views, functions, triggers, sequences,
/// enums, domains and comments; and its B side, the same set with a share of objects changed.
#include <cstdint>
#include <filesystem>
#include <string>
#include <vector>

namespace migra::bench {

/// splitmix64: the same numbers on every platform (std distributions are not).
class Rng {
 public:
  explicit Rng(uint64_t seed) : state_(seed) {}
  /// The next 64 random bits.
  uint64_t next();
  /// Uniform in [lo, hi].
  int range(int lo, int hi);
  /// True with probability percent / 100.
  bool chance(int percent) { return range(0, 99) < percent; }

 private:
  uint64_t state_;
};

/// One table column.
struct Column {
  std::string name;
  std::string type;         ///< as rendered, e.g. "numeric(12,2)"
  std::string default_sql;  ///< empty: no default
  bool not_null = false;
  /// Read by views, functions, triggers, keys or defaults on sequences: never changed.
  bool core = false;
  std::string retype_to;    ///< a compatible type it may change to; empty: never retyped
  std::string default_alt;  ///< another default it may get; empty: only dropped
  std::string comment;
};

/// A unique, check or foreign-key constraint (the primary key is always `id`).
struct Constraint {
  enum class Kind { unique, check, foreign_key };
  Kind kind = Kind::check;
  std::string name;
  std::string definition;            ///< after the name: "check (...)", "unique (...)", ...
  std::string alternative;           ///< checks: another expression it may change to
  std::vector<std::string> columns;  ///< this table's columns it reads
  std::string references;            ///< qualified referenced table, foreign keys only
  std::string on_delete;             ///< foreign keys only
};

/// A `create index` on one table.
struct Index {
  std::string name;
  bool unique = false;
  std::string method;                ///< empty: btree
  std::string keys;                  ///< "(a, lower(b))"
  std::string where;                 ///< empty: not partial
  std::vector<std::string> columns;  ///< columns it reads
};

/// A table and what hangs off it.
struct Table {
  int schema = 0;
  std::string name;
  std::string label;  ///< the core text column: "name" or "title"
  bool serial_id = false;
  std::vector<Column> columns;
  std::vector<Constraint> constraints;
  std::vector<Index> indexes;
  std::string comment;
};

/// A view over one or two tables, or over an earlier view.
struct View {
  int schema = 0;
  std::string name;
  std::string select;              ///< the query, rendered
  std::vector<std::string> reads;  ///< qualified tables and views it reads
  std::string comment;
  int variant = 0;                 ///< which of the query's shapes; changed by mutation
  std::string base;                ///< the first table or view read, for re-rendering
  std::string base_label;          ///< its label column
  std::string join;                ///< optional joined table and its foreign key column
  std::string join_key;
  std::string join_label;
};

/// A SQL or PL/pgSQL function; trigger functions included.
struct Function {
  int schema = 0;
  std::string name;
  std::string args;     ///< "(p_since timestamptz)"
  std::string returns;
  std::string language;
  std::string volatility;  ///< "stable", "volatile"
  std::string body;
  std::vector<std::string> reads;
  std::string comment;
  std::string table;    ///< qualified table the body is about
  int variant = 0;
  enum class Shape { count_recent, archive, touch } shape = Shape::count_recent;
};

/// A row trigger calling a trigger function.
struct Trigger {
  std::string name;
  std::string table;     ///< qualified
  std::string function;  ///< qualified, with "()"
  std::string events;    ///< "update", "insert or update"
};

/// A standalone sequence, used by a column default.
struct Sequence {
  int schema = 0;
  std::string name;
  int start = 1;
  int increment = 1;
  int cache = 1;
};

/// An enum or a domain.
struct Type {
  int schema = 0;
  std::string name;
  bool is_enum = true;
  std::vector<std::string> labels;  ///< enum only
  std::string base;                 ///< domain only
  std::string check;                ///< domain only
  std::string comment;
};

/// The whole model set.
struct SchemaSet {
  std::vector<std::string> schemas;
  std::vector<Type> types;
  std::vector<Sequence> sequences;
  std::vector<Table> tables;  ///< grouped by schema, in load order
  std::vector<Function> functions;
  std::vector<Trigger> triggers;
  std::vector<View> views;  ///< in load order
  int next_table_number = 0;
};

/// What to generate.
struct GenerateOptions {
  int tables = 100;
  uint64_t seed = 1;
  int mutate_percent = 0;  ///< 0: the A side; else the B side with about this % changed
};

/// The A side.
SchemaSet generate(int tables, uint64_t seed);

/// Changes about `percent` % of the objects, keeping the set loadable in file-name order.
void mutate(SchemaSet& set, int percent, uint64_t seed);

/// Model files: name and content, in load order (sorted by name).
std::vector<std::pair<std::string, std::string>> render(const SchemaSet& set);

/// Generates (and mutates) per `options` and writes the files into `dir`, creating it;
/// returns the number of files written. Throws std::runtime_error on I/O failure.
int write_model_set(const GenerateOptions& options, const std::filesystem::path& dir);

/// Qualified name of a table, view, function or type: "schema.name".
std::string qualified(const SchemaSet& set, int schema, const std::string& name);

/// Renders a view's query from its shape and variant.
std::string render_view_select(const View& v);

/// Renders a function's body from its shape and variant.
std::string render_function_body(const Function& f);

}  // namespace migra::bench
