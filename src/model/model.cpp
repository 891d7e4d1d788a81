#include "model/model.h"

namespace migra::model {

nlohmann::json to_json_document(const Model& m) {
  nlohmann::json j;
  j["server_version_num"] = m.server_version_num;
  j["schemas"] = m.schemas;
  j["extensions"] = m.extensions;
  j["collations"] = m.collations;
  j["enums"] = m.enums;
  j["domains"] = m.domains;
  j["composite_types"] = m.composite_types;
  j["range_types"] = m.range_types;
  j["sequences"] = m.sequences;
  j["tables"] = m.tables;
  j["constraints"] = m.constraints;
  j["indexes"] = m.indexes;
  j["views"] = m.views;
  j["functions"] = m.functions;
  j["triggers"] = m.triggers;
  j["event_triggers"] = m.event_triggers;
  j["policies"] = m.policies;
  j["default_privileges"] = m.default_privileges;
  return j;
}

}  // namespace migra::model
