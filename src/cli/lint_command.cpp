#include <memory>
#include <ostream>

#include "cli/commands.h"
#include "config/config.h"
#include "source/model_files.h"
#include "sql/load_plan.h"
#include "util/error.h"

namespace migra::cli {

void add_lint_command(CLI::App& app, CommandContext& context) {
  struct Args {
    std::vector<std::string> paths;
    std::string config_path;
  };
  auto args = std::make_shared<Args>();
  auto* cmd = app.add_subcommand("lint", "Check model files without a database: syntax, what "
                                         "belongs in a model, load order");
  cmd->add_option("paths", args->paths, "model files, directories or globs (default: models "
                                        "from migra.yaml)");
  cmd->add_option("--config", args->config_path, "config file (default: ./migra.yaml)");
  cmd->callback([args, &context] {
    context.action = [args, &context] {
      auto paths = args->paths;
      if (paths.empty()) paths = config::load_config(args->config_path).models;
      if (paths.empty()) {
        throw Error("no model files to lint", "name them, or set 'models' in migra.yaml");
      }
      std::vector<std::string> files;
      for (const auto& p : paths) {
        auto found = source::find_model_files(p);
        files.insert(files.end(), found.begin(), found.end());
      }
      auto parsed = sql::parse_model_files(files);
      auto problems = parsed.problems;
      if (!sql::has_errors(problems)) {
        auto load = sql::plan_load(parsed);
        problems.insert(problems.end(), load.problems.begin(), load.problems.end());
      }
      for (const auto& p : problems) context.err << sql::format_problem(p);
      if (sql::has_errors(problems)) return ExitCode::error;
      context.err << parsed.statements.size() << " statements in " << files.size()
                  << " file" << (files.size() == 1 ? "" : "s") << ": no problems.\n";
      return ExitCode::ok;
    };
  });
}

}  // namespace migra::cli
