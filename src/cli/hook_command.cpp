#include <cerrno>
#include <cstring>
#include <filesystem>
#include <memory>
#include <ostream>

#include "cli/commands.h"
#include "cli/hook_script.h"
#include "util/error.h"
#include "util/files.h"
#include "util/git.h"

namespace fs = std::filesystem;

namespace migra::cli {
namespace {

// What is at the hook's path, in words for an error, or empty when it is migra's own
// hook or nothing at all.
std::string foreign_hook(const fs::path& hook) {
  std::error_code ec;
  auto status = fs::symlink_status(hook, ec);
  if (ec || !fs::exists(status)) return {};
  if (fs::is_symlink(status)) {
    return "a symbolic link to " + fs::read_symlink(hook, ec).string();
  }
  if (!fs::is_regular_file(status)) return "something that is not a file";
  if (is_migra_hook(read_file(hook.string()).value_or(""))) return {};
  return "a hook that migra did not install";
}

// Written beside its destination and renamed over it, so a failed write never leaves a
// half-written hook; the mode is set explicitly, whatever the umask.
void write_executable(const fs::path& path, const std::string& text) {
  if (int error = write_file_atomically(path.string(), text, 0755)) {
    throw Error("cannot write " + path.string() + ": " + strerror(error),
                "check that the hooks directory is writable and " + path.string() +
                    " is not a directory");
  }
}

ExitCode install(bool force, CommandContext& context) {
  fs::path dir = git::hooks_dir();
  fs::path hook = dir / "pre-commit";
  std::string foreign = foreign_hook(hook);
  if (!foreign.empty() && !force) {
    throw Error(hook.string() + " already exists and is " + foreign + "; not replacing it",
                "add `migra lint --staged` to that hook yourself, or run `migra hook install "
                "--force` to replace it");
  }
  std::error_code ec;
  fs::create_directories(dir, ec);
  if (ec) {
    throw Error("cannot create the hooks directory " + dir.string() + ": " + ec.message(),
                "check core.hooksPath (git config core.hooksPath) and the permissions");
  }
  std::string migra = running_executable();
  write_executable(hook, pre_commit_script(migra));
  context.out << "Installed the pre-commit hook " << hook.string()
              << (foreign.empty() ? "" : " (replacing " + foreign + ")")
              << ": before each commit it runs " << migra << " lint --staged.\n";
  return ExitCode::ok;
}

ExitCode uninstall(CommandContext& context) {
  fs::path hook = fs::path(git::hooks_dir()) / "pre-commit";
  std::error_code ec;
  if (!fs::exists(fs::symlink_status(hook, ec))) {
    context.out << "No pre-commit hook at " << hook.string() << "; nothing to remove.\n";
    return ExitCode::ok;
  }
  if (std::string foreign = foreign_hook(hook); !foreign.empty()) {
    throw Error(hook.string() + " is " + foreign + "; leaving it in place",
                "edit or delete it yourself if it should go");
  }
  if (!fs::remove(hook, ec) || ec) {
    throw Error("cannot remove " + hook.string() + ": " + ec.message(),
                "check the permissions of the hooks directory");
  }
  context.out << "Removed the pre-commit hook " << hook.string() << ".\n";
  return ExitCode::ok;
}

}  // namespace

void add_hook_command(CLI::App& app, CommandContext& context) {
  auto* cmd = app.add_subcommand("hook", "Manage the git pre-commit hook that lints staged "
                                         "model files");
  cmd->require_subcommand(1);
  auto force = std::make_shared<bool>(false);
  auto* install_cmd = cmd->add_subcommand(
      "install", "Write a pre-commit hook running `migra lint --staged` into this repository's "
                 "hooks directory (core.hooksPath honoured)");
  install_cmd->add_flag("--force", *force, "replace a pre-commit hook that migra did not install");
  install_cmd->callback([force, &context] {
    context.action = [force, &context] { return install(*force, context); };
  });
  auto* uninstall_cmd =
      cmd->add_subcommand("uninstall", "Remove the pre-commit hook, if migra installed it");
  uninstall_cmd->callback([&context] {
    context.action = [&context] { return uninstall(context); };
  });
}

}  // namespace migra::cli
