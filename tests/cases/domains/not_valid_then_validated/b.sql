create domain price as numeric;
alter domain price add constraint positive check (value >= 0) not valid;
create domain weight as numeric constraint positive check (value > 0);
create table t (p price, w weight);
