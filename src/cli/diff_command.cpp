#include "cli/diff_command.h"

#include <future>
#include <memory>
#include <ostream>

#include "diff/diff.h"
#include "render/sql_output.h"
#include "source/loaded_source.h"
#include "util/timing.h"

namespace migra::cli {
namespace {

struct DiffArgs {
  std::string from;
  std::string target;
  bool unsafe = false;
  std::vector<std::string> schemas;
  std::vector<std::string> exclude_schemas;
  bool create_extensions_only = false;
  bool ignore_extension_versions = false;
  bool with_privileges = false;
  bool force_utf8 = false;
  std::string scratch = "auto";
};

}  // namespace

void add_diff_command(CLI::App& app, CommandContext& context) {
  auto args = std::make_shared<DiffArgs>();
  auto* cmd = app.add_subcommand("diff", "Print the SQL that turns FROM into TARGET (the default command)");
  cmd->add_option("from", args->from, "PostgreSQL URL, EMPTY, or .sql model files")->required();
  cmd->add_option("target", args->target, "PostgreSQL URL, EMPTY, or .sql model files")->required();
  cmd->add_flag("--unsafe", args->unsafe, "print destructive statements instead of refusing (exit 3)");
  cmd->add_option("--schema", args->schemas, "only this schema (repeatable)");
  cmd->add_option("--exclude_schema,--exclude-schema", args->exclude_schemas,
                  "leave out this schema (repeatable)");
  cmd->add_flag("--create-extensions-only", args->create_extensions_only,
                "only output statements that create missing extensions");
  cmd->add_flag("--ignore-extension-versions", args->ignore_extension_versions,
                "don't compare extension versions");
  cmd->add_flag("--with-privileges", args->with_privileges, "compare privileges and owners too");
  cmd->add_flag("--force-utf8", args->force_utf8, "write output as UTF-8 (it always is)");
  cmd->add_option("--scratch", args->scratch,
                  "where model files are loaded: auto, ephemeral or a server URL");
  cmd->callback([args, &context] {
    context.action = [args, &context] {
      catalog::InspectOptions from_options{args->schemas, args->exclude_schemas, "FROM"};
      catalog::InspectOptions target_options{args->schemas, args->exclude_schemas, "TARGET"};
      // Both sides are read at once, each on its own connection (and cluster, for models).
      auto from = std::async(std::launch::async, [&] {
        return source::load_for_diff(source::parse_source(args->from), from_options,
                                     args->scratch);
      });
      auto target =
          source::load_for_diff(source::parse_source(args->target), target_options, args->scratch);
      auto from_source = from.get();
      source::settle_texts(from_source, target);
      diff::DiffOptions diff_options{args->with_privileges, args->ignore_extension_versions,
                                     args->create_extensions_only};
      auto plan = [&] {
        PhaseTimer timer("diff and plan");
        return diff::diff(from_source.model, target.model, diff_options);
      }();
      if (plan.empty()) return ExitCode::ok;
      source::print_texts(plan, from_source, target);
      if (plan.destructive() && !args->unsafe) {
        context.err << "-- ERROR: destructive statements generated. Use the --unsafe flag to "
                       "suppress this error.\n";
        return ExitCode::destructive;
      }
      context.out << render::plan_sql(plan);
      return ExitCode::changes;
    };
  });
}

}  // namespace migra::cli
