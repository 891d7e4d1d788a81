#pragma once
/// The round trip every diff case must pass: load A and B, run migra A B, apply its
/// output to A in one transaction, then A's schema equals B's and a second diff is empty.
#include <string>
#include <vector>

namespace migra::test {

/// Inputs of one round trip.
struct RoundTripCase {
  std::string a_sql;                   ///< SQL loaded into A
  std::string b_sql;                   ///< SQL loaded into B
  std::vector<std::string> flags;      ///< migra flags, e.g. {"--unsafe"}
  int expected_exit = 2;               ///< of the run with flags: 2 changes, 0 none
  /// Instead of expected_exit: 0 when A and B inspect the same under the flags, else 2
  /// (for generated cases, whose mutations may happen to cancel out).
  bool exit_from_models = false;
};

/// What happened, for further assertions by the caller.
struct RoundTripResult {
  std::string migration;  ///< migra's stdout
  int exit_code = -1;
};

/// Runs the round trip with gtest assertions; `label` names the case in failures.
RoundTripResult round_trip(const std::string& label, const RoundTripCase& c);

/// Flags from a `flags` file: whitespace-separated words.
std::vector<std::string> parse_flags(const std::string& text);

}  // namespace migra::test
