#pragma once
/// The whole inspected model of one source: every object kind, each sorted by key.
#include "model/collation.h"
#include "model/composite_type.h"
#include "model/constraint.h"
#include "model/default_privilege.h"
#include "model/domain.h"
#include "model/enum_type.h"
#include "model/extension.h"
#include "model/function.h"
#include "model/index.h"
#include "model/policy.h"
#include "model/range_type.h"
#include "model/schema.h"
#include "model/sequence.h"
#include "model/table.h"
#include "model/trigger.h"
#include "model/view.h"

namespace migra::model {

/// Everything inspect knows about a database.
struct Model {
  int server_version_num = 0;
  /// The role that inspected it, likely the one a migration of this source runs as: new
  /// objects belong to it. Not part of the schema, so not in the JSON document.
  std::string current_user;
  std::vector<Schema> schemas;
  std::vector<Extension> extensions;
  std::vector<Collation> collations;
  std::vector<EnumType> enums;
  std::vector<Domain> domains;
  std::vector<CompositeType> composite_types;
  std::vector<RangeType> range_types;
  std::vector<Sequence> sequences;
  std::vector<Table> tables;
  std::vector<Constraint> constraints;
  std::vector<Index> indexes;
  std::vector<View> views;
  std::vector<Function> functions;
  std::vector<Trigger> triggers;
  std::vector<EventTrigger> event_triggers;
  std::vector<Policy> policies;
  std::vector<DefaultPrivilege> default_privileges;
  bool operator==(const Model&) const = default;
};

/// The model as JSON: kinds in a fixed order, each object's fields by name.
nlohmann::json to_json_document(const Model& model);

/// Every object as one line, "<kind>\t<json>", kinds and objects in model order: read
/// back one line at a time, a large model never exists as one JSON tree.
std::string to_json_lines(const Model& model);

class JsonReader;

/// Appends the object of one to_json_lines() line (without its newline), read with
/// `reader` (reused from line to line). Throws std::invalid_argument on an unknown kind,
/// JsonReadError on a malformed object.
void add_json_line(Model& model, std::string_view line, JsonReader& reader);

/// add_json_line with a parser of its own, made for this one line.
void add_json_line(Model& model, std::string_view line);

}  // namespace migra::model
