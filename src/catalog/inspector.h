#pragma once
/// Reads a live database into a model::Model with a fixed set of catalog queries.
#include <memory>
#include <string>
#include <vector>

#include <pqxx/pqxx>

#include "catalog/deferred_texts.h"
#include "model/model.h"

namespace migra::catalog {

/// Which schemas to read.
struct InspectOptions {
  std::vector<std::string> schemas;          ///< only these (empty: all)
  std::vector<std::string> exclude_schemas;  ///< never these
  std::string label = "database";  ///< names the source in --verbose timings
};

/// Inspects everything in one repeatable-read, read-only snapshot, every text printed.
/// With `known`, also adds which token (deferred_texts.h) stands for which of its texts:
/// a diff against a live database then needs not print those tokens there.
model::Model inspect(pqxx::connection& connection, const InspectOptions& options = {},
                     TokenTexts* known = nullptr);

/// A live database inspected with the texts worth deferring left as tokens (see
/// deferred_texts.h), its snapshot kept open to print them later. Not for use by two
/// threads at once.
class Inspection {
 public:
  /// Inspects into `out`.
  Inspection(std::unique_ptr<pqxx::connection> connection, const InspectOptions& options,
             model::Model& out);
  ~Inspection();
  Inspection(const Inspection&) = delete;
  Inspection& operator=(const Inspection&) = delete;

  /// Whether this inspection made the token.
  [[nodiscard]] bool has(const std::string& token) const { return deferred_.has(token); }
  /// Prints these tokens' texts (all made here), in the inspection's snapshot.
  [[nodiscard]] TokenTexts print(const std::vector<std::string>& tokens);

 private:
  std::unique_ptr<pqxx::connection> connection_;
  std::unique_ptr<pqxx::transaction_base> tx_;
  DeferredTexts deferred_;
};

/// The tokens left in a model's texts.
std::vector<std::string> model_tokens(const model::Model& m);
/// Replaces the model's tokens that `texts` has.
void replace_model_tokens(model::Model& m, const TokenTexts& texts);

}  // namespace migra::catalog
