create table t (id int);
comment on table t is E'back\\slash and ''quote'' and \nnewline';
comment on column t.id is $$dollar 'quoted' \ text$$;
