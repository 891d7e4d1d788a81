create table t (id int primary key, amount bigint);
create function total() returns numeric language sql stable begin atomic select sum(amount) from t; end;
create table u (id int primary key);
create function ucount() returns bigint language sql stable begin atomic select count(*) from u; end;
