create domain code as text
  constraint keep check (value <> '')
  constraint change_me check (length(value) < 20)
  constraint added check (value = upper(value));
create table t (c code);
insert into t values ('ABC');
