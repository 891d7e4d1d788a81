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

}  // namespace migra::diff
