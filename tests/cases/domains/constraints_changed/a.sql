create domain code as text
  constraint keep check (value <> '')
  constraint change_me check (length(value) < 10)
  constraint drop_me check (value !~ '\s');
create table t (c code);
insert into t values ('ABC');
