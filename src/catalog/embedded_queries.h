#pragma once
/// Catalog queries compiled in from src/catalog/queries/*.sql.
#include <map>
#include <string>

namespace migra::catalog {

/// File stem -> SQL text, for every file in src/catalog/queries/.
const std::map<std::string, std::string, std::less<>>& embedded_queries();

/// The query for a kind on a server version. A file `<kind>__pgNN.sql` serves servers
/// older than NN (e.g. `ranges__pg14.sql` before multiranges existed); otherwise
/// `<kind>.sql`. Throws migra::Error when the kind has no query.
const std::string& query_for(const std::string& kind, int server_version_num);

}  // namespace migra::catalog
