#include "cli/inspect_command.h"

#include <memory>
#include <ostream>

#include "render/model_output.h"
#include "source/source.h"

namespace migra::cli {
namespace {

struct InspectArgs {
  std::string source;
  std::string format = "json";
  std::vector<std::string> schemas;
  std::vector<std::string> exclude_schemas;
  std::string scratch = "auto";
};

}  // namespace

void add_inspect_command(CLI::App& app, CommandContext& context) {
  auto args = std::make_shared<InspectArgs>();
  auto* cmd = app.add_subcommand("inspect", "Print the model of a source (URL, EMPTY or model files)");
  cmd->add_option("source", args->source, "PostgreSQL URL, EMPTY, or .sql model files")->required();
  cmd->add_option("--format", args->format, "json or yaml")
      ->check(CLI::IsMember({"json", "yaml"}));
  cmd->add_option("--schema", args->schemas, "only this schema (repeatable)");
  cmd->add_option("--exclude-schema,--exclude_schema", args->exclude_schemas,
                  "leave out this schema (repeatable)");
  cmd->add_option("--scratch", args->scratch,
                  "where model files are loaded: auto, ephemeral or a server URL");
  cmd->callback([args, &context] {
    context.action = [args, &context] {
      catalog::InspectOptions options{args->schemas, args->exclude_schemas};
      auto m = source::load_model(source::parse_source(args->source), options, args->scratch);
      context.out << render::model_text(
          m, args->format == "yaml" ? render::ModelFormat::yaml : render::ModelFormat::json);
      return ExitCode::ok;
    };
  });
}

}  // namespace migra::cli
