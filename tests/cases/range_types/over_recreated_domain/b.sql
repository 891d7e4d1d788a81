create domain small as bigint check (value < 1000);
create type smallrange as range (subtype = small);
create table t (r smallrange, rs smallmultirange);
insert into t values ('[1,5)', '{[1,2)}');
