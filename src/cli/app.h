#pragma once
/// The command-line front end; main() only calls run().
#include <iosfwd>
#include <string>
#include <vector>

namespace migra::cli {

/// Runs migra with the given arguments (without argv[0]); returns the exit code.
int run(const std::vector<std::string>& args, std::ostream& out, std::ostream& err);

}  // namespace migra::cli
