create domain qty as integer default 1;
create domain note as text not null;
create table t (q qty, n note);
