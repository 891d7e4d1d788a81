// Hazards and order of constraint changes.
#include <gtest/gtest.h>

#include "table_models.h"

namespace migra::test {
namespace {

model::Table two_columns(std::string name) {
  return table(std::move(name), {column("id", "integer"), column("other_id", "integer")});
}

model::Constraint pk(const std::string& t) {
  return constraint(t, t + "_pkey", "primary key", "PRIMARY KEY (id)", {"id"});
}

model::Constraint fk(const std::string& t, const std::string& target, std::string definition) {
  auto c = constraint(t, t + "_fk", "foreign key", std::move(definition), {"other_id"});
  c.references = "\"public\".\"" + target + "\"";
  return c;
}

TEST(DiffConstraints, ForeignKeyIsAddedNotValidThenValidated) {
  auto key = fk("b", "a", "FOREIGN KEY (other_id) REFERENCES a(id)");
  auto p = plan_of(model_of({two_columns("a"), two_columns("b")}, {pk("a")}),
                   model_of({two_columns("a"), two_columns("b")}, {pk("a"), key}));
  ASSERT_EQ(p.statements.size(), 2u) << sql_of(p);
  EXPECT_EQ(p.statements[0].sql,
            "alter table \"public\".\"b\" add constraint \"b_fk\" FOREIGN KEY (other_id) REFERENCES a(id) not valid;");
  EXPECT_EQ(p.statements[0].lock, plan::Lock::share_row_exclusive);
  EXPECT_EQ(p.statements[1].sql, "alter table \"public\".\"b\" validate constraint \"b_fk\";");
  EXPECT_EQ(p.statements[1].lock, plan::Lock::share_update_exclusive);
  EXPECT_FALSE(p.destructive());
}

TEST(DiffConstraints, CycleOfNewTablesAddsKeysAfterBothTables) {
  auto p = plan_of(model_of({}),
                   model_of({two_columns("a"), two_columns("b")},
                            {pk("a"), pk("b"), fk("a", "b", "FOREIGN KEY (other_id) REFERENCES b(id)"),
                             fk("b", "a", "FOREIGN KEY (other_id) REFERENCES a(id)")}));
  int last_table = std::max(position(p, "create table \"public\".\"a\" (\n    \"id\" integer,\n    \"other_id\" integer\n);"),
                            position(p, "create table \"public\".\"b\" (\n    \"id\" integer,\n    \"other_id\" integer\n);"));
  int a_fk = position(p, "alter table \"public\".\"a\" add constraint \"a_fk\" FOREIGN KEY (other_id) REFERENCES b(id) not valid;");
  int b_pk = position(p, "alter table \"public\".\"b\" add constraint \"b_pkey\" PRIMARY KEY (id);");
  ASSERT_GE(last_table, 0) << sql_of(p);
  EXPECT_LT(last_table, a_fk);
  EXPECT_LT(b_pk, a_fk);
}

TEST(DiffConstraints, DroppingTablesThatReferenceEachOtherDropsTheKeysFirst) {
  auto p = plan_of(model_of({two_columns("a"), two_columns("b")},
                            {pk("a"), pk("b"), fk("a", "b", "FOREIGN KEY (other_id) REFERENCES b(id)"),
                             fk("b", "a", "FOREIGN KEY (other_id) REFERENCES a(id)")}),
                   model_of({}));
  int a_fk = position(p, "alter table \"public\".\"a\" drop constraint \"a_fk\";");
  int b_fk = position(p, "alter table \"public\".\"b\" drop constraint \"b_fk\";");
  int a = position(p, "drop table \"public\".\"a\";");
  int b = position(p, "drop table \"public\".\"b\";");
  ASSERT_GE(a_fk, 0) << sql_of(p);
  ASSERT_GE(b_fk, 0) << sql_of(p);
  EXPECT_LT(std::max(a_fk, b_fk), std::min(a, b));
  // The primary keys go with their tables.
  EXPECT_EQ(p.statements.size(), 4u) << sql_of(p);
}

TEST(DiffConstraints, ChangedActionsRecreateTheKey) {
  auto before = fk("b", "a", "FOREIGN KEY (other_id) REFERENCES a(id)");
  auto after = fk("b", "a", "FOREIGN KEY (other_id) REFERENCES a(id) ON DELETE CASCADE DEFERRABLE");
  after.deferrable = true;
  auto p = plan_of(model_of({two_columns("a"), two_columns("b")}, {pk("a"), before}),
                   model_of({two_columns("a"), two_columns("b")}, {pk("a"), after}));
  ASSERT_EQ(p.statements.size(), 3u) << sql_of(p);
  EXPECT_EQ(p.statements[0].sql, "alter table \"public\".\"b\" drop constraint \"b_fk\";");
  EXPECT_TRUE(p.statements[0].destructive);
  EXPECT_EQ(p.statements[0].lock, plan::Lock::access_exclusive);
}

TEST(DiffConstraints, NotValidBecomingValidOnlyValidates) {
  auto before = constraint("a", "a_check", "check", "CHECK ((id > 0)) NOT VALID", {"id"});
  before.validated = false;
  auto after = constraint("a", "a_check", "check", "CHECK ((id > 0))", {"id"});
  auto p = plan_of(model_of({two_columns("a")}, {before}), model_of({two_columns("a")}, {after}));
  ASSERT_EQ(p.statements.size(), 1u) << sql_of(p);
  EXPECT_EQ(p.statements[0].sql, "alter table \"public\".\"a\" validate constraint \"a_check\";");
  EXPECT_EQ(p.statements[0].lock, plan::Lock::share_update_exclusive);
  EXPECT_FALSE(p.destructive());
}

TEST(DiffConstraints, PrimaryKeyRecreatedTakesForeignKeysAlong) {
  auto with_include = constraint("a", "a_pkey", "primary key", "PRIMARY KEY (id) INCLUDE (other_id)", {"id"});
  auto key = fk("b", "a", "FOREIGN KEY (other_id) REFERENCES a(id)");
  auto p = plan_of(model_of({two_columns("a"), two_columns("b")}, {pk("a"), key}),
                   model_of({two_columns("a"), two_columns("b")}, {with_include, key}));
  int drop_fk = position(p, "alter table \"public\".\"b\" drop constraint \"b_fk\";");
  int drop_pk = position(p, "alter table \"public\".\"a\" drop constraint \"a_pkey\";");
  int add_pk = position(p, "alter table \"public\".\"a\" add constraint \"a_pkey\" PRIMARY KEY (id) INCLUDE (other_id);");
  int add_fk = position(p, "alter table \"public\".\"b\" add constraint \"b_fk\" FOREIGN KEY (other_id) REFERENCES a(id) not valid;");
  ASSERT_GE(drop_fk, 0) << sql_of(p);
  EXPECT_LT(drop_fk, drop_pk);
  EXPECT_LT(drop_pk, add_pk);
  EXPECT_LT(add_pk, add_fk);
}

TEST(DiffConstraints, UniqueConstraintBecomingAnIndex) {
  auto unique = constraint("a", "a_id_key", "unique", "UNIQUE (id)", {"id"});
  auto backing = index("a", "a_id_key", "CREATE UNIQUE INDEX a_id_key ON public.a USING btree (id)", {"id"});
  backing.unique = true;
  backing.constraint = "a_id_key";
  auto plain = backing;
  plain.constraint.reset();
  auto p = plan_of(model_of({two_columns("a")}, {unique}, {backing}),
                   model_of({two_columns("a")}, {}, {plain}));
  ASSERT_EQ(p.statements.size(), 2u) << sql_of(p);
  EXPECT_EQ(p.statements[0].sql, "alter table \"public\".\"a\" drop constraint \"a_id_key\";");
  EXPECT_EQ(p.statements[1].sql, "CREATE UNIQUE INDEX a_id_key ON public.a USING btree (id);");

  auto back = plan_of(model_of({two_columns("a")}, {}, {plain}),
                      model_of({two_columns("a")}, {unique}, {backing}));
  ASSERT_EQ(back.statements.size(), 2u) << sql_of(back);
  EXPECT_EQ(back.statements[0].sql, "drop index if exists \"public\".\"a_id_key\";");
  EXPECT_EQ(back.statements[1].sql, "alter table \"public\".\"a\" add constraint \"a_id_key\" UNIQUE (id);");
}

}  // namespace
}  // namespace migra::test

namespace migra::test {
namespace {

TEST(DiffConstraints, ForeignKeyOnAPartitionedTableIsAddedValid) {
  auto parent = two_columns("p");
  parent.partitioned = true;
  parent.partition_key = "RANGE (id)";
  auto key = fk("p", "a", "FOREIGN KEY (other_id) REFERENCES a(id)");
  auto p = plan_of(model_of({two_columns("a"), parent}, {pk("a")}),
                   model_of({two_columns("a"), parent}, {pk("a"), key}));
  ASSERT_EQ(p.statements.size(), 1u) << sql_of(p);
  EXPECT_EQ(p.statements[0].sql,
            "alter table \"public\".\"p\" add constraint \"p_fk\" FOREIGN KEY (other_id) REFERENCES a(id);");
}

}  // namespace
}  // namespace migra::test
