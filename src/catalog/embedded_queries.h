#pragma once
/// Catalog queries compiled in from src/catalog/queries/*.sql.
#include <map>
#include <string>

namespace migra::catalog {

/// File stem -> SQL text, for every file in src/catalog/queries/.
const std::map<std::string, std::string, std::less<>>& embedded_queries();

/// The query for a kind (a file stem); what differs between server versions is chosen
/// inside it with @since. Throws migra::Error when the kind has no query.
const std::string& query_for(const std::string& kind);

}  // namespace migra::catalog
