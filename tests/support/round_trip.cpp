#include "support/round_trip.h"

#include <gtest/gtest.h>

#include <fstream>
#include <optional>
#include <sstream>

#include "diff/compare.h"
#include "source/pg_binaries.h"
#include "support/test_cluster.h"
#include "util/process.h"

namespace migra::test {
namespace {

diff::DiffOptions options_from(const std::vector<std::string>& flags,
                               catalog::InspectOptions& inspect) {
  diff::DiffOptions o;
  for (size_t i = 0; i < flags.size(); ++i) {
    if (flags[i] == "--with-privileges") o.with_privileges = true;
    if (flags[i] == "--ignore-extension-versions") o.ignore_extension_versions = true;
    if (flags[i] == "--create-extensions-only") o.create_extensions_only = true;
    if (flags[i] == "--schema" && i + 1 < flags.size()) inspect.schemas.push_back(flags[++i]);
    if ((flags[i] == "--exclude_schema" || flags[i] == "--exclude-schema") && i + 1 < flags.size()) {
      inspect.exclude_schemas.push_back(flags[++i]);
    }
  }
  return o;
}

}  // namespace

std::vector<std::string> parse_flags(const std::string& text) {
  std::vector<std::string> flags;
  std::istringstream in(text);
  for (std::string w; in >> w;) flags.push_back(w);
  return flags;
}

RoundTripResult round_trip(const std::string& label, const RoundTripCase& c) {
  RoundTripResult result;
  TestDatabase a, b;
  a.load(c.a_sql, label + ": A");
  b.load(c.b_sql, label + ": B");
  if (testing::Test::HasFatalFailure()) return result;

  catalog::InspectOptions inspect;
  auto options = options_from(c.flags, inspect);
  // B is never changed, so its model is read once.
  std::optional<nlohmann::json> want;
  int expected_exit = c.expected_exit;
  if (c.exit_from_models && !options.create_extensions_only) {
    want = diff::comparable_model(b.inspect(inspect), options);
    expected_exit = diff::comparable_model(a.inspect(inspect), options) == *want ? 0 : 2;
  }

  std::vector<std::string> args = c.flags;
  args.push_back(a.url());
  args.push_back(b.url());
  auto run = run_migra(args);
  result.migration = run.out;
  result.exit_code = run.exit_code;
  EXPECT_EQ(run.exit_code, expected_exit) << label << ":\n" << run.err << run.out;
  if (run.exit_code != 0 && run.exit_code != 2) return result;

  static int counter = 0;
  std::string path = "/tmp/migra-round-trip-" + std::to_string(getpid()) + "-" +
                     std::to_string(counter++) + ".sql";
  {
    std::ofstream f(path);
    f << run.out;
  }
  auto applied = run_process({find_pg_bindir() + "/psql", "-X", "-q", "-v", "ON_ERROR_STOP=1",
                              "--single-transaction", "-d", a.conninfo(), "-f", path});
  std::remove(path.c_str());
  EXPECT_EQ(applied.exit_code, 0) << label << ": applying the migration failed:\n"
                                  << applied.output << "\n--- migration:\n" << run.out;
  if (applied.exit_code != 0) return result;

  if (options.create_extensions_only) return result;
  auto got = diff::comparable_model(a.inspect(inspect), options);
  if (!want) want = diff::comparable_model(b.inspect(inspect), options);
  EXPECT_TRUE(got == *want) << label
                            << ": after the migration, A differs from B (JSON patch A -> B): "
                            << nlohmann::json::diff(got, *want).dump(1) << "\n--- migration:\n"
                            << run.out;
  auto again = run_migra(args);
  EXPECT_EQ(again.exit_code, 0) << label << ": a second diff is not empty:\n" << again.out << again.err;
  return result;
}

}  // namespace migra::test
