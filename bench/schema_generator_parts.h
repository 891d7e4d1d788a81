#pragma once
/// Pieces shared by the generator's A side and its mutations.
#include <string>

#include "schema_generator.h"

namespace migra::bench {

/// Number of kinds of ordinary (non-key) column the generator knows.
int extra_column_kinds();

/// Whether `t` already has the column of that kind.
bool has_extra_column(const Table& t, int kind);

/// Adds a column of that kind to `t` with its check and unique constraints and, when
/// `with_index`, its usual index.
void add_extra_column(Table& t, int kind, Rng& rng, bool with_index);

/// Enum, domain and sequence of a group of tables, which some of its tables use.
struct GroupTypes {
  std::string enum_name;  ///< qualified; empty when the group has a domain instead
  std::string first_label;
  std::string last_label;
  int domain = -1;          ///< kind of domain; -1 when the group has an enum
  std::string domain_name;  ///< qualified
  std::string sequence;     ///< qualified; empty: none
};

/// Where a new table goes: its schema, and the earlier tables it may reference
/// (set.tables[0, earlier)), of which those from `schema_first` on are in its schema.
struct TablePlace {
  int schema = 0;
  size_t schema_first = 0;
  size_t earlier = 0;
};

/// Which of its group's types a new table uses.
struct TableUses {
  bool status = false;    ///< a column of the group's enum
  bool domain = false;    ///< a column of the group's domain
  bool sequence = false;  ///< a `number` column defaulting to the group's sequence
};

/// A new table with keys, ordinary columns, constraints, one to four indexes, comments.
Table make_table(const SchemaSet& set, Rng& rng, const TablePlace& place, int number,
                 const GroupTypes& g, TableUses uses);

/// A table comment in the style of the table's name.
std::string table_comment(const Table& t);

/// An index name the table does not use yet, from a stem.
std::string fresh_index_name(const Table& t, const std::string& stem);

}  // namespace migra::bench
