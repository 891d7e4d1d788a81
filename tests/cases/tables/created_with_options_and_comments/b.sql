create table t (id int) with (fillfactor = 70);
comment on table t is 'it''s a "table"';
comment on column t.id is 'the ''id''';
