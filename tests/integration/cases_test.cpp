// Our own diff cases: tests/cases/<kind>/<case>/{a.sql,b.sql[,flags][,expected.sql][,exit]}.
// Every case passes the round trip; when expected.sql exists the output must match it
// exactly; `exit` (default 2) is the expected exit code of the run with the flags.
#include <gtest/gtest.h>

#include <filesystem>

#include "support/round_trip.h"
#include "support/test_cluster.h"

namespace fs = std::filesystem;

namespace migra::test {
namespace {

const fs::path kCases = fs::path(MIGRA_SOURCE_DIR) / "tests" / "cases";

std::vector<std::string> all_cases() {
  std::vector<std::string> out;
  if (!fs::exists(kCases)) return out;
  for (const auto& kind : fs::directory_iterator(kCases)) {
    if (!kind.is_directory()) continue;
    for (const auto& c : fs::directory_iterator(kind.path())) {
      if (c.is_directory()) out.push_back(kind.path().filename().string() + "/" +
                                          c.path().filename().string());
    }
  }
  std::sort(out.begin(), out.end());
  return out;
}

std::string optional_text(const fs::path& p) { return fs::exists(p) ? read_text(p.string()) : ""; }

class Cases : public testing::TestWithParam<std::string> {};

TEST_P(Cases, RoundTrip) {
  fs::path dir = kCases / GetParam();
  RoundTripCase c;
  c.a_sql = optional_text(dir / "a.sql");
  c.b_sql = optional_text(dir / "b.sql");
  c.flags = fs::exists(dir / "flags") ? parse_flags(read_text((dir / "flags").string()))
                                      : std::vector<std::string>{"--unsafe"};
  if (fs::exists(dir / "exit")) c.expected_exit = std::stoi(read_text((dir / "exit").string()));
  auto result = round_trip(GetParam(), c);
  if (fs::exists(dir / "expected.sql")) {
    EXPECT_EQ(result.migration, read_text((dir / "expected.sql").string())) << GetParam();
  }
}

INSTANTIATE_TEST_SUITE_P(Dir, Cases, testing::ValuesIn(all_cases()),
                         [](const testing::TestParamInfo<std::string>& info) {
                           std::string n = info.param;
                           for (auto& ch : n) {
                             if (!std::isalnum(static_cast<unsigned char>(ch))) ch = '_';
                           }
                           return n;
                         });

TEST(CasesCorpus, IsPresent) { EXPECT_FALSE(all_cases().empty()); }

}  // namespace
}  // namespace migra::test
