#include <unistd.h>

#include <iostream>
#include <memory>
#include <ostream>

#include "cli/commands.h"
#include "cli/workflow.h"
#include "render/apply.h"
#include "render/plan_output.h"
#include "render/sql_output.h"
#include "source/connection.h"

namespace migra::cli {
namespace {

bool confirmed(std::ostream& err, const std::string& target, size_t count) {
  err << "Apply " << count << " statement" << (count == 1 ? "" : "s") << " to " << target
      << " in one transaction? [y/N] " << std::flush;
  std::string answer;
  std::getline(std::cin, answer);
  return answer == "y" || answer == "Y" || answer == "yes";
}

}  // namespace

void add_sync_command(CLI::App& app, CommandContext& context) {
  struct Args {
    WorkflowArgs workflow;
    bool yes = false;
    bool dry_run = false;
  };
  auto args = std::make_shared<Args>();
  auto* cmd = app.add_subcommand("sync", "Bring the configured database in step with the models");
  add_workflow_options(cmd, args->workflow, true);
  cmd->add_flag("-y,--yes", args->yes, "apply without asking");
  cmd->add_flag("--dry-run", args->dry_run, "show the plan, change nothing");
  cmd->callback([args, &context] {
    context.action = [args, &context] {
      auto config = resolve_config(args->workflow, true);
      auto plan = plan_database_to_models(config);
      if (plan.empty()) {
        context.err << "Already in sync.\n";
        return ExitCode::ok;
      }
      std::string target = describe_target(*config.database);
      context.err << render::plan_summary(plan);
      context.out << render::plan_sql(plan);
      if (plan.destructive() && !config.unsafe) {
        context.err << "-- ERROR: destructive statements generated. Use the --unsafe flag to "
                       "suppress this error. Nothing was changed.\n";
        return ExitCode::destructive;
      }
      for (const auto& s : plan.statements) {
        if (!s.transactional) {
          context.err << "migra: error: this plan has a statement that cannot run in a "
                         "transaction (" << s.sql << "); run it by hand. Nothing was changed.\n";
          return ExitCode::destructive;
        }
      }
      if (args->dry_run) {
        context.err << "Dry run: nothing was changed.\n";
        return ExitCode::ok;
      }
      if (!args->yes) {
        if (!isatty(STDIN_FILENO)) {
          context.err << "migra: error: not applying without confirmation (hint: pass --yes "
                         "when there is no terminal to ask on)\n";
          return ExitCode::error;
        }
        if (!confirmed(context.err, target, plan.statements.size())) {
          context.err << "Cancelled: nothing was changed.\n";
          return ExitCode::error;
        }
      }
      std::vector<std::string> statements;
      for (const auto& s : plan.statements) statements.push_back(s.sql);
      render::apply_statements(*config.database, statements, {config.lock_timeout});
      context.err << "Applied " << statements.size() << " statement"
                  << (statements.size() == 1 ? "" : "s") << " to " << target << ".\n";
      return ExitCode::ok;
    };
  });
}

}  // namespace migra::cli
