#include "model/model.h"

#include <stdexcept>
#include <string_view>

#include "model/json_reader.h"

namespace migra::model {

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

nlohmann::json to_json_document(const Model& m) {
  nlohmann::json j;
  j["server_version_num"] = m.server_version_num;
  for_each_kind(m, [&](const char* kind, const auto& objects) { j[kind] = objects; });
  return j;
}

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

void add_json_line(Model& model, std::string_view line, JsonReader& reader) {
  auto tab = line.find('\t');
  if (tab == std::string_view::npos) throw std::invalid_argument("model line without a kind");
  std::string_view kind = line.substr(0, tab);
  bool known = false;
  for_each_kind(model, [&](const char* name, auto& objects) {
    if (known || kind != name) return;
    known = true;
    try {
      reader.read(line.substr(tab + 1), objects.emplace_back());
    } catch (...) {
      objects.pop_back();  // nothing half read stays in the model
      throw;
    }
  });
  if (!known) throw std::invalid_argument("unknown model kind " + std::string(kind));
}

void add_json_line(Model& model, std::string_view line) {
  JsonReader reader;
  add_json_line(model, line, reader);
}

}  // namespace migra::model
