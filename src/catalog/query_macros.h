#pragma once
/// Small macros shared by the catalog .sql files, expanded before a query is sent:
///
///   @schema_filter(nspname_expr)   the schema filter: $1 include list (empty: all),
///                                  $2 exclude list, system schemas always out
///   @extension_of(catalog, oid)    name of the extension owning the object, or null
///   @extension_members(catalog)    (objid, extname) of the objects of a catalog that
///                                  belong to an extension, to join once per query
///   @acl(acl_expr, kind, owner)    the ACL as a sorted JSON array of grants; a NULL ACL
///                                  is expanded with acldefault(kind, owner)
///   @qident(name)                  "name", always quoted (model keys are)
///   @qname(schema, name)           "schema"."name", always quoted
///   @user_type_key(type_oid)       "schema"."type" of a user-defined type (arrays: the
///                                  element type), null for built-in types
///   @object_key(classid, objid)    model key of a relation, function, user type or
///                                  collation, null for other catalogs and built-in objects
///   @dependency_keys(condition)    (objid, keys): per object of the pg_depend rows
///                                  matching the condition (normal dependencies only),
///                                  the sorted JSON array of the @object_key of what it
///                                  references, to join once per query
///   @comment(oid, catalog)         the object's comment, or null (like obj_description,
///                                  without a function call per row)
///   @column_comment(reloid, attnum) a column's comment, or null (like col_description)
///   @since(version_num, sql, older) sql on servers of that server_version_num or newer
///                                  (e.g. a catalog column added then), older otherwise
///   @printing{sql} @deferring{sql} sql only when the inspection prints every text, or
///                                  only when it leaves some as tokens (deferred_texts.h);
///                                  braces, so that the sql may hold top-level commas
///                                  (matched without regard to quotes: no braces in it)
///
/// The expander is deliberately simple: it also expands macros inside SQL comments and
/// string literals, and splits arguments at commas without regard to quotes. Keep macro
/// names out of comments and quoted commas out of macro arguments.
#include <string>

namespace migra::catalog {

/// The server_version_num that queries are expanded for when no server is named.
inline constexpr int kNewestServerVersion = 150000;

/// Whether an inspection prints every text or leaves those worth deferring as tokens.
enum class TextMode { printing, deferring };

/// Expands the macros above for a server of that version; throws migra::Error on an
/// unknown or malformed macro.
std::string expand_query_macros(const std::string& sql,
                                int server_version_num = kNewestServerVersion,
                                TextMode mode = TextMode::printing);

}  // namespace migra::catalog
