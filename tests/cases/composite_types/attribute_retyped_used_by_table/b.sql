create type measure as (value bigint, unit text);
create table reading (id int, m measure default (0, 'm'), ms measure[]);
insert into reading values (1, (5, 'kg'), array[(1, 'g')::measure]), (2, null, null), (3, (null, null), '{}');
create function bigger(measure, measure) returns measure language sql immutable as $$ select case when ($1).value > ($2).value then $1 else $2 end $$;
alter table reading add constraint converted check (
  (id <> 1 or ((m).value = 5 and (ms[1]).unit = 'g')) and (id <> 2 or m::text is null)
  and (id <> 3 or m::text = '(,)'));
