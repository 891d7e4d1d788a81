#include "model/model.h"

#include <stdexcept>
#include <string_view>

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

Model from_json_document(const nlohmann::json& j) {
  Model m;
  j.at("server_version_num").get_to(m.server_version_num);
  j.at("schemas").get_to(m.schemas);
  j.at("extensions").get_to(m.extensions);
  j.at("collations").get_to(m.collations);
  j.at("enums").get_to(m.enums);
  j.at("domains").get_to(m.domains);
  j.at("composite_types").get_to(m.composite_types);
  j.at("range_types").get_to(m.range_types);
  j.at("sequences").get_to(m.sequences);
  j.at("tables").get_to(m.tables);
  j.at("constraints").get_to(m.constraints);
  j.at("indexes").get_to(m.indexes);
  j.at("views").get_to(m.views);
  j.at("functions").get_to(m.functions);
  j.at("triggers").get_to(m.triggers);
  j.at("event_triggers").get_to(m.event_triggers);
  j.at("policies").get_to(m.policies);
  j.at("default_privileges").get_to(m.default_privileges);
  return m;
}


namespace {

// Every kind's vector, by its name in the JSON document.
template <typename M, typename F>
void for_each_kind(M& m, F&& f) {
  f("schemas", m.schemas);
  f("extensions", m.extensions);
  f("collations", m.collations);
  f("enums", m.enums);
  f("domains", m.domains);
  f("composite_types", m.composite_types);
  f("range_types", m.range_types);
  f("sequences", m.sequences);
  f("tables", m.tables);
  f("constraints", m.constraints);
  f("indexes", m.indexes);
  f("views", m.views);
  f("functions", m.functions);
  f("triggers", m.triggers);
  f("event_triggers", m.event_triggers);
  f("policies", m.policies);
  f("default_privileges", m.default_privileges);
}

}  // namespace

std::string to_json_lines(const Model& model) {
  std::string out;
  for_each_kind(model, [&](const char* kind, const auto& objects) {
    for (const auto& o : objects) {
      out += kind;
      out += '\t';
      out += nlohmann::json(o).dump();
      out += '\n';
    }
  });
  return out;
}

void add_json_line(Model& model, std::string_view line) {
  auto tab = line.find('\t');
  if (tab == std::string_view::npos) throw std::invalid_argument("model line without a kind");
  std::string_view kind = line.substr(0, tab);
  bool known = false;
  for_each_kind(model, [&](const char* name, auto& objects) {
    if (known || kind != name) return;
    known = true;
    auto j = nlohmann::json::parse(line.begin() + static_cast<std::ptrdiff_t>(tab) + 1, line.end());
    objects.push_back(j.get<typename std::decay_t<decltype(objects)>::value_type>());
  });
  if (!known) throw std::invalid_argument("unknown model kind " + std::string(kind));
}

}  // namespace migra::model
