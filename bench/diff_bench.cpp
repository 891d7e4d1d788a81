// Times the diff engine alone (diff, order, render) on two saved models, the JSON of
// `migra inspect --format json`. Prints min / median / max in ms over RUNS runs (wall
// time, and the thread's CPU time, which other programs on the machine disturb less) and
// the size of the plan, so profiles of "diff and plan" need no database.
// Usage: migra_bench_diff FROM.json TARGET.json [RUNS (default 9)] [--with-privileges]
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <ctime>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "diff/diff.h"
#include "model/model.h"
#include "render/sql_output.h"

namespace {

migra::model::Model load(const char* path) {
  std::ifstream in(path);
  std::stringstream text;
  text << in.rdbuf();
  auto doc = nlohmann::json::parse(text.str());
  migra::model::Model model;
  model.current_user = "postgres";
  for (const auto& [kind, objects] : doc.items()) {
    if (!objects.is_array()) continue;
    for (const auto& o : objects) migra::model::add_json_line(model, kind + "\t" + o.dump());
  }
  return model;
}

double cpu_ms() {
  timespec t{};
  clock_gettime(CLOCK_THREAD_CPUTIME_ID, &t);
  return static_cast<double>(t.tv_sec) * 1e3 + static_cast<double>(t.tv_nsec) / 1e6;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 3) {
    std::fprintf(stderr, "usage: migra_bench_diff FROM.json TARGET.json [RUNS] [--with-privileges]\n");
    return 2;
  }
  int runs = argc > 3 ? std::atoi(argv[3]) : 9;
  migra::diff::DiffOptions options;
  options.with_privileges = argc > 4 && std::string(argv[4]) == "--with-privileges";
  auto from = load(argv[1]);
  auto target = load(argv[2]);
  std::vector<double> ms, cpu;
  size_t statements = 0, bytes = 0;
  for (int r = 0; r < runs; ++r) {
    auto start = std::chrono::steady_clock::now();
    double cpu_start = cpu_ms();
    auto plan = migra::diff::diff(from, target, options);
    auto sql = migra::render::plan_sql(plan);
    auto end = std::chrono::steady_clock::now();
    statements = plan.statements.size();
    bytes = sql.size();
    cpu.push_back(cpu_ms() - cpu_start);
    ms.push_back(std::chrono::duration<double, std::milli>(end - start).count());
  }
  std::sort(ms.begin(), ms.end());
  std::sort(cpu.begin(), cpu.end());
  std::printf("diff: %zu statements, %zu bytes; ms min %.1f median %.1f max %.1f; cpu ms min %.1f "
              "median %.1f\n",
              statements, bytes, ms.front(), ms[ms.size() / 2], ms.back(), cpu.front(),
              cpu[cpu.size() / 2]);
  return 0;
}
