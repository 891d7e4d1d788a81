// The README's walkthrough, run as written. Its ```sh walkthrough blocks hold commands
// (`$ ` lines, a trailing `\` continues one), each followed by lines it must print (`...`
// stands for lines left out) and a trailing `# exit N` comment when it does not exit 0.
// All commands run in order in one bash, from the repository root, with the built migra
// first on PATH, HOME in a temporary directory and libpq's PGHOST/PGPORT/PGUSER naming
// this process's test cluster, so `createdb shop_dev` and postgresql:///shop_dev reach it.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <regex>
#include <set>
#include <sstream>

#include "support/scoped.h"
#include "support/test_cluster.h"
#include "util/process.h"

namespace fs = std::filesystem;

namespace migra::test {
namespace {

/// One `$ ` command of the walkthrough and what the README says it does.
struct Step {
  int line = 0;                      ///< README line of the command
  std::string command;               ///< without the `$ `
  int exit_code = 0;                 ///< from `# exit N`
  std::vector<std::string> output;   ///< lines it must print
};

std::string rtrim(std::string s) {
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s.back()))) s.pop_back();
  return s;
}

/// The text of the `## Walkthrough` section, and the README line it starts on.
std::pair<std::string, int> walkthrough_section(const std::string& readme) {
  size_t start = readme.find("\n## Walkthrough\n");
  if (start == std::string::npos) return {"", 0};
  size_t end = readme.find("\n## ", start + 1);
  int first_line = 2 + static_cast<int>(std::count(readme.begin(), readme.begin() + start, '\n'));
  return {readme.substr(start + 1, end == std::string::npos ? std::string::npos : end - start), first_line};
}

std::vector<Step> parse_steps(const std::string& section, int first_line, int& blocks) {
  static const std::regex exit_comment(R"(#\s*exit\s+(\d+)\s*$)");
  std::vector<Step> steps;
  std::istringstream in(section);
  bool in_block = false, continues = false;
  int n = first_line - 1;
  for (std::string line; std::getline(in, line);) {
    ++n;
    if (!in_block) {
      if (rtrim(line) == "```sh walkthrough") {
        in_block = true;
        ++blocks;
      }
      continue;
    }
    if (rtrim(line) == "```") {
      in_block = continues = false;
      continue;
    }
    if (continues) {
      steps.back().command += "\n" + line;
    } else if (line.rfind("$ ", 0) == 0) {
      steps.push_back({n, line.substr(2), 0, {}});
    } else if (!steps.empty() && rtrim(line) != "..." && !rtrim(line).empty()) {
      steps.back().output.push_back(rtrim(line));
      continue;
    } else {
      continue;
    }
    continues = !line.empty() && line.back() == '\\';
    std::smatch m;
    if (!continues && std::regex_search(line, m, exit_comment)) steps.back().exit_code = std::stoi(m[1]);
  }
  return steps;
}

TEST(ReadmeWalkthrough, EveryCommandExitsAndPrintsAsTheReadmeSays) {
  auto [section, first_line] = walkthrough_section(read_text(MIGRA_SOURCE_DIR "/README.md"));
  ASSERT_FALSE(section.empty()) << "README.md has no '## Walkthrough' section";
  int blocks = 0;
  auto steps = parse_steps(section, first_line, blocks);
  ASSERT_GT(blocks, 0) << "the Walkthrough section has no ```sh walkthrough block";

  // The walkthrough must keep showing each command and each kind of exit code.
  std::string all;
  std::set<int> exits;
  for (const auto& s : steps) {
    all += s.command + "\n";
    exits.insert(s.exit_code);
  }
  for (const char* command : {"migra diff", "migra sync", "migra check", "migra plan",
                              "migra apply", "migra lint", "migra inspect"}) {
    EXPECT_NE(all.find(command), std::string::npos) << "the walkthrough no longer runs " << command;
  }
  EXPECT_EQ(exits, (std::set<int>{0, 1, 2, 3})) << "the walkthrough should show exit codes 0, 1, 2 and 3";

  // One bash runs every step, so `cd` and variables carry over; each step's output and
  // exit code go to files of their own.
  TempDir work("migra-readme"), home("migra-readme-home");
  std::string script = "set -o pipefail\nexec </dev/null\ncd '" MIGRA_SOURCE_DIR "'\n";
  for (size_t i = 0; i < steps.size(); ++i) {
    std::string base = work.path() + "/" + std::to_string(i);
    script += "{\n" + steps[i].command + "\n} >'" + base + ".out' 2>&1\necho $? >'" + base + ".rc'\n";
  }
  std::ofstream(work.path() + "/walkthrough.sh") << script;

  const auto& c = cluster();
  const char* inherited = std::getenv("PATH");
  std::string path = fs::path(MIGRA_BINARY).parent_path().string() + ":" +
                     (inherited ? inherited : "/usr/bin:/bin");
  auto run = run_process({"/usr/bin/env", "-u", "DATABASE_URL", "-u", "MIGRA_SCRATCH_URL", "-u", "PGDATABASE",
                          "-u", "PGSERVICE", "PATH=" + path, "HOME=" + home.path(),
                          "PGHOST=" + c.directory(), "PGPORT=5432", "PGUSER=" + c.superuser(),
                          "bash", work.path() + "/walkthrough.sh"});
  EXPECT_EQ(run.exit_code, 0) << run.output;

  for (size_t i = 0; i < steps.size(); ++i) {
    const auto& s = steps[i];
    std::string base = work.path() + "/" + std::to_string(i);
    std::string where = "README.md:" + std::to_string(s.line) + ": $ " + s.command;
    std::string rc = read_text(base + ".rc");
    ASSERT_FALSE(rc.empty()) << where << "\nthe step did not run:\n" << run.output;
    std::string output = read_text(base + ".out");
    EXPECT_EQ(std::stoi(rc), s.exit_code) << where << "\n" << output;
    std::set<std::string> printed;
    std::istringstream lines(output);
    for (std::string l; std::getline(lines, l);) printed.insert(rtrim(l));
    for (const auto& want : s.output) {
      EXPECT_TRUE(printed.count(want)) << where << "\ndoes not print the line:\n" << want
                                       << "\nit printed:\n" << output;
    }
  }
}

}  // namespace
}  // namespace migra::test
