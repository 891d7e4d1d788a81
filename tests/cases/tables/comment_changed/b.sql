create table t (id int);
comment on table t is 'new \ with backslash and ''quote''';
