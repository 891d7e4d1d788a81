#pragma once
/// Index and constraint definitions exactly as PostgreSQL's pg_get_indexdef and
/// pg_get_constraintdef print them, composed from what the inspector has already read:
/// having the server print thousands of them is a good part of an inspection's cost.
/// Only the simple forms are composed here; the inspector leaves the rest to the server.
#include <string>
#include <string_view>
#include <vector>

namespace migra::catalog {

/// PostgreSQL's quote_identifier: a name stays bare when it is all lower-case ASCII
/// letters, digits and underscores, does not start with a digit and is no keyword other
/// than an unreserved one; otherwise it is double-quoted with inner quotes doubled.
class IdentifierQuoter {
 public:
  /// `keywords`: the server's keywords that are not unreserved (pg_get_keywords() with
  /// catcode other than 'U'), in any order: the list differs between server versions.
  explicit IdentifierQuoter(std::vector<std::string> keywords = {});
  void append(std::string& out, std::string_view name) const;
  [[nodiscard]] std::string operator()(std::string_view name) const;

 private:
  std::vector<std::string> keywords_;  // sorted
};

/// A key column of a plain index: a column name and pg_index.indoption's bits for it
/// (1: DESC, 2: NULLS FIRST).
struct IndexKey {
  std::string_view name;
  int options = 0;
};

/// CREATE [UNIQUE] INDEX name ON schema.table USING method (keys) [INCLUDE (...)]
/// [NULLS NOT DISTINCT] [WHERE predicate], for an index whose key columns are plain
/// columns with their default operator class and collation and that has no options.
/// `ordered`: the access method can order (btree), so DESC and NULLS are printed.
std::string index_definition(const IdentifierQuoter& quote, bool unique, std::string_view name,
                             std::string_view schema, std::string_view table,
                             std::string_view method, bool ordered,
                             const std::vector<IndexKey>& keys,
                             const std::vector<std::string>& include, bool nulls_not_distinct,
                             const std::string* predicate);

/// PRIMARY KEY (...) / UNIQUE [NULLS NOT DISTINCT] (...) [INCLUDE (...)] [DEFERRABLE]
/// [INITIALLY DEFERRED], as pg_get_constraintdef prints a primary key or unique constraint
/// (it leaves out the index's storage options and tablespace).
std::string unique_constraint_definition(const IdentifierQuoter& quote, bool primary_key,
                                         const std::vector<std::string>& columns,
                                         const std::vector<std::string>& include,
                                         bool nulls_not_distinct, bool deferrable,
                                         bool deferred);

/// A foreign key as pg_get_constraintdef prints it: FOREIGN KEY (...) REFERENCES
/// [schema.]table(...) [MATCH FULL|PARTIAL] [ON UPDATE action] [ON DELETE action [(...)]]
/// [DEFERRABLE] [INITIALLY DEFERRED] [NOT VALID]. The table is schema-qualified unless
/// `visible` on the search path; `match` and the actions are pg_constraint's codes
/// (confmatchtype f/p/s; a no action, r restrict, c cascade, n set null, d set default).
struct ForeignKeyText {
  std::vector<std::string> columns;
  std::string referenced_schema;
  std::string referenced_table;
  bool visible = false;
  std::vector<std::string> referenced_columns;
  char match = 's';
  char update_action = 'a';
  char delete_action = 'a';
  std::vector<std::string> delete_set_columns;  ///< ON DELETE SET NULL / DEFAULT (cols)
  bool deferrable = false;
  bool deferred = false;
  bool validated = true;
};
std::string foreign_key_definition(const IdentifierQuoter& quote, const ForeignKeyText& fk);

}  // namespace migra::catalog
