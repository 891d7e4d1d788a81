// Hazards of the type-like kinds (enums, domains, composite and range types, collations,
// schemas, extensions), read from the plan's data: which statements are destructive,
// which rewrite tables, and the order that keeps a migration applicable.
#include <gtest/gtest.h>

#include <algorithm>

#include "diff/diff.h"

namespace migra::diff {
namespace {

model::Schema schema(const std::string& name) {
  model::Schema s;
  s.name = name;
  s.owner = "o";
  return s;
}

model::Model base() {
  model::Model m;
  m.schemas.push_back(schema("public"));
  return m;
}

model::EnumType enum_type(const std::string& name, std::vector<std::string> labels) {
  model::EnumType e;
  e.schema = "public";
  e.name = name;
  e.labels = std::move(labels);
  e.owner = "o";
  return e;
}

model::Column column(const std::string& name, const std::string& type,
                     std::optional<std::string> type_key = std::nullopt,
                     std::optional<std::string> default_ = std::nullopt) {
  model::Column c;
  c.name = name;
  c.type = type;
  c.type_key = std::move(type_key);
  c.default_ = std::move(default_);
  return c;
}

model::Table table(const std::string& name, std::vector<model::Column> columns) {
  model::Table t;
  t.schema = "public";
  t.name = name;
  t.owner = "o";
  t.columns = std::move(columns);
  return t;
}

std::vector<std::string> sqls(const plan::Plan& p) {
  std::vector<std::string> out;
  for (const auto& s : p.statements) out.push_back(s.sql);
  return out;
}

// Index of the first statement whose SQL starts with the prefix; fails when none does.
size_t position(const plan::Plan& p, const std::string& prefix) {
  for (size_t i = 0; i < p.statements.size(); ++i) {
    if (p.statements[i].sql.starts_with(prefix)) return i;
  }
  ADD_FAILURE() << "no statement starts with: " << prefix;
  return p.statements.size();
}

const plan::Statement& find(const plan::Plan& p, const std::string& prefix) {
  return p.statements.at(position(p, prefix));
}

TEST(DiffEnums, AddedLabelsAlterInPlaceWithoutTouchingTables) {
  auto a = base(), b = base();
  a.enums = {enum_type("e", {"b", "d"})};
  b.enums = {enum_type("e", {"a", "b", "c", "d", "z"})};
  a.tables = b.tables = {table("t", {column("c", "e", "\"public\".\"e\"")})};
  auto p = diff(a, b, {});
  EXPECT_EQ(sqls(p), (std::vector<std::string>{
                         "alter type \"public\".\"e\" add value 'a' before 'b';",
                         "alter type \"public\".\"e\" add value 'c' after 'b';",
                         "alter type \"public\".\"e\" add value 'z';",
                     }));
  EXPECT_FALSE(p.destructive());
  for (const auto& s : p.statements) EXPECT_FALSE(s.rewrites_table) << s.sql;
}

TEST(DiffEnums, RemovedLabelRecreatesTypeAndConvertsColumnsInOrder) {
  auto a = base(), b = base();
  a.enums = {enum_type("e", {"x", "y", "gone"})};
  b.enums = {enum_type("e", {"x", "y"})};
  a.tables = b.tables = {
      table("t", {column("c", "e", "\"public\".\"e\"", "'x'::e"), column("cs", "e[]", "\"public\".\"e\"")})};
  auto p = diff(a, b, {});
  size_t rename = position(p, "alter type \"public\".\"e\" rename to \"e__old_version_to_be_dropped\";");
  size_t create = position(p, "create type \"public\".\"e\" as enum ('x', 'y');");
  size_t drop_default = position(p, "alter table \"public\".\"t\" alter column \"c\" drop default;");
  size_t convert = position(p, "alter table \"public\".\"t\" alter column \"c\" set data type e using \"c\"::text::e;");
  size_t convert_array =
      position(p, "alter table \"public\".\"t\" alter column \"cs\" set data type e[] using \"cs\"::text::e[];");
  size_t set_default = position(p, "alter table \"public\".\"t\" alter column \"c\" set default 'x'::e;");
  size_t drop_old = position(p, "drop type \"public\".\"e__old_version_to_be_dropped\";");
  EXPECT_LT(rename, create);
  EXPECT_LT(create, convert);
  EXPECT_LT(drop_default, convert);
  EXPECT_LT(convert, set_default);
  EXPECT_LT(convert, drop_old);
  EXPECT_LT(convert_array, drop_old);
  EXPECT_TRUE(p.statements[convert].rewrites_table);
  EXPECT_TRUE(p.statements[drop_old].destructive);
  EXPECT_TRUE(p.destructive());
}

// PostgreSQL won't retype a column a generation expression reads.
TEST(DiffEnums, GeneratedColumnsGoAroundTheConversion) {
  auto a = base(), b = base();
  a.enums = {enum_type("e", {"x", "y", "gone"})};
  b.enums = {enum_type("e", {"x", "y"})};
  auto g = column("g", "boolean");
  g.generated = "(s = 'x'::e)";
  a.tables = b.tables = {table("t", {g, column("s", "e", "\"public\".\"e\"")})};
  auto p = diff(a, b, {});
  size_t drop = position(p, "alter table \"public\".\"t\" drop column \"g\";");
  size_t convert = position(p, "alter table \"public\".\"t\" alter column \"s\" set data type e");
  size_t add = position(p, "alter table \"public\".\"t\" add column \"g\" boolean generated always as ((s = 'x'::e)) stored;");
  EXPECT_LT(drop, convert);
  EXPECT_LT(convert, add);
}

TEST(DiffEnums, ReorderedLabelsRecreateTheType) {
  auto a = base(), b = base();
  a.enums = {enum_type("e", {"b", "a"})};
  b.enums = {enum_type("e", {"a", "b"})};
  auto p = diff(a, b, {});
  EXPECT_EQ(sqls(p), (std::vector<std::string>{
                         "alter type \"public\".\"e\" rename to \"e__old_version_to_be_dropped\";",
                         "create type \"public\".\"e\" as enum ('a', 'b');",
                         "drop type \"public\".\"e__old_version_to_be_dropped\";",
                     }));
}

// ALTER TYPE ... ADD VALUE in a transaction: the label can't be used before commit.
TEST(DiffEnums, NewLabelUsedInTheSameMigrationRecreatesTheType) {
  auto a = base(), b = base();
  a.enums = {enum_type("e", {"x"})};
  b.enums = {enum_type("e", {"x", "new"})};
  a.tables = {table("t", {column("c", "e[]", "\"public\".\"e\"")})};
  b.tables = {table("t", {column("c", "e[]", "\"public\".\"e\"", "'{x,new}'::e[]")})};
  auto p = diff(a, b, {});
  position(p, "alter type \"public\".\"e\" rename to");
  for (const auto& s : p.statements) EXPECT_EQ(s.sql.find("add value"), std::string::npos) << s.sql;
}

TEST(DiffEnums, NewLabelOnlyInAnUnrelatedLiteralStaysInPlace) {
  auto a = base(), b = base();
  a.enums = {enum_type("e", {"x"})};
  b.enums = {enum_type("e", {"x", "new"})};
  a.tables = {table("t", {column("c", "text")})};
  b.tables = {table("t", {column("c", "text", std::nullopt, "'new'::text")})};
  auto p = diff(a, b, {});
  position(p, "alter type \"public\".\"e\" add value 'new';");
}

TEST(DiffEnums, LabelsAreEscapedLiterals) {
  auto a = base(), b = base();
  a.enums = {enum_type("e", {"it's"})};
  b.enums = {enum_type("e", {"it's", "a\\b"})};
  auto p = diff(a, b, {});
  EXPECT_EQ(sqls(p), (std::vector<std::string>{"alter type \"public\".\"e\" add value E'a\\\\b';"}));
}

TEST(DiffEnums, ExtensionOwnedTypesAreNeverDroppedOrRecreated) {
  auto a = base(), b = base();
  auto owned = enum_type("e", {"x", "y"});
  owned.extension = "ext";
  a.enums = {owned};
  owned.labels = {"y"};
  b.enums = {owned};
  EXPECT_TRUE(diff(a, b, {}).empty());
  EXPECT_TRUE(diff(a, base(), {}).empty());
}

model::Function function(const std::string& name, const std::string& args,
                         std::vector<std::string> depends_on) {
  model::Function f;
  f.schema = "public";
  f.name = name;
  f.kind = "function";
  f.identity_arguments = f.arguments = args;
  f.result = "r";
  f.language = "internal";
  f.definition = "CREATE OR REPLACE FUNCTION public." + name + "(" + args + ") ...";
  f.depends_on = std::move(depends_on);
  f.owner = "o";
  return f;
}

model::DomainConstraint check(const std::string& name, const std::string& definition,
                             bool validated = true) {
  model::DomainConstraint c;
  c.name = name;
  c.definition = definition;
  c.validated = validated;
  return c;
}

model::Domain domain(const std::string& name, const std::string& base_type) {
  model::Domain d;
  d.schema = "public";
  d.name = name;
  d.base_type = base_type;
  d.owner = "o";
  return d;
}

TEST(DiffDomains, NewDomainCarriesValidatedChecksAndAddsNotValidOnes) {
  auto b = base();
  b.domains = {domain("d", "integer")};
  b.domains[0].constraints = {check("a", "CHECK ((VALUE > 0))"),
                              check("b", "CHECK ((VALUE < 9)) NOT VALID", false)};
  auto p = diff(base(), b, {});
  EXPECT_EQ(sqls(p), (std::vector<std::string>{
                         "create domain \"public\".\"d\" as integer constraint \"a\" CHECK ((VALUE > 0));",
                         "alter domain \"public\".\"d\" add constraint \"b\" CHECK ((VALUE < 9)) not valid;",
                     }));
}

// A check calling a function that is dropped and created again goes first and comes back
// after it, without recreating the domain.
TEST(DiffDomains, CheckFollowsItsRecreatedFunction) {
  auto a = base(), b = base();
  auto f = function("ok", "integer", {});
  f.result = "boolean";
  auto g = f;
  g.result = "integer";
  g.definition += " changed";
  a.functions = {f};
  b.functions = {g};
  a.domains = b.domains = {domain("d", "integer")};
  a.domains[0].constraints = b.domains[0].constraints = {check("c", "CHECK (ok(VALUE))")};
  a.domains[0].constraints[0].depends_on = b.domains[0].constraints[0].depends_on = {
      "\"public\".\"ok\"(integer)"};
  auto p = diff(a, b, {});
  size_t drop_check = position(p, "alter domain \"public\".\"d\" drop constraint \"c\";");
  size_t drop_fn = position(p, "drop function if exists \"public\".\"ok\"(integer);");
  size_t create_fn = position(p, "CREATE OR REPLACE FUNCTION public.ok(integer)");
  size_t add_check = position(p, "alter domain \"public\".\"d\" add constraint \"c\" CHECK (ok(VALUE));");
  EXPECT_LT(drop_check, drop_fn);
  EXPECT_LT(drop_fn, create_fn);
  EXPECT_LT(create_fn, add_check);
  for (const auto& s : p.statements) EXPECT_EQ(s.sql.find("rename"), std::string::npos) << s.sql;
}

TEST(DiffDomains, ConstraintsChangeInPlace) {
  auto a = base(), b = base();
  a.domains = {domain("d", "integer")};
  a.domains[0].constraints = {check("gone", "CHECK ((VALUE > 0))")};
  b.domains = {domain("d", "integer")};
  b.domains[0].constraints = {check("new", "CHECK ((VALUE < 9))", false)};
  auto p = diff(a, b, {});
  EXPECT_EQ(sqls(p), (std::vector<std::string>{
                         "alter domain \"public\".\"d\" drop constraint \"gone\";",
                         "alter domain \"public\".\"d\" add constraint \"new\" CHECK ((VALUE < 9)) not valid;",
                     }));
  EXPECT_TRUE(p.statements[0].destructive);
  EXPECT_FALSE(p.statements[1].destructive);
}

TEST(DiffDomains, ValidatingAConstraintIsNotDestructive) {
  auto a = base(), b = base();
  a.domains = b.domains = {domain("d", "integer")};
  a.domains[0].constraints = {check("c", "CHECK ((VALUE > 0)) NOT VALID", false)};
  b.domains[0].constraints = {check("c", "CHECK ((VALUE > 0))")};
  auto p = diff(a, b, {});
  EXPECT_EQ(sqls(p), (std::vector<std::string>{"alter domain \"public\".\"d\" validate constraint \"c\";"}));
  EXPECT_FALSE(p.destructive());
}

TEST(DiffDomains, NewBaseTypeRecreatesTheDomainAroundItsColumns) {
  auto a = base(), b = base();
  a.domains = {domain("d", "integer")};
  b.domains = {domain("d", "bigint")};
  a.tables = b.tables = {table("t", {column("c", "d", "\"public\".\"d\"")})};
  auto p = diff(a, b, {});
  size_t rename = position(p, "alter domain \"public\".\"d\" rename to \"d__old_version_to_be_dropped\";");
  size_t create = position(p, "create domain \"public\".\"d\" as bigint;");
  size_t convert = position(p, "alter table \"public\".\"t\" alter column \"c\" set data type d using \"c\"::text::d;");
  size_t drop_old = position(p, "drop domain \"public\".\"d__old_version_to_be_dropped\";");
  EXPECT_LT(rename, create);
  EXPECT_LT(create, convert);
  EXPECT_LT(convert, drop_old);
}

// A domain over a recreated enum is recreated too; its old version goes before the enum's.
TEST(DiffDomains, OldVersionsDropInDependencyOrder) {
  auto a = base(), b = base();
  a.enums = {enum_type("e", {"x", "y"})};
  b.enums = {enum_type("e", {"y", "x"})};
  auto d = domain("d", "e");
  d.base_type_key = "\"public\".\"e\"";
  a.domains = b.domains = {d};
  auto p = diff(a, b, {});
  EXPECT_LT(position(p, "drop domain \"public\".\"d__old_version_to_be_dropped\";"),
            position(p, "drop type \"public\".\"e__old_version_to_be_dropped\";"));
  EXPECT_LT(position(p, "create type \"public\".\"e\""), position(p, "create domain \"public\".\"d\""));
}

model::CompositeType composite(const std::string& name,
                               std::vector<std::pair<std::string, std::string>> attributes) {
  model::CompositeType t;
  t.schema = "public";
  t.name = name;
  t.owner = "o";
  for (auto& [n, type] : attributes) {
    model::CompositeAttribute at;
    at.name = n;
    at.type = type;
    t.attributes.push_back(at);
  }
  return t;
}

TEST(DiffCompositeTypes, AttributesOfAnUnusedTypeChangeInPlace) {
  auto a = base(), b = base();
  a.composite_types = {composite("c", {{"x", "integer"}, {"gone", "text"}})};
  b.composite_types = {composite("c", {{"x", "bigint"}, {"added", "text"}})};
  auto p = diff(a, b, {});
  EXPECT_EQ(sqls(p), (std::vector<std::string>{
                         "alter type \"public\".\"c\" drop attribute \"gone\";",
                         "alter type \"public\".\"c\" alter attribute \"x\" set data type bigint;",
                         "alter type \"public\".\"c\" add attribute \"added\" text;",
                     }));
  EXPECT_TRUE(p.statements[0].destructive);
  EXPECT_FALSE(p.statements[2].destructive);
}

// PostgreSQL can't retype an attribute of a type a column stores: the type is recreated and
// the column rebuilt by attribute name.
TEST(DiffCompositeTypes, RetypedAttributeOfAStoredTypeRebuildsColumnsByName) {
  auto a = base(), b = base();
  a.composite_types = {composite("c", {{"x", "integer"}, {"y", "text"}})};
  b.composite_types = {composite("c", {{"y", "text"}, {"x", "bigint"}})};
  a.tables = b.tables = {table("t", {column("v", "c", "\"public\".\"c\"")})};
  auto p = diff(a, b, {});
  const auto& convert = find(p, "alter table \"public\".\"t\" alter column \"v\"");
  EXPECT_EQ(convert.sql,
            "alter table \"public\".\"t\" alter column \"v\" set data type c using case when (\"v\") is "
            "not distinct from null then null else row((\"v\").\"y\"::text, (\"v\").\"x\"::bigint)::c "
            "end;");
  EXPECT_LT(position(p, "create type \"public\".\"c\""), position(p, "alter table"));
  EXPECT_LT(position(p, "alter table"), position(p, "drop type \"public\".\"c__old_version_to_be_dropped\";"));
}

// Arrays go through a temporary function that converts element by element, by name.
TEST(DiffCompositeTypes, ArraysOfAReorderedTypeConvertThroughATemporaryFunction) {
  auto a = base(), b = base();
  a.composite_types = {composite("c", {{"x", "text"}, {"y", "text"}})};
  b.composite_types = {composite("c", {{"y", "text"}, {"x", "text"}})};
  a.tables = b.tables = {table("t", {column("vs", "c[]", "\"public\".\"c\"")})};
  auto p = diff(a, b, {});
  size_t create = position(p, "create function pg_temp.\"migra_array_conversion\"(\"public\".\"c__old_version_to_be_dropped\"[]) "
                              "returns \"public\".\"c\"[] language sql immutable strict as $$ select array(select case "
                              "when ($1[s.i]) is not distinct from null then null else row(($1[s.i]).\"y\"::text, "
                              "($1[s.i]).\"x\"::text)::\"public\".\"c\" end from pg_catalog.generate_subscripts($1, 1) "
                              "as s(i)) $$;");
  size_t convert = position(p, "alter table \"public\".\"t\" alter column \"vs\" set data type c[] using "
                               "pg_temp.\"migra_array_conversion\"(\"vs\");");
  size_t drop = position(p, "drop function pg_temp.\"migra_array_conversion\"(\"public\".\"c__old_version_to_be_dropped\"[]);");
  size_t drop_old = position(p, "drop type \"public\".\"c__old_version_to_be_dropped\";");
  EXPECT_LT(position(p, "create type \"public\".\"c\""), create);
  EXPECT_LT(create, convert);
  EXPECT_LT(convert, drop);
  EXPECT_LT(drop, drop_old);
}

model::RangeType range(const std::string& name, const std::string& subtype) {
  model::RangeType r;
  r.schema = "public";
  r.name = name;
  r.subtype = subtype;
  r.multirange = "\"public\".\"" + name + "_multi\"";
  r.owner = "o";
  return r;
}


TEST(DiffRangeTypes, CanonicalFunctionIsMadeBetweenShellAndRange) {
  auto b = base();
  b.range_types = {range("r", "integer")};
  b.range_types[0].canonical = "\"public\".\"canon\"(r)";
  b.functions = {function("canon", "r", {"\"public\".\"r\""})};
  auto p = diff(base(), b, {});
  size_t shell = position(p, "create type \"public\".\"r\";");
  size_t fn = position(p, "CREATE OR REPLACE FUNCTION public.canon(r)");
  size_t full = position(p, "create type \"public\".\"r\" as range (subtype = integer, canonical = \"public\".\"canon\"");
  EXPECT_LT(shell, fn);
  EXPECT_LT(fn, full);
  // And away again: only CASCADE drops a range with its canonical function.
  auto back = diff(b, base(), {});
  EXPECT_EQ(find(back, "drop type \"public\".\"r\"").sql, "drop type \"public\".\"r\" cascade;");
  EXPECT_TRUE(back.destructive());
}

TEST(DiffRangeTypes, RecreationMovesMultirangeAndConstructorsAside) {
  auto a = base(), b = base();
  a.range_types = {range("r", "integer")};
  b.range_types = {range("r", "bigint")};
  a.tables = b.tables = {table("t", {column("m", "r_multi", "\"public\".\"r_multi\"")})};
  auto p = diff(a, b, {});
  size_t rename = position(p, "alter type \"public\".\"r\" rename to \"r__old_version_to_be_dropped\";");
  size_t multi = position(p, "alter type \"public\".\"r_multi\" rename to \"r_multi__old_version_to_be_dropped\";");
  size_t ctor = position(p, "alter function \"public\".\"r\"(integer, integer) rename to");
  size_t multi_ctor = position(
      p, "alter function \"public\".\"r_multi\"(variadic \"public\".\"r__old_version_to_be_dropped\"[]) rename");
  size_t create = position(p, "create type \"public\".\"r\" as range (subtype = bigint");
  size_t convert = position(p, "alter table \"public\".\"t\" alter column \"m\" set data type r_multi");
  size_t drop_old = position(p, "drop type \"public\".\"r__old_version_to_be_dropped\";");
  EXPECT_LT(rename, multi);
  EXPECT_LT(rename, multi_ctor);
  EXPECT_LT(multi, create);
  EXPECT_LT(ctor, create);
  EXPECT_LT(multi_ctor, create);
  EXPECT_LT(create, convert);
  EXPECT_LT(convert, drop_old);
}

model::Collation collation(const std::string& name, const std::string& locale) {
  model::Collation c;
  c.schema = "public";
  c.name = name;
  c.provider = "icu";
  c.icu_locale = locale;
  c.deterministic = false;
  c.owner = "o";
  return c;
}

TEST(DiffCollations, ChangedCollationConvertsItsColumns) {
  auto a = base(), b = base();
  a.collations = {collation("ci", "und-u-ks-level2")};
  b.collations = {collation("ci", "und-u-ks-level1")};
  auto c = column("name", "text");
  c.collation = "\"public\".\"ci\"";
  a.tables = b.tables = {table("t", {c})};
  auto p = diff(a, b, {});
  EXPECT_EQ(sqls(p), (std::vector<std::string>{
                         "alter collation \"public\".\"ci\" rename to \"ci__old_version_to_be_dropped\";",
                         "create collation \"public\".\"ci\" (provider = icu, locale = 'und-u-ks-level1', "
                         "deterministic = false);",
                         "alter table \"public\".\"t\" alter column \"name\" set data type text collate "
                         "\"public\".\"ci\" using \"name\"::text;",
                         "drop collation \"public\".\"ci__old_version_to_be_dropped\";",
                     }));
}

TEST(DiffSchemas, DroppedSchemaGoesAfterItsObjectsAndIsDestructive) {
  auto a = base();
  a.schemas.push_back(schema("old; \"s\""));
  auto e = enum_type("e", {"x"});
  e.schema = "old; \"s\"";
  a.enums = {e};
  auto p = diff(a, base(), {});
  EXPECT_EQ(sqls(p), (std::vector<std::string>{
                         "drop type \"old; \"\"s\"\"\".\"e\";",
                         "drop schema if exists \"old; \"\"s\"\"\";",
                     }));
  EXPECT_TRUE(p.statements[1].destructive);
}

model::Extension extension(const std::string& name, const std::string& version) {
  model::Extension e;
  e.name = name;
  e.schema = "public";
  e.version = version;
  return e;
}

TEST(DiffExtensions, VersionUpdatesFollowTheFlag) {
  auto a = base(), b = base();
  a.extensions = {extension("citext", "1.4")};
  b.extensions = {extension("citext", "1.6")};
  EXPECT_EQ(sqls(diff(a, b, {})),
            (std::vector<std::string>{"alter extension \"citext\" update to '1.6';"}));
  EXPECT_TRUE(diff(a, b, {.ignore_extension_versions = true}).empty());
  auto created = diff(base(), b, {.ignore_extension_versions = true});
  EXPECT_EQ(sqls(created), (std::vector<std::string>{
                               "create extension if not exists \"citext\" with schema \"public\";"}));
  auto dropped = diff(a, base(), {});
  EXPECT_TRUE(dropped.destructive());
}

}  // namespace
}  // namespace migra::diff
