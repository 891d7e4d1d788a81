// `--verbose`: every phase's time, then (migra links jemalloc) what the program holds and
// what the allocator keeps; the last line is the total with the peak memory.
#include <regex>
#include <string>

#include <gtest/gtest.h>

#include "support/test_cluster.h"

namespace migra::test {
namespace {

TEST(Verbose, PhasesReportTimeThenMemoryAndTheTotalComesLast) {
  auto r = run_migra({"--verbose", "diff", "EMPTY", "EMPTY"});
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(r.out, "");
  std::regex phase(
      R"(migra: timing: diff and plan: [0-9]+\.[0-9] ms\n)"
      R"(migra: memory: after diff and plan: allocated [0-9]+\.[0-9] MB, resident [0-9]+\.[0-9] MB\n)");
  EXPECT_TRUE(std::regex_search(r.err, phase)) << r.err;
  std::regex total(R"(migra: timing: total: [0-9]+\.[0-9] ms \(peak memory [0-9]+ MB\)\n$)");
  EXPECT_TRUE(std::regex_search(r.err, total)) << r.err;
  EXPECT_EQ(r.err.find("memory: after total"), std::string::npos) << r.err;
}

TEST(Verbose, QuietWithoutTheFlag) {
  auto r = run_migra({"diff", "EMPTY", "EMPTY"});
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(r.err, "");
}

}  // namespace
}  // namespace migra::test
