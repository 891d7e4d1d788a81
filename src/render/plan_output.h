#pragma once
/// A plan for tools (JSON) and for people (a summary by kind and action, and one line
/// per object).
#include <string>

#include <nlohmann/json.hpp>

#include "plan/statement.h"

namespace migra::render {

/// {"destructive": bool, "statements": [{"sql", "kind", "object", "action",
/// "destructive", "rewrites_table", "lock", "transactional"}]}
nlohmann::json plan_json(const plan::Plan& plan);

/// "N statements: a create, b alter, c drop (d destructive)" and a line per kind.
std::string plan_summary(const plan::Plan& plan);

/// One line per object: "+ table "public"."t"" (create), "~" (alter), "-" (drop),
/// "±" (dropped and created again), in plan order.
std::string object_lines(const plan::Plan& plan);

}  // namespace migra::render
