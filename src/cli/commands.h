#pragma once
/// The subcommands; each registers itself on the app and sets context.action.
#include <CLI/CLI.hpp>

#include "cli/command.h"

namespace migra::cli {

/// `migra sync`: apply the models to the configured database.
void add_sync_command(CLI::App& app, CommandContext& context);
/// `migra check`: exit 0 in sync, 2 drift, 1 error.
void add_check_command(CLI::App& app, CommandContext& context);
/// `migra plan`: the migration for review, as SQL or JSON.
void add_plan_command(CLI::App& app, CommandContext& context);
/// `migra apply FILE`: run a reviewed migration in one transaction.
void add_apply_command(CLI::App& app, CommandContext& context);
/// `migra lint [FILES] [--staged]`: parse model files (or the staged ones), no database.
void add_lint_command(CLI::App& app, CommandContext& context);
/// `migra hook install|uninstall`: the git pre-commit hook running `migra lint --staged`.
void add_hook_command(CLI::App& app, CommandContext& context);

}  // namespace migra::cli
