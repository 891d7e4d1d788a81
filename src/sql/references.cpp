#include "sql/references.h"

#include <algorithm>

namespace migra::sql {
namespace {

using json = nlohmann::json;

std::string qualify(const std::vector<std::string>& names) {
  if (names.empty()) return "";
  if (names.size() == 1) return "public." + names[0];
  return names[names.size() - 2] + "." + names.back();
}

std::vector<std::string> strings(const json& list) {
  std::vector<std::string> out;
  if (!list.is_array()) return out;
  for (const auto& item : list) {
    if (item.contains("String")) out.push_back(item["String"].value("sval", ""));
  }
  return out;
}

std::string rangevar_key(const json& rv) {
  std::string schema = rv.value("schemaname", "public");
  return "rel:" + schema + "." + rv.value("relname", "");
}

bool builtin(const std::vector<std::string>& names) {
  return names.size() > 1 && (names[0] == "pg_catalog" || names[0] == "information_schema");
}

// Walks a tree collecting relation, type, function and collation references.
// Foreign keys inside CREATE TABLE are skipped (`skip_fks`): they are soft references.
void walk(const json& node, StatementNames& out, const json* skip, bool skip_fks) {
  if (&node == skip) return;
  if (node.is_array()) {
    for (const auto& item : node) walk(item, out, skip, skip_fks);
    return;
  }
  if (!node.is_object()) return;
  if (node.contains("relname") && node["relname"].is_string()) {
    out.references.push_back(rangevar_key(node));
  }
  if (node.contains("names") && node.contains("typemod")) {  // TypeName
    auto names = strings(node["names"]);
    if (!builtin(names)) out.references.push_back("rel:" + qualify(names));
  }
  if (node.contains("funcname")) {  // FuncCall, CreateTrigStmt
    auto names = strings(node["funcname"]);
    if (!builtin(names)) out.references.push_back("fn:" + qualify(names));
  }
  if (node.contains("objname") && node.contains("objargs")) {  // ObjectWithArgs
    auto names = strings(node["objname"]);
    if (!builtin(names)) out.references.push_back("fn:" + qualify(names));
  }
  if (node.contains("collname")) {  // CollateClause
    auto names = strings(node["collname"]);
    if (!builtin(names)) out.references.push_back("coll:" + qualify(names));
  }
  for (const auto& [key, value] : node.items()) {
    if (skip_fks && key == "Constraint" && value.value("contype", "") == "CONSTR_FOREIGN") continue;
    walk(value, out, skip, skip_fks);
  }
}

// An array field by reference (json::value() would copy, and pointers into the copy
// would dangle), or an empty array.
const json& array_field(const json& node, const char* key) {
  static const json empty = json::array();
  auto it = node.find(key);
  return it != node.end() && it->is_array() ? *it : empty;
}

void collect_foreign_keys(const json& create, StatementNames& out) {
  for (const auto& elt : array_field(create, "tableElts")) {
    if (elt.contains("Constraint")) {
      const auto& c = elt["Constraint"];
      if (c.value("contype", "") == "CONSTR_FOREIGN") {
        out.foreign_keys.push_back({rangevar_key(c["pktable"]), &c, nullptr});
      }
    } else if (elt.contains("ColumnDef")) {
      const auto& col = elt["ColumnDef"];
      for (const auto& cons : array_field(col, "constraints")) {
        const auto& c = cons["Constraint"];
        if (c.value("contype", "") == "CONSTR_FOREIGN") {
          out.foreign_keys.push_back({rangevar_key(c["pktable"]), &c, &col});
        }
      }
    }
  }
}

}  // namespace

StatementNames statement_names(const ModelStatement& s) {
  StatementNames out;
  const json& t = s.tree;
  const json* defining = nullptr;
  if (s.kind == "CreateSchemaStmt") {
    out.defines.push_back("schema:" + t.value("schemaname", ""));
    out.rank = 0;
  } else if (s.kind == "CreateExtensionStmt") {
    out.defines.push_back("extension:" + t.value("extname", ""));
    out.rank = 1;
  } else if (s.kind == "CreateStmt" || s.kind == "ViewStmt" || s.kind == "CreateSeqStmt" ||
             s.kind == "CompositeTypeStmt") {
    const char* field = s.kind == "CreateStmt" ? "relation"
                        : s.kind == "ViewStmt" ? "view"
                        : s.kind == "CreateSeqStmt" ? "sequence" : "typevar";
    defining = &t[field];
    out.defines.push_back(rangevar_key(*defining));
    if (s.kind == "CreateStmt") collect_foreign_keys(t, out);
  } else if (s.kind == "CreateTableAsStmt") {
    defining = &t["into"]["rel"];
    out.defines.push_back(rangevar_key(*defining));
  } else if (s.kind == "CreateEnumStmt" || s.kind == "CreateRangeStmt") {
    out.defines.push_back("rel:" + qualify(strings(t["typeName"])));
  } else if (s.kind == "CreateDomainStmt") {
    out.defines.push_back("rel:" + qualify(strings(t["domainname"])));
  } else if (s.kind == "CreateFunctionStmt") {
    out.defines.push_back("fn:" + qualify(strings(t["funcname"])));
  } else if (s.kind == "DefineStmt") {
    auto kind = t.value("kind", "");
    auto names = qualify(strings(t["defnames"]));
    if (kind == "OBJECT_AGGREGATE") out.defines.push_back("fn:" + names);
    if (kind == "OBJECT_TYPE") out.defines.push_back("rel:" + names);
    if (kind == "OBJECT_COLLATION") out.defines.push_back("coll:" + names);
  } else if (s.kind == "IndexStmt" && t.contains("idxname")) {
    out.defines.push_back("rel:" + t["relation"].value("schemaname", "public") + "." +
                          t.value("idxname", ""));
  } else if (s.kind == "CommentStmt" || s.kind == "GrantStmt" || s.kind == "AlterOwnerStmt" ||
             s.kind == "AlterDefaultPrivilegesStmt" || s.kind == "SecLabelStmt") {
    out.rank = 3;
  }
  walk(t, out, defining, s.kind == "CreateStmt");
  // A statement does not wait for itself (a self-referencing view or function).
  auto& refs = out.references;
  refs.erase(std::remove_if(refs.begin(), refs.end(),
                            [&](const std::string& r) {
                              return std::find(out.defines.begin(), out.defines.end(), r) !=
                                     out.defines.end();
                            }),
             refs.end());
  std::sort(refs.begin(), refs.end());
  refs.erase(std::unique(refs.begin(), refs.end()), refs.end());
  // Objects in a schema need the schema.
  for (const auto& d : out.defines) {
    auto colon = d.find(':');
    auto dot = d.find('.', colon);
    if (dot != std::string::npos) refs.push_back("schema:" + d.substr(colon + 1, dot - colon - 1));
  }
  return out;
}

}  // namespace migra::sql
