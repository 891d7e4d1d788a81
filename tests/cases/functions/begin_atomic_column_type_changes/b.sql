create table t (id int primary key, amount numeric);
create function total() returns bigint language sql stable begin atomic select sum(amount)::bigint from t; end;
