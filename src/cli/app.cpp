#include "cli/app.h"

#include <ostream>

#include <CLI/CLI.hpp>

#include "cli/command.h"
#include "cli/commands.h"
#include "cli/diff_command.h"
#include "cli/inspect_command.h"
#include "sql/problem.h"
#include "util/cleanup.h"
#include "util/error.h"
#include "util/timing.h"

namespace migra::cli {
namespace {

void print_error(std::ostream& err, const Error& e) {
  err << "migra: ";
  if (e.location()) err << e.location()->str() << ": ";
  err << "error: " << e.what();
  if (!e.sqlstate().empty()) err << " [SQLSTATE " << e.sqlstate() << "]";
  if (!e.hint().empty()) err << " (hint: " << e.hint() << ")";
  err << "\n";
}

}  // namespace

int run(const std::vector<std::string>& args, std::ostream& out, std::ostream& err) {
  CLI::App app{"migra: declarative PostgreSQL schema diff and sync", "migra"};
  app.set_version_flag("--version", std::string("migra ") + MIGRA_VERSION);
  app.require_subcommand(1);
  // Given before or after the subcommand alike.
  app.fallthrough();
  bool verbose_flag = false;
  app.add_flag("-v,--verbose", verbose_flag,
               "print what migra does and how long each phase takes, on stderr");
  CommandContext context{out, err, {}};
  add_inspect_command(app, context);
  add_diff_command(app, context);
  add_sync_command(app, context);
  add_check_command(app, context);
  add_plan_command(app, context);
  add_apply_command(app, context);
  add_lint_command(app, context);
  add_hook_command(app, context);

  // The original takes `migra [flags] FROM TARGET`: without a subcommand, diff is meant.
  std::vector<std::string> argv = args;
  // Global flags may come before the subcommand (`migra --verbose inspect ...`).
  size_t first = 0;
  while (first < argv.size() && (argv[first] == "-v" || argv[first] == "--verbose")) ++first;
  if (first < argv.size() && argv[first] != "--help" && argv[first] != "-h" &&
      argv[first] != "--version") {
    bool known = false;
    for (const auto* sub : app.get_subcommands({})) known = known || sub->get_name() == argv[first];
    if (!known) argv.insert(argv.begin() + static_cast<std::ptrdiff_t>(first), "diff");
  }
  try {
    std::vector<std::string> reversed(argv.rbegin(), argv.rend());
    app.parse(reversed);
  } catch (const CLI::CallForHelp&) {
    out << app.help();
    return 0;
  } catch (const CLI::CallForVersion&) {
    out << app.version() << "\n";
    return 0;
  } catch (const CLI::ParseError& e) {
    // Subcommand help arrives as CallForHelp too; usage errors are exit 1.
    int code = app.exit(e, out, err);
    return code == 0 ? 0 : static_cast<int>(ExitCode::error);
  }
  set_verbose(verbose_flag);
  try {
    PhaseTimer timer("total");
    return static_cast<int>(context.action());
  } catch (...) {
    // After Ctrl-C, failures are only the interruption showing through; say that once.
    if (signal_cleanup_started()) {
      err << "migra: interrupted; cleaning up\n";
      return static_cast<int>(ExitCode::error);
    }
    try {
      throw;
    } catch (const sql::ModelError& e) {
      for (const auto& p : e.problems()) err << sql::format_problem(p);
    } catch (const Error& e) {
      print_error(err, e);
    } catch (const std::exception& e) {
      err << "migra: error: " << e.what() << "\n";
    }
  }
  return static_cast<int>(ExitCode::error);
}

}  // namespace migra::cli
