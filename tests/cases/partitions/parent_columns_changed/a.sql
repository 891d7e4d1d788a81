create table p (id int, v int, g int generated always as (v * 2) stored) partition by list (id);
create table p_1 partition of p for values in (1);
insert into p values (1, 5);
