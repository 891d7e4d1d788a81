#include "render/sql_output.h"

namespace migra::render {

std::string plan_sql(const plan::Plan& plan) {
  std::string out;
  for (const auto& s : plan.statements) out += s.sql + "\n\n";
  return out;
}

}  // namespace migra::render
