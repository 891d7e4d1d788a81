#include "render/sql_output.h"

namespace migra::render {

std::string plan_sql(const plan::Plan& plan) {
  size_t size = 0;
  for (const auto& s : plan.statements) size += s.sql.size() + 2;
  std::string out;
  out.reserve(size);
  for (const auto& s : plan.statements) {
    out += s.sql;
    out += "\n\n";
  }
  return out;
}

}  // namespace migra::render
