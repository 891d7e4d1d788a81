create table t (a int, b text);
comment on column t.b is 'b''s "note"';
