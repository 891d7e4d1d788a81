#include <fstream>
#include <memory>
#include <ostream>

#include "cli/commands.h"
#include "cli/workflow.h"
#include "render/plan_output.h"
#include "render/sql_output.h"
#include "util/error.h"

namespace migra::cli {

void add_plan_command(CLI::App& app, CommandContext& context) {
  struct Args {
    WorkflowArgs workflow;
    std::string output;
    std::string format = "sql";
  };
  auto args = std::make_shared<Args>();
  auto* cmd = app.add_subcommand("plan", "Write the migration from the database to the models for review");
  add_workflow_options(cmd, args->workflow, true);
  cmd->add_option("-o,--output", args->output, "write to this file instead of stdout");
  cmd->add_option("--format", args->format, "sql or json")->check(CLI::IsMember({"sql", "json"}));
  cmd->callback([args, &context] {
    context.action = [args, &context] {
      auto config = resolve_config(args->workflow, true);
      auto plan = plan_database_to_models(config);
      if (plan.empty()) return ExitCode::ok;
      if (plan.destructive() && !config.unsafe && args->format == "sql") {
        context.err << "-- ERROR: destructive statements generated. Use the --unsafe flag to "
                       "suppress this error.\n";
        return ExitCode::destructive;
      }
      std::string text = args->format == "json" ? render::plan_json(plan).dump(2) + "\n"
                                                : render::plan_sql(plan);
      if (args->output.empty()) {
        context.out << text;
      } else {
        std::ofstream f(args->output, std::ios::binary);
        if (!(f << text)) throw Error("cannot write " + args->output, "check the path");
        context.err << render::plan_summary(plan) << "written to " << args->output << "\n";
      }
      return ExitCode::changes;
    };
  });
}

}  // namespace migra::cli
