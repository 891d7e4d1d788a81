// migra_bench_generate: writes a realistic model set (the A side) or its changed B side.
//   migra_bench_generate --tables N --out DIR [--seed S] [--mutate PCT]
#include <cstdio>
#include <exception>

#include <CLI/CLI.hpp>

#include "schema_generator.h"

int main(int argc, char** argv) {
  CLI::App app{"Writes a generated model set of N tables as .sql files into DIR. The same "
               "options give the same files, byte for byte. With --mutate, writes the B side: "
               "the same set with about PCT % of its objects changed.",
               "migra_bench_generate"};
  migra::bench::GenerateOptions options;
  std::string out;
  app.add_option("--tables", options.tables, "number of tables")->required()
      ->check(CLI::Range(1, 1000000));
  app.add_option("--out", out, "directory to write (created; earlier generated files replaced)")
      ->required();
  app.add_option("--seed", options.seed, "random seed (default 1)");
  app.add_option("--mutate", options.mutate_percent, "write the B side, PCT % changed")
      ->check(CLI::Range(0, 100));
  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    return app.exit(e) == 0 ? 0 : 1;
  }
  try {
    int files = migra::bench::write_model_set(options, out);
    std::printf("wrote %d files (%d tables) to %s\n", files, options.tables, out.c_str());
  } catch (const std::exception& e) {
    std::fprintf(stderr, "migra_bench_generate: error: %s\n", e.what());
    return 1;
  }
  return 0;
}
