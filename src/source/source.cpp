#include "source/source.h"

#include "source/connection.h"
#include "source/model_files.h"
#include "source/scratch_database.h"

namespace migra::source {

SourceSpec parse_source(const std::string& text) {
  if (text == "EMPTY") return {SourceKind::empty, text};
  if (!looks_like_conninfo(text)) return {SourceKind::models, text};
  return {SourceKind::database, text};
}

model::Model load_model(const SourceSpec& source, const catalog::InspectOptions& options) {
  switch (source.kind) {
    case SourceKind::empty:
      return {};
    case SourceKind::database: {
      auto conn = connect(source.text);
      return catalog::inspect(*conn, options);
    }
    case SourceKind::models: {
      auto files = find_model_files(source.text);
      auto scratch = ScratchDatabase::create();
      scratch->load_files(files);
      auto conn = connect(scratch->conninfo());
      return catalog::inspect(*conn, options);
    }
  }
  return {};
}

}  // namespace migra::source
