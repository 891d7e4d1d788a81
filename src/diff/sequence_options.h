#pragma once
/// Sequence option clauses, shared by sequences and identity columns.
#include <string>
#include <vector>

#include "model/sequence.h"

namespace migra::diff {

/// The option clauses (e.g. "increment by 5") where `to` differs from `from` (all of them
/// when `from` is null), in CREATE SEQUENCE order.
std::vector<std::string> sequence_option_list(const model::SequenceOptions* from,
                                              const model::SequenceOptions& to);

/// The clauses joined, each preceded by a space.
std::string sequence_option_clauses(const model::SequenceOptions* from,
                                    const model::SequenceOptions& to);

/// True when the new range excludes the old start value, so a sequence that was never
/// used (its current value is still that start) must restart or the change fails.
/// Restarting loses the position of a used sequence, so callers mark it destructive.
bool sequence_needs_restart(const model::SequenceOptions& from, const model::SequenceOptions& to);

}  // namespace migra::diff
