create domain qty as integer not null;
create domain note as text default 'n/a';
create table t (q qty, n note);
