-- A column grant and a column comment on the referenced table must not delay its
-- primary key past the foreign key that needs it.
create table t9 (c12 text, c14 int, constraint k16 primary key (c12));
create table t25 (c29 text);
alter table t25 add constraint k32 foreign key (c29) references t9 (c12);
comment on column t9.c14 is 'note';
grant references (c14) on table t9 to schemainspect_test_role;
