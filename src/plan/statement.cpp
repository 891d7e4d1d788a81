#include "plan/statement.h"

#include <algorithm>

namespace migra::plan {

bool Plan::destructive() const {
  return std::any_of(statements.begin(), statements.end(),
                     [](const Statement& s) { return s.destructive; });
}

const char* to_string(Action action) {
  switch (action) {
    case Action::create: return "create";
    case Action::alter: return "alter";
    case Action::drop: return "drop";
  }
  return "?";
}

const char* to_string(Lock lock) {
  switch (lock) {
    case Lock::none: return "none";
    case Lock::share_update_exclusive: return "SHARE UPDATE EXCLUSIVE";
    case Lock::share: return "SHARE";
    case Lock::share_row_exclusive: return "SHARE ROW EXCLUSIVE";
    case Lock::access_exclusive: return "ACCESS EXCLUSIVE";
  }
  return "?";
}

}  // namespace migra::plan
