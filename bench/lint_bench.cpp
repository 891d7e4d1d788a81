// Times `migra lint`'s work (parse, lint, load order) on a generated model of N
// statements split over several files. Prints min / median / max in ms over RUNS runs.
// Usage: migra_bench_lint [STATEMENTS (default 1000)] [RUNS (default 15)]
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include "sql/load_plan.h"
#include "sql/parse.h"

namespace fs = std::filesystem;

int main(int argc, char** argv) {
  int statements = argc > 1 ? std::atoi(argv[1]) : 1000;
  int runs = argc > 2 ? std::atoi(argv[2]) : 15;
  std::string pattern = (fs::temp_directory_path() / "migra-lint-bench-XXXXXX").string();
  fs::path dir = mkdtemp(pattern.data());
  // Four statements per table: table, index, view, comment; files of 100 statements,
  // named so that views come before the tables they read.
  std::vector<std::string> files;
  std::string text;
  int file_no = 0;
  auto flush = [&] {
    auto path = dir / ("part_" + std::to_string(1000 - file_no++) + ".sql");
    std::ofstream(path) << text;
    files.push_back(path.string());
    text.clear();
  };
  for (int i = 0, n = 0; n < statements; ++i) {
    std::string t = "t" + std::to_string(i);
    text += "create view v_" + t + " as select id, name from app." + t + " where amount > 0;\n";
    text += "create table app." + t + " (id bigint primary key, name text not null, amount "
            "numeric(12, 2) default 0, created_at timestamptz default now(), ref bigint"
            + (i > 0 ? " references app.t" + std::to_string(i - 1) + " (id)" : std::string()) + ");\n";
    text += "create index " + t + "_name_idx on app." + t + " (lower(name)) where amount > 0;\n";
    text += "comment on table app." + t + " is 'table " + t + "';\n";
    n += 4;
    if (n % 100 == 0) flush();
  }
  text += "create schema app;\n";
  flush();
  std::sort(files.begin(), files.end());

  std::vector<double> ms;
  size_t count = 0;
  for (int r = 0; r < runs; ++r) {
    auto start = std::chrono::steady_clock::now();
    auto parsed = migra::sql::parse_model_files(files);
    auto plan = migra::sql::plan_load(parsed);
    auto end = std::chrono::steady_clock::now();
    if (!parsed.problems.empty() || !plan.problems.empty()) {
      std::fprintf(stderr, "unexpected problems in the generated model\n");
      return 1;
    }
    count = plan.statements.size();
    ms.push_back(std::chrono::duration<double, std::milli>(end - start).count());
  }
  fs::remove_all(dir);
  std::sort(ms.begin(), ms.end());
  std::printf("lint of %zu statements in %zu files: min %.1f ms, median %.1f ms, max %.1f ms "
              "(%d runs)\n",
              count, files.size(), ms.front(), ms[ms.size() / 2], ms.back(), runs);
  return 0;
}
