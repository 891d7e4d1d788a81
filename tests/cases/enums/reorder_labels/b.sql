create type prio as enum ('low', 'medium', 'high');
create table task (id int, p prio default 'low', ps prio[]);
insert into task values (1, 'high', '{low,high}');
create view urgent as select id from task where p > 'low';
