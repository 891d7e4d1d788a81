#pragma once
#include <CLI/CLI.hpp>

#include "cli/command.h"

namespace migra::cli {

/// `migra [diff] [flags] FROM TARGET`, flag- and exit-code-compatible with the original.
void add_diff_command(CLI::App& app, CommandContext& context);

}  // namespace migra::cli
