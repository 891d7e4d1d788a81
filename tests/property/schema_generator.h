#pragma once
/// Random but valid PostgreSQL schemas for the property test of the diff engine: a schema
/// A from a 64-bit seed, and a schema B made from A by random mutations drawn from the same
/// seed. Both load into an empty database by construction (every reference is checked
/// against the version it is rendered in), and the output depends only on the seed and
/// the features, never on the standard library.
#include <cstdint>
#include <string>

namespace migra::test::property {

/// What the generator may produce. Everything is on by default; a switch turned off in
/// `known_bug_features()` keeps a feature out of the property run while a diff-engine bug
/// in it is open (the comment there names the bug), so it can be turned back on alone.
struct Features {
  bool enum_label_removal = true;               ///< B removes enum labels (the type is recreated)
  bool enum_new_label_in_default = true;        ///< B's defaults may use labels that B adds
  bool generated_columns = true;                ///< stored generated columns
  bool generated_sources_retyped = true;        ///< B retypes columns generated ones read
  bool identity_columns = true;                 ///< identity columns and their options
  bool column_type_changes = true;              ///< B changes column types, lossy ones included
  bool foreign_keys_on_recreated_types = true;  ///< B recreates enums/domains keys use
  bool domain_base_changes = true;              ///< B changes a domain's base type
  bool policies = true;                         ///< row level security policies
  bool policy_columns_change = true;            ///< B drops or retypes columns policies read
  bool sql_standard_bodies = true;              ///< functions with BEGIN ATOMIC / RETURN bodies
  bool function_signature_changes = true;       ///< B changes arguments and results of functions
  bool materialized_views = true;               ///< materialized views
  bool views_on_views = true;                   ///< views that read other views
  bool functions_in_indexes = true;             ///< index expressions that call our functions
  bool functions_in_defaults = true;            ///< column defaults that call our functions
  bool sequence_defaults = true;                ///< column defaults that call nextval
  bool column_grants = true;                    ///< column-level privileges
};

/// The features the property test runs with: all of them, less the switches for open bugs.
Features known_bug_features();

/// Turns the feature with this member name on or off; false for an unknown name.
bool set_feature(Features& features, const std::string& name, bool on);

/// SQL text of both versions.
struct SchemaPair {
  std::string a;  ///< schema A
  std::string b;  ///< schema B: A after random mutations
};

/// Schema A and its mutation B for one seed.
SchemaPair generate_pair(std::uint64_t seed, const Features& features);

}  // namespace migra::test::property
