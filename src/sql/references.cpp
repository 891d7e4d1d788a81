#include "sql/references.h"

#include <algorithm>

namespace migra::sql {
namespace {

// A list of String nodes, as far as names need it: the first and the last two.
struct NameList {
  std::string_view first;
  std::string_view schema;  // the next to last
  std::string_view name;    // the last
  size_t count = 0;
};

NameList name_list(TreeNode list) {
  NameList out;
  for (TreeNode item : tree_items(list)) {
    auto string = tree_field(item, "String");
    if (!string) continue;
    auto value = tree_string(*string, "sval");
    if (out.count++ == 0) out.first = value;
    out.schema = out.name;
    out.name = value;
  }
  return out;
}

// "prefix" + "schema.name" of a name list; unqualified names are in public.
std::string qualified(std::string_view prefix, const NameList& names) {
  std::string out(prefix);
  if (names.count == 0) return out;
  out += names.count == 1 ? std::string_view("public") : names.schema;
  out += '.';
  out += names.name;
  return out;
}

bool builtin(const NameList& names) {
  return names.count > 1 && (names.first == "pg_catalog" || names.first == "information_schema");
}

// A reference to a named object unless it is built in.
void add_reference(std::string_view prefix, TreeNode list, StatementNames& out) {
  auto names = name_list(list);
  if (!builtin(names)) out.references.push_back(qualified(prefix, names));
}

std::string rangevar_key(std::string_view schema, std::string_view relname) {
  std::string out = "rel:";
  out += schema;
  out += '.';
  out += relname;
  return out;
}

std::string rangevar_key(TreeNode rv) {
  return rangevar_key(tree_string(rv, "schemaname", "public"), tree_string(rv, "relname"));
}

bool is_foreign_key(TreeNode constraint) {
  return tree_string(constraint, "contype") == "CONSTR_FOREIGN";
}

bool is_container(TreeNode node) {
  auto type = node.type();
  return type == simdjson::dom::element_type::OBJECT || type == simdjson::dom::element_type::ARRAY;
}

// The references an object node makes itself (not its children's), read in one pass over
// its fields; its container fields are pushed onto `pending`.
void visit_object(simdjson::dom::object object, StatementNames& out, bool skip_fks,
                  std::vector<TreeNode>& pending) {
  // The fields that mark a node as naming something.
  std::optional<std::string_view> relname;  // RangeVar
  std::string_view schemaname = "public";
  std::optional<TreeNode> names, funcname, objname, collname;
  bool typemod = false, objargs = false;
  for (auto field : object) {
    std::string_view key = field.key;
    TreeNode value = field.value;
    if (key == "relname") {
      std::string_view s;
      if (value.get(s) == simdjson::SUCCESS) relname = s;
    } else if (key == "schemaname") {
      std::string_view s;
      if (value.get(s) == simdjson::SUCCESS) schemaname = s;
    } else if (key == "names") {  // TypeName, with typemod
      names = value;
    } else if (key == "typemod") {
      typemod = true;
    } else if (key == "funcname") {  // FuncCall, CreateTrigStmt
      funcname = value;
    } else if (key == "objname") {  // ObjectWithArgs, with objargs
      objname = value;
    } else if (key == "objargs") {
      objargs = true;
    } else if (key == "collname") {  // CollateClause
      collname = value;
    } else if (skip_fks && key == "Constraint" && is_foreign_key(value)) {
      continue;
    }
    if (is_container(value)) pending.push_back(value);
  }
  if (relname) out.references.push_back(rangevar_key(schemaname, *relname));
  if (names && typemod) add_reference("rel:", *names, out);
  if (funcname) add_reference("fn:", *funcname, out);
  if (objname && objargs) add_reference("fn:", *objname, out);
  if (collname) add_reference("coll:", *collname, out);
}

// Walks a tree collecting relation, type, function and collation references (in no
// particular order). Foreign keys inside CREATE TABLE are skipped (`skip_fks`): they are
// soft references. A stack rather than recursion: a+b+c+... nests as deep as it is long.
void walk(TreeNode root, StatementNames& out, bool skip_fks) {
  thread_local std::vector<TreeNode> pending;
  pending.clear();
  pending.push_back(root);
  while (!pending.empty()) {
    TreeNode node = pending.back();
    pending.pop_back();
    simdjson::dom::object object;
    simdjson::dom::array items;
    if (node.get(object) == simdjson::SUCCESS) {
      visit_object(object, out, skip_fks, pending);
    } else if (node.get(items) == simdjson::SUCCESS) {
      for (TreeNode item : items) {
        if (is_container(item)) pending.push_back(item);
      }
    }
  }
}

void collect_foreign_keys(TreeNode create, StatementNames& out) {
  for (TreeNode elt : tree_array(create, "tableElts")) {
    if (auto c = tree_field(elt, "Constraint")) {
      if (is_foreign_key(*c)) {
        out.foreign_keys.push_back({rangevar_key(tree_required(*c, "pktable")), *c, std::nullopt});
      }
    } else if (auto col = tree_field(elt, "ColumnDef")) {
      for (TreeNode cons : tree_array(*col, "constraints")) {
        auto c = tree_field(cons, "Constraint");
        if (c && is_foreign_key(*c)) {
          out.foreign_keys.push_back({rangevar_key(tree_required(*c, "pktable")), *c, col});
        }
      }
    }
  }
}

}  // namespace

StatementNames statement_names(const ModelStatement& s) {
  StatementNames out;
  TreeNode t = s.tree;
  if (s.kind == "CreateSchemaStmt") {
    out.defines.push_back("schema:" + std::string(tree_string(t, "schemaname")));
    out.rank = 0;
  } else if (s.kind == "CreateExtensionStmt") {
    out.defines.push_back("extension:" + std::string(tree_string(t, "extname")));
    out.rank = 1;
  } else if (s.kind == "CreateStmt" || s.kind == "ViewStmt" || s.kind == "CreateSeqStmt" ||
             s.kind == "CompositeTypeStmt") {
    const char* field = s.kind == "CreateStmt" ? "relation"
                        : s.kind == "ViewStmt" ? "view"
                        : s.kind == "CreateSeqStmt" ? "sequence" : "typevar";
    out.defines.push_back(rangevar_key(tree_required(t, field)));
    if (s.kind == "CreateStmt") collect_foreign_keys(t, out);
  } else if (s.kind == "CreateTableAsStmt") {
    out.defines.push_back(rangevar_key(tree_required(tree_required(t, "into"), "rel")));
  } else if (s.kind == "CreateEnumStmt" || s.kind == "CreateRangeStmt") {
    out.defines.push_back(qualified("rel:", name_list(tree_required(t, "typeName"))));
  } else if (s.kind == "CreateDomainStmt") {
    out.defines.push_back(qualified("rel:", name_list(tree_required(t, "domainname"))));
  } else if (s.kind == "CreateFunctionStmt") {
    out.defines.push_back(qualified("fn:", name_list(tree_required(t, "funcname"))));
  } else if (s.kind == "DefineStmt") {
    auto kind = tree_string(t, "kind");
    auto names = name_list(tree_required(t, "defnames"));
    if (kind == "OBJECT_AGGREGATE") out.defines.push_back(qualified("fn:", names));
    if (kind == "OBJECT_TYPE") out.defines.push_back(qualified("rel:", names));
    if (kind == "OBJECT_COLLATION") out.defines.push_back(qualified("coll:", names));
  } else if (s.kind == "IndexStmt" && tree_field(t, "idxname")) {
    auto schema = tree_string(tree_required(t, "relation"), "schemaname", "public");
    out.defines.push_back(rangevar_key(schema, tree_string(t, "idxname")));
  } else if (s.kind == "CommentStmt" || s.kind == "GrantStmt" || s.kind == "AlterOwnerStmt" ||
             s.kind == "AlterDefaultPrivilegesStmt" || s.kind == "SecLabelStmt") {
    out.rank = 3;
  }
  // The defined relation's own RangeVar is walked too: the reference it adds is dropped
  // below with every other self-reference.
  walk(t, out, s.kind == "CreateStmt");
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
