// The benchmark's model-set generator: deterministic from its seed, and what it writes
// (A and the changed B) loads with psql file by file and with migra, and diffs round trip.
#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <map>

#include "schema_generator.h"
#include "source/pg_binaries.h"
#include "support/round_trip.h"
#include "support/scoped.h"
#include "support/test_cluster.h"
#include "util/process.h"

namespace fs = std::filesystem;

namespace migra::test {
namespace {

/// File name to content, for a directory of generated files.
std::map<std::string, std::string> files_of(const std::string& dir) {
  std::map<std::string, std::string> out;
  for (const auto& e : fs::directory_iterator(dir)) {
    out[e.path().filename().string()] = read_text(e.path().string());
  }
  return out;
}

std::string concatenated(const std::map<std::string, std::string>& files) {
  std::string all;
  for (const auto& [name, text] : files) all += text + "\n";
  return all;
}

std::map<std::string, std::string> generated(const TempDir& tmp, const std::string& name,
                                             uint64_t seed, int mutate = 0, int tables = 30) {
  std::string dir = tmp.path() + "/" + name;
  int count = bench::write_model_set({tables, seed, mutate}, dir);
  auto files = files_of(dir);
  EXPECT_EQ(static_cast<size_t>(count), files.size()) << dir;
  return files;
}

/// Loads each file with `psql -1 -f` in file-name order, as the generator promises.
void load_file_by_file(const TestDatabase& db, const std::string& dir) {
  std::vector<std::string> names;
  for (const auto& e : fs::directory_iterator(dir)) names.push_back(e.path().string());
  std::sort(names.begin(), names.end());
  for (const auto& path : names) {
    auto r = run_process({find_pg_bindir() + "/psql", "-X", "-q", "-v", "ON_ERROR_STOP=1", "-1",
                          "-d", db.conninfo(), "-f", path});
    ASSERT_EQ(r.exit_code, 0) << "loading " << path << " failed:\n" << r.output;
  }
}

TEST(BenchGenerator, SameSeedGivesTheSameBytesAndAnotherSeedDiffers) {
  TempDir tmp("migra-bench-gen");
  auto a1 = generated(tmp, "a1", 7), a2 = generated(tmp, "a2", 7);
  EXPECT_GT(a1.size(), 5u);  // schemas, then per schema types, tables, functions, ...
  EXPECT_TRUE(a1 == a2) << "two runs with seed 7 wrote different files";
  auto b1 = generated(tmp, "b1", 7, 10), b2 = generated(tmp, "b2", 7, 10);
  EXPECT_TRUE(b1 == b2) << "two mutated runs with seed 7 wrote different files";
  EXPECT_NE(concatenated(a1), concatenated(b1)) << "--mutate 10 changed nothing";
  auto other = generated(tmp, "other", 8);
  EXPECT_NE(concatenated(a1), concatenated(other)) << "seeds 7 and 8 wrote the same set";

  // Rewriting a directory replaces the earlier run's files, even when there were more.
  bench::write_model_set({300, 7, 0}, tmp.path() + "/a1");
  EXPECT_GT(files_of(tmp.path() + "/a1").size(), a1.size());
  bench::write_model_set({30, 7, 0}, tmp.path() + "/a1");
  EXPECT_TRUE(files_of(tmp.path() + "/a1") == a1);
}

TEST(BenchGenerator, RefusesADirectoryWithOtherSqlFiles) {
  TempDir tmp("migra-bench-gen");
  std::ofstream(tmp.path() + "/mine.sql") << "create table keep_me (id int);\n";
  EXPECT_THROW(bench::write_model_set({30, 1, 0}, tmp.path()), std::runtime_error);
  EXPECT_EQ(read_text(tmp.path() + "/mine.sql"), "create table keep_me (id int);\n");
}

TEST(BenchGenerator, AandBLoadFileByFileAndWithMigraAndRoundTrip) {
  TempDir tmp("migra-bench-gen");
  for (uint64_t seed : {1, 2, 3}) {
    std::string label = "seed " + std::to_string(seed);
    auto a = generated(tmp, "a" + std::to_string(seed), seed);
    auto b = generated(tmp, "b" + std::to_string(seed), seed, 25);
    RoundTripCase c;
    c.a_sql = concatenated(a);
    c.b_sql = concatenated(b);
    c.flags = {"--unsafe"};
    c.expected_exit = 2;
    round_trip(label, c);
  }

  // migra's own model loading gives the same schema as psql's, on both sides.
  std::string a_dir = tmp.path() + "/a1", b_dir = tmp.path() + "/b1";
  TestDatabase a, b;
  load_file_by_file(a, a_dir);
  load_file_by_file(b, b_dir);
  if (HasFatalFailure()) return;
  auto same_a = run_migra({"--unsafe", a_dir, a.url()});
  EXPECT_EQ(same_a.exit_code, 0) << same_a.err << same_a.out;
  auto same_b = run_migra({"--unsafe", b.url(), b_dir});
  EXPECT_EQ(same_b.exit_code, 0) << same_b.err << same_b.out;
}

}  // namespace
}  // namespace migra::test
