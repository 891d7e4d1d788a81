create type color as enum ('red', 'green', 'blue', 'mauve');
create domain warm as color check (value in ('red'));
create domain warm_not_null as warm not null;
create table paint (id int, c color, w warm, wn warm_not_null default 'red');
