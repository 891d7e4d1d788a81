#pragma once
// The abstract schema the property generator builds and mutates. Objects refer to each
// other by id, never by name, so a rename (a new name, the same id) carries every
// reference along; expressions are kept as small specs and rendered from the column types
// of the version they are rendered in, so a type change never leaves an invalid one.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace migra::test::property {

enum class Base {
  Int,
  BigInt,
  SmallInt,
  Numeric,
  Text,
  Varchar,
  Bool,
  Timestamptz,
  Date,
  Jsonb,
  Uuid,
  Enum,
  Domain
};

/// What expressions a value supports; domains count as their base type.
enum class Cat { Integer, Numeric, Text, Bool, Time, Date, Json, Uuid, Enum, Array };

struct Type {
  Base base = Base::Int;
  int len = 0;         ///< varchar length; numeric precision (0: unconstrained numeric)
  int scale = 0;       ///< numeric scale
  int ref = -1;        ///< enum or domain id
  bool array = false;  ///< an array of base (Int, BigInt or Text only)
  bool operator==(const Type&) const = default;
};

enum Role { kPostgres = 0, kTestRole = 1, kPublic = 2 };

struct Grant {
  int role = kTestRole;
  std::string privilege;  ///< lower case, as in GRANT
  bool grantable = false;
  bool operator==(const Grant&) const = default;
};

using Comment = std::optional<std::string>;

struct Schema {
  int id = 0;
  std::string name;
  Comment comment;
  std::vector<Grant> grants;
};

struct Enum {
  int id = 0, schema = 0;
  std::string name;
  std::vector<std::string> labels;
  Comment comment;
  std::vector<Grant> grants;
  bool public_usage = true;
};

struct DomainCheck {
  int id = 0;
  std::string name;
  int variant = 0;
};

struct Domain {
  int id = 0, schema = 0;
  std::string name;
  Type base;  ///< Int or Text
  bool not_null = false;
  std::optional<int> default_variant;
  std::vector<DomainCheck> checks;
  Comment comment;
};

struct Sequence {
  int id = 0, schema = 0;
  std::string name;
  Base as = Base::BigInt;
  std::int64_t start = 1, increment = 1, min = 1, max = 1000, cache = 1;
  bool cycle = false;
  Comment comment;
  std::vector<Grant> grants;
};

enum class Lang { Sql, SqlStandard, Plpgsql };
enum class Volatility { Immutable, Stable, Volatile };

struct Function {
  int id = 0, schema = 0;
  std::string name;
  std::vector<Base> params;  ///< Int, BigInt or Text
  Base result = Base::Int;   ///< Int, BigInt or Text
  Lang lang = Lang::Sql;
  Volatility volatility = Volatility::Immutable;
  int constant = 1;      ///< varies the body
  int reads_table = -1;  ///< a table whose row count the body adds in
  Comment comment;
  std::vector<Grant> grants;
  bool public_execute = true;
};

enum class DefaultKind { None, Literal, Function, Nextval };

struct Default {
  DefaultKind kind = DefaultKind::None;
  int ref = -1;  ///< function or sequence id
  int variant = 0;
};

enum class Identity { None, Always, ByDefault };

struct Column {
  int id = 0;
  std::string name;
  Type type;
  bool not_null = false;
  Default default_;
  Identity identity = Identity::None;
  int identity_start = 1, identity_increment = 1;
  int generated_from = -1;  ///< a stored generated column computed from this column id
  Comment comment;
  std::vector<Grant> grants;
};

/// A predicate on one column, rendered for the column's type; col -1 is `true`.
struct Pred {
  int col = -1;
  int variant = 0;
};

struct Check {
  int id = 0;
  std::string name;
  Pred pred;
  Comment comment;
};

struct Unique {
  int id = 0;
  std::string name;
  std::vector<int> cols;
};

struct ForeignKey {
  int id = 0;
  std::string name;
  std::vector<int> cols;
  int ref_table = -1;
  std::vector<int> ref_cols;
  int on_delete = 0;  ///< no action, cascade, set null, restrict
  bool deferrable = false;
};

struct Table {
  int id = 0, schema = 0;
  std::string name;
  std::vector<Column> columns;
  std::vector<int> pk;
  std::string pk_name;
  std::vector<Unique> uniques;
  std::vector<Check> checks;
  std::vector<ForeignKey> fks;
  bool rls = false, force_rls = false;
  Comment comment;
  std::vector<Grant> grants;
};

struct IndexElem {
  int col = -1;
  bool expr = false;  ///< an expression on the column instead of the column
  int fn = -1;        ///< or a call of this function on it (when the call is valid)
};

struct Index {
  int id = 0, table = 0;
  std::string name;
  bool unique = false;
  std::vector<IndexElem> elems;
  std::optional<Pred> where;
  Comment comment;
};

/// An output column of a view: a source column, a function of it, or a function call
/// with constant arguments (col -1).
struct ViewItem {
  int id = 0;
  int col = -1;
  int fn = -1;
};

struct View {
  int id = 0, schema = 0;
  std::string name;
  bool materialized = false;
  bool from_view = false;  ///< source is an earlier view, else a table
  int source = -1;
  std::vector<ViewItem> items;
  std::optional<Pred> where;
  Comment comment;
  std::vector<Grant> grants;
};

struct Policy {
  int id = 0, table = 0;
  std::string name;
  int command = 0;  ///< all, select, insert, update, delete
  bool permissive = true;
  std::vector<int> roles;  ///< empty: public
  std::optional<Pred> using_, check;
  Comment comment;
};

struct Model {
  std::vector<Schema> schemas;
  std::vector<Enum> enums;
  std::vector<Domain> domains;
  std::vector<Sequence> sequences;
  std::vector<Function> functions;
  std::vector<Table> tables;
  std::vector<Index> indexes;
  std::vector<View> views;  ///< in creation order: a view reads only earlier views
  std::vector<Policy> policies;
  int next_id = 1;
  int fresh() { return next_id++; }
};

template <typename T>
T* by_id(std::vector<T>& v, int id) {
  for (auto& x : v) {
    if (x.id == id) return &x;
  }
  return nullptr;
}

template <typename T>
const T* by_id(const std::vector<T>& v, int id) {
  for (const auto& x : v) {
    if (x.id == id) return &x;
  }
  return nullptr;
}

/// A source column as a view sees it: table column or output column of an earlier view.
struct SourceColumn {
  int id = 0;
  std::string name;
  Type type;
};

/// The type with a domain replaced by its base type.
Type resolve(const Model& m, const Type& t);
Cat cat_of(const Model& m, const Type& t);
/// Whether a value of this type can be passed to a parameter of type `param` as is.
bool arg_ok(const Model& m, const Type& t, Base param);
/// The type and expression of a generated column computed from a column of type `src`.
std::optional<Type> generated_type(const Model& m, const Type& src);
/// The columns a view reads.
std::vector<SourceColumn> source_columns(const Model& m, const View& v);
/// The type of a view's output column.
Type item_type(const Model& m, const View& v, const ViewItem& item);
/// The SQL of the whole model, in an order that loads.
std::string render(const Model& m, bool defaults_use_first_enum_label);

}  // namespace migra::test::property
