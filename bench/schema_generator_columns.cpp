// The catalogue of ordinary columns: type, default, check, unique key and usual index of
// each, with the compatible changes a migration may make to them.
#include <algorithm>

#include "schema_generator_parts.h"

namespace migra::bench {
namespace {

struct ColumnKind {
  const char* name;
  const char* type;
  const char* default_sql;
  bool not_null;
  const char* check;        ///< "" for none
  const char* check_alt;    ///< what the check may change to
  bool unique;              ///< has a unique constraint of its own
  const char* index_keys;   ///< "" for no usual index
  const char* index_method;
  const char* index_where;
  bool unique_index;
  const char* retype_to;    ///< "" when never retyped
  const char* default_alt;
  const char* comment;
};

// clang-format off
const ColumnKind kKinds[] = {
  {"email", "varchar(320)", "", false, "", "", false, "(lower(email))", "", "", true, "text", "", "Where we write to."},
  {"description", "text", "", false, "", "", false, "", "", "", false, "varchar(2000)", "''", "Free text shown to users."},
  {"quantity", "integer", "0", true, "quantity >= 0", "quantity >= 0 and quantity <= 100000", false, "", "", "", false, "bigint", "1", ""},
  {"amount", "numeric(12,2)", "0", true, "amount >= 0", "amount >= 0 and amount < 10000000", false, "", "", "", false, "numeric(16,2)", "", "Gross, in the currency column's unit."},
  {"currency", "char(3)", "'EUR'", true, "currency ~ '^[A-Z]{3}$'", "currency in ('EUR', 'USD', 'GBP', 'CHF')", false, "", "", "", false, "", "'USD'", "ISO 4217 code."},
  {"metadata", "jsonb", "'{}'::jsonb", true, "", "", false, "(metadata)", "gin", "", false, "", "'{\"v\": 1}'::jsonb", "Client-defined attributes."},
  {"tags", "text[]", "'{}'::text[]", true, "", "", false, "(tags)", "gin", "", false, "", "", ""},
  {"external_id", "uuid", "gen_random_uuid()", true, "", "", true, "", "", "", false, "", "", "Identifier shared with other systems."},
  {"is_active", "boolean", "true", true, "", "", false, "(created_at)", "", "is_active", false, "", "false", ""},
  {"deleted_at", "timestamptz", "", false, "", "", false, "(updated_at)", "", "deleted_at is null", false, "", "", "Set when soft-deleted."},
  {"priority", "smallint", "0", true, "priority between 0 and 10", "priority between 0 and 100", false, "", "", "", false, "integer", "5", ""},
  {"score", "double precision", "", false, "score >= 0", "score >= 0 and score <= 1", false, "", "", "", false, "", "0", ""},
  {"code", "varchar(32)", "", true, "char_length(code) >= 2", "char_length(code) >= 3", true, "", "", "", false, "varchar(64)", "", "Short human-readable key."},
  {"notes", "text", "", false, "", "", false, "", "", "", false, "varchar(4000)", "", ""},
  {"version", "integer", "1", true, "version > 0", "version >= 0", false, "", "", "", false, "bigint", "0", "Optimistic lock counter."},
  {"ip_address", "inet", "", false, "", "", false, "(ip_address)", "", "", false, "", "", ""},
  {"birth_date", "date", "", false, "birth_date > '1900-01-01'", "birth_date > '1880-01-01'", false, "", "", "", false, "", "", ""},
  {"duration", "interval", "", false, "", "", false, "", "", "", false, "", "'1 hour'", ""},
  {"ratings", "integer[]", "", false, "", "", false, "", "", "", false, "bigint[]", "'{}'", ""},
  {"last_seen_at", "timestamptz", "", false, "", "", false, "(last_seen_at desc)", "", "last_seen_at is not null", false, "", "now()", ""},
  {"source", "varchar(50)", "'web'", true, "", "", false, "", "", "", false, "varchar(100)", "'api'", "Channel the record came from."},
  {"weight_kg", "numeric(8,3)", "", false, "weight_kg > 0", "weight_kg > 0 and weight_kg < 50000", false, "", "", "", false, "numeric(10,3)", "", ""},
  {"phone", "varchar(40)", "", false, "", "", false, "", "", "", false, "varchar(64)", "", ""},
  {"settings", "jsonb", "", false, "", "", false, "((settings ->> 'locale'))", "", "", false, "", "'{}'::jsonb", "Per-record preferences."},
  {"sort_order", "integer", "0", true, "", "", false, "(sort_order, id)", "", "", false, "bigint", "100", ""},
  {"valid_from", "date", "current_date", true, "", "", false, "", "", "", false, "", "", ""},
};
// clang-format on

const char* const kBaseComments[] = {"Master data", "Records kept per business event",
                                      "Maintained by the back office", "Synchronised nightly"};

}  // namespace

int extra_column_kinds() { return static_cast<int>(std::size(kKinds)); }

bool has_extra_column(const Table& t, int kind) {
  std::string name = kKinds[kind].name;
  return std::any_of(t.columns.begin(), t.columns.end(),
                     [&](const Column& c) { return c.name == name; });
}

std::string fresh_index_name(const Table& t, const std::string& stem) {
  std::string name = t.name + "_" + stem + "_idx";
  for (int k = 2; std::any_of(t.indexes.begin(), t.indexes.end(),
                              [&](const Index& i) { return i.name == name; });
       ++k) {
    name = t.name + "_" + stem + std::to_string(k) + "_idx";
  }
  return name;
}

void add_extra_column(Table& t, int kind, Rng& rng, bool with_index) {
  const ColumnKind& k = kKinds[kind];
  Column c;
  c.name = k.name;
  c.type = k.type;
  c.default_sql = k.default_sql;
  c.not_null = k.not_null;
  c.retype_to = k.retype_to;
  c.default_alt = k.default_alt;
  if (*k.comment && rng.chance(40)) c.comment = k.comment;
  t.columns.push_back(c);
  if (*k.check) {
    Constraint x;
    x.kind = Constraint::Kind::check;
    x.name = t.name + "_" + c.name + "_check";
    x.definition = std::string("check (") + k.check + ")";
    x.alternative = std::string("check (") + k.check_alt + ")";
    x.columns = {c.name};
    t.constraints.push_back(x);
  }
  if (k.unique) {
    Constraint u;
    u.kind = Constraint::Kind::unique;
    u.name = t.name + "_" + c.name + "_key";
    u.definition = "unique (" + c.name + ")";
    u.columns = {c.name};
    t.constraints.push_back(u);
  }
  if (with_index && *k.index_keys) {
    Index i;
    i.name = fresh_index_name(t, c.name);
    i.unique = k.unique_index;
    i.method = k.index_method;
    i.keys = k.index_keys;
    i.where = k.index_where;
    i.columns = {c.name};
    t.indexes.push_back(i);
  }
}

std::string table_comment(const Table& t) {
  std::string base = t.name.substr(0, t.name.rfind('_'));
  std::replace(base.begin(), base.end(), '_', ' ');
  return std::string(kBaseComments[t.name.size() % std::size(kBaseComments)]) + ": " + base +
         " records.";
}

}  // namespace migra::bench
