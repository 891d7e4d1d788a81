// Integration test main: signals are routed to migra's cleanup thread, and the
// cluster is stopped and removed once every test has run.
#include <gtest/gtest.h>

#include "support/test_cluster.h"
#include "util/cleanup.h"

int main(int argc, char** argv) {
  migra::install_signal_cleanup();
  testing::InitGoogleTest(&argc, argv);
  int rc = RUN_ALL_TESTS();
  migra::test::stop_cluster();
  return rc;
}
