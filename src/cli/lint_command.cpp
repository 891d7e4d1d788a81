#include <memory>
#include <ostream>

#include "cli/commands.h"
#include "config/config.h"
#include "source/model_files.h"
#include "source/staged_files.h"
#include "sql/load_plan.h"
#include "util/error.h"

namespace migra::cli {
namespace {

struct LintArgs {
  std::vector<std::string> paths;
  std::string config_path;
  bool staged = false;
};

// Prints the problems of a parsed model (adding load-order ones when it parses) and the
// one-line summary; `what` names the files in the summary.
ExitCode report(sql::ParsedModel parsed, size_t file_count, const std::string& what,
                CommandContext& context) {
  auto problems = parsed.problems;
  if (!sql::has_errors(problems)) {
    auto load = sql::plan_load(parsed);
    problems.insert(problems.end(), load.problems.begin(), load.problems.end());
  }
  for (const auto& p : problems) context.err << sql::format_problem(p);
  if (sql::has_errors(problems)) return ExitCode::error;
  context.err << parsed.statements.size() << " statements in " << file_count << " " << what
              << (file_count == 1 ? "" : "s") << ": no problems.\n";
  return ExitCode::ok;
}

ExitCode lint_files(const LintArgs& args, CommandContext& context) {
  auto paths = args.paths;
  if (paths.empty()) paths = config::load_config(args.config_path).models;
  if (paths.empty()) {
    throw Error("no model files to lint", "name them, or set 'models' in migra.yaml");
  }
  std::vector<std::string> files;
  for (const auto& p : paths) {
    auto found = source::find_model_files(p);
    files.insert(files.end(), found.begin(), found.end());
  }
  return report(sql::parse_model_files(files), files.size(), "file", context);
}

// The staged content of staged model files, named by their path in the repository, so
// that a commit is judged by what it holds even when the work tree differs.
ExitCode lint_staged(const LintArgs& args, CommandContext& context) {
  // Which staged .sql files are models: the paths given, else migra.yaml's models, else
  // every one.
  auto specs = args.paths;
  if (specs.empty()) specs = config::load_config(args.config_path).models;
  std::vector<source::StagedFile> files;
  for (auto& file : source::staged_sql_files()) {
    bool wanted = specs.empty();
    for (const auto& spec : specs) {
      wanted = wanted || source::model_spec_covers(spec, file.absolute);
    }
    if (wanted) files.push_back(std::move(file));
  }
  if (files.empty()) return ExitCode::ok;
  sql::ParsedModel all;
  for (const auto& file : files) {
    auto one = sql::parse_model_text(file.path, source::staged_text(file));
    for (auto& s : one.statements) all.statements.push_back(std::move(s));
    for (auto& p : one.problems) all.problems.push_back(std::move(p));
  }
  return report(std::move(all), files.size(), "staged file", context);
}

}  // namespace

void add_lint_command(CLI::App& app, CommandContext& context) {
  auto args = std::make_shared<LintArgs>();
  auto* cmd = app.add_subcommand("lint", "Check model files without a database: syntax, what "
                                         "belongs in a model, load order");
  cmd->add_option("paths", args->paths, "model files, directories or globs (default: models "
                                        "from migra.yaml)");
  cmd->add_option("--config", args->config_path, "config file (default: ./migra.yaml)");
  cmd->add_flag("--staged", args->staged,
                "lint what is staged in git (the index), not the work tree: the added, "
                "copied, modified or renamed .sql files among the models (or among PATHS)");
  cmd->callback([args, &context] {
    context.action = [args, &context] {
      return args->staged ? lint_staged(*args, context) : lint_files(*args, context);
    };
  });
}

}  // namespace migra::cli
