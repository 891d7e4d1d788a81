#include "render/plan_output.h"

#include <map>
#include <set>
#include <vector>

namespace migra::render {

nlohmann::json plan_json(const plan::Plan& plan) {
  nlohmann::json statements = nlohmann::json::array();
  for (const auto& s : plan.statements) {
    statements.push_back({{"sql", s.sql},
                          {"kind", s.kind},
                          {"object", s.object},
                          {"action", plan::to_string(s.action)},
                          {"destructive", s.destructive},
                          {"rewrites_table", s.rewrites_table},
                          {"lock", plan::to_string(s.lock)},
                          {"transactional", s.transactional}});
  }
  return {{"destructive", plan.destructive()}, {"statements", statements}};
}

std::string plan_summary(const plan::Plan& plan) {
  std::map<std::string, std::map<std::string, int>> by_kind;
  std::map<std::string, int> by_action;
  int destructive = 0;
  for (const auto& s : plan.statements) {
    std::string kind = s.kind.empty() ? "other" : s.kind;
    ++by_kind[kind][plan::to_string(s.action)];
    ++by_action[plan::to_string(s.action)];
    if (s.destructive) ++destructive;
  }
  auto counts = [](const std::map<std::string, int>& m) {
    std::string out;
    for (const char* a : {"create", "alter", "drop"}) {
      auto it = m.find(a);
      if (it == m.end()) continue;
      out += (out.empty() ? "" : ", ") + std::to_string(it->second) + " " + a;
    }
    return out;
  };
  std::string out = std::to_string(plan.statements.size()) + " statement" +
                    (plan.statements.size() == 1 ? "" : "s") + ": " + counts(by_action);
  if (destructive) out += " (" + std::to_string(destructive) + " destructive)";
  out += "\n";
  for (const auto& [kind, m] : by_kind) out += "  " + kind + ": " + counts(m) + "\n";
  return out;
}

std::string object_lines(const plan::Plan& plan) {
  std::vector<std::pair<std::string, std::string>> order;  // (kind, object)
  std::map<std::pair<std::string, std::string>, std::set<std::string>> actions;
  for (const auto& s : plan.statements) {
    if (s.object.empty()) continue;
    std::pair<std::string, std::string> key{s.kind, s.object};
    if (!actions.count(key)) order.push_back(key);
    actions[key].insert(plan::to_string(s.action));
  }
  std::string out;
  for (const auto& key : order) {
    const auto& a = actions[key];
    const char* mark = a.count("drop") && a.count("create") ? "±"
                       : a.count("create")                   ? "+"
                       : a.count("drop")                     ? "-"
                                                             : "~";
    out += std::string(mark) + " " + key.first + " " + key.second + "\n";
  }
  return out;
}

}  // namespace migra::render
