#include "cli/commands.h"

#include <memory>
#include <ostream>

#include "cli/workflow.h"
#include "render/plan_output.h"
#include "render/sql_output.h"

namespace migra::cli {

void add_check_command(CLI::App& app, CommandContext& context) {
  struct Args {
    WorkflowArgs workflow;
    std::string format = "text";
  };
  auto args = std::make_shared<Args>();
  auto* cmd = app.add_subcommand(
      "check", "Does the database match the models? Exit 0 in sync, 2 drift, 1 error");
  add_workflow_options(cmd, args->workflow, false);
  cmd->add_option("--format", args->format, "text or json")->check(CLI::IsMember({"text", "json"}));
  cmd->callback([args, &context] {
    context.action = [args, &context] {
      auto config = resolve_config(args->workflow, true);
      auto plan = plan_database_to_models(config);
      if (args->format == "json") {
        auto j = render::plan_json(plan);
        j["in_sync"] = plan.empty();
        context.out << j.dump(2) << "\n";
      } else if (plan.empty()) {
        context.out << "In sync.\n";
      } else {
        context.out << "Drift: the database differs from the models.\n\n"
                    << render::object_lines(plan) << "\n-- SQL that would bring it in sync:\n\n"
                    << render::plan_sql(plan);
      }
      return plan.empty() ? ExitCode::ok : ExitCode::changes;
    };
  });
}

}  // namespace migra::cli
