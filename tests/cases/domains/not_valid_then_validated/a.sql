create domain price as numeric;
create domain weight as numeric;
alter domain weight add constraint positive check (value > 0) not valid;
create table t (p price, w weight);
