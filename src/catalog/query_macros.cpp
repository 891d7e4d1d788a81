#include "catalog/query_macros.h"

#include <cctype>
#include <exception>
#include <vector>

#include "util/error.h"

namespace migra::catalog {
namespace {

std::string trim(const std::string& s) {
  size_t b = s.find_first_not_of(" \t\n");
  size_t e = s.find_last_not_of(" \t\n");
  return b == std::string::npos ? std::string() : s.substr(b, e - b + 1);
}

// Splits "a, f(b, c), d" at top-level commas.
std::vector<std::string> split_args(const std::string& args) {
  std::vector<std::string> out;
  int depth = 0;
  std::string cur;
  for (char c : args) {
    if (c == '(') ++depth;
    if (c == ')') --depth;
    if (c == ',' && depth == 0) {
      out.push_back(trim(cur));
      cur.clear();
    } else {
      cur += c;
    }
  }
  out.push_back(trim(cur));
  return out;
}

// The position of the bracket closing the one at `open` ('(' or '{').
size_t closing(const std::string& sql, size_t open) {
  const char opener = sql[open];
  const char closer = opener == '(' ? ')' : '}';
  int depth = 0;
  for (size_t j = open; j < sql.size(); ++j) {
    if (sql[j] == opener) ++depth;
    if (sql[j] == closer && --depth == 0) return j;
  }
  throw Error(std::string("internal error: unbalanced catalog macro in query (no '") + closer +
              "')");
}

std::string expand_one(const std::string& name, const std::vector<std::string>& a,
                       int server_version_num) {
  auto need = [&](size_t n) {
    if (a.size() != n) {
      throw Error("internal error: catalog macro @" + name + " takes " + std::to_string(n) +
                  " arguments");
    }
  };
  if (name == "since") {
    need(3);
    size_t used = 0;
    int version = 0;
    try {
      version = std::stoi(a[0], &used);
    } catch (const std::exception&) {
      used = 0;
    }
    if (used == 0 || used != a[0].size()) {
      throw Error("internal error: @since needs a server_version_num, got '" + a[0] + "'");
    }
    return server_version_num >= version ? a[1] : a[2];
  }
  if (name == "schema_filter") {
    need(1);
    const auto& n = a[0];
    return "(" + n + " not in ('pg_catalog', 'information_schema') and " + n +
           " !~ '^pg_(toast|temp_)' and (cardinality($1::text[]) = 0 or " + n +
           " = any($1::text[])) and " + n + " <> all($2::text[]))";
  }
  if (name == "extension_of") {
    need(2);
    // Aliases no outer query uses: an outer "d" or "e" must not be shadowed.
    return "(select exte.extname from pg_catalog.pg_depend extd join pg_catalog.pg_extension exte "
           "on exte.oid = extd.refobjid where extd.classid = '" + a[0] +
           "'::pg_catalog.regclass and extd.objid = " + a[1] +
           " and extd.refclassid = 'pg_catalog.pg_extension'::pg_catalog.regclass and "
           "extd.deptype = 'e' limit 1)";
  }
  if (name == "extension_members") {
    need(1);
    // Joined once for all objects of a kind: few objects belong to extensions.
    return "(select d.objid, e.extname from pg_catalog.pg_depend d join pg_catalog.pg_extension e "
           "on e.oid = d.refobjid where d.classid = 'pg_catalog." + a[0] +
           "'::pg_catalog.regclass and d.refclassid = "
           "'pg_catalog.pg_extension'::pg_catalog.regclass and d.deptype = 'e')";
  }
  if (name == "dependency_keys") {
    need(1);
    // Joined once for all objects of a kind: few objects reference anything.
    return "(select d.objid, json_agg(distinct d.key order by d.key) filter (where d.key is "
           "not null) as keys from (select d.objid, @object_key(d.refclassid, d.refobjid) "
           "collate \"C\" as key from pg_catalog.pg_depend d where d.deptype = 'n' and (" +
           a[0] + ") offset 0) d group by d.objid)";
  }
  if (name == "acl") {
    need(3);
    return "(select coalesce(json_agg(json_build_object('grantee', g.grantee, 'privilege', "
           "g.privilege, 'grantable', g.grantable) order by g.grantee collate \"C\", "
           "g.privilege collate \"C\", g.grantable), "
           "'[]'::json) from (select case when x.grantee = 0 then 'PUBLIC' else "
           "pg_catalog.pg_get_userbyid(x.grantee) end as grantee, x.privilege_type as privilege, "
           "x.is_grantable as grantable from pg_catalog.aclexplode(coalesce(" + a[0] +
           ", pg_catalog.acldefault(" + a[1] + ", " + a[2] + "))) x) g)";
  }
  if (name == "qident") {
    need(1);
    return "('\"' || pg_catalog.replace(" + a[0] + ", '\"', '\"\"') || '\"')";
  }
  if (name == "qname") {
    need(2);
    return "('\"' || pg_catalog.replace(" + a[0] + ", '\"', '\"\"') || '\".\"' || "
           "pg_catalog.replace(" + a[1] + ", '\"', '\"\"') || '\"')";
  }
  if (name == "user_type_key") {
    need(1);
    // Arrays count as their element type; built-in types have no key.
    return "(select @qname(ukn.nspname, ukt.typname) from pg_catalog.pg_type ukt0 "
           "join pg_catalog.pg_type ukt on ukt.oid = case when ukt0.typcategory = 'A' and "
           "ukt0.typelem <> 0 then ukt0.typelem else ukt0.oid end "
           "join pg_catalog.pg_namespace ukn on ukn.oid = ukt.typnamespace "
           "where ukt0.oid = (" + a[0] + ") and ukn.nspname not in ('pg_catalog', "
           "'information_schema'))";
  }
  if (name == "object_key") {
    need(2);
    return "(case (" + a[0] + ") when 'pg_catalog.pg_class'::pg_catalog.regclass then "
           "(select @qname(okn.nspname, okc.relname) from pg_catalog.pg_class okc "
           "join pg_catalog.pg_namespace okn on okn.oid = okc.relnamespace where okc.oid = (" +
           a[1] + ") and okn.nspname not in ('pg_catalog', 'information_schema')) "
           "when 'pg_catalog.pg_proc'::pg_catalog.regclass then "
           "(select @qname(okn.nspname, okp.proname) || '(' || "
           "pg_catalog.pg_get_function_identity_arguments(okp.oid) || ')' "
           "from pg_catalog.pg_proc okp join pg_catalog.pg_namespace okn on "
           "okn.oid = okp.pronamespace where okp.oid = (" + a[1] + ") and okn.nspname not in "
           "('pg_catalog', 'information_schema')) "
           "when 'pg_catalog.pg_type'::pg_catalog.regclass then @user_type_key(" + a[1] + ") "
           "when 'pg_catalog.pg_collation'::pg_catalog.regclass then "
           "(select @qname(okn.nspname, okl.collname) from pg_catalog.pg_collation okl "
           "join pg_catalog.pg_namespace okn on okn.oid = okl.collnamespace where okl.oid = (" +
           a[1] + ") and okn.nspname not in ('pg_catalog', 'information_schema')) end)";
  }
  if (name == "comment") {
    need(2);
    // obj_description() would run a SQL function per row, looking the catalog up by name.
    return "(select cmd.description from pg_catalog.pg_description cmd where cmd.objoid = (" +
           a[0] + ") and cmd.classoid = 'pg_catalog." + a[1] +
           "'::pg_catalog.regclass and cmd.objsubid = 0)";
  }
  if (name == "column_comment") {
    need(2);
    return "(select ccd.description from pg_catalog.pg_description ccd where ccd.objoid = (" +
           a[0] + ") and ccd.classoid = 'pg_catalog.pg_class'::pg_catalog.regclass and "
           "ccd.objsubid = (" + a[1] + "))";
  }
  throw Error("internal error: unknown catalog macro @" + name);
}

}  // namespace

std::string expand_query_macros(const std::string& sql, int server_version_num, TextMode mode) {
  std::string out;
  out.reserve(sql.size() * 2);
  size_t i = 0;
  while (i < sql.size()) {
    char c = sql[i];
    if (c != '@' || i + 1 >= sql.size() || !std::isalpha(static_cast<unsigned char>(sql[i + 1]))) {
      out += c;
      ++i;
      continue;
    }
    size_t name_end = i + 1;
    while (name_end < sql.size() &&
           (std::isalnum(static_cast<unsigned char>(sql[name_end])) || sql[name_end] == '_')) {
      ++name_end;
    }
    if (name_end < sql.size() && sql[name_end] == '{') {
      // A block kept in one text mode only.
      size_t j = closing(sql, name_end);
      std::string name = sql.substr(i + 1, name_end - i - 1);
      if (name != "printing" && name != "deferring") {
        throw Error("internal error: unknown catalog macro block @" + name);
      }
      if ((name == "printing") == (mode == TextMode::printing)) {
        out += expand_query_macros(sql.substr(name_end + 1, j - name_end - 1),
                                   server_version_num, mode);
      }
      i = j + 1;
      continue;
    }
    if (name_end >= sql.size() || sql[name_end] != '(') {
      out += c;
      ++i;
      continue;
    }
    size_t j = closing(sql, name_end);
    std::string name = sql.substr(i + 1, name_end - i - 1);
    std::string args = sql.substr(name_end + 1, j - name_end - 1);
    out += expand_query_macros(
        expand_one(name, split_args(expand_query_macros(args, server_version_num, mode)),
                   server_version_num),
        server_version_num, mode);
    i = j + 1;
  }
  return out;
}

}  // namespace migra::catalog
