#pragma once
/// Sources read for a diff. A live database's model leaves some texts as tokens (see
/// catalog/deferred_texts.h): the diff prints only those it compares unequal or shows.
#include <memory>
#include <string>

#include "catalog/inspector.h"
#include "model/model.h"
#include "plan/statement.h"
#include "source/source.h"

namespace migra::source {

/// A source's model and, for a live database, the inspection that prints its tokens; for
/// model files, which token stands for which of its texts.
struct LoadedSource {
  model::Model model;
  std::unique_ptr<catalog::Inspection> live;
  catalog::TokenTexts known;
};

/// Reads a source for a diff; model files and EMPTY come with every text printed.
LoadedSource load_for_diff(const SourceSpec& source, const catalog::InspectOptions& options,
                           const std::string& scratch_setting = "auto");

/// Replaces the tokens one side knows the texts of, then prints the tokens of objects on
/// both sides whose strings differ, on both sides: from then on two objects' texts are
/// equal exactly when their strings are, for the diff.
void settle_texts(LoadedSource& from, LoadedSource& to);

/// Replaces the tokens left in the plan's statements by their texts.
void print_texts(plan::Plan& plan, LoadedSource& from, LoadedSource& to);

}  // namespace migra::source
