#pragma once
/// A plan as SQL text, migra-style: one statement per paragraph.
#include <string>

#include "plan/statement.h"

namespace migra::render {

/// Every statement followed by a blank line; empty for an empty plan.
std::string plan_sql(const plan::Plan& plan);

}  // namespace migra::render
