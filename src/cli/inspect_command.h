#pragma once
#include <CLI/CLI.hpp>

#include "cli/command.h"

namespace migra::cli {

/// `migra inspect SOURCE [--format json|yaml] [--schema S] [--exclude-schema S]`
void add_inspect_command(CLI::App& app, CommandContext& context);

}  // namespace migra::cli
