#include "source/scratch_database.h"

#include <fstream>
#include <sstream>

#include "source/connection.h"
#include "util/error.h"

namespace migra::source {

std::unique_ptr<ScratchDatabase> ScratchDatabase::create() {
  auto scratch = std::unique_ptr<ScratchDatabase>(new ScratchDatabase());
  scratch->cluster_ = EphemeralCluster::start();
  scratch->dbname_ = "migra_scratch";
  auto conn = connect(scratch->cluster_->conninfo("postgres"));
  pqxx::nontransaction tx(*conn);
  tx.exec0("create database migra_scratch template template0");
  return scratch;
}

std::string ScratchDatabase::conninfo() const { return cluster_->conninfo(dbname_); }

void ScratchDatabase::load_files(const std::vector<std::string>& files) const {
  auto conn = connect(conninfo());
  pqxx::nontransaction tx(*conn);
  // Function bodies may reference objects defined later.
  tx.exec0("set check_function_bodies = off");
  for (const auto& file : files) {
    std::ifstream in(file, std::ios::binary);
    if (!in) throw Error("cannot read model file " + file, "check the path and permissions");
    std::stringstream ss;
    ss << in.rdbuf();
    try {
      tx.exec(ss.str());
    } catch (const pqxx::sql_error& e) {
      throw Error(std::string("loading the model failed: ") + e.what(),
                  "fix the statement in " + file)
          .with_sqlstate(e.sqlstate())
          .with_location({file, 0, 0});
    }
  }
}

}  // namespace migra::source
