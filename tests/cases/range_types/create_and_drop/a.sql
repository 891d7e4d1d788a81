create type oldrange as range (subtype = date);
create table t (id int, r oldrange);
