#include <fstream>
#include <memory>
#include <ostream>
#include <set>
#include <sstream>

#include "cli/commands.h"
#include "config/config.h"
#include "render/apply.h"
#include "source/connection.h"
#include "sql/parse.h"
#include "util/error.h"

namespace migra::cli {
namespace {

// Statements PostgreSQL refuses inside a transaction block.
bool non_transactional(const sql::ModelStatement& s) {
  static const std::set<std::string> kinds = {"VacuumStmt", "CreatedbStmt", "DropdbStmt",
                                              "AlterSystemStmt", "CreateTableSpaceStmt",
                                              "DropTableSpaceStmt", "TransactionStmt"};
  if (kinds.count(s.kind)) return true;
  if (s.kind == "IndexStmt" || s.kind == "ReindexStmt") return sql::tree_bool(s.tree, "concurrent");
  if (s.kind == "DropStmt") return sql::tree_bool(s.tree, "concurrent");
  return false;
}

}  // namespace

void add_apply_command(CLI::App& app, CommandContext& context) {
  struct Args {
    std::string file;
    std::string database;
    std::string config_path;
    std::string lock_timeout;
  };
  auto args = std::make_shared<Args>();
  auto* cmd = app.add_subcommand("apply", "Run a reviewed migration file in one transaction");
  cmd->add_option("file", args->file, "the migration (SQL)")->required();
  cmd->add_option("--database", args->database, "target database (default: from migra.yaml)");
  cmd->add_option("--config", args->config_path, "config file (default: ./migra.yaml)");
  cmd->add_option("--lock-timeout", args->lock_timeout, "lock_timeout while applying (default 5s)");
  cmd->callback([args, &context] {
    context.action = [args, &context] {
      auto config = config::load_config(args->config_path);
      std::string database = !args->database.empty() ? args->database : config.database.value_or("");
      if (database.empty()) {
        throw Error("no database to apply to", "pass --database URL or set 'database' in migra.yaml");
      }
      std::ifstream in(args->file, std::ios::binary);
      if (!in) throw Error("cannot read " + args->file, "check the path");
      std::stringstream ss;
      ss << in.rdbuf();
      // Only syntax is checked: a migration may drop and change data, unlike a model.
      auto parsed = sql::parse_model_text(args->file, ss.str(), sql::FileRole::migration);
      if (!parsed.problems.empty()) throw sql::ModelError(parsed.problems);
      std::vector<std::string> statements;
      for (const auto& s : parsed.statements) {
        if (non_transactional(s)) {
          throw Error(s.location().str() + ": this statement cannot run inside a transaction (" +
                          s.kind + "); nothing was changed",
                      "run it separately, by hand");
        }
        statements.push_back(s.text());
      }
      std::string lock_timeout = !args->lock_timeout.empty() ? args->lock_timeout : config.lock_timeout;
      render::apply_statements(database, statements, {lock_timeout});
      context.err << "Applied " << statements.size() << " statement"
                  << (statements.size() == 1 ? "" : "s") << " to " << describe_target(database)
                  << ".\n";
      return ExitCode::ok;
    };
  });
}

}  // namespace migra::cli
