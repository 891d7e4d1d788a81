create function add_it(s int, v int) returns int language sql immutable as 'select s + v';
create aggregate total(int) (sfunc = add_it, stype = int, initcond = '10');
create aggregate fresh(int) (sfunc = add_it, stype = int, initcond = '1');
create table t (v int);
create view v as select total(v) as s from t;
