create table t (id int primary key, amount int);
create function total() returns bigint language sql stable begin atomic select sum(amount) from t; end;
